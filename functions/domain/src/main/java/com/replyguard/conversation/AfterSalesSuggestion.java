package com.replyguard.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * R24: an automatic suggestion of a customer message's after-sales subtype, from its Chinese text
 * (read at ingest, never stored), with a confidence in percent. A manager's classification
 * ({@code conversation.classified}, or {@code PUT .../conversations/{c}/category}) always wins.
 *
 * <p>Scoring: every cue found adds its weight to its subtype; a cue preceded within two characters
 * by a negation (不/没/别/无 - except where the negation is part of the cue) does not count.
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

    private record Cue(String text, AfterSalesCategory category, int weight) {
    }

    private static final List<Cue> CUES = cues(Map.ofEntries(
            Map.entry(AfterSalesCategory.PRODUCT_QUALITY_DEFECT, new String[] {"坏了:3", "质量问题:3", "不能用:3", "故障:3", "有瑕疵:3", "开线:2", "漏水:3", "用不了:3"}),
            Map.entry(AfterSalesCategory.PRODUCT_QUALITY_PERFORMANCE_MISMATCH, new String[] {"和描述不符:4", "跟描述不一样:4", "效果不好:2", "没有效果:3", "跟直播间不一样:3", "色差:3", "尺码不对:2"}),
            Map.entry(AfterSalesCategory.PRODUCT_QUALITY_COUNTERFEIT, new String[] {"假货:4", "假的:3", "不是正品:4", "仿品:4", "高仿:4"}),
            Map.entry(AfterSalesCategory.LOGISTICS_NOT_RECEIVED, new String[] {"没收到:4", "没有收到:4", "还没到:3", "显示签收但:4", "丢件:4"}),
            Map.entry(AfterSalesCategory.LOGISTICS_DAMAGED, new String[] {"破了:3", "碎了:4", "压坏:4", "破损:4", "摔坏:4", "包装烂:3"}),
            Map.entry(AfterSalesCategory.LOGISTICS_LATE, new String[] {"物流太慢:4", "还没发货:4", "怎么还没发:4", "几天了还没:3", "物流不动:4", "快递慢:3"}),
            Map.entry(AfterSalesCategory.PROMOTION_FALSE_ADVERTISING, new String[] {"虚假宣传:5", "骗人:2", "夸大:3", "虚假:3"}),
            Map.entry(AfterSalesCategory.PROMOTION_MISLEADING_EXPLANATION, new String[] {"主播说:3", "直播间说:3", "误导:4", "讲解:2"}),
            Map.entry(AfterSalesCategory.RETURN_NO_REASON, new String[] {"七天无理由:5", "7天无理由:5", "不想要了:4", "拍错了:3", "退货:2"}),
            Map.entry(AfterSalesCategory.RETURN_QUALITY, new String[] {"质量问题退:5", "换货:3", "换一个:3", "退换:2"}),
            Map.entry(AfterSalesCategory.RETURN_PROCESS_TROUBLE, new String[] {"退款还没到:5", "退不了:4", "申请不了退:4", "退货地址:3", "退款进度:4", "审核不通过:3"}),
            Map.entry(AfterSalesCategory.SERVICE_ATTITUDE, new String[] {"态度:3", "不耐烦:4", "爱答不理:4", "凶:2"}),
            Map.entry(AfterSalesCategory.SERVICE_SLOW_RESPONSE, new String[] {"回复太慢:5", "没人回:4", "客服呢:3", "等了半天:3", "怎么不回:4"}),
            Map.entry(AfterSalesCategory.SERVICE_UNHAPPY_OUTCOME, new String[] {"不满意:3", "投诉:3", "处理结果:3", "不接受:3"})));

    private static List<Cue> cues(Map<AfterSalesCategory, String[]> table) {
        List<Cue> cues = new ArrayList<>();
        table.forEach((category, list) -> {
            for (String entry : list) {
                int colon = entry.lastIndexOf(':');
                cues.add(new Cue(entry.substring(0, colon), category, Integer.parseInt(entry.substring(colon + 1))));
            }
        });
        // longest cue first, so "质量问题退" is read before "质量问题" at the same place
        cues.sort((a, b) -> b.text().length() != a.text().length() ? b.text().length() - a.text().length()
                : a.text().compareTo(b.text()));
        return List.copyOf(cues);
    }

    /** The suggestion for a message's text; empty when no cue is found or the evidence is too thin. */
    public static Optional<AfterSalesSuggestion> of(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        int[] score = new int[AfterSalesCategory.values().length];
        boolean[] taken = new boolean[text.length()];
        int total = 0;
        for (Cue cue : CUES) {
            for (int at = text.indexOf(cue.text()); at >= 0; at = text.indexOf(cue.text(), at + 1)) {
                if (overlaps(taken, at, cue.text().length()) || negated(text, at)) {
                    continue;
                }
                for (int i = at; i < at + cue.text().length(); i++) {
                    taken[i] = true;
                }
                score[cue.category().ordinal()] += cue.weight();
                total += cue.weight();
            }
        }
        if (total == 0) {
            return Optional.empty();
        }
        int best = 0;
        for (int i = 1; i < score.length; i++) {
            if (score[i] > score[best]) {
                best = i;
            }
        }
        // share of the evidence, scaled by how much evidence there is (weight 5 or more: full)
        int confidence = score[best] * 100 / total * Math.min(6, score[best] + 1) / 6;
        return confidence < MINIMUM_CONFIDENCE ? Optional.empty()
                : Optional.of(new AfterSalesSuggestion(AfterSalesCategory.values()[best], Math.min(100, confidence)));
    }

    private static boolean overlaps(boolean[] taken, int at, int length) {
        for (int i = at; i < at + length; i++) {
            if (taken[i]) {
                return true;
            }
        }
        return false;
    }

    private static boolean negated(String text, int at) {
        for (int i = Math.max(0, at - 2); i < at; i++) {
            char c = text.charAt(i);
            if (c == '不' || c == '没' || c == '别' || c == '无') {
                return true;
            }
        }
        return false;
    }
}
