package com.replyguard.kpi;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.ResponseTimes;
import com.replyguard.clock.SlaClock;
import com.replyguard.conversation.AfterSalesCategory;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * R18, R22, every channel and hour: a conversation's response times in the cycle of its human clock
 * start (conversations, first response count and time, rounds received, answered and their reply
 * times capped at 10 min - an open round adds 10 min once 10 min have passed), and its SLA clocks
 * in the cycle of each clock's start (started, and late: answered after the deadline, or unanswered
 * once it passed). Under {@code all}, channel, question type, channel × question type and agent:
 * response times count for the first replier; each clock for the agent who owed its answer, so an
 * agent's timeouts here equal the breaches their discipline counts.
 */
public final class OperationsContribution {
    private OperationsContribution() {
    }

    static void add(Conversation c, List<SlaClock> clocks, Function<SlaClock, String> ownerOf, KpiVector.Builder b) {
        if (c.channel().isEmpty()) {
            return;
        }
        Channel ch = c.channel().get();
        Optional<AfterSalesCategory.Top> top = c.afterSalesCase().map(k -> k.category().top());
        List<Dimension> shared = List.of(Dimension.ALL, Dimension.channel(ch), Dimension.category(top),
                Dimension.channelCategory(ch, top));
        ResponseTimes.of(c).ifPresent(rt -> {
            for (Dimension dim : dimensions(shared, firstReplier(c))) {
                Cycle cycle = rt.cycle();
                b.add(CounterKey.of(cycle, dim, Metric.CONVERSATIONS_OPERATED), 1);
                if (rt.firstResponseMillis() != null) {
                    b.add(CounterKey.of(cycle, dim, Metric.FIRST_RESPONSES), 1);
                    b.add(CounterKey.of(cycle, dim, Metric.FIRST_RESPONSE_MILLIS), rt.firstResponseMillis());
                }
                b.add(CounterKey.of(cycle, dim, Metric.ROUNDS_RECEIVED), rt.rounds());
                b.add(CounterKey.of(cycle, dim, Metric.ROUNDS_ANSWERED), rt.roundsAnswered());
                b.add(CounterKey.of(cycle, dim, Metric.ROUNDS_TIMED), rt.roundsAnswered());
                b.add(CounterKey.of(cycle, dim, Metric.ROUND_MILLIS), rt.cappedReplyMillis());
                if (rt.openRoundStart() != null) {
                    var capAt = rt.openRoundStart().plus(ResponseTimes.ROUND_CAP);
                    b.add(CounterKey.of(cycle, dim, Metric.ROUNDS_TIMED).pendingUntil(capAt), 1);
                    b.add(CounterKey.of(cycle, dim, Metric.ROUND_MILLIS).pendingUntil(capAt), ResponseTimes.ROUND_CAP.toMillis());
                }
            }
        });
        for (SlaClock clock : clocks) {
            Cycle cycle = Cycle.containing(clock.start());
            for (Dimension dim : dimensions(shared, ownerOf.apply(clock))) {
                b.add(CounterKey.of(cycle, dim, Metric.clocksStarted(clock.type())), 1);
                if (clock.answeredAt() == null) {
                    b.add(CounterKey.of(cycle, dim, Metric.clocksLate(clock.type())).pendingUntil(clock.deadline()), 1);
                } else if (clock.answeredAt().isAfter(clock.deadline())) {
                    b.add(CounterKey.of(cycle, dim, Metric.clocksLate(clock.type())), 1);
                }
            }
        }
    }

    private static List<Dimension> dimensions(List<Dimension> shared, String agent) {
        List<Dimension> dims = new ArrayList<>(shared);
        dims.add(Dimension.agent(agent));
        return dims;
    }

    /** The agent of a conversation's first human reply; null while there is none. */
    static String firstReplier(Conversation c) {
        return c.humanClockStart().flatMap(c::firstHumanReplyAtOrAfter).map(ConversationEvent::agentId).orElse(null);
    }
}
