package com.replyguard.clock;

import com.replyguard.conversation.AgentRole;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Complexity;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.EventType;
import com.replyguard.conversation.Round;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * When each SLA clock of R1-R12 starts and stops, from a conversation's events (docs/clocks.md is
 * the prose version of this class). Every clock is a pure function of the event set and the
 * merchant's policy versions (each clock judged by the version in force at its start); only its
 * status (running, met, breached) depends on the instant it is read at.
 */
public final class ClockRules {
    /** A chain of progress updates never grows beyond this many links (a safety bound). */
    static final int MAX_PROGRESS_LINKS = 200;

    private ClockRules() {
    }

    /** Under one policy for every clock (a merchant that never changed its policy). */
    public static List<SlaClock> of(Conversation c, SlaPolicy policy) {
        return of(c, SlaPolicies.of(policy));
    }

    /** Every clock, each judged by the policy version in force at its start. */
    public static List<SlaClock> of(Conversation c, SlaPolicies policies) {
        Optional<Channel> channel = c.channel();
        Optional<ConversationEvent> start = c.humanClockStartEvent();
        if (channel.isEmpty() || start.isEmpty()) {
            return List.of();
        }
        List<SlaClock> clocks = new ArrayList<>();
        Channel ch = channel.get();
        SlaClock first = firstReply(c, policies, ch, start.get());
        clocks.add(first);
        nextReplies(c, policies, ch, first, clocks);
        if (c.isComplex()) {
            handoff(c, policies, ch, start.get(), clocks);
            resolution(c, policies, ch, start.get(), clocks);
        }
        handoffPickup(c, policies, ch, clocks);
        supervisorGuidance(c, policies, ch, clocks);
        closingFollowUp(c, policies, ch, clocks);
        if (c.isComplex()) {
            progressUpdates(c, policies, ch, clocks);
        }
        // a closed conversation owes nothing new: a clock still running when it closed is cancelled - one whose
        // deadline is the close itself too (it was not missed yet: an answer at the deadline is in time). R7 is
        // the exception: asking "anything else?" is owed after the resolution, and closing does not ask it. A
        // case reopened after a close (R25) owes its new clocks: a close cancels only clocks started before it
        c.events().stream().filter(e -> e.type() == EventType.CLOSED).map(ConversationEvent::occurredAt).forEach(closed ->
                clocks.removeIf(k -> k.answeredAt() == null && !k.start().isAfter(closed) && !k.deadline().isBefore(closed)
                        && k.type() != ClockType.CLOSING_FOLLOW_UP));
        return clocks;
    }

    /** The deadline of a clock of {@code type} starting at {@code start}, under policy version {@code v}. */
    private static Instant deadline(SlaPolicies.Version v, ClockType type, Instant start, Channel ch, boolean urgent) {
        return v.policy().after(type, start, v.policy().target(type, ch, urgent));
    }

    /**
     * R1, R2, R9: starts at the human clock start; stops at the first human reply at or after it.
     * An urgent customer message waiting for that reply brings the deadline forward to the urgent
     * target after the later of the start and that message (never later than the normal deadline).
     */
    static SlaClock firstReply(Conversation c, SlaPolicies policies, Channel ch, ConversationEvent startEvent) {
        Instant start = startEvent.occurredAt();
        SlaPolicies.Version v = policies.at(start);
        Optional<ConversationEvent> reply = c.firstHumanReplyAtOrAfter(start);
        Instant deadline = deadline(v, ClockType.FIRST_REPLY, start, ch, false);
        boolean urgent = false;
        for (ConversationEvent e : c.events()) {
            boolean waiting = reply.isEmpty() || !e.occurredAt().isAfter(reply.get().occurredAt());
            if (e.isCustomerMessage() && e.isUrgent() && waiting) {
                Instant from = e.occurredAt().isAfter(start) ? e.occurredAt() : start;
                Instant urgentDeadline = deadline(v, ClockType.FIRST_REPLY, from, ch, true);
                urgent = true;
                if (urgentDeadline.isBefore(deadline)) {
                    deadline = urgentDeadline;
                }
            }
        }
        return clock(ClockType.FIRST_REPLY, ClockType.FIRST_REPLY.name(), ch, urgent, start, startEvent.eventId(),
                deadline, reply, v);
    }

    /** R10: each later round (a round the first reply did not answer) gets a reply within its target. */
    static void nextReplies(Conversation c, SlaPolicies policies, Channel ch, SlaClock first, List<SlaClock> out) {
        if (first.answeredAt() == null) {
            return;
        }
        for (Round r : c.rounds()) {
            if (!r.start().isAfter(first.answeredAt())) {
                continue;
            }
            SlaPolicies.Version v = policies.at(r.start());
            out.add(new SlaClock(ClockType.NEXT_REPLY, "NEXT_REPLY@" + r.startEventId(), ch, false, r.start(),
                    r.startEventId(), deadline(v, ClockType.NEXT_REPLY, r.start(), ch, false), r.answeredAt(), r.answerEventId(),
                    r.answeringAgentId(), v.number()));
        }
    }

