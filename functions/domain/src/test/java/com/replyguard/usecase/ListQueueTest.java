package com.replyguard.usecase;

import com.replyguard.testing.Managers;
import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.replyguard.clock.ClockType;
import com.replyguard.clock.SlaPolicy;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.UrgencyRules;
import com.replyguard.discipline.DisciplineRules;
import com.replyguard.discipline.Shifts;
import com.replyguard.intake.RawEvent;
import com.replyguard.merchant.AssessedHours;
import com.replyguard.merchant.Manager;
import com.replyguard.merchant.Merchant;
import com.replyguard.queue.WaitingClock;
import com.replyguard.testing.InMemoryBreachStore;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live queue - every clock a customer still waits on, soonest deadline first, by role. */
class ListQueueTest {
    private static final Merchant SHOP = new Merchant(DEMO, List.of("s"), "demo-customer-hash-key-0123456789".getBytes(StandardCharsets.UTF_8),
            AssessedHours.PLATFORM_DEFAULT, SlaPolicy.DEFAULT, UrgencyRules.DEFAULT, DisciplineRules.DEFAULT,
            new Shifts(List.of(new Shifts.Shift("day", LocalTime.of(8, 0), LocalTime.of(20, 0), Set.of("zhang", "li")),
                    new Shifts.Shift("late", LocalTime.of(9, 0), LocalTime.of(21, 0), Set.of("chen")))), null);
    private static final Manager SUPERVISOR = Managers.supervisor(DEMO);
    private static final Manager LEAD = new Manager(DEMO, Manager.Role.TEAM_LEAD, Set.of("zhang", "li"));
    private static final ListQueue.Filter ANY = new ListQueue.Filter(null, null, null, null);

