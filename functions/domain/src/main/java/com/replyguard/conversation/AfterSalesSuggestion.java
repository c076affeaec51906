package com.replyguard.conversation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * R24: an automatic suggestion of a customer message's after-sales subtype, from its Chinese text
 * (read at ingest, never stored), with a confidence in percent. A manager's classification
 * ({@code conversation.classified}, or {@code PUT .../conversations/{c}/category}) always wins.
 *
 * <p>Reading: the text is read clause by clause as {@link MessageReading} describes; a cue counts
 * only when the customer states it - not denied (没坏), hedged (怕压坏, 如果不合适), asked about (会漏水吗)
 * or in a set expression. Every cue found adds its weight to its subtype, with three kinds of cue
 * that depend on the rest of the message:
 * <ul>
 * <li>a <b>return or exchange request</b> (退货, 退款, 换一个 …; it counts asked too: 能退吗) adds
 * weight 1 to the return subtype the message gives a reason for (the one with the most evidence),
 * else to RETURN_NO_REASON (RETURN_QUALITY for an exchange) - a bare "我要退货" is too thin to suggest;
 * <li>with a request or any return cue in the message, <b>defect</b> cues count for RETURN_QUALITY
 * (坏了，给我换一个) and <b>waiting</b> cues (没人处理, 等了半天, 几天了还没) for RETURN_PROCESS_TROUBLE
 * (退货申请提交了三天没人处理); without one, waiting counts for LOGISTICS_LATE when the message speaks
 * of a shipment, else for SERVICE_SLOW_RESPONSE.
 * </ul>
 * Confidence = the best subtype's share of all cue weight found, scaled down when the evidence is
 * thin: times (weight + 1) / 6 up to a weight of 5, so one cue of weight 3 gives at most 66 and
 * one of weight 2 at most 50. Below 40 no suggestion is made.
 */
public record AfterSalesSuggestion(AfterSalesCategory category, int confidence) {
    public static final int MINIMUM_CONFIDENCE = 40;

    public AfterSalesSuggestion {
        Objects.requireNonNull(category, "category");
        if (confidence < 0 || confidence > 100) {
            throw new IllegalArgumentException("confidence is a percentage, got " + confidence);
        }
    }

    private enum Role { FACT, WAITING, RETURN_REQUEST, EXCHANGE_REQUEST }

    private record Cue(String text, AfterSalesCategory category, int weight, Role role) {
    }

    private static final Map<AfterSalesCategory, String[]> FACTS = facts();

    /** Waiting: strengthens whatever is waited for (a return, a shipment, a reply). */
    private static final String[] WAITING = {"没人处理:3", "一直没处理:3", "还没处理:3", "没人管:3", "等了半天:2", "等了好久:2",
        "等好久:2", "等了很久:2", "几天了还没:3", "好多天:2", "好几天:2", "天了:2", "小时了:2",
        "个小时:2", "一直没变:2", "没人来:2", "一个星期:2", "一周:2"};
    private static final String[] RETURN_REQUESTS = {"退货:1", "退款:1", "退掉:1", "退了:1", "想退:1", "要退:1", "能退:1",
        "申请退:1", "退回:1", "退钱:1", "退一件:1", "申请售后:1"};
    private static final String[] EXCHANGE_REQUESTS = {"换货:1", "换一:1", "换个:1", "退换:1", "换新:1", "给我换:1"};

