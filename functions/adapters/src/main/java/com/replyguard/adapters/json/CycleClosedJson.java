package com.replyguard.adapters.json;

import com.replyguard.assessment.KpiReport;
import com.replyguard.assessment.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;

/** The CycleClosed event's detail (docs/events/cycle-closed.v1.schema.json): final figures and pass/fail per metric (R16). */
public final class CycleClosedJson {
    public static final String DETAIL_TYPE = "CycleClosed";

    private CycleClosedJson() {
    }

    /**
     * Stable per merchant, cycle and revision: a repeated close publishes the same id, which consumers
     * deduplicate; a re-close after late history (revision 2, 3 ...) is a new event, {@code :r2} ...
     */
    public static String eventId(KpiReport r, int revision) {
        return "cycle-closed:" + r.merchant().value() + ":" + r.cycle() + (revision == 1 ? "" : ":r" + revision);
    }

    public static Map<String, Object> detail(KpiReport r, int revision) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("schemaVersion", 1);
        d.put("eventId", eventId(r, revision));
        d.put("revision", revision);
        d.put("merchantId", r.merchant().value());
        d.put("cycle", r.cycle().toString());
        d.put("closedAt", Instants.format(r.asOf()));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("firstReply2Min", MetricFigureJson.of(r.firstReply2Min()));
        metrics.put("reply3Min", MetricFigureJson.of(r.reply3Min()));
        metrics.put("satisfaction", MetricFigureJson.of(r.satisfaction()));
        d.put("metrics", metrics);
        d.put("passing", r.verdict() != Verdict.BARRED);
        return d;
    }
}
