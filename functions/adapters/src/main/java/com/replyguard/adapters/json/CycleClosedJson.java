package com.replyguard.adapters.json;

import com.replyguard.assessment.KpiReport;
import java.util.LinkedHashMap;
import java.util.Map;

/** The CycleClosed event's detail (docs/events/cycle-closed.v1.schema.json): final figures and pass/fail per metric (R16). */
public final class CycleClosedJson {
    public static final String DETAIL_TYPE = "CycleClosed";

    private CycleClosedJson() {
    }

    /** Stable per merchant and cycle: a repeated close publishes the same id, which consumers deduplicate. */
    public static String eventId(KpiReport r) {
        return "cycle-closed:" + r.merchant().value() + ":" + r.cycle();
    }

    public static Map<String, Object> detail(KpiReport r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("schemaVersion", 1);
        d.put("eventId", eventId(r));
        d.put("merchantId", r.merchant().value());
        d.put("cycle", r.cycle().toString());
        d.put("closedAt", Instants.format(r.asOf()));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("firstReply2Min", MetricFigureJson.of(r.firstReply2Min()));
        metrics.put("reply3Min", MetricFigureJson.of(r.reply3Min()));
        metrics.put("satisfaction", MetricFigureJson.of(r.satisfaction()));
        d.put("metrics", metrics);
        boolean barred = Boolean.FALSE.equals(r.firstReply2Min().passing()) || Boolean.FALSE.equals(r.reply3Min().passing())
                || Boolean.FALSE.equals(r.satisfaction().passing());
        d.put("passing", !barred);
        return d;
    }
}
