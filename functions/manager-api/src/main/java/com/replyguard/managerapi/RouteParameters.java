package com.replyguard.managerapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.adapters.http.ApiRequest;
import com.replyguard.adapters.json.Instants;
import com.replyguard.intake.PlausibleTime;
import com.replyguard.intake.Problem;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the routes parse alike: instants and limits of the query, JSON bodies, problems as "field message". */
final class RouteParameters {
    static final ObjectMapper JSON = new ObjectMapper();

    private RouteParameters() {
    }

    /** A body that is not JSON (or is declared as something else): 415. */
    static final class NotJson extends Exception {
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
