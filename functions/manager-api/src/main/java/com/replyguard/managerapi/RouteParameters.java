package com.replyguard.managerapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.adapters.http.ApiRequest;
import com.replyguard.adapters.json.Instants;
import com.replyguard.assessment.Cycle;
import com.replyguard.conversation.ConversationId;
import com.replyguard.intake.InvalidInput;
import com.replyguard.intake.PlausibleTime;
import com.replyguard.intake.Problem;
import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What the routes parse alike: cycles, months, instants and limits of the query, ids of the path,
 * JSON bodies, problems as "field message". A bad value is an {@link InvalidInput} naming it.
 */
final class RouteParameters {
    static final ObjectMapper JSON = new ObjectMapper();

    private RouteParameters() {
    }

    /** The longest id a path or query parameter may carry (agents, conversations, alerts, customers). */
    static final int MAX_ID = ConversationId.MAX_LENGTH;

    /** A body that is not JSON (or is declared as something else): 415. */
    static final class NotJson extends RuntimeException {
        NotJson(String message) {
            super(message);
        }
    }

    static JsonNode jsonBody(ApiRequest request, boolean required) throws NotJson {
        String contentType = request.header("Content-Type");
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new NotJson("Content-Type must be application/json");
        }
        byte[] body = request.body();
        if (body.length == 0 && !required) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null) {
                throw new NotJson("body is not valid JSON");
            }
            return n;
        } catch (IOException e) {
            throw new NotJson("body is not valid JSON");
        }
    }

    /** The {@code cycle} query parameter of every report; absent: the cycle running now. */
    static Cycle cycle(ApiRequest request, Supplier<Cycle> current) {
        String text = request.query("cycle");
        if (text == null) {
            return current.get();
        }
        Cycle cycle = Cycle.parse(text).orElseThrow(() -> InvalidInput.of("cycle",
                "'" + text + "' is not a cycle; expected YYYY-MM-H1 (days 1-15) or YYYY-MM-H2 (16 to month end)"));
        if (!plausible(cycle)) {
            throw InvalidInput.of("cycle", "'" + text + "' lies outside the instants this API serves: " + PlausibleTime.range());
        }
        return cycle;
    }

    /** The same, a bad cycle added to {@code problems} (then null) so one answer names every bad parameter. */
    static Cycle cycle(ApiRequest request, Supplier<Cycle> current, List<Problem> problems) {
        try {
            return cycle(request, current);
        } catch (InvalidInput e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /** The {@code month} query parameter ({@code 2026-10}); absent: the month running now. */
    static YearMonth month(ApiRequest request, Supplier<YearMonth> current) {
        String text = request.query("month");
        if (text == null) {
            return current.get();
        }
        YearMonth month;
        try {
            month = YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("month", "'" + text + "' is not a month like 2026-10");
        }
        if (!plausible(new Cycle(month, Cycle.Half.H1)) || !plausible(new Cycle(month, Cycle.Half.H2))) {
            throw InvalidInput.of("month", "'" + text + "' lies outside the instants this API serves: " + PlausibleTime.range());
        }
        return month;
    }

    /** A cycle wholly inside the instants this API serves. */
    private static boolean plausible(Cycle cycle) {
        return PlausibleTime.contains(cycle.from().toInstant()) && !cycle.to().toInstant().isAfter(PlausibleTime.LATEST);
    }

    /** A path parameter holding an id of 1 to {@link #MAX_ID} characters. */
    static String id(ApiRequest request, String name) {
        String id = request.pathParameter(name);
        if (id == null || id.isEmpty() || id.length() > MAX_ID) {
            throw InvalidInput.of(name, "must be 1-" + MAX_ID + " characters");
        }
        return id;
    }

    /** One of the allowed values of a query parameter; absent: null. */
    static String choice(ApiRequest request, String name, List<String> allowed) {
        String text = request.query(name);
        if (text != null && !allowed.contains(text)) {
            throw InvalidInput.of(name, "must be one of " + String.join(", ", allowed) + " (got '" + text + "')");
        }
        return text;
    }

    /**
     * A JSON body whatever its declared Content-Type (the excuse and classification routes never
     * held clients to it); empty: an empty object.
     */
    static JsonNode anyJson(ApiRequest request) {
        byte[] body = request.body();
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(body);
            return n == null ? JSON.createObjectNode() : n;
        } catch (IOException e) {
            throw new NotJson("body is not valid JSON");
        }
    }

    static Instant instant(ApiRequest request, String name, List<Problem> problems) {
        String text = request.query(name);
        if (text == null) {
            return null;
        }
        try {
            Instant instant = Instants.parse(text);
            if (!PlausibleTime.contains(instant)) {
                problems.add(Problem.ofBatch(name, "'" + text + "' lies outside the instants this API serves: "
                        + PlausibleTime.range()));
                return null;
            }
            return instant;
        } catch (IllegalArgumentException e) {
            problems.add(Problem.ofBatch(name, e.getMessage()));
            return null;
        }
    }

    static Integer limit(ApiRequest request, int max, List<Problem> problems) {
        String text = request.query("limit");
        if (text == null) {
            return null;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit < 1 || limit > max) {
                problems.add(Problem.ofBatch("limit", "must be between 1 and " + max + " (got " + text + ")"));
            }
            return limit;
        } catch (NumberFormatException e) {
            problems.add(Problem.ofBatch("limit", "must be a whole number between 1 and " + max + " (got '" + text + "')"));
            return null;
        }
    }

    /** "channels[0].url must use https" → field {@code channels[0].url}, message {@code must use https}. */
    static List<Problem> problems(List<String> texts) {
        List<Problem> out = new ArrayList<>();
        for (String p : texts) {
            int space = p.indexOf(' ');
            out.add(Problem.ofBatch(space < 0 ? p : p.substring(0, space), space < 0 ? p : p.substring(space + 1)));
        }
        return out;
    }
}
