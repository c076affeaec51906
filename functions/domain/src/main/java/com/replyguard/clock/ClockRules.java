package com.replyguard.clock;

import com.replyguard.conversation.AgentRole;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.EventType;
import com.replyguard.conversation.Round;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * When each SLA clock of R1-R12 starts and stops, from a conversation's events (docs/clocks.md is
 * the prose version of this class). Every clock is a pure function of the event set and the
 * policy; only its status (running, met, breached) depends on the instant it is read at.
 */
public final class ClockRules {
    /** A chain of progress updates never grows beyond this many links (a safety bound). */
    static final int MAX_PROGRESS_LINKS = 200;

    private ClockRules() {
    }

    public static List<SlaClock> of(Conversation c, SlaPolicy policy, Instant now) {
        Optional<Channel> channel = c.channel();
        Optional<ConversationEvent> start = c.humanClockStartEvent();
        if (channel.isEmpty() || start.isEmpty()) {
            return List.of();
        }
        List<SlaClock> clocks = new ArrayList<>();
        Channel ch = channel.get();
        SlaClock first = firstReply(c, policy, ch, start.get());
        clocks.add(first);
        nextReplies(c, policy, ch, first, clocks);
        if (c.isComplex()) {
            handoff(c, policy, ch, start.get(), clocks);
            resolution(c, policy, ch, start.get(), clocks);
        }
        handoffPickup(c, policy, ch, clocks);
        supervisorGuidance(c, policy, ch, clocks);
        closingFollowUp(c, policy, ch, clocks);
        Optional<Instant> closedAt = c.events().stream().filter(e -> e.type() == EventType.CLOSED)
                .map(ConversationEvent::occurredAt).findFirst();
        if (c.isComplex()) {
            progressUpdates(c, policy, ch, clocks, now);
        }
        // a closed conversation owes nothing new: a clock still running when it closed is cancelled - one whose
        // deadline is the close itself too (it was not missed yet: an answer at the deadline is in time). R7 is
        // the exception: asking "anything else?" is owed after the resolution, and closing does not ask it
        if (closedAt.isPresent()) {
            Instant closed = closedAt.get();
            clocks.removeIf(k -> k.answeredAt() == null && !k.deadline().isBefore(closed)
                    && k.type() != ClockType.CLOSING_FOLLOW_UP);
        }
        return clocks;
    }

    /**
     * R1, R2, R9: starts at the human clock start; stops at the first human reply at or after it.
     * An urgent customer message waiting for that reply brings the deadline forward to the urgent
     * target after the later of the start and that message (never later than the normal deadline).
     */
    static SlaClock firstReply(Conversation c, SlaPolicy policy, Channel ch, ConversationEvent startEvent) {
        Instant start = startEvent.occurredAt();
        Optional<ConversationEvent> reply = c.firstHumanReplyAtOrAfter(start);
        Instant deadline = policy.after(ClockType.FIRST_REPLY, start, policy.target(ClockType.FIRST_REPLY, ch, false));
        boolean urgent = false;
        for (ConversationEvent e : c.events()) {
            boolean waiting = reply.isEmpty() || !e.occurredAt().isAfter(reply.get().occurredAt());
            if (e.isCustomerMessage() && e.isUrgent() && waiting) {
                Instant from = e.occurredAt().isAfter(start) ? e.occurredAt() : start;
                Instant urgentDeadline = policy.after(ClockType.FIRST_REPLY, from, policy.target(ClockType.FIRST_REPLY, ch, true));
                urgent = true;
                if (urgentDeadline.isBefore(deadline)) {
                    deadline = urgentDeadline;
                }
            }
        }
        return clock(ClockType.FIRST_REPLY, ClockType.FIRST_REPLY.name(), ch, urgent, start, startEvent.eventId(),
                deadline, reply);
    }

    /** R10: each later round (a round the first reply did not answer) gets a reply within its target. */
    static void nextReplies(Conversation c, SlaPolicy policy, Channel ch, SlaClock first, List<SlaClock> out) {
        if (first.answeredAt() == null) {
            return;
        }
        for (Round r : c.rounds()) {
            if (!r.start().isAfter(first.answeredAt())) {
                continue;
            }
            Duration target = policy.target(ClockType.NEXT_REPLY, ch, false);
            out.add(new SlaClock(ClockType.NEXT_REPLY, "NEXT_REPLY@" + r.startEventId(), ch, false, r.start(),
                    r.startEventId(), policy.after(ClockType.NEXT_REPLY, r.start(), target), r.answeredAt(), r.answerEventId(),
                    r.answeringAgentId()));
        }
    }