    private static Map<AfterSalesCategory, String[]> facts() {
        Map<AfterSalesCategory, String[]> m = new EnumMap<>(AfterSalesCategory.class);
        m.put(AfterSalesCategory.PRODUCT_QUALITY_DEFECT, new String[] {
            "坏了:3", "坏掉:3", "坏的:3", "就坏:3", "质量问题:3", "质量有问题:3", "质量太差:3", "质量差:3", "质量很差:3",
            "质量不行:3", "做工差:3", "劣质:3", "不能用:3", "用不了:3", "没法用:3", "不好用:2", "故障:3", "有瑕疵:3",
            "瑕疵:3", "开线:3", "脱线:3", "开胶:3", "脱胶:3", "漏水:3", "裂缝:3", "裂了:3", "开裂:3", "有裂:3", "断了:3",
            "就断:3", "就烂:3", "就破:3", "就不行:3", "破洞:3", "掉色:3", "褪色:3", "掉漆:3", "起球:3", "生锈:3", "发霉:3",
            "霉了:3", "变质:3", "过期:3", "异味:3", "刺鼻:3", "没反应:3", "充不进电:3", "充不上电:3", "开不了机:3",
            "打不开:3", "不工作:3", "失灵:3", "死机:3", "黑屏:3", "坏点:3", "接触不良:3", "线头:2", "拉不上:3", "卡住:2",
            "过敏:3", "红肿:3", "起疹:3", "疹子:3", "痒:2", "刺痛:3", "烂脸:3", "拉肚子:3", "漏电:3", "冒烟:3", "烧了:3", "烧坏:3", "缩水:3", "没声音:3", "没有声音:3", "不亮:3", "缝线:2", "线开了:3", "线全开:3", "脂肪粒:3", "长痘:3", "闷痘:3", "爆痘:3", "满脸痘:3", "裂痕:3", "不转:3", "停转:3"});
        m.put(AfterSalesCategory.PRODUCT_QUALITY_PERFORMANCE_MISMATCH, new String[] {
            "和描述不符:4", "与描述不符:4", "描述不符:4", "跟描述不一样:4", "和描述不一样:4", "货不对板:4", "不一样:2", "实物:2",
            "色差:3", "尺码不对:2", "尺码偏小:3", "尺码偏大:3", "偏小:2", "偏大:2", "效果不好:2", "没有效果:3", "没效果:3",
            "效果都没有:3", "没什么效果:3", "不保温:3", "不是纯棉:3", "像化纤:3", "差太多:2", "差很多:2", "说是:3", "实际:2", "标的:2", "标注:2", "比图片:3", "两个颜色:2", "完全不是:2", "只有一半:2", "透光:2", "太薄:2", "薄得:2", "说好的:2"});
        m.put(AfterSalesCategory.PRODUCT_QUALITY_COUNTERFEIT, new String[] {
            "假货:4", "假的:3", "不是正品:4", "仿品:4", "高仿:4", "山寨:4", "a货:4", "冒牌:4", "假冒:4", "盗版:4",
            "防伪码查不到:4", "防伪查不到:4", "专柜验:3", "鉴定是假:4", "仿的:4", "跟正品:3", "已被查询:4", "查询多次:3", "防伪码:2", "三无:4", "生产日期都没有:3", "没有生产日期:3", "不是真的:3", "鉴定:2"});
        m.put(AfterSalesCategory.LOGISTICS_NOT_RECEIVED, new String[] {
            "没收到:4", "没有收到:4", "未收到:4", "没拿到:3", "显示签收:3", "显示已签收:3", "已签收:2", "显示派送:2", "丢件:4",
            "丢了:3", "被别人拿走:4", "被人拿走:4", "拿走了:2", "冒领:4", "少发:3", "漏发:3", "少了一件:3", "还没到:3", "已送达:2", "显示送达:3", "没见着:3", "没见到:3", "没看到:2", "什么都没有:2", "没有我的包裹:4", "驿站:2", "包裹:1", "没有我的:3", "快递柜:1"});
        m.put(AfterSalesCategory.LOGISTICS_DAMAGED, new String[] {
            "破了:3", "碎了:4", "碎的:3", "压坏:4", "破损:4", "摔坏:4", "摔碎:4", "包装烂:3", "外包装:2", "包装破:3",
            "盒子破:3", "箱子破:3", "压扁:4", "压变形:4", "磕坏:3", "磕碰:3", "凹了:3", "瘪了:3", "洒了:3", "撒了:3",
            "暴力:3", "烂了:2", "在路上:2", "压得:3", "稀烂:3", "缺了个角:3", "缺角:3", "扔:2", "变形:2", "湿透:2", "泡了:2", "进水:2", "外箱:2", "纸箱:1", "裂成:2", "泡沫:2", "到手就:2", "被压:3", "压塌:4", "散架:3", "运过来:2"});
        m.put(AfterSalesCategory.LOGISTICS_LATE, new String[] {
            "物流太慢:4", "物流慢:4", "快递慢:3", "快递太慢:4", "还没发货:4", "还不发货:4", "怎么还没发:4", "还没发:3",
            "一直不发货:4", "不发货:3", "迟迟不发:4", "没发货:3", "未发货:3", "物流不动:4", "没更新:3", "不更新:3",
            "没有物流:3", "没物流:3", "运输中:2", "一直在路上:3", "走了好多天:3", "催发货:4", "催:2", "发货:1",
            "48小时:2", "超时:2", "延迟:2", "待发货:3", "卡在:3", "中转站:2", "次日达:2", "揽收:3", "没揽收:3", "没有揽收:3", "未揽收:3", "停了:2", "停在:3"});
        m.put(AfterSalesCategory.PROMOTION_FALSE_ADVERTISING, new String[] {
            "虚假宣传:5", "虚假广告:5", "虚假:3", "夸大:3", "夸大宣传:5", "骗人:3", "欺骗:3", "欺骗消费者:5", "忽悠:3",
            "坑人:2", "骗子:3", "标题党:3", "标题写:2", "宣传的:2", "广告上说:3", "广告说:3", "宣传说:3", "原价:2",
            "没打折:2", "说好的赠品:4", "赠品:2", "买一送一:2", "秒杀:2", "限时:2", "更便宜:3", "降价:2", "骗:2", "广告里:3", "广告上:3", "直播间宣传:3", "宣传:2", "最低价:3", "全网最低:4", "便宜:1"});
        m.put(AfterSalesCategory.PROMOTION_MISLEADING_EXPLANATION, new String[] {
            "主播说:4", "主播明明说:5", "直播间说:3", "主播讲的:3", "讲解:2", "误导:4", "没讲清楚:4", "没说清楚:4",
            "没说明:3", "没说要:3", "没告诉:3", "主播没说:4", "主播的介绍:4", "听了主播:4", "主播推荐:3", "主播承诺:4",
            "主播保证:4", "主播介绍:4", "主播没提:4", "没提:3", "主播演示:4", "演示:2", "主播:1", "直播的时候:2", "主播当时:4", "不清不楚:4", "直播里说:3", "主播试用:4"});
        m.put(AfterSalesCategory.RETURN_NO_REASON, new String[] {
            "七天无理由:5", "7天无理由:5", "无理由:4", "不想要了:4", "不想要:4", "不要了:3", "拍错了:4", "拍错:4",
            "买错:4", "买多了:4", "买重复:4", "多拍了:4", "不喜欢:3", "不合适:3", "买小了:3", "买大了:3", "用不上:3",
            "不需要了:3", "换大一码:3", "换小一码:3", "换个颜色:3", "换个尺码:3", "冲动:3", "用不着:3", "七天内:3", "没选对:3", "选错:3", "重新拍:3", "太贵:2", "不划算:2"});
        m.put(AfterSalesCategory.RETURN_QUALITY, new String[] {
            "质量问题退:5", "质量原因退:5", "换一个新的:3", "换个新的:3"});
        m.put(AfterSalesCategory.RETURN_PROCESS_TROUBLE, new String[] {
            "退款还没到:5", "退款没到:5", "钱还没到:4", "没到账:4", "还没到账:4", "退不了:4", "申请不了退:4", "申请不了:3",
            "点不了:3", "报错:2", "退货地址:3", "退回来了:3", "退款进度:4", "审核不通过:3", "驳回:4", "拒绝退款:5",
            "不给退:4", "不给退款:4", "不同意退:4", "退货申请:3", "退款申请:3", "售后申请:3", "寄回去:2", "寄回:2",
            "退回去:2", "没人审核:4", "商家不处理:3", "没退回来:4", "钱没退:4", "同意退款:2", "快递单号:2", "单号:1", "取件:3", "报销:3", "没报销:4", "没给我报销:4", "不给报销:4"});
        m.put(AfterSalesCategory.SERVICE_ATTITUDE, new String[] {
            "态度差:4", "态度太差:5", "态度很差:5", "态度不好:4", "态度恶劣:5", "什么态度:5", "这态度:4", "态度有问题:4",
            "不耐烦:4", "爱答不理:4", "爱理不理:4", "凶:2", "骂人:4", "骂谁:4", "骂我:4", "敷衍:4", "阴阳怪气:4",
            "不礼貌:4", "没礼貌:4", "没素质:4", "怼我:3", "复制粘贴:3", "甩脸:3", "很冲:3", "说话冲:4", "挂我电话:4", "挂电话:3", "不专业:3", "被客服教育:4", "教育:2", "只会说:3", "推卸:4", "推脱:4", "踢皮球:4", "难听:4"});
        m.put(AfterSalesCategory.SERVICE_SLOW_RESPONSE, new String[] {
            "回复太慢:5", "回复慢:4", "回得慢:4", "回的慢:4", "回消息慢:4", "没人回:4", "没人理:4", "没人回复:4",
            "不回复:4", "不回消息:4", "不回:3", "怎么不回:4", "客服呢:3", "人呢:3", "有人吗:2", "半天不回:4",
            "机器人回复:3", "一直是机器人:4", "找不到人:3", "都没回:4", "没回:3", "没人说话:4", "不在线:4", "转了人工:2", "没人搭理:4", "不搭理:4", "回一句:3", "没人接:4"});
        m.put(AfterSalesCategory.SERVICE_UNHAPPY_OUTCOME, new String[] {
            "不满意:3", "处理结果:3", "不接受:4", "不能接受:4", "接受不了:4", "没解决:3", "还是没解决:4", "失望:2",
            "不同意:3", "不合理:3", "补偿:2", "只退:2", "投诉:2", "这样处理:3", "不认可:4", "给的方案:2", "没有解决:3", "处理的什么:3", "赔:2", "补发:2", "让人失望:3", "凭什么:3", "自己承担:3"});
        return m;
    }

