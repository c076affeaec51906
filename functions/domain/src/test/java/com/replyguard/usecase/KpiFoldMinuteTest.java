package com.replyguard.usecase;

import static com.replyguard.testing.Events.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.replyguard.kpi.Fold;
import com.replyguard.testing.InMemoryConversationStore;
import com.replyguard.testing.InMemoryKpiStore;
import com.replyguard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The KPI λ's minute: a pass every second for the window; a slow pass is followed by the next at once. */
class KpiFoldMinuteTest {

    @Test
    void slowPasses_areFollowedAtOnce_andTheWindowIsKept() throws Exception {
        MutableClock clock = new MutableClock(at("2026-10-03T10:00:00"));
        List<Instant> passes = new ArrayList<>();
        boolean[] newPass = {true};
        InMemoryKpiStore kpis = new InMemoryKpiStore() {
            @Override
            public synchronized Fold.State foldState(int shard) {
                if (newPass[0]) { // the first read of a pass
                    newPass[0] = false;
                    passes.add(clock.instant());
                    if (passes.size() == 2) {
                        clock.advance(Duration.ofMillis(2500)); // the second pass takes 2.5 s
                    }
                }
                return super.foldState(shard);
            }
        };
        List<Instant> sleeps = new ArrayList<>();
        new FoldKpiCounters(new InMemoryConversationStore(), kpis, clock).runFor(Duration.ofSeconds(5), until -> {
            sleeps.add(until);
            if (until.isAfter(clock.instant())) {
                clock.set(until);
            }
            newPass[0] = true;
        });
        Instant t = at("2026-10-03T10:00:00");
        assertEquals(List.of(t, t.plusSeconds(1), t.plusMillis(3500), t.plusMillis(4500)), passes, "after the slow one: at once, then every second");
        assertEquals(3, sleeps.size());
    }
}
