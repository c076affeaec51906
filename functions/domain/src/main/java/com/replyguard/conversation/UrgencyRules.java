package com.replyguard.conversation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * R9: finds urgent customer messages - product-quality complaints and demands to handle an order
 * at once - in their Chinese text. A term counts unless a negation or a hedge ("不", "没有",
 * "会不会", "怕" …) stands just before it, so a pre-sales question like "会不会过敏？" or a calm
 * "不急" is not urgent. Merchants extend the terms (and negations) in their policy; an event's own
 * {@code urgent} flag always overrides detection.
 */
public final class UrgencyRules {
    /** Quality complaints (R9, R24 product quality) and demands for immediate handling. */
    public static final List<String> DEFAULT_TERMS = List.of(
            // product quality: broken, leaking, allergic reaction, fake, spoiled, unusable
            "质量问题", "质量有问题", "坏了", "坏的", "破了", "破的", "破损", "碎了", "压坏", "漏液", "漏了", "过敏",
            "假货", "假的", "发霉", "变质", "异味", "臭了", "用不了", "不能用", "有瑕疵", "烂了", "少发", "漏发", "发错",
            // handle it now
            "马上处理", "立刻处理", "立即处理", "尽快处理", "赶紧处理", "给我处理", "现在就处理", "今天必须", "马上给我",
            "马上改", "赶紧帮我", "立刻", "立即", "十万火急", "急死", "很急", "着急", "投诉", "12315", "曝光");
    /** Words that, just before a term, make it a question or a denial instead of a complaint. */
    public static final List<String> DEFAULT_NEGATIONS = List.of(
            "不", "没", "没有", "无", "别", "会不会", "是否", "有没有", "怕", "担心", "防止", "避免", "如何", "怎么");
    /** How many characters before a term a negation may end. */
    static final int NEGATION_REACH = 2;

    public static final UrgencyRules DEFAULT = new UrgencyRules(DEFAULT_TERMS, DEFAULT_NEGATIONS);

    private final List<String> terms;
    private final List<String> negations;

    public UrgencyRules(Collection<String> terms, Collection<String> negations) {
        this.terms = List.copyOf(terms);
        this.negations = List.copyOf(negations);
        if (this.terms.stream().anyMatch(t -> t == null || t.isBlank())) {
            throw new IllegalArgumentException("urgency terms must not be empty");
        }
    }

    /** The default rules plus a merchant's own terms and negations. */
    public UrgencyRules extendedWith(Collection<String> extraTerms, Collection<String> extraNegations) {
        List<String> t = new ArrayList<>(terms);
        t.addAll(extraTerms);
        List<String> n = new ArrayList<>(negations);
        n.addAll(extraNegations);
        return new UrgencyRules(t, n);
    }

    public boolean isUrgent(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (String term : terms) {
            for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
                if (!negated(text, at)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean negated(String text, int termStart) {
        for (String n : negations) {
            int from = Math.max(0, termStart - NEGATION_REACH - n.length());
            int found = text.lastIndexOf(n, termStart - n.length());
            if (found >= from && found + n.length() <= termStart) {
                return true;
            }
        }
        return false;
    }

    public List<String> terms() {
        return terms;
    }

    public List<String> negations() {
        return negations;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UrgencyRules u && u.terms.equals(terms) && u.negations.equals(negations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(terms, negations);
    }
}
