package com.replyguard.kpi;

import com.replyguard.conversation.AfterSalesCategory;
import com.replyguard.conversation.Channel;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What a KPI counter is counted under: the whole merchant ({@code all}), or one value of a family -
 * {@code channel:CS_CHAT}, {@code category:LOGISTICS} (R24 top-level category, {@code -} when none),
 * {@code channelCategory:CS_CHAT/LOGISTICS}, {@code agent:<id>} ({@code -}: nobody), {@code case:<subtype>}.
 * The encoded form is the stored format.
 */
public record Dimension(Family family, String value) implements Comparable<Dimension> {
    /** A dimension family, with its wire name; {@code groupBy} values of the reports are these names. */
    public enum Family {
        ALL("all"), CHANNEL("channel"), CATEGORY("category"), CHANNEL_CATEGORY("channelCategory"), AGENT("agent"), CASE("case");

        private final String wireName;

        Family(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Optional<Family> of(String wireName) {
            return Arrays.stream(values()).filter(f -> f.wireName.equals(wireName)).findFirst();
        }
    }

    /** The value for "none" (no agent yet, no category). */
    public static final String NONE = "-";
    public static final Dimension ALL = new Dimension(Family.ALL, null);

    public Dimension {
        Objects.requireNonNull(family, "family");
        if ((family == Family.ALL) != (value == null) || (value != null && value.isEmpty())) {
            throw new IllegalArgumentException("dimension " + family + " must " + (family == Family.ALL ? "not " : "") + "have a value");
        }
    }

    public static Dimension channel(Channel channel) {
        return new Dimension(Family.CHANNEL, channel.name());
    }

    /** By R24 top-level category; {@code -} when the conversation is no case. */
    public static Dimension category(Optional<AfterSalesCategory.Top> top) {
        return new Dimension(Family.CATEGORY, top.map(Enum::name).orElse(NONE));
    }

    public static Dimension channelCategory(Channel channel, Optional<AfterSalesCategory.Top> top) {
        return new Dimension(Family.CHANNEL_CATEGORY, channel.name() + "/" + top.map(Enum::name).orElse(NONE));
    }

    /** By agent; {@code -} when no agent (null). */
    public static Dimension agent(String agentId) {
        return new Dimension(Family.AGENT, agentId == null ? NONE : agentId);
    }

    public static Dimension caseOf(AfterSalesCategory subtype) {
        return new Dimension(Family.CASE, subtype.name());
    }

    public String encode() {
        return family == Family.ALL ? Family.ALL.wireName() : family.wireName() + ":" + value;
    }

    /** The dimension of its encoded form; refused when the family is unknown. */
    public static Dimension decode(String text) {
        if (Family.ALL.wireName().equals(text)) {
            return ALL;
        }
        int colon = text.indexOf(':');
        Optional<Family> family = colon < 0 ? Optional.empty() : Family.of(text.substring(0, colon));
        if (family.isEmpty() || family.get() == Family.ALL) {
            throw new IllegalArgumentException("not a KPI dimension: '" + text + "'");
        }
        return new Dimension(family.get(), text.substring(colon + 1));
    }

    @Override
    public int compareTo(Dimension o) {
        return encode().compareTo(o.encode());
    }

    @Override
    public String toString() {
        return encode();
    }
}