    /**
     * R3 (live room only): a complex question is handed to customer service. Starts at the first
     * customer message marked COMPLEX (else at the human clock start); stops at the first handoff.
     */
    static void handoff(Conversation c, SlaPolicies policies, Channel ch, ConversationEvent hcs, List<SlaClock> out) {
        if (ch != Channel.LIVE_COMMENT) {
            return;
        }
        ConversationEvent startEvent = c.events().stream()
                .filter(e -> e.isCustomerMessage() && e.complexity() == Complexity.COMPLEX)
                .findFirst().orElse(hcs);
        Instant start = startEvent.occurredAt();
        SlaPolicies.Version v = policies.at(start);
        Optional<ConversationEvent> handoff = firstAtOrAfter(c, start, e -> e.type() == EventType.HANDOFF);
        out.add(clock(ClockType.HANDOFF, ClockType.HANDOFF.name(), ch, false, start, startEvent.eventId(),
                deadline(v, ClockType.HANDOFF, start, ch, false), handoff, v));
    }

    /** R4: after the (first) handoff, a customer-service agent (not the host or assistant) contacts the viewer. */
    static void handoffPickup(Conversation c, SlaPolicies policies, Channel ch, List<SlaClock> out) {
        Optional<ConversationEvent> handoff = c.events().stream().filter(e -> e.type() == EventType.HANDOFF).findFirst();
        if (handoff.isEmpty()) {
            return;
        }
        Instant start = handoff.get().occurredAt();
        SlaPolicies.Version v = policies.at(start);
        Optional<ConversationEvent> contact = firstAtOrAfter(c, start, e -> e.isHumanReply()
                && e.agentRole() != AgentRole.HOST && e.agentRole() != AgentRole.ASSISTANT
                && !(e.agentRole() == null && e.agentId() != null && e.agentId().equals(handoff.get().agentId())));
        out.add(clock(ClockType.HANDOFF_PICKUP, ClockType.HANDOFF_PICKUP.name(), ch, false, start, handoff.get().eventId(),
                deadline(v, ClockType.HANDOFF_PICKUP, start, ch, false), contact, v));
    }

    /**
     * R5, R11: a complex case is resolved within its target from the human clock start. R25: a case
     * reopened after its resolution (the customer is unhappy) is processed again, within the same
     * target from the reopen: one RESOLUTION clock per round of processing.
     */
    static void resolution(Conversation c, SlaPolicies policies, Channel ch, ConversationEvent hcs, List<SlaClock> out) {
        for (Conversation.ProcessingRound round : c.processingRounds()) {
            Instant start = round.start();
            SlaPolicies.Version v = policies.at(start);
            String key = round.reopened() ? ClockType.RESOLUTION.name() + "@" + round.startEventId() : ClockType.RESOLUTION.name();
            out.add(clock(ClockType.RESOLUTION, key, ch, false, start, round.startEventId(),
                    deadline(v, ClockType.RESOLUTION, start, ch, false), round.resolved(), v));
        }
    }

    /** R12: after the (first) escalation, a team lead or supervisor gives guidance. */
    static void supervisorGuidance(Conversation c, SlaPolicies policies, Channel ch, List<SlaClock> out) {
        Optional<ConversationEvent> escalated = c.events().stream().filter(e -> e.type() == EventType.ESCALATED).findFirst();
        if (escalated.isEmpty()) {
            return;
        }
        Instant start = escalated.get().occurredAt();
        SlaPolicies.Version v = policies.at(start);
        String escalatingAgent = escalated.get().agentId();
        Optional<ConversationEvent> guidance = firstAtOrAfter(c, start, e -> e.isHumanReply()
                && (e.agentRole() == AgentRole.TEAM_LEAD || e.agentRole() == AgentRole.SUPERVISOR
                || (e.agentRole() == null && e.agentId() != null && !e.agentId().equals(escalatingAgent))));
        out.add(clock(ClockType.SUPERVISOR_GUIDANCE, ClockType.SUPERVISOR_GUIDANCE.name(), ch, false, start,
                escalated.get().eventId(), deadline(v, ClockType.SUPERVISOR_GUIDANCE, start, ch, false), guidance, v));
    }

