package com.replyguard.kpi;

import com.replyguard.clock.SlaClock;
import com.replyguard.conversation.Conversation;
import com.replyguard.merchant.AssessedHours;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * What one conversation adds to the KPI counters: the sum of its contributions to each report
 * family - the platform's metrics ({@link PlatformContribution}), operations ({@link OperationsContribution})
 * and after-sales ({@link AfterSalesContribution}). A pure function of the conversation's events,
 * its clocks and the rules in force (never of the time it is computed at).
 */
public final class ConversationVector {
    private ConversationVector() {
    }

    /**
     * @param hoursAt the assessed hours in force at an instant (the merchant's policy version then)
     * @param clocks  the conversation's SLA clocks
     * @param ownerOf the agent who owed a clock's answer (null: nobody), as discipline holds its breach
     */
    public static KpiVector of(Conversation conversation, Function<Instant, AssessedHours> hoursAt, List<SlaClock> clocks,
            Function<SlaClock, String> ownerOf) {
        KpiVector.Builder b = KpiVector.builder();
        PlatformContribution.add(conversation, hoursAt, b);
        OperationsContribution.add(conversation, clocks, ownerOf, b);
        AfterSalesContribution.add(conversation, b);
        return b.build();
    }

    /** With one set of assessed hours, and each clock counted for the conversation's first replier. */
    public static KpiVector of(Conversation conversation, AssessedHours hours, List<SlaClock> clocks) {
        String first = OperationsContribution.firstReplier(conversation);
        return of(conversation, at -> hours, clocks, k -> first);
    }
}
