package com.replyguard.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Never flood a group: a channel's budget never lets more messages out in any minute than its robot
 * accepts, less one (钉钉 blocks a robot for 10 minutes above 20), whatever the arrivals; a lone alert
 * goes out at once; channels of one merchant take turns on their grids.
 */
class BudgetTest {
    private static final Instant T0 = Instant.parse("2026-10-03T12:00:00.123Z");

    /** A sender that sends whenever the bucket allows, asked at random instants (a burst and a trickle). */
    private static List<Instant> greedySends(Budget b, long phase, long seed, int asks, Duration over) {
        Random r = new Random(seed);
        List<Instant> asked = new ArrayList<>();
        for (int i = 0; i < asks; i++) {
            asked.add(T0.plusMillis((long) (r.nextDouble() * r.nextDouble() * over.toMillis())));
        }
        asked.sort(null);
        ChannelState s = ChannelState.fresh(b, phase, T0);
        List<Instant> sent = new ArrayList<>();
        for (Instant at : asked) {
            Instant now = at;
            while (true) {
                ChannelState.Take t = s.take(b, phase, "x", now);
                if (t instanceof ChannelState.Granted g) {
                    sent.add(now);
                    s = g.next().released(b, phase, false, Duration.ZERO, now);
                    break;
                }
                now = ((ChannelState.Wait) t).at();
            }
        }
        return sent;
    }

    private static long maxInWindow(List<Instant> sends, Duration window) {
        long max = 0;
        for (int i = 0; i < sends.size(); i++) {
            int j = i;
            while (j < sends.size() && sends.get(j).isBefore(sends.get(i).plus(window))) {
                j++;
            }
            max = Math.max(max, j - i);
        }
        return max;
    }

    @Test
    void dingtalkAndWecomBudgets_neverSendMoreThan19InAnyMinute_evenUnderABurstOf1000() {
        for (ChannelKind kind : List.of(ChannelKind.DINGTALK, ChannelKind.WECOM)) {
            Budget b = kind.budget();
            assertEquals(19, b.maxIn(Duration.ofMinutes(1)), kind + ": the bound the budget promises");
            for (long seed = 1; seed <= 5; seed++) {
                List<Instant> sends = greedySends(b, b.phaseOf((int) seed % 3, 3), seed, 1000, Duration.ofMinutes(3));
                assertTrue(maxInWindow(sends, Duration.ofMinutes(1)) <= 19, kind + " seed " + seed + ": "
                        + maxInWindow(sends, Duration.ofMinutes(1)) + " in a minute");
                assertTrue(maxInWindow(sends, Duration.ofMinutes(1)) >= 18, "and it uses what it may: "
                        + maxInWindow(sends, Duration.ofMinutes(1)));
            }
        }
    }

    @Test
    void feishuBudget_staysUnder5ASecondAnd80AMinute() {
        Budget b = ChannelKind.FEISHU.budget();
        List<Instant> sends = greedySends(b, 0, 7, 2000, Duration.ofMinutes(2));
        assertTrue(maxInWindow(sends, Duration.ofSeconds(1)) <= 4, "per second: " + maxInWindow(sends, Duration.ofSeconds(1)));
        assertTrue(maxInWindow(sends, Duration.ofMinutes(1)) <= 79, "per minute: " + maxInWindow(sends, Duration.ofMinutes(1)));
    }

    @Test
    void aLowerPerMinute_isKeptToo_andBelow3IsRefused() {
        for (int perMinute : List.of(3, 5, 9, 10, 12, 20)) {
            Budget b = Budget.forPerMinute(perMinute);
            List<Instant> sends = greedySends(b, 0, perMinute, 300, Duration.ofMinutes(2));
            assertTrue(maxInWindow(sends, Duration.ofMinutes(1)) <= perMinute - 1, perMinute + "/min: "
                    + maxInWindow(sends, Duration.ofMinutes(1)));
        }
        assertThrows(IllegalArgumentException.class, () -> Budget.forPerMinute(2));
    }

    @Test
    void aLoneAlert_goesOutAtOnce_andTheSecondToo_thenTheGridDecides() {
        Budget b = ChannelKind.DINGTALK.budget();
        ChannelState s = ChannelState.fresh(b, 0, T0);
        ChannelState.Take first = s.take(b, 0, "a", T0);
        assertTrue(first instanceof ChannelState.Granted);
        s = ((ChannelState.Granted) first).next().released(b, 0, false, Duration.ZERO, T0);
        s = ((ChannelState.Granted) s.take(b, 0, "a", T0)).next().released(b, 0, false, Duration.ZERO, T0);
        ChannelState.Take third = s.take(b, 0, "a", T0);
        assertTrue(third instanceof ChannelState.Wait);
        assertEquals(b.nextTokenAfter(T0, 0), ((ChannelState.Wait) third).at());
        assertTrue(!((ChannelState.Wait) third).at().isAfter(T0.plus(b.interval())));
    }

    @Test
    void channelsOfOneMerchant_takeTurns_theirTokensComeAtEvenlySpreadInstants() {
        Budget b = ChannelKind.WECOM.budget();
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            offsets.add(b.nextTokenAfter(T0, b.phaseOf(i, 3)).toEpochMilli() % b.interval().toMillis());
        }
        assertEquals(List.of(0L, b.interval().toMillis() / 3, 2 * b.interval().toMillis() / 3), offsets);
    }

    @Test
    void aHeldChannel_makesOthersWait_andALockWhoseHolderDiedExpires() {
        Budget b = ChannelKind.DINGTALK.budget();
        ChannelState held = ((ChannelState.Granted) ChannelState.fresh(b, 0, T0).take(b, 0, "a", T0)).next();
        ChannelState.Take other = held.take(b, 0, "b", T0.plusSeconds(1));
        assertTrue(other instanceof ChannelState.Wait w && w.at().equals(T0.plus(ChannelState.LEASE)));
        assertTrue(held.take(b, 0, "b", T0.plus(ChannelState.LEASE)) instanceof ChannelState.Granted, "an expired lock is taken over");
    }

    @Test
    void aVendorThrottle_blocksTheChannel_andARefundReturnsAnUnusedToken() {
        Budget b = ChannelKind.DINGTALK.budget();
        ChannelState held = ((ChannelState.Granted) ChannelState.fresh(b, 0, T0).take(b, 0, "a", T0)).next();
        ChannelState blocked = held.released(b, 0, false, Duration.ofMinutes(10), T0);
        ChannelState.Take t = blocked.take(b, 0, "a", T0.plusSeconds(599));
        assertTrue(t instanceof ChannelState.Wait w && w.at().equals(T0.plus(Duration.ofMinutes(10))));
        assertTrue(blocked.take(b, 0, "a", T0.plus(Duration.ofMinutes(10))) instanceof ChannelState.Granted);
        ChannelState refunded = held.released(b, 0, true, Duration.ZERO, T0);
        assertEquals(2, refunded.tokens(), "the token of a send that did not happen comes back");
    }

    @Test
    void aChangedBudget_startsFromAnEmptyBucket_neverFromTheOldOnesTokens() {
        Budget old = Budget.forPerMinute(20);
        ChannelState s = ChannelState.fresh(old, 0, T0);
        Budget lower = Budget.forPerMinute(5);
        ChannelState.Take t = s.take(lower, 0, "a", T0.plusMillis(1));
        assertTrue(t instanceof ChannelState.Wait, "two tokens of the old budget do not carry over");
    }
}
