package com.replyguard.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * EventBridge's event-pattern matching, for the local runner's rules: every field of the pattern
 * must match the event's; an object matches the event's object field by field, an array of values
 * matches a field equal to one of them (or an array field holding one of them). Content filters
 * ({@code prefix}, {@code anything-but}, {@code numeric} …) are refused loudly when the rules are
 * read, so the local runner never delivers what EventBridge would not, or the reverse.
 */
final class EventPatterns {
    private EventPatterns() {
    }

    /** Refuses a pattern this matcher cannot evaluate exactly. */
    static void check(String rule, JsonNode pattern) {
        if (!pattern.isObject() || pattern.isEmpty()) {
            throw new IllegalStateException("rule " + rule + ": an event pattern is a non-empty object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode p = f.getValue();
            if (p.isObject()) {
                check(rule, p);
            } else if (p.isArray()) {
                for (JsonNode option : p) {
                    if (option.isContainerNode()) {
                        throw new IllegalStateException("rule " + rule + ", field " + f.getKey()
                                + ": content filters are not supported by the local runner's event router");
                    }
                }
            } else {
                throw new IllegalStateException("rule " + rule + ", field " + f.getKey() + ": a pattern field is an object or a list");
            }
        }
    }

    static boolean matches(JsonNode pattern, JsonNode event) {
        for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode p = f.getValue();
            JsonNode v = event == null ? null : event.get(f.getKey());
            if (p.isObject()) {
                if (v == null || !v.isObject() || !matches(p, v)) {
                    return false;
                }
            } else if (!anyOf(p, v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyOf(JsonNode options, JsonNode v) {
        for (JsonNode option : options) {
            if (v == null || v.isNull()) {
                if (option.isNull()) {
                    return true;
                }
            } else if (v.isArray()) {
                for (JsonNode element : v) {
                    if (element.equals(option)) {
                        return true;
                    }
                }
            } else if (v.equals(option)) {
                return true;
            }
        }
        return false;
    }
}