    private static final List<Cue> CUES = cues();
    private static final Map<String, Cue> BY_TEXT = byText(CUES);
    private static final List<String> PHRASES = MessageReading.prepare(BY_TEXT.keySet());

    private static List<Cue> cues() {
        List<Cue> cues = new ArrayList<>();
        FACTS.forEach((category, list) -> add(cues, list, category, Role.FACT));
        add(cues, WAITING, AfterSalesCategory.SERVICE_SLOW_RESPONSE, Role.WAITING);
        add(cues, RETURN_REQUESTS, AfterSalesCategory.RETURN_NO_REASON, Role.RETURN_REQUEST);
        add(cues, EXCHANGE_REQUESTS, AfterSalesCategory.RETURN_QUALITY, Role.EXCHANGE_REQUEST);
        return List.copyOf(cues);
    }

    private static void add(List<Cue> cues, String[] list, AfterSalesCategory category, Role role) {
        for (String entry : list) {
            int colon = entry.lastIndexOf(':');
            cues.add(new Cue(MessageReading.normalize(entry.substring(0, colon)), category,
                    Integer.parseInt(entry.substring(colon + 1)), role));
        }
    }

    private static Map<String, Cue> byText(List<Cue> cues) {
        Map<String, Cue> m = new HashMap<>();
        for (Cue c : cues) {
            Cue before = m.putIfAbsent(c.text(), c);
            if (before != null) {
                throw new IllegalStateException("cue " + c.text() + " is listed twice");
            }
        }
        return Map.copyOf(m);
    }

