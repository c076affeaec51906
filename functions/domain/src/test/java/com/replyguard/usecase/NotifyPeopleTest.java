package com.replyguard.usecase;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.clock.ClockType;
import com.replyguard.conversation.Channel;
import com.replyguard.merchant.MerchantId;
import com.replyguard.notify.Acknowledgement;
import com.replyguard.notify.AlertNotice;
import com.replyguard.notify.ChannelKind;
import com.replyguard.notify.Delivery;
import com.replyguard.notify.DeliveryState;
import com.replyguard.notify.Language;
import com.replyguard.notify.NoticeType;
import com.replyguard.notify.NotificationSettings;
import com.replyguard.notify.NotifyChannel;
import com.replyguard.notify.NotifyRoute;
import com.replyguard.notify.Person;
import com.replyguard.notify.RobotAnswer;
import com.replyguard.ports.DeadLetters;
import com.replyguard.testing.InMemoryAlertLog;
import com.replyguard.testing.InMemoryNotificationSettings;
import com.replyguard.testing.MutableClock;
import com.replyguard.testing.RecordingRobot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The notifier's use case with fake stores and robots and a test clock (its waits move the clock):
 * an alert reaches each routed channel once, however often it is delivered; alerts waiting at a
 * channel go out together in one digest that names them all; "too fast" is retried after its
 * backoff; a refusal fails at once, visibly, beside a healthy channel that still gets its message;
 * a delivery not accepted within its budget is given up and dead-lettered; no robot gets more than
 * its budget.
 */
class NotifyPeopleTest {
    private static final Instant T0 = Instant.parse("2026-10-03T12:00:00Z");
    private MutableClock clock;
    private InMemoryAlertLog log;
    private InMemoryNotificationSettings settings;
    private RecordingRobot robots;
    private final List<Delivery> deadLetters = new ArrayList<>();
    private NotifyPeople notify;

    private static NotifyChannel channel(String id, ChannelKind kind) {
        String url = switch (kind) {
            case DINGTALK -> "https://oapi.dingtalk.com/robot/send?access_token=" + id;
            case WECOM -> "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + id;
            default -> "https://open.feishu.cn/open-apis/bot/v2/hook/" + id;
        };
        return new NotifyChannel(id, kind, url, null, null, null);
    }

    @BeforeEach
    void setUp() {
        clock = new MutableClock(T0);
        log = new InMemoryAlertLog();
        settings = new InMemoryNotificationSettings();
        settings.put(DEMO, new NotificationSettings(Language.ZH_CN, "https://console.example.com",
                List.of(channel("leads", ChannelKind.DINGTALK), channel("floor", ChannelKind.WECOM)),
                List.of(new NotifyRoute(Set.of(NoticeType.SLA_BREACHED), null, null, Set.of(), Set.of(), null,
                        List.of("leads", "floor"))),
                Map.of("lead-wang", new Person("lead-wang", "王组长", Person.Role.TEAM_LEAD, null, "dt-wang", null, null, "wc-wang"))),
                T0);
        robots = new RecordingRobot();
        DeadLetters dead = (MerchantId m, Delivery d) -> deadLetters.add(d);
        notify = new NotifyPeople(settings, log, log, robots, dead, id -> id.equals(DEMO) ? Optional.of(DEMO_MERCHANT)
                : Optional.empty(), clock, until -> {
                    if (until.isAfter(clock.instant())) {
                        clock.set(until);
                    }
                }, Runnable::run);
    }

    private static AlertNotice breach(String conversation, Instant due) {
        return new AlertNotice("a_" + conversation, NoticeType.SLA_BREACHED, DEMO, conversation, ClockType.FIRST_REPLY,
                "FIRST_REPLY", Channel.CS_CHAT, false, due.minusSeconds(60), due.minusMillis(1), due, 1, null);
    }

    private DeliveryState state(String alertId, String channel) {
        return log.find(DEMO, alertId, channel).orElseThrow().state();
    }