    /**
     * R7: after the (first) resolution, a human asks whether there is anything else: only a human agent
     * message at most the target after the resolution meets it (a bot's does not, nor does closing).
     */
    static void closingFollowUp(Conversation c, SlaPolicies policies, Channel ch, List<SlaClock> out) {
        Optional<ConversationEvent> resolved = c.events().stream().filter(e -> e.type() == EventType.RESOLVED).findFirst();
        if (resolved.isEmpty()) {
            return;
        }
        Instant start = resolved.get().occurredAt();
        SlaPolicies.Version v = policies.at(start);
        Optional<ConversationEvent> followUp = firstAtOrAfter(c, start, ConversationEvent::isHumanReply);
        out.add(clock(ClockType.CLOSING_FOLLOW_UP, ClockType.CLOSING_FOLLOW_UP.name(), ch, false, start,
                resolved.get().eventId(), deadline(v, ClockType.CLOSING_FOLLOW_UP, start, ch, false), followUp, v));
    }

    /**
     * R6, R11: a recurring clock while a complex case waits for its solution. The chain starts, in
     * the live room, when customer service first contacts the viewer after the handoff (else at the
     * first human reply); elsewhere, when the solution is late (the RESOLUTION deadline). Each link
     * is answered by the next human message or the resolution; the next link starts at that
     * message. A link nobody answers stays one breach however long the silence lasts (the ladder
     * escalates it) - the chain does not multiply breaches while nobody writes. The chain ends with
     * the resolution (or the conversation's close, see {@link #of}). Each link is judged by the
     * policy version in force at the link's start. A reopened case (R25) owes a chain of its own for
     * its new round: in the live room from the first human reply after the reopen, elsewhere from
     * the round's late RESOLUTION deadline, until the round's resolution.
     */
    static void progressUpdates(Conversation c, SlaPolicies policies, Channel ch, List<SlaClock> clocks) {
        List<Conversation.ProcessingRound> rounds = c.processingRounds();
        List<SlaClock> resolutions = clocks.stream().filter(k -> k.type() == ClockType.RESOLUTION).toList();
        for (int r = 0; r < rounds.size(); r++) {
            Conversation.ProcessingRound round = rounds.get(r);
            Instant chainStart;
            String startEventId;
            if (ch == Channel.LIVE_COMMENT) {
                SlaClock anchor;
                if (!round.reopened()) {
                    Optional<SlaClock> pickup = clocks.stream().filter(k -> k.type() == ClockType.HANDOFF_PICKUP).findFirst();
                    anchor = pickup.orElse(clocks.get(0));
                    if (anchor.answeredAt() == null) {
                        continue;
                    }
                    chainStart = anchor.answeredAt();
                    startEventId = anchor.answerEventId();
                } else {
                    Optional<ConversationEvent> contact = c.events().stream()
                            .filter(e -> e.isHumanReply() && e.occurredAt().isAfter(round.start())).findFirst();
                    if (contact.isEmpty()) {
                        continue;
                    }
                    chainStart = contact.get().occurredAt();
                    startEventId = contact.get().eventId();
                }
            } else {
                SlaClock resolution = resolutions.get(r);
                if (resolution.answeredAt() != null && !resolution.answeredAt().isAfter(resolution.deadline())) {
                    continue; // solved in time: no progress updates owed (R11 "if late")
                }
                chainStart = resolution.deadline();
                startEventId = resolution.startEventId();
            }
            progressChain(c, policies, ch, chainStart, startEventId, round.resolved().map(ConversationEvent::occurredAt), clocks);
        }
    }

    /** One chain of progress updates from {@code chainStart} until {@code resolvedAt} (if any). */
    private static void progressChain(Conversation c, SlaPolicies policies, Channel ch, Instant chainStart, String startEventId,
            Optional<Instant> resolvedAt, List<SlaClock> clocks) {
        Instant linkStart = chainStart;
        String linkStartEvent = startEventId;
        for (int i = 0; i < MAX_PROGRESS_LINKS; i++) {
            if (resolvedAt.isPresent() && !linkStart.isBefore(resolvedAt.get())) {
                return;
            }
            Instant from = linkStart;
            SlaPolicies.Version v = policies.at(linkStart);
            Optional<ConversationEvent> update = c.events().stream().filter(e -> e.occurredAt().isAfter(from)
                    && (e.isHumanReply() || e.type() == EventType.RESOLVED)).findFirst();
            clocks.add(clock(ClockType.PROGRESS_UPDATE, "PROGRESS_UPDATE@" + linkStart.toEpochMilli(), ch, false, linkStart,
                    linkStartEvent, deadline(v, ClockType.PROGRESS_UPDATE, linkStart, ch, false), update, v));
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
            Instant deadline, Optional<ConversationEvent> answer, SlaPolicies.Version v) {
        return new SlaClock(type, key, ch, urgent, start, startEventId, deadline,
                answer.map(ConversationEvent::occurredAt).orElse(null), answer.map(ConversationEvent::eventId).orElse(null),
                answer.map(ConversationEvent::agentId).orElse(null), v.number());
    }
}
