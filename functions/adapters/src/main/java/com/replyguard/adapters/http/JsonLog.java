package com.replyguard.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One structured JSON line per log entry (stderr: CloudWatch in AWS; stdout stays free for the
 * local runner's READY line). Callers pass only
 * operational fields: merchant id, counts, status, error class. Never a customer id, message
 * text, token or secret (invariant 8) - there is deliberately no "log the request" helper.
 */
public final class JsonLog {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String function;
    private final Clock clock;
    private final PrintStream out;

    public JsonLog(String function, Clock clock, PrintStream out) {
        this.function = function;
        this.clock = clock;
        this.out = out;
    }

    public void info(String message, Object... keyValues) {
        write("INFO", message, keyValues);
    }

    public void warn(String message, Object... keyValues) {
        write("WARN", message, keyValues);
    }

    public void error(String message, Object... keyValues) {
        write("ERROR", message, keyValues);
    }

    private void write(String level, String message, Object... keyValues) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("time", clock.instant().toString());
        entry.put("level", level);
        entry.put("function", function);
        entry.put("message", message);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            entry.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        try {
            out.println(MAPPER.writeValueAsString(entry));
        } catch (JsonProcessingException e) {
            out.println("{\"level\":\"ERROR\",\"message\":\"unloggable entry\"}");
        }
    }
}
