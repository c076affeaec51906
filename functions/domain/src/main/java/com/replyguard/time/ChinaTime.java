package com.replyguard.time;

import java.time.ZoneOffset;

/** R17: the platform assesses in China time, UTC+8 all year (no daylight saving). */
public final class ChinaTime {
    public static final ZoneOffset ZONE = ZoneOffset.ofHours(8);

    private ChinaTime() {
    }
}
