package com.replyguard.discipline;

import com.replyguard.clock.SlaClock;
import com.replyguard.conversation.AgentRole;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.EventType;
import java.time.Instant;
import java.util.Optional;

/**
 * R20, R22, R30: whom a clock is held against - the agent who owed the answer at its deadline. One
 * rule for every view: breaches and discipline, the operations report by agent, scorecards. A pure
 * function of the conversation's events, the clock and the roster of the policy version that judged
 * the clock, so it never changes unless the events do.
 *
 * <ul>
 *   <li>{@code SUPERVISOR_GUIDANCE} (R12) is owed by the superior, never by the agent who asked for
 *       help: the escalation's addressee ({@code toAgentId}), else the superior who answered, else the
 *       supervisor on duty at the deadline (the roster's {@code supervisors}), else nobody.</li>
 *   <li>{@code HANDOFF_PICKUP} (R4) is owed by customer service, never by the host who handed the
 *       viewer over: the handoff's addressee, else the customer-service agent who picked up, else nobody.</li>
 *   <li>{@code CLOSING_FOLLOW_UP} (R7) is owed by the agent who resolved the case, unless another
 *       asked in time.</li>
 *   <li>Every other clock is owed by the agent serving the conversation at the deadline: the author of
 *       the last human reply at or before it - after a handoff only customer service's replies count
 *       (the host's do not) -; for a first reply, when nobody had replied yet, the agent the
 *       conversation was transferred to ({@code toAgentId}); else the agent who answered late; else
 *       nobody.</li>
 *   <li>An owner the roster has off duty at the deadline (and who did not answer) is nobody's: the case
 *       had passed to the shift on duty (R30).</li>
 * </ul>
 */
public final class Attribution {
    private Attribution() {
    }

    /** The agent {@code clock} is held against; null when no single agent is. */
    public static String ownerOf(Conversation c, SlaClock clock, Shifts shifts) {
        String owner = switch (clock.type()) {
            case SUPERVISOR_GUIDANCE -> superior(c, clock, shifts);
            case HANDOFF_PICKUP -> addressee(c, clock, EventType.HANDOFF).or(() -> answerer(clock)).orElse(null);
            case CLOSING_FOLLOW_UP -> answeredInTime(clock).or(() -> startedBy(c, clock)).or(() -> serving(c, clock.deadline()))
                    .orElse(null);
            case FIRST_REPLY -> serving(c, clock.deadline()).or(() -> addressee(c, clock, EventType.TRANSFERRED))
                    .or(() -> answerer(clock)).orElse(null);
            default -> serving(c, clock.deadline()).or(() -> answerer(clock)).orElse(null);
        };
        if (owner == null || owner.equals(clock.answeringAgentId())) {
            return owner;
        }
        return shifts.offDuty(owner, clock.deadline()) ? null : owner;
    }

    /** R12: the superior who owes guidance, never the agent who escalated. */
    private static String superior(Conversation c, SlaClock clock, Shifts shifts) {
        String escalating = startedBy(c, clock).orElse(null);
        String owner = addressee(c, clock, EventType.ESCALATED).or(() -> answerer(clock))
                .or(() -> shifts.supervisorOnDuty(clock.deadline())).orElse(null);
        return owner != null && owner.equals(escalating) ? null : owner;
    }

    /**
     * The agent of the last human reply at or before {@code at}. From a handoff on, the host no longer
     * serves: only customer service's replies count, and until customer service has spoken nobody serves.
     */
    static Optional<String> serving(Conversation c, Instant at) {
        Optional<ConversationEvent> handoff = c.events().stream().filter(e -> e.type() == EventType.HANDOFF)
                .filter(e -> !e.occurredAt().isAfter(at)).findFirst();
        String serving = null;
        for (ConversationEvent e : c.events()) {
            if (e.occurredAt().isAfter(at) || !e.isHumanReply() || e.agentId() == null) {
                continue;
            }
            boolean afterHandoff = handoff.isPresent() && !e.occurredAt().isBefore(handoff.get().occurredAt());
            if (handoff.isEmpty() || (afterHandoff && customerService(e, handoff.get()))) {
                serving = e.agentId();
            }
        }
        return Optional.ofNullable(serving);
    }

    /** A reply by customer service after a handoff: not the handing-off agent, not the host or assistant. */
    private static boolean customerService(ConversationEvent e, ConversationEvent handoff) {
        return e.agentRole() != AgentRole.HOST && e.agentRole() != AgentRole.ASSISTANT
                && !(handoff.agentId() != null && handoff.agentId().equals(e.agentId()));
    }

    /** The {@code toAgentId} of the event of {@code type} that started the clock (or the first such event). */
    private static Optional<String> addressee(Conversation c, SlaClock clock, EventType type) {
        return c.events().stream().filter(e -> e.type() == type && e.toAgentId() != null)
                .filter(e -> e.eventId().equals(clock.startEventId()) || !e.occurredAt().isAfter(clock.deadline()))
                .map(ConversationEvent::toAgentId).findFirst();
    }

    /** The agent of the event that started the clock (the escalating agent, the resolving agent). */
    private static Optional<String> startedBy(Conversation c, SlaClock clock) {
        return c.events().stream().filter(e -> e.eventId().equals(clock.startEventId())).map(ConversationEvent::agentId)
                .filter(a -> a != null).findFirst();
    }

    private static Optional<String> answerer(SlaClock clock) {
        return Optional.ofNullable(clock.answeringAgentId());
    }

    private static Optional<String> answeredInTime(SlaClock clock) {
        return clock.answeredAt() != null && !clock.answeredAt().isAfter(clock.deadline())
                ? Optional.ofNullable(clock.answeringAgentId()) : Optional.empty();
    }
}
