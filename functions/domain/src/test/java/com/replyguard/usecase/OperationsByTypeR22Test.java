package com.replyguard.usecase;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.replyguard.assessment.Cycle;
import com.replyguard.clock.ClockType;
import com.replyguard.intake.RawEvent;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.InMemoryKpiStore;
import com.replyguard.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R22: response times and timeout rate per channel, per question type and per both, hand-computed. */
class OperationsByTypeR22Test {
    private static final Cycle OCT_H1 = Cycle.parse("2026-10-H1").orElseThrow();

    private static RawEvent msg(String id, String c, String at, String channel, String text) {
        return text == null
                ? raw("eventId", id, "type", "customer.message", "conversationId", c, "channel", channel, "occurredAt",
                        at + "+08:00", "customerId", "buyer-" + c)
                : raw("eventId", id, "type", "customer.message", "conversationId", c, "channel", channel, "occurredAt",
                        at + "+08:00", "customerId", "buyer-" + c, "text", text);
    }

    private static RawEvent reply(String id, String c, String at) {
        return raw("eventId", id, "type", "agent.message", "conversationId", c, "agentId", "li", "occurredAt", at + "+08:00");
    }

    @Test
    void timeoutRatesAndResponseTimes_perChannelAndQuestionType() {
        MutableClock clock = new MutableClock(at("2026-10-10T09:00:00"));
        var conversations = new InMemoryConversationStore();
        var kpis = new InMemoryKpiStore();
        new IngestEventBatch(conversations, new InMemoryBreachStore(), clock).ingest(DEMO_MERCHANT, List.of(
                // a: logistics (suggested from the text); first reply in 40 s (60 s target: met), next round 240 s (180: late)
                msg("a1", "a", "2026-10-03T10:00:00", "CS_CHAT", "快递一直没收到"), reply("a2", "a", "2026-10-03T10:00:40"),
                msg("a3", "a", "2026-10-03T10:05:00", "CS_CHAT", null), reply("a4", "a", "2026-10-03T10:09:00"),
                // b: product quality; first reply after 120 s: late
                msg("b1", "b", "2026-10-03T11:00:00", "CS_CHAT", "质量问题，用一天就坏了"), reply("b2", "b", "2026-10-03T11:02:00"),
                // c: a direct message nobody answers: late once 60 s have passed; its round counts 10 min
                msg("c1", "c", "2026-10-03T12:00:00", "DIRECT_MESSAGE", null)));
        clock.advance(Duration.ofSeconds(2));
        new FoldKpiCounters(conversations, kpis, clock).pass();
        var ops = new ReportOperationsByType(kpis, clock);

        var byCategory = ops.report(DEMO, OCT_H1, "category");
        assertEquals(List.of("-", "LOGISTICS", "PRODUCT_QUALITY"), byCategory.groups().stream().map(g -> g.key()).toList());
        var logistics = byCategory.groups().get(1);
        assertEquals(40.0, logistics.averageFirstResponseSeconds());
        assertEquals(140.0, logistics.averageRoundReplySeconds(), "(40 + 240) / 2");
        assertEquals(1.0, logistics.replyRate());
        assertEquals(new ReportOperationsByType.Timeouts(1, 0), logistics.timeoutsByClock().get(ClockType.FIRST_REPLY));
        assertEquals(new ReportOperationsByType.Timeouts(1, 1), logistics.timeoutsByClock().get(ClockType.NEXT_REPLY));
        assertEquals(0.5, logistics.timeouts().rate());
        var unclassified = byCategory.groups().get(0);
        assertNull(unclassified.averageFirstResponseSeconds());
        assertEquals(600.0, unclassified.averageRoundReplySeconds(), "an unanswered round counts 10 min");
        assertEquals(0.0, unclassified.replyRate());
        assertEquals(1.0, unclassified.timeouts().rate());

        var all = byCategory.all();
        assertEquals(3, all.conversations());
        assertEquals(80.0, all.averageFirstResponseSeconds(), "(40 + 120) / 2");
        assertEquals(250.0, all.averageRoundReplySeconds(), "(40 + 240 + 120 + 600) / 4");
        assertEquals(0.75, all.replyRate());
        assertEquals(new ReportOperationsByType.Timeouts(4, 3), all.timeouts());
        // the same overall figures as the operations report read from the per-cycle index
        var index = new ReportOperations(conversations, clock).report(DEMO, OCT_H1).all();
        assertEquals(index.averageFirstResponseSeconds(), all.averageFirstResponseSeconds());
        assertEquals(index.averageRoundReplySeconds(), all.averageRoundReplySeconds());

        var byChannel = ops.report(DEMO, OCT_H1, "channel");
        assertEquals(List.of("CS_CHAT", "DIRECT_MESSAGE"), byChannel.groups().stream().map(g -> g.key()).toList());
        assertEquals(new ReportOperationsByType.Timeouts(3, 2), byChannel.groups().get(0).timeouts());
        var byAgent = ops.report(DEMO, OCT_H1, "agent");
        assertEquals(List.of("-", "li"), byAgent.groups().stream().map(g -> g.key()).toList());
        assertEquals(new ReportOperationsByType.Timeouts(3, 2), byAgent.groups().get(1).timeouts(),
                "li's conversations a and b: FIRST_REPLY 1 of 2 late, NEXT_REPLY 1 of 1");
        var both = ops.report(DEMO, OCT_H1, "channelCategory");
        assertEquals(List.of("CS_CHAT/LOGISTICS", "CS_CHAT/PRODUCT_QUALITY", "DIRECT_MESSAGE/-"),
                both.groups().stream().map(g -> g.key()).toList());
    }
}