    /** The suggestion for a message's text; empty when no cue is found or the evidence is too thin. */
    public static Optional<AfterSalesSuggestion> of(String text) {
        int[] score = new int[AfterSalesCategory.values().length];
        int waiting = 0;
        boolean request = false;
        boolean exchange = false;
        for (MessageReading.Found f : MessageReading.DEFAULT.find(text, PHRASES)) {
            Cue cue = BY_TEXT.get(f.phrase());
            boolean said = f.stance() == MessageReading.Stance.SAID;
            switch (cue.role()) {
                case FACT -> score[cue.category().ordinal()] += said ? cue.weight() : 0;
                case WAITING -> waiting += said ? cue.weight() : 0;
                case RETURN_REQUEST, EXCHANGE_REQUEST -> {
                    // a request counts asked too: "能退吗" after a purchase asks to return
                    if (said || f.stance() == MessageReading.Stance.ASKED) {
                        request = true;
                        exchange |= cue.role() == Role.EXCHANGE_REQUEST;
                    }
                }
                default -> throw new IllegalStateException(cue.role().name());
            }
        }
        boolean returning = request || returnEvidence(score) > 0;
        if (returning) {
            move(score, AfterSalesCategory.PRODUCT_QUALITY_DEFECT, AfterSalesCategory.RETURN_QUALITY);
        }
        if (waiting > 0) {
            AfterSalesCategory waitedFor = returning ? AfterSalesCategory.RETURN_PROCESS_TROUBLE
                    : score[AfterSalesCategory.LOGISTICS_LATE.ordinal()] + score[AfterSalesCategory.LOGISTICS_NOT_RECEIVED.ordinal()] > 0
                            ? AfterSalesCategory.LOGISTICS_LATE : AfterSalesCategory.SERVICE_SLOW_RESPONSE;
            score[waitedFor.ordinal()] += waiting;
        }
        if (request) {
            score[requested(score, exchange).ordinal()] += 1;
        }
        int total = 0;
        int best = 0;
        for (int i = 0; i < score.length; i++) {
            total += score[i];
            best = score[i] > score[best] ? i : best;
        }
        if (total == 0) {
            return Optional.empty();
        }
        // share of the evidence, scaled by how much evidence there is (weight 5 or more: full)
        int confidence = score[best] * 100 / total * Math.min(6, score[best] + 1) / 6;
        return confidence < MINIMUM_CONFIDENCE ? Optional.empty()
                : Optional.of(new AfterSalesSuggestion(AfterSalesCategory.values()[best], Math.min(100, confidence)));
    }

    private static final List<AfterSalesCategory> RETURNS = List.of(AfterSalesCategory.RETURN_NO_REASON,
            AfterSalesCategory.RETURN_QUALITY, AfterSalesCategory.RETURN_PROCESS_TROUBLE);

    private static int returnEvidence(int[] score) {
        return RETURNS.stream().mapToInt(c -> score[c.ordinal()]).sum();
    }

    /** The return subtype a request is for: the one with the most evidence, else no reason (an exchange: quality). */
    private static AfterSalesCategory requested(int[] score, boolean exchange) {
        AfterSalesCategory best = null;
        for (AfterSalesCategory c : RETURNS) {
            if (score[c.ordinal()] > 0 && (best == null || score[c.ordinal()] > score[best.ordinal()])) {
                best = c;
            }
        }
        return best != null ? best : exchange ? AfterSalesCategory.RETURN_QUALITY : AfterSalesCategory.RETURN_NO_REASON;
    }

    private static void move(int[] score, AfterSalesCategory from, AfterSalesCategory to) {
        score[to.ordinal()] += score[from.ordinal()];
        score[from.ordinal()] = 0;
    }
}
