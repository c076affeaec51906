package com.replyguard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml on its own: a valid OpenAPI 3.1 document whose routes are exactly the
 * handlers' route tables, per API; whose examples fit its schemas; whose answer schemas name their
 * fields and refuse others. And the checks themselves: a deliberately wrong copy of the document
 * is caught, so a passing end-to-end suite means something.
 */
class OpenApiDocumentTest {
    private static final OpenApiContract DOCUMENT = OpenApiContract.repository();

    /** What differs between a document's routes and the handlers', in words that say where to fix it. */
    static List<String> routeProblems(OpenApiContract document) {
        List<String> problems = new ArrayList<>();
        compare(document.routes(OpenApiContract.Api.WEBHOOKS), HandlerRoutes.webhooks(), "WebhookIngestHandler.ROUTES",
                "tagged " + OpenApiContract.WEBHOOKS_TAG, problems);
        compare(document.routes(OpenApiContract.Api.MANAGER), HandlerRoutes.manager(), "ManagerApiHandler.ROUTES",
                "not tagged " + OpenApiContract.WEBHOOKS_TAG, problems);
        return problems;
    }

    private static void compare(SortedSet<String> documented, SortedSet<String> handled, String table, String tagging,
            List<String> problems) {
        SortedSet<String> missing = new TreeSet<>(handled);
        missing.removeAll(documented);
        SortedSet<String> extra = new TreeSet<>(documented);
        extra.removeAll(handled);
        for (String route : missing) {
            problems.add(route + " is in " + table + " but missing from docs/openapi.yaml (add its block under paths, "
                    + tagging + ")");
        }
        for (String route : extra) {
            problems.add(route + " is in docs/openapi.yaml (" + tagging + ") but not in " + table);
        }
    }

    @Test
    void theDocument_isAValidOpenApi31Document() {
        assertEquals(List.of(), DOCUMENT.parserMessages(), "swagger-parser's messages about docs/openapi.yaml");
        assertEquals("3.1.0", DOCUMENT.tree().path("openapi").asText());
    }

    @Test
    void itsRoutes_areExactlyTheHandlersRouteTables_perApi() {
        assertEquals(List.of(), routeProblems(DOCUMENT));
        assertEquals(HandlerRoutes.webhooks().size() + HandlerRoutes.manager().size(), DOCUMENT.operations().size());
    }

    @Test
    void everyExample_fitsItsSchema() {
        assertEquals(List.of(), DOCUMENT.exampleProblems());
    }

    @Test
    void everyObjectAnAnswerReaches_namesItsRequiredFields_andSaysWhatElseItMayHold() {
        assertEquals(List.of(), DOCUMENT.looseAnswerSchemas());
    }

    @Test
    void aRouteMissingFromTheDocument_orOneTooMany_isNamedWithWhereItBelongs() {
        ObjectNode tree = (ObjectNode) DOCUMENT.tree();
        ObjectNode paths = (ObjectNode) tree.get("paths");
        paths.remove("/merchants/{merchantId}/leaderboard");
        // a path no handler serves (a made-up one, documented with the policy's operations)
        paths.set("/merchants/{merchantId}/no-such-route", paths.get("/merchants/{merchantId}/policy").deepCopy());
        List<String> problems = routeProblems(OpenApiContract.of(tree));
        assertTrue(problems.contains("GET /merchants/{merchantId}/leaderboard is in ManagerApiHandler.ROUTES but missing from"
                + " docs/openapi.yaml (add its block under paths, not tagged Webhooks)"), problems.toString());
        assertTrue(problems.contains("GET /merchants/{merchantId}/no-such-route is in docs/openapi.yaml (not tagged Webhooks) but not"
                + " in ManagerApiHandler.ROUTES"), problems.toString());
        assertTrue(problems.contains("PUT /merchants/{merchantId}/no-such-route is in docs/openapi.yaml (not tagged Webhooks) but not"
                + " in ManagerApiHandler.ROUTES"), problems.toString());
        // a webhook documented under the wrong API is missing from one and extra in the other
        ObjectNode retagged = (ObjectNode) DOCUMENT.tree();
        ((ObjectNode) retagged.at("/paths/~1webhooks~1{merchantId}~1douyin/post")).putArray("tags").add("Reports");
        List<String> moved = routeProblems(OpenApiContract.of(retagged));
        assertEquals(2, moved.size(), moved.toString());
        assertTrue(moved.get(0).startsWith("POST /webhooks/{merchantId}/douyin is in WebhookIngestHandler.ROUTES but missing"),
                moved.toString());
    }

