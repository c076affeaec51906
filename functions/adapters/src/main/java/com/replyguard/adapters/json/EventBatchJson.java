package com.replyguard.adapters.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.intake.BatchRejected;
import com.replyguard.intake.Problem;
import com.replyguard.intake.RawEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a webhook body {@code {"events": [ ... ]}} into raw events for the domain to validate.
 * Not JSON at all is {@link NotJson} (contract: 415); JSON of the wrong shape is a
 * {@link BatchRejected} (400). Nesting depth and string lengths are bounded.
 */
public final class EventBatchJson {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(100_000).build())
            .build());

    /** The body is not parseable JSON. */
    public static final class NotJson extends RuntimeException {
        public NotJson(String message) {
            super(message);
        }
    }

    private EventBatchJson() {
    }

    /**
     * Parses a body as JSON within the limits (nesting depth 32, strings of 100,000 characters);
     * anything else - not JSON, empty, over the limits - is {@link NotJson}. Every push route uses it.
     */
    public static JsonNode parse(byte[] body) {
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(body)) {
            root = MAPPER.readTree(parser);
            if (root == null || root.isMissingNode()) {
                throw new NotJson("body is empty");
            }
            // exactly one JSON document per body: anything after it (garbage, a second document) refuses
            // the whole body, so no event of a request is silently dropped
            try {
                if (parser.nextToken() != null) {
                    throw new NotJson("body must hold exactly one JSON document; more follows it" + where(parser));
                }
            } catch (JsonProcessingException e) {
                throw new NotJson("body must hold exactly one JSON document; more follows it" + where(e));
            }
        } catch (StreamConstraintsException e) {
            throw new NotJson("body exceeds the JSON limits (nesting depth 32, strings of 100,000 characters)");
        } catch (JsonProcessingException e) {
            throw new NotJson("body is not valid JSON" + where(e));
        } catch (IOException e) {
            throw new NotJson("body is not valid JSON");
        }
        return root;
    }

    private static String where(JsonParser parser) {
        return " (line " + parser.currentLocation().getLineNr() + ", column " + parser.currentLocation().getColumnNr() + ")";
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    public static List<RawEvent> decode(byte[] body) {
        JsonNode root = parse(body);
        if (!root.isObject()) {
            throw new BatchRejected("invalid batch", List.of(Problem.ofBatch("", "body must be a JSON object {\"events\": [...]}")));
        }
        JsonNode events = root.get("events");
        if (events == null || !events.isArray()) {
            throw new BatchRejected("invalid batch", List.of(Problem.ofBatch("events", "is required: an array of 1 to 500 events")));
        }
        List<RawEvent> raw = new ArrayList<>(events.size());
        for (JsonNode e : events) {
            raw.add(e.isObject() ? RawEvent.of(fields(e)) : RawEvent.notAnObject());
        }
        return raw;
    }

    private static Map<String, Object> fields(JsonNode object) {
        Map<String, Object> m = new LinkedHashMap<>();
        object.fields().forEachRemaining(f -> m.put(f.getKey(), plain(f.getValue())));
        return m;
    }

    private static Object plain(JsonNode n) {
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.longValue() : n.decimalValue();
        }
        if (n.isNumber()) {
            // a float too large for a double (1e1000000000) is parsed as infinity, which no BigDecimal
            // holds: it stays an infinite Double, refused by whichever field it is in
            return Double.isFinite(n.doubleValue()) ? n.decimalValue() : (Object) n.doubleValue();
        }
        if (n.isObject()) {
            return fields(n);
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(plain(x)));
            return l;
        }
        return null;
    }
}