    /**
     * R3 (live room only): a complex question is handed to customer service. Starts at the first
     * customer message marked COMPLEX (else at the human clock start); stops at the first handoff.
     */
    static void handoff(Conversation c, SlaPolicy policy, Channel ch, ConversationEvent hcs, List<SlaClock> out) {
        if (ch != Channel.LIVE_COMMENT) {
            return;
        }
        ConversationEvent startEvent = c.events().stream()
                .filter(e -> e.isCustomerMessage() && e.complexity() == com.replyguard.conversation.Complexity.COMPLEX)
                .findFirst().orElse(hcs);
        Instant start = startEvent.occurredAt();
        Optional<ConversationEvent> handoff = firstAtOrAfter(c, start, e -> e.type() == EventType.HANDOFF);
        out.add(clock(ClockType.HANDOFF, ClockType.HANDOFF.name(), ch, false, start, startEvent.eventId(),
                policy.after(ClockType.HANDOFF, start, policy.target(ClockType.HANDOFF, ch, false)), handoff));
    }

    /** R4: after the (first) handoff, a customer-service agent (not the host or assistant) contacts the viewer. */
    static void handoffPickup(Conversation c, SlaPolicy policy, Channel ch, List<SlaClock> out) {
        Optional<ConversationEvent> handoff = c.events().stream().filter(e -> e.type() == EventType.HANDOFF).findFirst();
        if (handoff.isEmpty()) {
            return;
        }
        Instant start = handoff.get().occurredAt();
        Optional<ConversationEvent> contact = firstAtOrAfter(c, start, e -> e.isHumanReply()
                && e.agentRole() != AgentRole.HOST && e.agentRole() != AgentRole.ASSISTANT
                && !(e.agentRole() == null && e.agentId() != null && e.agentId().equals(handoff.get().agentId())));
        out.add(clock(ClockType.HANDOFF_PICKUP, ClockType.HANDOFF_PICKUP.name(), ch, false, start, handoff.get().eventId(),
                policy.after(ClockType.HANDOFF_PICKUP, start, policy.target(ClockType.HANDOFF_PICKUP, ch, false)), contact));
    }

    /** R5, R11: a complex case is resolved within its target from the human clock start. */
    static void resolution(Conversation c, SlaPolicy policy, Channel ch, ConversationEvent hcs, List<SlaClock> out) {
        Instant start = hcs.occurredAt();
        Optional<ConversationEvent> resolved = firstAtOrAfter(c, start, e -> e.type() == EventType.RESOLVED);
        out.add(clock(ClockType.RESOLUTION, ClockType.RESOLUTION.name(), ch, false, start, hcs.eventId(),
                policy.after(ClockType.RESOLUTION, start, policy.target(ClockType.RESOLUTION, ch, false)), resolved));
    }

    /** R12: after the (first) escalation, a team lead or supervisor gives guidance. */
    static void supervisorGuidance(Conversation c, SlaPolicy policy, Channel ch, List<SlaClock> out) {
        Optional<ConversationEvent> escalated = c.events().stream().filter(e -> e.type() == EventType.ESCALATED).findFirst();
        if (escalated.isEmpty()) {
            return;
        }
        Instant start = escalated.get().occurredAt();
        String escalatingAgent = escalated.get().agentId();
        Optional<ConversationEvent> guidance = firstAtOrAfter(c, start, e -> e.isHumanReply()
                && (e.agentRole() == AgentRole.TEAM_LEAD || e.agentRole() == AgentRole.SUPERVISOR
                || (e.agentRole() == null && e.agentId() != null && !e.agentId().equals(escalatingAgent))));
        out.add(clock(ClockType.SUPERVISOR_GUIDANCE, ClockType.SUPERVISOR_GUIDANCE.name(), ch, false, start,
                escalated.get().eventId(), policy.after(ClockType.SUPERVISOR_GUIDANCE, start, policy.target(ClockType.SUPERVISOR_GUIDANCE, ch, false)), guidance));
    }

