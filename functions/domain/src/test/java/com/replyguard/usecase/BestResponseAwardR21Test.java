package com.replyguard.usecase;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.replyguard.intake.RawEvent;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.MutableClock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R21: the month's best-response award, from hand-computed scores, with deterministic ties. */
class BestResponseAwardR21Test {

    private static List<RawEvent> chats(String agent, int count, int replySeconds, int stars, int day) {
        List<RawEvent> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String conv = agent + "-" + day + "-" + i;
            String t = String.format("2026-10-%02dT%02d:00:00+08:00", day, 9 + i);
            String r = String.format("2026-10-%02dT%02d:%02d:%02d+08:00", day, 9 + i, replySeconds / 60, replySeconds % 60);
            out.add(raw("eventId", conv + "-m", "type", "customer.message", "conversationId", conv, "channel", "CS_CHAT",
                    "occurredAt", t, "customerId", "b" + i));
            out.add(raw("eventId", conv + "-r", "type", "agent.message", "conversationId", conv, "occurredAt", r, "agentId", agent));
            out.add(raw("eventId", conv + "-k", "type", "conversation.rated", "conversationId", conv,
                    "occurredAt", String.format("2026-10-%02dT%02d:30:00+08:00", day, 9 + i), "rating", stars));
        }
        return out;
    }

    @Test
    void theFastestBestRatedAgentWins_slowOnesAndThinOnesDoNot() {
        MutableClock clock = new MutableClock(at("2026-11-01T09:00:00"));
        InMemoryConversationStore conversations = new InMemoryConversationStore();
        InMemoryBreachStore breaches = new InMemoryBreachStore();
        IngestEventBatch webhook = new IngestEventBatch(conversations, breaches, clock);
        webhook.ingest(DEMO_MERCHANT, chats("zhang", 10, 20, 5, 3));   // 20 s, all 5 stars
        webhook.ingest(DEMO_MERCHANT, chats("chen", 10, 45, 5, 4));    // 45 s, all 5 stars
        webhook.ingest(DEMO_MERCHANT, chats("liu", 12, 50, 3, 20));    // 50 s, all 3 stars, second half
        webhook.ingest(DEMO_MERCHANT, chats("new", 3, 5, 5, 5));       // too few to rank
        var board = new ReportLeaderboard(conversations, new ReportAgentDiscipline(breaches)).leaderboard(DEMO_MERCHANT,
                YearMonth.of(2026, 10));
        assertEquals(List.of("zhang", "chen", "liu"), board.entries().stream().map(ReportLeaderboard.Entry::agentId).toList());
        assertEquals("zhang", board.award().agentId());
        // zhang: speed (120-20)/100 = 1, satisfaction 1, discipline 10/10 -> 1.0
        assertEquals(1.0, board.entries().get(0).score(), 1e-9);
        // chen: speed 0.75 -> 0.4*0.75 + 0.4 + 0.2 = 0.9
        assertEquals(0.9, board.entries().get(1).score(), 1e-9);
        // liu: speed 0.7, satisfaction 0 -> 0.28 + 0 + 0.2 = 0.48
        assertEquals(0.48, board.entries().get(2).score(), 1e-9);
        assertEquals(List.of("new"), board.tooFewResponses());
        assertEquals(DEMO, DEMO_MERCHANT.id());
    }

    @Test
    void tiesGoToSatisfaction_thenVolume_thenName() {
        MutableClock clock = new MutableClock(at("2026-11-01T09:00:00"));
        InMemoryConversationStore conversations = new InMemoryConversationStore();
        InMemoryBreachStore breaches = new InMemoryBreachStore();
        IngestEventBatch webhook = new IngestEventBatch(conversations, breaches, clock);
        webhook.ingest(DEMO_MERCHANT, chats("bo", 10, 30, 5, 6));
        webhook.ingest(DEMO_MERCHANT, chats("an", 10, 30, 5, 7));
        var board = new ReportLeaderboard(conversations, new ReportAgentDiscipline(breaches)).leaderboard(DEMO_MERCHANT,
                YearMonth.of(2026, 10));
        assertEquals(List.of("an", "bo"), board.entries().stream().map(ReportLeaderboard.Entry::agentId).toList());
        assertEquals(2, board.entries().get(1).rank());
    }

    @Test
    void theAwardNeedsTheMinimumStandard_andNoWinnerIsAValidAnswer() {
        MutableClock clock = new MutableClock(at("2026-11-01T09:00:00"));
        InMemoryConversationStore conversations = new InMemoryConversationStore();
        InMemoryBreachStore breaches = new InMemoryBreachStore();
        IngestEventBatch webhook = new IngestEventBatch(conversations, breaches, clock);
        // the only agent with enough volume: every first reply 90 s against the 60 s target - 12 timeouts, dismissal review
        webhook.ingest(DEMO_MERCHANT, chats("slow", 12, 90, 5, 8));
        webhook.ingest(DEMO_MERCHANT, chats("new", 3, 10, 5, 5)); // too few to rank
        var board = new ReportLeaderboard(conversations, new ReportAgentDiscipline(breaches)).leaderboard(DEMO_MERCHANT,
                YearMonth.of(2026, 10));
        assertEquals(List.of("slow"), board.entries().stream().map(ReportLeaderboard.Entry::agentId).toList(), "ranked");
        ReportLeaderboard.Entry slow = board.entries().get(0);
        assertEquals(90.0, slow.averageFirstResponseSeconds(), 1e-9);
        assertEquals(List.of(ReportLeaderboard.ShortOf.DISCIPLINE, ReportLeaderboard.ShortOf.FIRST_RESPONSE), slow.shortOf());
        assertEquals(null, board.award(), "no winner this month: rank alone never wins the award");
        assertEquals(60.0, board.standard().firstResponseTargetSeconds());

        // a qualifying agent beside him wins even if ranked below a disqualified one
        webhook.ingest(DEMO_MERCHANT, chats("chen", 10, 50, 4, 9));
        board = new ReportLeaderboard(conversations, new ReportAgentDiscipline(breaches)).leaderboard(DEMO_MERCHANT, YearMonth.of(2026, 10));
        assertEquals("chen", board.award().agentId());
    }
}