    private MutableClock clock;
    private InMemoryConversationStore conversations;
    private IngestEventBatch webhook;
    private ListQueue queue;
    private int seq;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(at("2026-10-03T10:00:05"));
        conversations = new InMemoryConversationStore();
        webhook = new IngestEventBatch(conversations, new InMemoryBreachStore(), clock);
        queue = new ListQueue(conversations, clock);
    }

    private RawEvent customer(String conversation, String at, String channel) {
        return raw("eventId", "e" + ++seq, "type", "customer.message", "conversationId", conversation, "channel", channel,
                "occurredAt", at + "+08:00", "customerId", "buyer-" + conversation);
    }

    private RawEvent agent(String conversation, String at, String agentId) {
        return raw("eventId", "e" + ++seq, "type", "agent.message", "conversationId", conversation, "occurredAt", at + "+08:00",
                "agentId", agentId);
    }

    private void ingest(RawEvent... events) {
        webhook.ingest(SHOP, List.of(events));
    }

    private List<ListQueue.Row> rows(Manager who, ListQueue.Filter f) {
        return queue.list(SHOP, who, f, 100, null).rows();
    }

    private static List<String> ids(List<ListQueue.Row> rows) {
        return rows.stream().map(r -> r.conversationId() + "/" + r.clock().type()).toList();
    }

    @Test
    void aLiveRoomComment_runs_turnsAtRiskAtTheWarning_andIsBreachedAfterItsDeadline() {
        ingest(customer("live-1", "2026-10-03T10:00:00", "LIVE_COMMENT"));
        ListQueue.Row row = rows(SUPERVISOR, ANY).get(0);
        assertEquals("live-1", row.conversationId());
        assertEquals(Channel.LIVE_COMMENT, row.channel());
        assertEquals(ClockType.FIRST_REPLY, row.clock().type());
        assertEquals(at("2026-10-03T10:00:30"), row.clock().deadline(), "R1: 30 s in the live room");
        assertEquals(at("2026-10-03T10:00:24"), row.clock().warnAt(), "the policy's 80% warning");
        assertNull(row.clock().responsibleAgentId(), "nobody has answered: nobody holds it yet");
        assertEquals(WaitingClock.Status.RUNNING, row.status());
        clock.set(at("2026-10-03T10:00:24"));
        assertEquals(WaitingClock.Status.AT_RISK, rows(SUPERVISOR, ANY).get(0).status());
        clock.set(at("2026-10-03T10:00:30"));
        assertEquals(WaitingClock.Status.AT_RISK, rows(SUPERVISOR, ANY).get(0).status(), "an answer at the deadline is in time");
        clock.set(at("2026-10-03T10:00:30").plusMillis(1));
        assertEquals(WaitingClock.Status.BREACHED, rows(SUPERVISOR, ANY).get(0).status(), "still waiting, now breached: it stays");
    }

    @Test
    void anAnswerOrTheCloseTakesTheClockOff_andTheSoonestDeadlineComesFirst() {
        ingest(customer("chat-1", "2026-10-03T09:59:30", "CS_CHAT"), customer("live-1", "2026-10-03T10:00:00", "LIVE_COMMENT"),
                customer("dm-1", "2026-10-03T09:59:00", "DIRECT_MESSAGE"));
        // dm-1 09:59 + 60 s = 10:00:00 (breached), live-1 10:00:30, chat-1 10:00:30: ties by conversation id
        assertEquals(List.of("dm-1/FIRST_REPLY", "chat-1/FIRST_REPLY", "live-1/FIRST_REPLY"), ids(rows(SUPERVISOR, ANY)));
        ingest(agent("live-1", "2026-10-03T10:00:04", "zhang"));
        ingest(raw("eventId", "e-close", "type", "conversation.closed", "conversationId", "dm-1", "occurredAt", "2026-10-03T10:00:05+08:00"));
        assertEquals(List.of("chat-1/FIRST_REPLY"), ids(rows(SUPERVISOR, ANY)));
    }

    @Test
    void aTeamLeadSeesTheirTeamsClocksAndTheUnheldOnes_neverAnotherTeams() {
        ingest(customer("chat-z", "2026-10-03T09:50:00", "CS_CHAT"), agent("chat-z", "2026-10-03T09:50:20", "zhang"),
                customer("chat-z", "2026-10-03T10:00:00", "CS_CHAT"),
                customer("chat-c", "2026-10-03T09:50:00", "CS_CHAT"), agent("chat-c", "2026-10-03T09:50:20", "chen"),
                customer("chat-c", "2026-10-03T10:00:01", "CS_CHAT"),
                customer("live-new", "2026-10-03T10:00:02", "LIVE_COMMENT"));
        assertEquals(List.of("live-new/FIRST_REPLY", "chat-z/NEXT_REPLY", "chat-c/NEXT_REPLY"), ids(rows(SUPERVISOR, ANY)));
        assertEquals(List.of("live-new/FIRST_REPLY", "chat-z/NEXT_REPLY"), ids(rows(LEAD, ANY)));
        ListQueue.Row held = rows(LEAD, ANY).get(1);
        assertEquals("zhang", held.clock().responsibleAgentId(), "R20: the agent who last replied holds the next reply");
        assertEquals("day", held.team(), "the roster shift listing the agent");
        assertEquals(List.of("chat-c/NEXT_REPLY"), ids(rows(SUPERVISOR, new ListQueue.Filter(null, "late", null, null))),
                "the shift handover: the queue of one shift");
        assertEquals(List.of("chat-z/NEXT_REPLY"), ids(rows(SUPERVISOR, new ListQueue.Filter(null, null, "zhang", null))));
        assertEquals(List.of("live-new/FIRST_REPLY"), ids(rows(SUPERVISOR, new ListQueue.Filter(Channel.LIVE_COMMENT, null, null, null))));
        assertEquals(List.of("chat-z/NEXT_REPLY", "chat-c/NEXT_REPLY"),
                ids(rows(SUPERVISOR, new ListQueue.Filter(null, null, null, ClockType.NEXT_REPLY))));
    }

    @Test
    void pagesFollowTheOrder_andAPageTokenServesOnlyItsMerchantAndFilter() {
        ingest(customer("a", "2026-10-03T10:00:00", "LIVE_COMMENT"), customer("b", "2026-10-03T10:00:01", "LIVE_COMMENT"),
                customer("c", "2026-10-03T10:00:02", "LIVE_COMMENT"));
        ListQueue.Page first = queue.list(SHOP, SUPERVISOR, ANY, 2, null);
        assertEquals(List.of("a/FIRST_REPLY", "b/FIRST_REPLY"), ids(first.rows()));
        ListQueue.Page second = queue.list(SHOP, SUPERVISOR, ANY, 2, first.nextToken());
        assertEquals(List.of("c/FIRST_REPLY"), ids(second.rows()));
        assertNull(second.nextToken(), "the last page has no token");
        assertThrows(ListQueue.InvalidPageToken.class, () -> queue.list(SHOP, SUPERVISOR,
                new ListQueue.Filter(Channel.CS_CHAT, null, null, null), 2, first.nextToken()));
        assertThrows(ListQueue.InvalidPageToken.class, () -> queue.list(SHOP, SUPERVISOR, ANY, 2, "not-a-token"));
    }

    @Test
    void aClockADayPastItsDeadline_leavesTheQueue_soAbandonedCommentsDoNotPileUp() {
        ingest(customer("live-old", "2026-10-03T10:00:00", "LIVE_COMMENT"));
        clock.set(at("2026-10-04T10:00:30"));
        assertEquals(1, rows(SUPERVISOR, ANY).size(), "exactly a day overdue: still waiting");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(), rows(SUPERVISOR, ANY));
    }
}
