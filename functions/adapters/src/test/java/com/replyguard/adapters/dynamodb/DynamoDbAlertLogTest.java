package com.replyguard.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.clock.ClockType;
import com.replyguard.conversation.Channel;
import com.replyguard.dynalite.SharedDynalite;
import com.replyguard.merchant.MerchantId;
import com.replyguard.notify.Acknowledgement;
import com.replyguard.notify.AlertNotice;
import com.replyguard.notify.AlertPage;
import com.replyguard.notify.Budget;
import com.replyguard.notify.ChannelKind;
import com.replyguard.notify.ChannelState;
import com.replyguard.notify.CycleNotice;
import com.replyguard.notify.Delivery;
import com.replyguard.notify.DeliveryState;
import com.replyguard.notify.NoticeType;
import com.replyguard.notify.NotifyChannel;
import com.replyguard.notify.RobotAnswer;
import com.replyguard.notify.Verdict;
import com.replyguard.ports.BreachStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The alerts table on the real local DynamoDB: an alert and a delivery are created once however
 * often they are written; a final delivery is never overwritten; a channel's waiting deliveries
 * come back oldest first and leave the queue when final; a channel's state is replaced only by who
 * read it last; alerts list by due instant in pages, by conversation, with their deliveries; the
 * first acknowledgement stands.
 */
class DynamoDbAlertLogTest {
    private static final MerchantId DEMO = new MerchantId("demo");
    private static final Instant T0 = Instant.parse("2026-10-03T12:00:00Z");
    private static final NotifyChannel LEADS = new NotifyChannel("leads", ChannelKind.DINGTALK,
            "https://oapi.dingtalk.com/robot/send?access_token=t", null, null, null);
    private DynamoDbAlertLog log;

    @BeforeEach
    void setUp() {
        log = new DynamoDbAlertLog(SharedDynalite.client(), SharedDynalite.freshTables().tableName("AlertsTable"));
    }

    private static AlertNotice alert(String id, String conversation, Instant due) {
        return new AlertNotice(id, NoticeType.SLA_BREACHED, DEMO, conversation, ClockType.FIRST_REPLY, "FIRST_REPLY", Channel.CS_CHAT,
                true, due.minusSeconds(30), due.minusMillis(1), due, 1, "presales-zhang");
    }

    @Test
    void anAlertAndItsDeliveries_areRecordedOnce_andAFinalStateIsNeverOverwritten() {
        AlertNotice a = alert("a_1", "c1", T0);
        log.record(a, List.of("leads"), T0);
        log.record(alert("a_1", "c-other", T0.plusSeconds(9)), List.of("floor"), T0.plusSeconds(9));
        Delivery first = log.enqueue(DEMO, Delivery.queued(a, LEADS, T0));
        Delivery repeat = log.enqueue(DEMO, Delivery.queued(a, LEADS, T0.plusSeconds(5)));
        assertEquals(first.queuedAt(), repeat.queuedAt(), "the first delivery record stands");
        assertTrue(log.update(DEMO, first.after(Verdict.SENT, new RobotAnswer(200, 0, "ok"), false, T0.plusMillis(80))));
        assertFalse(log.update(DEMO, first.after(Verdict.retry(Duration.ofSeconds(1)), RobotAnswer.unreachable("x"), false,
                T0.plusSeconds(1))), "a late writer cannot undo SENT");
        var r = log.find(DEMO, "a_1").orElseThrow();
        assertEquals("c1", r.notice().conversationId(), "the first record stands");
        assertEquals(a, r.notice());
        assertEquals(1, r.deliveries().size());
        Delivery d = r.deliveries().get(0);
        assertEquals(DeliveryState.SENT, d.state());
        assertEquals(1, d.attempts());
        assertEquals(new RobotAnswer(200, 0, "ok"), d.answer());
        assertEquals(T0.plusMillis(80), d.at());
    }

