package com.replyguard.intake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event as it came over the wire, before validation: field name to a plain Java value
 * (String, Boolean, Long, java.math.BigDecimal, Map, List or null; a number too large for any of
 * them, such as {@code 1e1000000000}, is an infinite Double, which no field accepts), or not a
 * JSON object at all. The JSON adapter builds these; the domain decides what they mean.
 */
public final class RawEvent {
    private final Map<String, Object> fields;
    private final boolean object;

    private RawEvent(Map<String, Object> fields, boolean object) {
        this.fields = fields;
        this.object = object;
    }

    public static RawEvent of(Map<String, Object> fields) {
        return new RawEvent(Collections.unmodifiableMap(new LinkedHashMap<>(fields)), true);
    }

    /** The batch held something other than a JSON object at this position. */
    public static RawEvent notAnObject() {
        return new RawEvent(Map.of(), false);
    }

    public boolean isObject() {
        return object;
    }

    public boolean has(String field) {
        return fields.containsKey(field) && fields.get(field) != null;
    }

    public Object get(String field) {
        return fields.get(field);
    }

    public Map<String, Object> fields() {
        return fields;
    }
}
