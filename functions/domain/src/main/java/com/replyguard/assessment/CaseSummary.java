package com.replyguard.assessment;

import com.replyguard.conversation.AfterSalesCategory;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * R26, one after-sales case as the case list shows it: its subtype (classified, or suggested with
 * a confidence), channel, cycle (of the human clock start), the start, when its processing ended
 * (the last round's resolution, R25; null while being processed), how often it was reopened, its
 * latest rating and the agent who handled it last (who resolved it, else who last replied).
 * The figures of the after-sales report are sums over these rows.
 */
public record CaseSummary(ConversationId conversationId, Channel channel, Cycle cycle, AfterSalesCategory category,
        boolean suggested, int confidence, Instant start, Instant resolvedAt, int reopens, Integer rating, String agentId) {
    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    public CaseSummary {
        Objects.requireNonNull(conversationId);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(cycle);
        Objects.requireNonNull(category);
        Objects.requireNonNull(start);
    }

    /** The case of a conversation with a human clock start, a channel and a subtype; empty otherwise. */
    public static Optional<CaseSummary> of(Conversation c) {
        Optional<Instant> hcs = c.humanClockStart();
        Optional<Conversation.AfterSalesCase> kase = c.afterSalesCase();
        if (hcs.isEmpty() || c.channel().isEmpty() || kase.isEmpty()) {
            return Optional.empty();
        }
        Instant resolved = c.caseResolvedAt().filter(t -> !t.isBefore(hcs.get())).orElse(null);
        String agent = null;
        for (ConversationEvent e : c.events()) {
            if ((e.type() == EventType.RESOLVED || e.isHumanReply()) && e.agentId() != null) {
                agent = e.agentId();
            }
        }
        String resolver = c.events().stream().filter(e -> e.type() == EventType.RESOLVED && e.agentId() != null)
                .map(ConversationEvent::agentId).reduce((a, b) -> b).orElse(null);
        return Optional.of(new CaseSummary(c.id(), c.channel().get(), Cycle.containing(hcs.get()), kase.get().category(),
                kase.get().suggested(), kase.get().confidence(), hcs.get(), resolved, c.reopens(), c.latestRating().orElse(null),
                resolved != null && resolver != null ? resolver : agent));
    }

    public boolean resolved() {
        return resolvedAt != null;
    }

    /** From the human clock start to the end of processing; null while the case is being processed. */
    public Duration processing() {
        return resolvedAt == null ? null : Duration.between(start, resolvedAt);
    }

    /** {@link #processing()} in hours, as the report's averages are; null while the case is being processed. */
    public Double processingHours() {
        return resolvedAt == null ? null : processing().toMillis() / MILLIS_PER_HOUR;
    }

    /** R25: sent back by the customer at least once (the report's {@code reopened} counts these cases). */
    public boolean reopened() {
        return reopens > 0;
    }

    /** Counted in the report's {@code resolvedWithin12h}: resolved within the return wait (R27). */
    public boolean resolvedWithinReturnWait() {
        return resolvedAt != null && AfterSalesTargets.withinReturnWait(processing());
    }

    /** Counted in the report's {@code resolvedWithin48h}: resolved within the warranty limit (R27). */
    public boolean resolvedWithinWarrantyLimit() {
        return resolvedAt != null && AfterSalesTargets.withinWarrantyLimit(processing());
    }
}