    @Test
    void aChannelsWaitingDeliveries_comeBackOldestFirst_andLeaveTheQueueWhenFinal() {
        List<Delivery> queued = new ArrayList<>();
        for (int i = 5; i >= 1; i--) {
            AlertNotice a = alert("a_" + i, "c" + i, T0.plusSeconds(i));
            log.record(a, List.of("leads"), T0);
            queued.add(log.enqueue(DEMO, Delivery.queued(a, LEADS, T0.plusSeconds(i))));
        }
        CycleNotice cycle = new CycleNotice("cycle-closed:demo:2026-10-H1", DEMO, "2026-10-H1", T0, List.of(
                new CycleNotice.Metric("firstReply2Min", 2, 3, 2 / 3.0, 0.85, false)), false, 1);
        log.enqueue(DEMO, Delivery.queued(cycle, LEADS, T0.plusSeconds(6)));
        assertEquals(List.of("a_1", "a_2", "a_3", "a_4", "a_5", cycle.id()), log.waiting(DEMO, "leads", 100).stream()
                .map(Delivery::noticeId).toList());
        assertEquals(cycle, log.find(DEMO, cycle.id(), "leads").orElseThrow().notice(), "a closed cycle reads back whole");
        Delivery third = queued.get(2);
        log.update(DEMO, third.after(Verdict.SENT, new RobotAnswer(200, 0, "ok"), true, T0.plusSeconds(7)));
        assertEquals(5, log.waiting(DEMO, "leads", 100).size());
        assertTrue(log.waiting(DEMO, "floor", 100).isEmpty());
        assertEquals(DeliveryState.DIGESTED, log.find(DEMO, third.noticeId(), "leads").orElseThrow().state());
    }

    @Test
    void aChannelsState_isReplacedOnlyByWhoReadItLast() {
        Budget b = ChannelKind.DINGTALK.budget();
        ChannelState fresh = ChannelState.fresh(b, 0, T0);
        ChannelState held = ((ChannelState.Granted) fresh.take(b, 0, "sender-1", T0)).next();
        assertTrue(log.channel(DEMO, "leads").isEmpty());
        assertTrue(log.replace(DEMO, "leads", null, held));
        assertFalse(log.replace(DEMO, "leads", null, held), "created once");
        ChannelState stored = log.channel(DEMO, "leads").orElseThrow();
        assertEquals(held, stored);
        ChannelState released = stored.released(b, 0, false, Duration.ofMinutes(10), T0.plusSeconds(1));
        assertTrue(log.replace(DEMO, "leads", stored, released));
        assertFalse(log.replace(DEMO, "leads", stored, released), "a second writer with the old version loses");
        assertEquals(T0.plusSeconds(1).plus(Duration.ofMinutes(10)), log.channel(DEMO, "leads").orElseThrow().blockedUntil());
    }

    @Test
    void alertsList_byDueInstant_inPages_byConversation_andTheFirstAcknowledgementStands() {
        for (int i = 0; i < 7; i++) {
            AlertNotice a = alert("a_" + i, i % 2 == 0 ? "even" : "odd", T0.plusSeconds(10L * i));
            log.record(a, List.of("leads"), T0);
            log.enqueue(DEMO, Delivery.queued(a, LEADS, T0));
        }
        log.record(new AlertNotice("a_x", NoticeType.SLA_BREACHED, new MerchantId("other"), "even", ClockType.FIRST_REPLY,
                "FIRST_REPLY", Channel.CS_CHAT, false, T0, T0, T0, 1, null), List.of(), T0);
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            AlertPage page = log.list(DEMO, null, null, 3, token);
            page.alerts().forEach(r -> seen.add(r.notice().id()));
            page.alerts().forEach(r -> assertEquals(1, r.deliveries().size()));
            token = page.nextToken();
        } while (token != null);
        assertEquals(List.of("a_0", "a_1", "a_2", "a_3", "a_4", "a_5", "a_6"), seen, "in order, each once, no other merchant's");
        assertEquals(List.of("a_2", "a_3"), log.list(DEMO, T0.plusSeconds(20), T0.plusSeconds(30), 10, null).alerts().stream()
                .map(r -> r.notice().id()).toList());
        String foreign = log.list(new MerchantId("other"), null, null, 1, null).nextToken();
        String mine = log.list(DEMO, null, null, 2, null).nextToken();
        assertThrows(BreachStore.InvalidPageToken.class, () -> log.list(new MerchantId("other"), null, null, 2, mine));
        assertThrows(BreachStore.InvalidPageToken.class, () -> log.list(DEMO, null, null, 2, "not-a-token"));
        assertEquals(null, foreign);
        assertEquals(List.of("a_0", "a_2", "a_4", "a_6"), log.ofConversation(DEMO, "even").stream().map(r -> r.notice().id()).toList());
        assertTrue(log.acknowledge(DEMO, "a_2", new Acknowledgement("lead-wang", T0.plusSeconds(40))));
        assertFalse(log.acknowledge(DEMO, "a_2", new Acknowledgement("sup-chen", T0.plusSeconds(50))));
        assertFalse(log.acknowledge(DEMO, "a_nope", new Acknowledgement("sup-chen", T0)), "no such alert");
        assertEquals(new Acknowledgement("lead-wang", T0.plusSeconds(40)), log.find(DEMO, "a_2").orElseThrow().acknowledged());
    }
}