    /** A real answer, as the ingest function writes it, against a wrong copy of the document. */
    @Test
    void aDeliberatelyWrongSchema_failsARealAnswer_whileTheRealSchemaPassesIt() {
        String answer = "{\"accepted\":2,\"duplicates\":0}";
        assertEquals(List.of(), DOCUMENT.problems("POST", "/webhooks/demo/events", 200, "application/json; charset=utf-8", answer));

        ObjectNode wrongType = (ObjectNode) DOCUMENT.tree();
        ((ObjectNode) wrongType.at("/components/schemas/IngestCounts/properties/accepted")).put("type", "string");
        assertFails(wrongType, answer, "/accepted");

        ObjectNode missingField = (ObjectNode) DOCUMENT.tree();
        ((ObjectNode) missingField.at("/components/schemas/IngestCounts/properties")).remove("duplicates");
        ((ArrayNode) missingField.at("/components/schemas/IngestCounts/required")).remove(1);
        assertFails(missingField, answer, "duplicates");

        ObjectNode extraRequired = (ObjectNode) DOCUMENT.tree();
        ((ArrayNode) extraRequired.at("/components/schemas/IngestCounts/required")).add("received");
        assertFails(extraRequired, answer, "received");

        // a nested reference: an instant in a breach that is not one
        String breaches = "{\"breaches\":[{\"breachId\":\"b_e34a039c6fca69ffb692e59f\",\"conversationId\":\"chat-1\","
                + "\"clock\":\"FIRST_REPLY\",\"deadline\":\"2026-10-03T10:01:00+08:00\",\"detectedAt\":\"soon\","
                + "\"clockStart\":\"2026-10-03T10:00:00+08:00\",\"targetSeconds\":60.0,\"channel\":\"CS_CHAT\","
                + "\"urgent\":false,\"answeredAt\":null,\"answeringAgentId\":null,\"responsibleAgentId\":null}],\"nextToken\":null}";
        List<String> problems = DOCUMENT.problems("GET", "/merchants/demo/breaches", 200, "application/json", breaches);
        assertTrue(problems.stream().anyMatch(p -> p.contains("/breaches/0/detectedAt")), problems.toString());

        // an undocumented status, media type or CSV header row
        assertTrue(DOCUMENT.problems("POST", "/webhooks/demo/events", 418, "application/json", answer).get(0)
                .contains("status 418 is not documented"));
        assertTrue(DOCUMENT.problems("POST", "/webhooks/demo/events", 200, "text/plain", "ok").get(0)
                .contains("media type 'text/plain' is not documented"));
        assertTrue(DOCUMENT.problems("GET", "/merchants/demo/breaches", 200, "text/csv", "\uFEFFbreachId,clock\r\n").get(0)
                .contains("CSV header row 'breachId,clock' is none of the documented ones"));
        // an unknown route is no operation of the document: nothing to hold it to
        assertEquals(List.of(), DOCUMENT.problems("GET", "/nothing/here", 404, "application/json", "{\"error\":\"no such route\"}"));
    }

    private static void assertFails(JsonNode wrongDocument, String answer, String mentioning) {
        List<String> problems = OpenApiContract.of(wrongDocument).problems("POST", "/webhooks/demo/events", 200,
                "application/json", answer);
        assertTrue(problems.stream().anyMatch(p -> p.contains(mentioning)),
                "a wrong schema must fail the answer, naming " + mentioning + ": " + problems);
    }
}
