package com.replyguard.testing;

import com.replyguard.clock.BusinessCalendar;
import com.replyguard.clock.ClockType;
import com.replyguard.clock.SlaPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test vocabulary: a policy with one thing changed (production builds policies from their JSON, PolicyJson). */
public final class Policies {
    private Policies() {
    }

    public static SlaPolicy withTarget(SlaPolicy p, ClockType clock, SlaPolicy.Targets t) {
        Map<ClockType, SlaPolicy.Targets> m = p.targets();
        m.put(clock, t);
        return new SlaPolicy(m, p.warningShare(), p.escalationDelays(), p.businessHours(), p.pausedOutOfHours());
    }

    public static SlaPolicy withLadder(SlaPolicy p, double share, List<Duration> delays) {
        return new SlaPolicy(p.targets(), share, delays, p.businessHours(), p.pausedOutOfHours());
    }

    public static SlaPolicy withBusinessHours(SlaPolicy p, BusinessCalendar calendar, Set<ClockType> paused) {
        return new SlaPolicy(p.targets(), p.warningShare(), p.escalationDelays(), calendar, paused);
    }
}
