package com.replyguard.queue;

import com.replyguard.alert.Alert;
import com.replyguard.alert.AlertPlan;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.EventType;
import com.replyguard.clock.ClockType;
import com.replyguard.clock.SlaClock;
import com.replyguard.clock.SlaPolicies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A clock the customer is still waiting on - the live queue's row (docs/console.md): unanswered, running or
 * already breached, until an answer comes or the conversation closes. {@code warnAt} is the policy's
 * warning instant (null when the policy warns not at all), {@code responsibleAgentId} whom a breach
 * would be held against (the one attribution rule, {@code discipline.Attribution}; null: nobody yet). Computed with the conversation's other
 * projections, at each write, so the queue is read without the conversation's events.
 */
public record WaitingClock(ClockType type, String key, boolean urgent, Instant start, Instant deadline, Instant warnAt,
        String responsibleAgentId) {

    /** Where a waiting clock stands: counting down, past its warning instant, or past its deadline. */
    public enum Status { RUNNING, AT_RISK, BREACHED }

    public WaitingClock {
        Objects.requireNonNull(type);
        Objects.requireNonNull(key);
        Objects.requireNonNull(start);
        Objects.requireNonNull(deadline);
    }

    /** BREACHED after the deadline (an answer at the deadline is in time), AT_RISK from the warning instant. */
    public Status statusAt(Instant now) {
        if (now.isAfter(deadline)) {
            return Status.BREACHED;
        }
        return warnAt != null && !now.isBefore(warnAt) ? Status.AT_RISK : Status.RUNNING;
    }

    /** The clocks of a conversation nobody has answered yet; none once it is closed. */
    public static List<WaitingClock> of(Conversation conversation, List<SlaClock> clocks, SlaPolicies policies,
            Function<SlaClock, String> ownerOf) {
        if (conversation.events().stream().anyMatch(e -> e.type() == EventType.CLOSED)) {
            return List.of();
        }
        Map<String, Instant> warnings = new HashMap<>();
        for (Alert a : AlertPlan.of(clocks, policies).all()) {
            if (a.kind() == Alert.Kind.AT_RISK) {
                warnings.put(a.clock().key(), a.dueAt());
            }
        }
        List<WaitingClock> waiting = new ArrayList<>();
        for (SlaClock c : clocks) {
            if (c.answeredAt() == null) {
                waiting.add(new WaitingClock(c.type(), c.key(), c.urgent(), c.start(), c.deadline(), warnings.get(c.key()),
                        ownerOf.apply(c)));
            }
        }
        return waiting;
    }
}