    /**
     * R7: after the (first) resolution, a human asks whether there is anything else: only a human agent
     * message at most the target after the resolution meets it (a bot's does not, nor does closing).
     */
    static void closingFollowUp(Conversation c, SlaPolicy policy, Channel ch, List<SlaClock> out) {
        Optional<ConversationEvent> resolved = c.events().stream().filter(e -> e.type() == EventType.RESOLVED).findFirst();
        if (resolved.isEmpty()) {
            return;
        }
        Instant start = resolved.get().occurredAt();
        Optional<ConversationEvent> followUp = firstAtOrAfter(c, start, ConversationEvent::isHumanReply);
        out.add(clock(ClockType.CLOSING_FOLLOW_UP, ClockType.CLOSING_FOLLOW_UP.name(), ch, false, start,
                resolved.get().eventId(), policy.after(ClockType.CLOSING_FOLLOW_UP, start, policy.target(ClockType.CLOSING_FOLLOW_UP, ch, false)), followUp));
    }

    /**
     * R6, R11: a recurring clock while a complex case waits for its solution. The chain starts, in
     * the live room, when customer service first contacts the viewer after the handoff (else at the
     * first human reply); elsewhere, when the solution is late (the RESOLUTION deadline). Each link
     * is answered by the next human message or the resolution; the next link starts at that
     * message. A link nobody answers stays one breach however long the silence lasts (the ladder
     * escalates it) - the chain does not multiply breaches while nobody writes. The chain ends with
     * the resolution (or the conversation's close, see {@link #of}).
     */
    static void progressUpdates(Conversation c, SlaPolicy policy, Channel ch, List<SlaClock> clocks, Instant until) {
        Instant chainStart;
        String startEventId;
        if (ch == Channel.LIVE_COMMENT) {
            Optional<SlaClock> pickup = clocks.stream().filter(k -> k.type() == ClockType.HANDOFF_PICKUP).findFirst();
            SlaClock anchor = pickup.orElse(clocks.get(0));
            if (anchor.answeredAt() == null) {
                return;
            }
            chainStart = anchor.answeredAt();
            startEventId = anchor.answerEventId();
        } else {
            SlaClock resolution = clocks.stream().filter(k -> k.type() == ClockType.RESOLUTION).findFirst().orElseThrow();
            if (resolution.answeredAt() != null && !resolution.answeredAt().isAfter(resolution.deadline())) {
                return; // solved in time: no progress updates owed (R11 "if late")
            }
            chainStart = resolution.deadline();
            startEventId = resolution.startEventId();
        }
        Optional<Instant> resolvedAt = c.events().stream().filter(e -> e.type() == EventType.RESOLVED)
                .map(ConversationEvent::occurredAt).findFirst();
        Duration interval = policy.target(ClockType.PROGRESS_UPDATE, ch, false);
        Instant linkStart = chainStart;
        String linkStartEvent = startEventId;
        for (int i = 0; i < MAX_PROGRESS_LINKS; i++) {
            if (resolvedAt.isPresent() && !linkStart.isBefore(resolvedAt.get())) {
                return;
            }
            Instant from = linkStart;
            Optional<ConversationEvent> update = c.events().stream().filter(e -> e.occurredAt().isAfter(from)
                    && (e.isHumanReply() || e.type() == EventType.RESOLVED)).findFirst();
            clocks.add(new SlaClock(ClockType.PROGRESS_UPDATE, "PROGRESS_UPDATE@" + linkStart.toEpochMilli(), ch, false,
                    linkStart, linkStartEvent, policy.after(ClockType.PROGRESS_UPDATE, linkStart, interval),
                    update.map(ConversationEvent::occurredAt).orElse(null),
                    update.map(ConversationEvent::eventId).orElse(null), update.map(ConversationEvent::agentId).orElse(null)));
            if (update.isEmpty() || update.get().type() == EventType.RESOLVED) {
                return;
            }
            linkStart = update.get().occurredAt();
            linkStartEvent = update.get().eventId();
        }
    }

    private static Optional<ConversationEvent> firstAtOrAfter(Conversation c, Instant from, Predicate<ConversationEvent> p) {
        return c.events().stream().filter(e -> !e.occurredAt().isBefore(from)).filter(p).findFirst();
    }

    private static SlaClock clock(ClockType type, String key, Channel ch, boolean urgent, Instant start, String startEventId,
            Instant deadline, Optional<ConversationEvent> answer) {
        return new SlaClock(type, key, ch, urgent, start, startEventId, deadline,
                answer.map(ConversationEvent::occurredAt).orElse(null), answer.map(ConversationEvent::eventId).orElse(null),
                answer.map(ConversationEvent::agentId).orElse(null));
    }
}
