package com.replyguard.managerapi;

import java.util.Map;

/**
 * The Chinese names a CSV in {@code ?lang=zh} shows for the API's codes: the same words the console
 * shows on screen (functions/console/web/src/messages.js; ChineseNamesTest holds the two together).
 */
final class ChineseNames {
    private ChineseNames() {
    }

    static final Map<String, String> CHANNELS = Map.of("LIVE_COMMENT", "直播间评论", "DIRECT_MESSAGE", "私信", "CS_CHAT", "客服会话",
            "HOTLINE", "热线", "EMAIL", "邮件");

    static final Map<String, String> CLOCKS = Map.of("FIRST_REPLY", "首次回复", "NEXT_REPLY", "后续回复", "HANDOFF", "主播转交",
            "HANDOFF_PICKUP", "转交接待", "RESOLUTION", "问题解决", "PROGRESS_UPDATE", "进度更新", "SUPERVISOR_GUIDANCE", "上级指导",
            "CLOSING_FOLLOW_UP", "结束前询问");

    static final Map<String, String> LEVELS = Map.of("GOOD", "良好", "WARNING", "警告", "DEDUCTION", "扣分",
            "DISMISSAL_REVIEW", "辞退评估");

    static final Map<String, String> STATUSES = Map.of("RUNNING", "计时中", "AT_RISK", "即将超时", "BREACHED", "已超时", "MET", "已达标");

    static final Map<String, String> VERDICTS = Map.of("barred", "不达标（将被限制活动）", "atRisk", "有风险", "passing", "达标");

    static final Map<String, String> METRICS = Map.of("firstReply2Min", "2分钟首次回复率", "reply3Min", "3分钟回复率",
            "satisfaction", "满意度");

    /** Top categories, R24 subtypes and "-" (no category). */
    static final Map<String, String> CATEGORIES = Map.ofEntries(Map.entry("PRODUCT_QUALITY", "商品质量"),
            Map.entry("LOGISTICS", "物流"), Map.entry("PROMOTION", "宣传"), Map.entry("RETURN", "退换货"), Map.entry("SERVICE", "服务"),
            Map.entry("-", "未分类"), Map.entry("PRODUCT_QUALITY_DEFECT", "质量缺陷"),
            Map.entry("PRODUCT_QUALITY_PERFORMANCE_MISMATCH", "性能不符"), Map.entry("PRODUCT_QUALITY_COUNTERFEIT", "疑似假货"),
            Map.entry("LOGISTICS_NOT_RECEIVED", "未收到货"), Map.entry("LOGISTICS_DAMAGED", "运输破损"), Map.entry("LOGISTICS_LATE", "物流延迟"),
            Map.entry("PROMOTION_FALSE_ADVERTISING", "虚假宣传"), Map.entry("PROMOTION_MISLEADING_EXPLANATION", "讲解误导"),
            Map.entry("RETURN_NO_REASON", "七天无理由"), Map.entry("RETURN_QUALITY", "质量退货"), Map.entry("RETURN_PROCESS_TROUBLE", "退款流程问题"),
            Map.entry("SERVICE_ATTITUDE", "服务态度"), Map.entry("SERVICE_SLOW_RESPONSE", "回复太慢"),
            Map.entry("SERVICE_UNHAPPY_OUTCOME", "处理结果不满"));

    /** The group families of the reports' {@code groupBy} and how their keys read; an agent's key is their id. */
    static final Map<String, String> GROUPINGS = Map.of("agent", "坐席", "channel", "渠道", "category", "问题类型",
            "channelCategory", "渠道/问题类型");

    /** A group's key in Chinese: a channel, a category, channel/category, or an agent's id as it is. */
    static String groupKey(String family, String key) {
        return switch (family) {
            case "channel" -> CHANNELS.getOrDefault(key, key);
            case "category" -> CATEGORIES.getOrDefault(key, key);
            case "channelCategory" -> {
                int slash = key.indexOf('/');
                yield slash < 0 ? key : CHANNELS.getOrDefault(key.substring(0, slash), key.substring(0, slash)) + "/"
                        + CATEGORIES.getOrDefault(key.substring(slash + 1), key.substring(slash + 1));
            }
            default -> key;
        };
    }
}