    @Test
    void anAlert_reachesEachRoutedChannelOnce_andARepeatedDeliverySendsNothingMore() {
        AlertNotice a = breach("chat-1", T0);
        NotifyPeople.Outcome first = notify.deliver(a);
        assertEquals(2, first.messages());
        assertEquals(DeliveryState.SENT, state(a.id(), "leads"));
        assertEquals(DeliveryState.SENT, state(a.id(), "floor"));
        assertTrue(robots.to("leads").get(0).message().title().contains("首次响应超时"));
        assertEquals(List.of("lead-wang"), robots.to("leads").get(0).message().mentions().stream().map(Person::id).toList(),
                "level 1 mentions the team lead");
        NotifyPeople.Outcome again = notify.deliver(a);
        notify.deliver(a);
        assertEquals(0, again.messages());
        assertEquals(2, robots.sent.size(), "EventBridge's repeats and our own retries send nothing twice");
        var listed = log.find(DEMO, a.id()).orElseThrow();
        assertEquals(2, listed.deliveries().size());
    }

    @Test
    void alertsWaitingAtAChannel_goOutTogether_inOneDigestThatNamesThemAll() {
        // the channel's two immediate tokens are spent; 30 alerts of other invocations wait there
        notify.deliver(breach("chat-0", T0));
        notify.deliver(breach("chat-00", T0));
        List<AlertNotice> waiting = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            AlertNotice a = breach("chat-" + i, T0.plusMillis(i));
            waiting.add(a);
            log.record(a, List.of("leads", "floor"), T0);
            for (NotifyChannel c : settings.find(DEMO).orElseThrow().channels()) {
                log.enqueue(DEMO, Delivery.queued(a, c, T0.plusMillis(i)));
            }
        }
        robots.sent.clear();
        AlertNotice last = breach("chat-31", T0.plusMillis(40));
        clock.set(T0.plusMillis(40));
        notify.deliver(last);
        waiting.add(last);
        for (String channel : List.of("leads", "floor")) {
            List<RecordingRobot.Sent> sent = robots.to(channel);
            assertEquals(1, sent.size(), channel + ": one message for 31 alerts");
            assertTrue(sent.get(0).message().digest());
            String text = String.join("\n", sent.get(0).message().lines());
            for (AlertNotice a : waiting) {
                assertTrue(text.contains(a.conversationId() + " ·"), channel + " names " + a.conversationId());
                assertEquals(DeliveryState.DIGESTED, state(a.id(), channel));
            }
            NotificationSettings s = settings.find(DEMO).orElseThrow();
            NotifyChannel c = s.channel(channel).orElseThrow();
            Instant token = c.budget().nextTokenAfter(T0, s.phaseOf(c));
            Instant arrived = T0.plusMillis(40);
            Instant earliest = token.isAfter(arrived) ? token : arrived;
            assertTrue(!sent.get(0).at().isBefore(earliest) && !sent.get(0).at().isAfter(earliest.plus(NotifyPeople.HERD_SPREAD)),
                    channel + ": at its next token (within the waiters' spread), not before: " + sent.get(0).at());
        }
    }

    @Test
    void tooFast_isRetriedAfterItsBackoff_andThenSent() {
        robots.next("floor", new RobotAnswer(200, 45009, "api freq out of limit"));
        AlertNotice a = breach("chat-9", T0);
        notify.deliver(a);
        List<RecordingRobot.Sent> floor = robots.to("floor");
        assertEquals(2, floor.size());
        assertTrue(!floor.get(1).at().isBefore(floor.get(0).at().plusSeconds(60)), "企业微信's block lasts the minute");
        Delivery d = log.find(DEMO, a.id(), "floor").orElseThrow();
        assertEquals(DeliveryState.SENT, d.state());
        assertEquals(2, d.attempts());
        assertTrue(log.writes.stream().anyMatch(w -> w.channelId().equals("floor") && w.state() == DeliveryState.RETRYING
                && w.answer().code() == 45009), "the RETRYING state with the robot's answer was recorded on the way");
    }

    @Test
    void aPermanentRefusal_failsAtOnceVisibly_andTheHealthyChannelStillGetsItsMessage() {
        robots.always("leads", new RobotAnswer(200, 310000, "sign not match"));
        AlertNotice a = breach("chat-7", T0);
        NotifyPeople.Outcome o = notify.deliver(a);
        assertEquals(1, robots.to("leads").size(), "not retried");
        Delivery failed = log.find(DEMO, a.id(), "leads").orElseThrow();
        assertEquals(DeliveryState.FAILED, failed.state());
        assertEquals(310000, failed.answer().code());
        assertEquals("sign not match", failed.answer().message());
        assertEquals(DeliveryState.SENT, state(a.id(), "floor"));
        assertEquals(List.of(DeliveryState.FAILED, DeliveryState.SENT), o.channels().stream().map(NotifyPeople.ChannelOutcome::state)
                .toList());
        assertEquals(List.of(), deadLetters, "a refusal is failed, not abandoned: it is in the alert log with the robot's answer");
    }

    @Test
    void aRobotThatStaysDown_isGivenUpAfterTheBudget_andDeadLettered_withinTheRobotsLimit() {
        robots.always("floor", new RobotAnswer(502, null, "Bad Gateway"));
        AlertNotice a = breach("chat-5", T0);
        NotifyPeople.Outcome o = notify.deliver(a);
        Delivery d = log.find(DEMO, a.id(), "floor").orElseThrow();
        assertEquals(DeliveryState.FAILED, d.state());
        assertEquals(502, d.answer().httpStatus());
        assertTrue(d.attempts() >= 5, "retried with backoff: " + d.attempts());
        assertTrue(!clock.instant().isBefore(T0.plus(Delivery.GIVE_UP_AFTER)));
        assertEquals(1, deadLetters.size());
        assertEquals("floor", deadLetters.get(0).channelId());
        assertEquals(a.id(), deadLetters.get(0).noticeId());
        assertTrue(o.channels().stream().anyMatch(c -> c.channelId().equals("floor") && c.abandoned()));
        assertEquals(DeliveryState.SENT, state(a.id(), "leads"));
        List<Instant> times = robots.to("floor").stream().map(RecordingRobot.Sent::at).toList();
        for (int i = 0; i + 19 < times.size(); i++) {
            assertTrue(Duration.between(times.get(i), times.get(i + 19)).compareTo(Duration.ofMinutes(1)) >= 0,
                    "never 20 messages within a minute");
        }
    }

    @Test
    void laterMessagesAboutTheConversation_sayWhoTookIt() {
        AlertNotice first = breach("chat-8", T0);
        notify.deliver(first);
        log.acknowledge(DEMO, first.id(), new Acknowledgement("lead-wang", T0.plusSeconds(20)));
        AlertNotice later = new AlertNotice("a_chat-8-next", NoticeType.SLA_BREACHED, DEMO, "chat-8", ClockType.NEXT_REPLY,
                "NEXT_REPLY#2", Channel.CS_CHAT, false, T0.plusSeconds(60), T0.plusSeconds(240), T0.plusSeconds(240).plusMillis(1), 1,
                null);
        clock.set(T0.plusSeconds(240));
        notify.deliver(later);
        String text = String.join("\n", robots.to("leads").get(1).message().lines());
        assertTrue(text.contains("已认领：lead-wang 于 20:00:20（首次响应 L1）"), text);
    }

    @Test
    void withoutSettingsOrRoutes_theAlertIsStillLogged_andNothingIsSent() {
        settings.put(DEMO, NotificationSettings.NONE, T0);
        AlertNotice a = breach("chat-3", T0);
        notify.deliver(a);
        assertEquals(List.of(), robots.sent);
        assertEquals(List.of(), log.find(DEMO, a.id()).orElseThrow().deliveries());
        AlertNotice stranger = new AlertNotice("a_s", NoticeType.SLA_BREACHED, new MerchantId("nobody"), "c", ClockType.FIRST_REPLY,
                "FIRST_REPLY", Channel.CS_CHAT, false, T0, T0, T0, 1, null);
        assertTrue(!notify.deliver(stranger).merchantKnown());
    }
}
