package com.replyguard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.replyguard.dynalite.ProjectLayout;
import com.replyguard.dynalite.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * template.yaml against the code that uses it (issue 6, a `sam validate` stand-in for what SAM
 * cannot know): handlers exist and are Lambda handlers; every variable a composition root requires
 * is set for its function; every index the adapters query is declared; every table, queue, bus and
 * function a policy names exists, every function's tables are covered by its policies, and the
 * manager routes of the template are exactly those the handler answers.
 */
class TemplateTest {
    private static final SamTemplate TEMPLATE = SamTemplate.read(ProjectLayout.template(), "");
    private static final Pattern REQUIRE = Pattern.compile("require\\(\"([A-Z_]+)\"\\)");

    private static String source(Path dir) {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(f));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return all.toString();
    }

    private static Set<String> required(String source) {
        Set<String> names = new TreeSet<>();
        Matcher m = REQUIRE.matcher(source);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The function module of a handler class: functions/<module>/src/main/java. */
    private static Path moduleOf(String handlerClass) {
        try (Stream<Path> files = Files.walk(ProjectLayout.root().resolve("functions"))) {
            String file = handlerClass.replace('.', '/') + ".java";
            return files.filter(p -> p.toString().endsWith(file)).findFirst()
                    .orElseThrow(() -> new AssertionError("no source for handler " + handlerClass)).getParent();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyHandlerExists_isALambdaHandler_andHasBothConstructors() throws Exception {
        assertEquals(5, TEMPLATE.functions().size(), "ingest, manager API, deadline, escalation, KPI");
        for (SamTemplate.Function f : TEMPLATE.functions()) {
            Class<?> type = Class.forName(f.handlerClass());
            assertTrue(RequestHandler.class.isAssignableFrom(type), f.logicalId() + " handler is not a RequestHandler");
            type.getConstructor(); // the Lambda runtime's
            type.getConstructor(Map.class); // the local runner's
        }
    }

    @Test
    void everyVariableACompositionRootRequires_isSetForItsFunction() {
        Set<String> storage = required(source(ProjectLayout.root().resolve("functions/adapters/src/main/java/com/replyguard/adapters/config")));
        assertTrue(storage.contains("CONVERSATIONS_TABLE") && storage.contains("KPIS_TABLE"), storage.toString());
        for (SamTemplate.Function f : TEMPLATE.functions()) {
            Set<String> needed = new TreeSet<>(storage);
            needed.addAll(required(source(moduleOf(f.handlerClass()))));
            needed.remove("AWS_REGION"); // set by the Lambda runtime
            Set<String> missing = new TreeSet<>(needed);
            missing.removeAll(f.environment().keySet());
            assertTrue(missing.isEmpty(), f.logicalId() + " lacks " + missing);
        }
    }

    @Test
    void everyIndexTheAdaptersQuery_isDeclared() {
        Set<String> declared = new HashSet<>();
        TEMPLATE.resources().fields().forEachRemaining(r -> r.getValue().path("Properties").path("GlobalSecondaryIndexes")
                .forEach(i -> declared.add(i.path("IndexName").asText())));
        // index names are string literals "By…" in the adapters (passed to indexName(...) directly or via a constant)
        Matcher m = Pattern.compile("\"(By[A-Z][A-Za-z]+)\"").matcher(source(ProjectLayout.root().resolve("functions/adapters/src/main/java")));
        Set<String> used = new TreeSet<>();
        while (m.find()) {
            used.add(m.group(1));
        }
        assertTrue(used.size() >= 8, used.toString());
        used.removeAll(declared);
        assertTrue(used.isEmpty(), "queried but not declared: " + used);
    }

    @Test
    void everyPolicyNamesAnExistingResource_andCoversTheFunctionsTables() {
        JsonNode resources = TEMPLATE.resources();
        Map<String, String> globals = new java.util.HashMap<>();
        TEMPLATE.functionGlobals().path("Environment").path("Variables").fields()
                .forEachRemaining(e -> globals.put(e.getKey(), e.getValue().asText()));
        for (SamTemplate.Function f : TEMPLATE.functions()) {
            JsonNode policies = resources.path(f.logicalId()).path("Properties").path("Policies");
            Set<String> tables = new TreeSet<>();
            List<String> named = new ArrayList<>();
            for (JsonNode p : policies) {
                p.fields().forEachRemaining(e -> {
                    JsonNode arg = e.getValue();
                    for (String key : List.of("TableName", "EventBusName", "FunctionName", "QueueName")) {
                        if (arg.has(key)) {
                            named.add(arg.path(key).asText());
                            if (key.equals("TableName")) {
                                tables.add(arg.path(key).asText());
                            }
                        }
                    }
                });
            }
            for (String name : named) {
                assertTrue(resources.has(name), f.logicalId() + " has a policy on " + name + ", which the template does not declare");
            }
            assertTrue(f.environment().getOrDefault("ESCALATION_FUNCTION", "EscalationFunction").equals("EscalationFunction"),
                    "the deadline function invokes the escalation function");
            // the tables this function is given (its *_TABLE variables) that its code uses: the storage wiring
            // builds every store, so each function needs a policy on every table it reads at start; the deadline
            // function only reads conversations and the wheel's watermark
            Set<String> expected = new TreeSet<>(List.of("ConversationsTable", "MerchantsTable"));
            switch (f.logicalId()) {
                case "IngestFunction", "EscalationFunction" -> expected.addAll(List.of("AssessmentsTable", "BreachesTable"));
                case "ManagerApiFunction" -> expected.addAll(List.of("AssessmentsTable", "BreachesTable", "KpisTable",
                        "TextsTable"));
                case "KpiFunction" -> expected.add("KpisTable");
                default -> { }
            }
            if (f.logicalId().equals("IngestFunction")) {
                expected.add("TextsTable");
            }
            Set<String> uncovered = new TreeSet<>(expected);
            uncovered.removeAll(tables);
            assertTrue(uncovered.isEmpty(), f.logicalId() + " uses " + uncovered + " without a policy");
            if (f.environment().containsKey("EVENT_BUS_NAME")) {
                assertTrue(policies.toString().contains("EventBridgePutEventsPolicy"), f.logicalId() + " publishes without a policy");
            }
            if (f.environment().containsKey("ESCALATION_FUNCTION")) {
                assertTrue(policies.toString().contains("LambdaInvokePolicy"), f.logicalId() + " invokes without a policy");
            }
            for (var e : f.environment().entrySet()) {
                if (e.getKey().endsWith("_TABLE")) {
                    assertTrue(resources.has(e.getValue()), e.getKey() + " names " + e.getValue() + ", not a declared table");
                }
            }
        }
        assertTrue(globals.containsKey("CONVERSATIONS_TABLE"));
    }

    @Test
    void theManagerRoutesOfTheTemplate_areExactlyThoseTheHandlerAnswers_eachBehindTheJwtAuthorizer() throws Exception {
        SamTemplate.Function api = TEMPLATE.functions().stream().filter(f -> f.logicalId().equals("ManagerApiFunction"))
                .findFirst().orElseThrow();
        Set<String> templateRoutes = new TreeSet<>();
        api.routes().forEach(r -> templateRoutes.add(r.method() + " " + r.path()));
        var field = Class.forName("com.replyguard.managerapi.ManagerApiHandler").getDeclaredField("ROUTES");
        field.setAccessible(true);
        @SuppressWarnings("unchecked")
        List<String> handled = (List<String>) field.get(null);
        assertEquals(new TreeSet<>(handled), templateRoutes);
        TEMPLATE.resources().path("ManagerApiFunction").path("Properties").path("Events").fields().forEachRemaining(e ->
                assertEquals("ManagerJwt", e.getValue().path("Properties").path("Auth").path("Authorizer").asText(),
                        e.getKey() + " is not behind the JWT authorizer"));
    }

    @Test
    void functionsRunFromPrimedSnapshots_andAsynchronousCallsGoToTheAlias() {
        JsonNode g = TEMPLATE.functionGlobals();
        assertEquals("java21", g.path("Runtime").asText());
        assertEquals("live", g.path("AutoPublishAlias").asText(), "SnapStart applies to published versions only");
        assertEquals("PublishedVersions", g.path("SnapStart").path("ApplyOn").asText());
        assertEquals("JSON", g.path("LoggingConfig").path("LogFormat").asText());
        assertEquals("EscalationFunction.Alias", TEMPLATE.resources().path("DeadlineFunction").path("Properties")
                .path("Environment").path("Variables").path("ESCALATION_FUNCTION").asText(), "invoke the alias, not $LATEST");
        for (String alarm : List.of("BreachLagAlarm", "SchedulerDeadLetterAlarm", "EscalationFailuresAlarm", "IngestErrorsAlarm",
                "FunctionErrorsAlarm", "ApiThrottlesAlarm")) {
            assertEquals("AWS::CloudWatch::Alarm", TEMPLATE.resources().path(alarm).path("Type").asText(), alarm);
        }
        for (var r = TEMPLATE.resources().fields(); r.hasNext(); ) {
            var t = r.next();
            if (t.getValue().path("Type").asText().equals("AWS::DynamoDB::Table")) {
                assertTrue(t.getValue().path("Properties").path("PointInTimeRecoverySpecification")
                        .path("PointInTimeRecoveryEnabled").asBoolean(), t.getKey() + " without point-in-time recovery");
            }
        }
    }

    @Test
    void theBusRule_matchesTheEventsTheFunctionsPublish() {
        JsonNode rule = TEMPLATE.resources().path("AlertsToLogsRule").path("Properties");
        assertEquals("ReplyGuardEventBus", rule.path("EventBusName").asText());
        assertEquals(com.replyguard.adapters.json.AlertEventJson.SOURCE, rule.path("EventPattern").path("source").get(0).asText());
        Set<String> types = new TreeSet<>();
        rule.path("EventPattern").path("detail-type").forEach(t -> types.add(t.asText()));
        assertEquals(new TreeSet<>(List.of("SlaBreached", "SlaEscalated", com.replyguard.adapters.json.CycleClosedJson.DETAIL_TYPE)),
                types);
    }

    @Test
    void everyScheduleHasARetryPolicyAndADeadLetterQueue_andCronsRunInChinaTime() {
        int schedules = 0;
        for (var r = TEMPLATE.resources().fields(); r.hasNext(); ) {
            var resource = r.next();
            for (var e = resource.getValue().path("Properties").path("Events").fields(); e.hasNext(); ) {
                var event = e.next();
                if (!"ScheduleV2".equals(event.getValue().path("Type").asText())) {
                    continue;
                }
                schedules++;
                JsonNode p = event.getValue().path("Properties");
                assertTrue(p.has("RetryPolicy") && p.path("DeadLetterConfig").has("Arn"), event.getKey());
                if (p.path("ScheduleExpression").asText().startsWith("cron(")) {
                    assertEquals("Asia/Shanghai", p.path("ScheduleExpressionTimezone").asText(), event.getKey());
                }
            }
        }
        assertEquals(4, schedules, "the deadline wheel, the KPI fold, the daily check, the cycle close");
    }
}
