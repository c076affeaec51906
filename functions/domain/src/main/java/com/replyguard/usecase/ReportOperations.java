package com.replyguard.usecase;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.ResponseTimes;
import com.replyguard.conversation.Channel;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.ConversationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Use case (R18, R22): the operations report - response times and reply rate per channel - for a cycle, as of now. */
public final class ReportOperations {
    private final ConversationStore conversations;
    private final Clock clock;

    public ReportOperations(ConversationStore conversations, Clock clock) {
        this.conversations = conversations;
        this.clock = clock;
    }

    public record Report(MerchantId merchant, Cycle cycle, Instant asOf, ResponseTimes.Tally all,
            Map<Channel, ResponseTimes.Tally> byChannel) {
    }

    public Report report(MerchantId merchant, Cycle cycle) {
        Instant now = clock.instant();
        ResponseTimes.Tally all = new ResponseTimes.Tally(now);
        Map<Channel, ResponseTimes.Tally> byChannel = new EnumMap<>(Channel.class);
        for (ResponseTimes t : conversations.responseTimes(merchant, cycle)) {
            all.add(t);
            byChannel.computeIfAbsent(t.channel(), c -> new ResponseTimes.Tally(now)).add(t);
        }
        return new Report(merchant, cycle, now, all, byChannel);
    }
}
