package com.replyguard.adapters.json;

import com.replyguard.assessment.MetricFigure;
import java.util.LinkedHashMap;
import java.util.Map;

/** A platform metric as the contract writes it: {@code met, total, rate, target, passing} (rate and passing null when total is 0). */
public final class MetricFigureJson {
    private MetricFigureJson() {
    }

    public static Map<String, Object> of(MetricFigure f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("met", f.met());
        m.put("total", f.total());
        m.put("rate", f.rate());
        m.put("target", f.target());
        m.put("passing", f.passing());
        return m;
    }
}
