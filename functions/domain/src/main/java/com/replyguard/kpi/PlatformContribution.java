package com.replyguard.kpi;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.CycleContribution;
import com.replyguard.assessment.PlatformAssessment;
import com.replyguard.conversation.AfterSalesCategory;
import com.replyguard.conversation.Conversation;
import com.replyguard.merchant.AssessedHours;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * R13-R15: a conversation's platform units ({@link PlatformAssessment}) as counts, in the cycle of
 * each unit, under {@code all}, its channel, its question type (R24 top-level category, {@code -}
 * when none) and the agent of its first human reply ({@code -} while there is none). A unit still
 * open counts as late once its limit has passed (a pending key), exactly as the platform counts it.
 */
public final class PlatformContribution {
    private PlatformContribution() {
    }

    static void add(Conversation c, Function<Instant, AssessedHours> hoursAt, KpiVector.Builder b) {
        var platform = PlatformAssessment.of(c, hoursAt);
        if (platform.isEmpty()) {
            return;
        }
        List<Dimension> dims = dimensions(c);
        for (CycleContribution u : platform.values()) {
            Cycle cycle = u.cycle();
            for (Dimension dim : dims) {
                b.add(CounterKey.of(cycle, dim, Metric.FIRST_REPLY_MET), u.firstReplyMet());
                b.add(CounterKey.of(cycle, dim, Metric.FIRST_REPLY_LATE), u.firstReplyLate());
                if (u.firstReplyOpenDeadline() != null) {
                    b.add(CounterKey.of(cycle, dim, Metric.FIRST_REPLY_LATE).pendingUntil(u.firstReplyOpenDeadline()), 1);
                }
                b.add(CounterKey.of(cycle, dim, Metric.ROUND_MET), u.roundsMet());
                b.add(CounterKey.of(cycle, dim, Metric.ROUND_LATE), u.roundsLate());
                if (u.roundOpenDeadline() != null) {
                    b.add(CounterKey.of(cycle, dim, Metric.ROUND_LATE).pendingUntil(u.roundOpenDeadline()), 1);
                }
                b.add(CounterKey.of(cycle, dim, Metric.SATISFIED), u.satisfied());
                b.add(CounterKey.of(cycle, dim, Metric.RATED), u.rated());
            }
        }
    }

    /** The dimension values a conversation's platform units count under. */
    static List<Dimension> dimensions(Conversation c) {
        Optional<AfterSalesCategory.Top> top = c.afterSalesCase().map(k -> k.category().top());
        List<Dimension> dims = new ArrayList<>();
        dims.add(Dimension.ALL);
        c.channel().ifPresent(ch -> dims.add(Dimension.channel(ch)));
        dims.add(Dimension.category(top));
        dims.add(Dimension.agent(OperationsContribution.firstReplier(c)));
        return dims;
    }
}
