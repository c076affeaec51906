package com.replyguard.assessment;

import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.Round;
import com.replyguard.merchant.AssessedHours;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The platform's three metrics for one conversation, exactly as docs/metrics.md defines them:
 * <ul>
 *   <li>R13 firstReply2Min: one unit per conversation, met when the first human reply at or after
 *       the human clock start comes at most 120 s after it; cycle of the human clock start;</li>
 *   <li>R14 reply3Min: one unit per round, met when the round ends at most 180 s after it starts;
 *       cycle of the round's start;</li>
 *   <li>R15 satisfaction: one unit per rated conversation, latest rating, met at 4 or 5 stars;
 *       cycle of the human clock start.</li>
 * </ul>
 * Only CS_CHAT and DIRECT_MESSAGE conversations count, and only units that start inside the
 * merchant's assessed hours (China time). A conversation without a human clock start has no unit.
 * A reported customer's units ({@code customer.reported}) that start in the 7 days before the
 * report leave the reply rates R13 and R14; their rating still counts (R15).
 */
public final class PlatformAssessment {
    public static final Duration FIRST_REPLY_LIMIT = Duration.ofSeconds(120);
    public static final Duration ROUND_REPLY_LIMIT = Duration.ofSeconds(180);

    private PlatformAssessment() {
    }

    public static Map<Cycle, CycleContribution> of(Conversation conversation, AssessedHours hours) {
        return of(conversation, at -> hours);
    }

    /** With the assessed hours in force at each unit's start (the merchant's policy version then). */
    public static Map<Cycle, CycleContribution> of(Conversation conversation, Function<Instant, AssessedHours> hoursAt) {
        Map<Cycle, CycleContribution> byCycle = new TreeMap<>();
        Optional<Channel> channel = conversation.channel();
        Optional<Instant> hcs = conversation.humanClockStart();
        if (channel.isEmpty() || !channel.get().isPlatformAssessed() || hcs.isEmpty()) {
            return byCycle;
        }
        Instant start = hcs.get();
        if (hoursAt.apply(start).contains(start)) {
            Cycle cycle = Cycle.containing(start);
            Optional<ConversationEvent> reply = conversation.firstHumanReplyAtOrAfter(start);
            Instant limit = start.plus(FIRST_REPLY_LIMIT);
            Acc acc = acc(byCycle, cycle);
            if (conversation.excludedByReport(start)) {
                // a reported customer: no first-reply unit (R13 exclusion)
            } else if (reply.isEmpty()) {
                acc.firstReplyOpenDeadline = limit;
            } else if (reply.get().occurredAt().isAfter(limit)) {
                acc.firstReplyLate++;
            } else {
                acc.firstReplyMet++;
            }
            Optional<Integer> rating = conversation.latestRating();
            if (rating.isPresent()) {
                acc.rated++;
                if (rating.get() >= 4) {
                    acc.satisfied++;
                }
            }
            byCycle.put(cycle, acc.build(cycle));
        }
        for (Round round : conversation.rounds()) {
            if (!hoursAt.apply(round.start()).contains(round.start()) || conversation.excludedByReport(round.start())) {
                continue;
            }
            Cycle cycle = Cycle.containing(round.start());
            Acc acc = acc(byCycle, cycle);
            Boolean met = roundMet(round);
            if (met == null) {
                acc.roundOpenDeadline = round.start().plus(ROUND_REPLY_LIMIT);
            } else if (met) {
                acc.roundsMet++;
            } else {
                acc.roundsLate++;
            }
            byCycle.put(cycle, acc.build(cycle));
        }
        return byCycle;
    }

    /** R14: whether a round was answered within {@link #ROUND_REPLY_LIMIT} of its start; null while it is open. */
    public static Boolean roundMet(Round round) {
        return round.isOpen() ? null : !round.answeredAt().isAfter(round.start().plus(ROUND_REPLY_LIMIT));
    }

    private static Acc acc(Map<Cycle, CycleContribution> byCycle, Cycle cycle) {
        CycleContribution c = byCycle.getOrDefault(cycle, CycleContribution.none(cycle));
        Acc a = new Acc();
        a.firstReplyMet = c.firstReplyMet();
        a.firstReplyLate = c.firstReplyLate();
        a.firstReplyOpenDeadline = c.firstReplyOpenDeadline();
        a.roundsMet = c.roundsMet();
        a.roundsLate = c.roundsLate();
        a.roundOpenDeadline = c.roundOpenDeadline();
        a.satisfied = c.satisfied();
        a.rated = c.rated();
        return a;
    }

    private static final class Acc {
        int firstReplyMet;
        int firstReplyLate;
        Instant firstReplyOpenDeadline;
        int roundsMet;
        int roundsLate;
        Instant roundOpenDeadline;
        int satisfied;
        int rated;

        CycleContribution build(Cycle cycle) {
            return new CycleContribution(cycle, firstReplyMet, firstReplyLate, firstReplyOpenDeadline, roundsMet,
                    roundsLate, roundOpenDeadline, satisfied, rated);
        }
    }
}
