package com.replyguard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.replyguard.dynalite.ProjectLayout;
import com.replyguard.dynalite.SamTemplate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The local runner runs the template's schedules as EventBridge Scheduler does: crons in their time
 * zone (the cycle close at 00:30 China time on the 1st and 16th, the daily check at 00:15), rates
 * every period, a daily cron once at start to catch up, and every expression of template.yaml parses.
 */
class LocalSchedulerTest {

    @Test
    void theCycleClose_firesAt0030ChinaTime_onThe1stAndThe16th_only() {
        ScheduleExpression close = ScheduleExpression.parse("cron(30 0 1,16 * ? *)", "Asia/Shanghai");
        assertTrue(close.firesInMinuteOf(Instant.parse("2026-11-30T16:30:00Z")), "1 Dec 00:30 China time");
        assertTrue(close.firesInMinuteOf(Instant.parse("2026-11-30T16:30:59Z")), "any second of that minute");
        assertFalse(close.firesInMinuteOf(Instant.parse("2026-11-30T16:31:00Z")));
        assertFalse(close.firesInMinuteOf(Instant.parse("2026-12-01T00:30:00Z")), "00:30 UTC is 08:30 in China");
        assertTrue(close.firesInMinuteOf(Instant.parse("2026-12-15T16:30:00Z")), "16 Dec 00:30 China time");
        assertFalse(close.firesInMinuteOf(Instant.parse("2026-12-16T16:30:00Z")), "17 Dec");
        assertFalse(close.isDaily());
        ScheduleExpression daily = ScheduleExpression.parse("cron(15 0 * * ? *)", "Asia/Shanghai");
        assertTrue(daily.isDaily());
        assertTrue(daily.firesInMinuteOf(Instant.parse("2026-12-03T16:15:00Z")));
    }

    @Test
    void expressions_coverWhatAwsAccepts_andRefuseTheRest() {
        assertEquals(Duration.ofMinutes(5), ScheduleExpression.parse("rate(5 minutes)", null).rate());
        assertEquals(Duration.ofMinutes(1), ScheduleExpression.parse("rate(1 minute)", null).rate());
        assertEquals(Duration.ofHours(2), ScheduleExpression.parse("rate(2 hours)", null).rate());
        ScheduleExpression weekdays = ScheduleExpression.parse("cron(0/15 9-17 ? * MON-FRI *)", "UTC");
        assertTrue(weekdays.firesInMinuteOf(Instant.parse("2026-12-02T09:45:00Z")), "a Wednesday");
        assertFalse(weekdays.firesInMinuteOf(Instant.parse("2026-12-06T09:45:00Z")), "a Sunday");
        assertFalse(weekdays.firesInMinuteOf(Instant.parse("2026-12-02T09:50:00Z")));
        for (String bad : List.of("cron(61 0 * * ? *)", "cron(0 0 1 * MON *)", "cron(0 0 L * ? *)", "at(2026-12-01T00:00:00)",
                "rate(0 minutes)")) {
            assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse(bad, "UTC"), bad);
        }
    }

    @Test
    void everyScheduleOfTheTemplate_isOneTheRunnerRuns() {
        SamTemplate template = SamTemplate.read(ProjectLayout.template(), "");
        int crons = 0;
        for (SamTemplate.Function f : template.functions()) {
            for (SamTemplate.Schedule s : f.schedules()) {
                ScheduleExpression e = ScheduleExpression.parse(s.expression(), s.timezone());
                crons += e.isRate() ? 0 : 1;
            }
        }
        assertEquals(2, crons, "the daily check and the cycle close");
    }

    @Test
    void cronJobs_runOnceInTheirMinute_andADailyOneAlsoAtStart() throws Exception {
        List<String> runs = new CopyOnWriteArrayList<>();
        RequestHandler<Object, Object> kpi = (input, context) -> {
            runs.add(String.valueOf(((Map<?, ?>) input).get("job")));
            return null;
        };
        Instant start = Instant.parse("2026-11-30T16:29:30Z"); // 1 Dec 00:29:30 China time
        try (LocalScheduler scheduler = new LocalScheduler(Clock.fixed(start, ZoneOffset.UTC))) {
            scheduler.add("KpiFunction", new SamTemplate.Schedule("Daily", "cron(15 0 * * ? *)", "Asia/Shanghai",
                    "{\"job\": \"daily\"}"), kpi);
            scheduler.add("KpiFunction", new SamTemplate.Schedule("CycleClose", "cron(30 0 1,16 * ? *)", "Asia/Shanghai",
                    "{\"job\": \"close\"}"), kpi);
            scheduler.start();
            awaitRuns(runs, 1);
            assertEquals(List.of("daily"), runs, "the daily check catches up at start; the close waits for 00:30");
            scheduler.tick(Instant.parse("2026-11-30T16:29:59Z"));
            scheduler.tick(Instant.parse("2026-11-30T16:30:00Z"));
            scheduler.tick(Instant.parse("2026-11-30T16:30:40Z"));
            awaitRuns(runs, 2);
            scheduler.tick(Instant.parse("2026-11-30T16:31:00Z"));
            Thread.sleep(200);
            assertEquals(List.of("daily", "close"), runs, "the close once, in its minute");
        }
    }

    private static void awaitRuns(List<String> runs, int n) throws InterruptedException {
        for (int i = 0; i < 100 && runs.size() < n; i++) {
            Thread.sleep(20);
        }
    }
}
