package com.replyguard.testing;

import com.replyguard.assessment.CycleContribution;
import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.KpiReport;
import com.replyguard.assessment.PlatformAssessment;
import com.replyguard.conversation.Conversation;
import com.replyguard.merchant.Merchant;
import java.time.Instant;
import java.util.Collection;

/**
 * The platform metrics of a cycle (R13-R17) recomputed straight from the conversations by the
 * domain's rule ({@link PlatformAssessment}), nothing stored in between: the independent answer
 * tests hold the KPI counters against.
 */
public final class PlatformKpisOracle {
    private PlatformKpisOracle() {
    }

    public static KpiReport report(Collection<Conversation> conversations, Merchant merchant, Cycle cycle, Instant asOf) {
        KpiReport.Tally tally = new KpiReport.Tally(asOf);
        for (Conversation c : conversations) {
            if (!c.merchant().equals(merchant.id())) {
                continue;
            }
            CycleContribution part = PlatformAssessment.of(c, t -> merchant.policies().at(t).assessedHours()).get(cycle);
            if (part != null) {
                tally.add(part);
            }
        }
        return tally.report(merchant.id(), cycle);
    }

    /** Every conversation of an in-memory store, recomputed as of {@code asOf}. */
    public static KpiReport report(InMemoryConversationStore store, Merchant merchant, Cycle cycle, Instant asOf) {
        return report(store.all(), merchant, cycle, asOf);
    }
}
