package com.replyguard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.adapters.config.AlertingWiring;
import com.replyguard.adapters.json.AlertEventJson;
import com.replyguard.adapters.json.CycleClosedJson;
import com.replyguard.adapters.robots.HttpRobotClient;
import com.replyguard.assessment.Cycle;
import com.replyguard.dynalite.ProjectLayout;
import com.replyguard.dynalite.SamTemplate;
import com.replyguard.notify.Delivery;
import com.replyguard.notify.NoticeType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
 * template.yaml against the code that uses it (docs/deploy.md; a `sam validate` stand-in for what SAM
 * cannot know): handlers exist and are Lambda handlers; every variable a composition root requires
 * is set for its function; every index the adapters query is declared; every table, queue, bus and
 * function a policy names exists, every function's tables are covered by its policies, the
 * manager and webhook routes of the template are exactly those the handlers answer, and the
 * webhooks sit behind the per-merchant AWS WAF rate rule (decision 0006).
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

    /** The Java sources of a folder, without one file. */
    private static String sourceExcept(Path dir, String fileName) {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.getFileName().toString().equals(fileName)).toList()) {
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
        assertEquals(8, TEMPLATE.functions().size(), "ingest, manager API, deadline, escalation, KPI, notifier, console, token claims");
        for (SamTemplate.Function f : TEMPLATE.functions()) {
            Class<?> type = Class.forName(f.handlerClass());
            assertTrue(RequestHandler.class.isAssignableFrom(type), f.logicalId() + " handler is not a RequestHandler");
            type.getConstructor(); // the Lambda runtime's
            type.getConstructor(Map.class); // the local runner's
        }
    }

    @Test
    void everyVariableACompositionRootRequires_isSetForItsFunction() {
        Path config = ProjectLayout.root().resolve("functions/adapters/src/main/java/com/replyguard/adapters/config");
        // every function builds the storage adapters; the two that reach people also build AlertingWiring
        Set<String> storage = required(sourceExcept(config, "AlertingWiring.java"));
        Set<String> alerting = required(source(config.resolve("AlertingWiring.java")));
        assertTrue(storage.contains("CONVERSATIONS_TABLE") && storage.contains("KPIS_TABLE"), storage.toString());
        assertTrue(alerting.contains("ALERTS_TABLE") && alerting.contains("NOTIFICATION_SECRETS_PREFIX"), alerting.toString());
        for (SamTemplate.Function f : TEMPLATE.functions()) {
            Path handler = moduleOf(f.handlerClass()).resolve(f.handlerClass().substring(f.handlerClass().lastIndexOf('.') + 1) + ".java");
            if (!source(handler).contains("Wiring")) {
                // a handler that builds no composition root (the console's pages, the token trigger) needs only its own
                Set<String> missing = new TreeSet<>(required(source(handler)));
                missing.removeAll(f.environment().keySet());
                assertTrue(missing.isEmpty(), f.logicalId() + " lacks " + missing);
                continue;
            }
            Set<String> needed = new TreeSet<>(storage);
            String module = source(moduleOf(f.handlerClass()));
            needed.addAll(required(module));
            if (module.contains("AlertingWiring")) {
                needed.addAll(alerting);
            }
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
        Map<String, String> globals = new HashMap<>();
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
                // !GetAtt Queue.QueueName reads as "Queue.QueueName": the resource is before the dot
                String resource = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                assertTrue(resources.has(resource), f.logicalId() + " has a policy on " + name + ", which the template does not declare");
            }
            assertTrue(f.environment().getOrDefault("ESCALATION_FUNCTION", "EscalationFunction").equals("EscalationFunction"),
                    "the deadline function invokes the escalation function");
            // the tables this function is given (its *_TABLE variables) that its code uses: the storage wiring
            // builds every store, so each function needs a policy on every table it reads at start; the deadline
            // function only reads conversations and the wheel's watermark
            Set<String> expected = new TreeSet<>(List.of("ConversationsTable", "MerchantsTable"));
            switch (f.logicalId()) {
                case "IngestFunction", "EscalationFunction" -> expected.add("BreachesTable");
                case "ManagerApiFunction" -> expected.addAll(List.of("BreachesTable", "KpisTable",
                        "TextsTable", "AlertsTable"));
                case "KpiFunction" -> expected.add("KpisTable");
                // the console serves its jar and the token trigger copies attributes: neither builds a store
                case "ConsoleFunction", "TokenClaimsFunction" -> expected.clear();
                // the notifier reads merchants (their rosters) and its settings, and writes the alerts table; nothing else
                case "NotifierFunction" -> {
                    expected.remove("ConversationsTable");
                    expected.add("AlertsTable");
                }
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
        api.routes().forEach(r -> templateRoutes.add(r.key()));
        api.routes().forEach(r -> assertEquals("ReplyGuardHttpApi", r.api(), r.key() + " is not on the manager HTTP API"));
        assertEquals(HandlerRoutes.manager(), templateRoutes);
        TEMPLATE.resources().path("ManagerApiFunction").path("Properties").path("Events").fields().forEachRemaining(e ->
                assertEquals("ManagerJwt", e.getValue().path("Properties").path("Auth").path("Authorizer").asText(),
                        e.getKey() + " is not behind the JWT authorizer"));
    }

    @Test
    void theConsoleIsServedOnTheManagerApisOrigin_withoutSignIn_andItsDataRoutesTakeOnlyAccessTokens() {
        SamTemplate.Function console = TEMPLATE.functions().stream().filter(f -> f.logicalId().equals("ConsoleFunction"))
                .findFirst().orElseThrow();
        assertEquals("com.replyguard.console.ConsoleHandler", console.handlerClass());
        Set<String> routes = new TreeSet<>();
        console.routes().forEach(r -> {
            routes.add(r.key());
            assertEquals("ReplyGuardHttpApi", r.api(), r.key() + ": same origin as the manager API");
        });
        assertEquals(new TreeSet<>(List.of("GET /", "GET /console/config", "GET /{proxy+}")), routes);
        TEMPLATE.resources().path("ConsoleFunction").path("Properties").path("Events").fields().forEachRemaining(e ->
                assertTrue(e.getValue().path("Properties").path("Auth").isMissingNode(), e.getKey() + ": the page loads before sign-in"));
        // research: an ID token has no scope claim, so route scopes let only access tokens through
        JsonNode jwt = TEMPLATE.resources().path("ReplyGuardHttpApi").path("Properties").path("Auth").path("Authorizers")
                .path("ManagerJwt");
        assertEquals("[\"openid\",\"aws.cognito.signin.user.admin\"]", jwt.path("AuthorizationScopes").toString());
        JsonNode client = TEMPLATE.resources().path("ManagerUserPoolClient").path("Properties");
        assertFalse(client.path("GenerateSecret").asBoolean(true), "a browser is a public client: no secret");
        assertTrue(client.path("AllowedOAuthFlows").toString().contains("code"), "authorization code (with PKCE), never implicit");
        assertTrue(client.path("CallbackURLs").toString().contains("ConsoleUrl"), client.toString());
        JsonNode trigger = TEMPLATE.resources().path("ManagerUserPool").path("Properties").path("LambdaConfig")
                .path("PreTokenGenerationConfig");
        assertEquals("V2_0", trigger.path("LambdaVersion").asText(), "access-token claims need the version-2 event");
        assertEquals("ESSENTIALS", TEMPLATE.resources().path("ManagerUserPool").path("Properties").path("UserPoolTier").asText());
        Map<String, String> env = console.environment();
        assertTrue(env.containsKey("COGNITO_DOMAIN") && env.containsKey("COGNITO_CLIENT_ID") && env.containsKey("CONSOLE_URL"), env.toString());
    }

    @Test
    void theWebhookRoutes_areExactlyThoseTheIngestHandlerAnswers_allOnTheRestApi_andNoneOnTheHttpApi() {
        SamTemplate.Function ingest = TEMPLATE.functions().stream().filter(f -> f.logicalId().equals("IngestFunction"))
                .findFirst().orElseThrow();
        Set<String> templateRoutes = new TreeSet<>();
        for (SamTemplate.Route r : ingest.routes()) {
            templateRoutes.add(r.key());
            assertEquals(SamTemplate.ApiType.REST_API, r.type(), r.key() + ": webhooks need the REST API (WAF)");
            assertEquals("WebhookApi", r.api(), r.key());
        }
        assertEquals(HandlerRoutes.webhooks(), templateRoutes);
        assertEquals("AWS::Serverless::Api", TEMPLATE.resources().path("WebhookApi").path("Type").asText());
        for (SamTemplate.Function f : TEMPLATE.functions()) {
            for (SamTemplate.Route r : f.routes()) {
                assertTrue(r.type() == SamTemplate.ApiType.REST_API || !r.path().startsWith("/webhooks/"),
                        f.logicalId() + " " + r.key() + " would bypass the web ACL");
            }
        }
        // a RouteSettings entry for a route that does not exist fails the deployment
        Set<String> httpRoutes = new TreeSet<>();
        TEMPLATE.functions().forEach(f -> f.routes().stream().filter(r -> r.type() == SamTemplate.ApiType.HTTP_API)
                .forEach(r -> httpRoutes.add(r.key())));
        TEMPLATE.resources().path("ReplyGuardHttpApi").path("Properties").path("RouteSettings").fieldNames()
                .forEachRemaining(k -> assertTrue(httpRoutes.contains(k), "RouteSettings names no route: " + k));
        JsonNode throttle = TEMPLATE.resources().path("WebhookApi").path("Properties").path("MethodSettings").get(0);
        assertEquals("/*", throttle.path("ResourcePath").asText());
        assertEquals(300, throttle.path("ThrottlingRateLimit").asInt());
    }

    @Test
    void eachMerchantsWebhookPushes_areLimitedByAWafRateRuleOnTheUriPath_withAnAlarm() throws Exception {
        List<String> associations = TEMPLATE.logicalIds("AWS::WAFv2::WebACLAssociation");
        assertEquals(1, associations.size(), "one web ACL association: " + associations);
        JsonNode association = TEMPLATE.resources().path(associations.get(0)).path("Properties");
        assertTrue(association.path("ResourceArn").asText().endsWith("/restapis/${WebhookApi}/stages/${WebhookApi.Stage}"),
                "the association targets the webhook stage (and waits for it): " + association.path("ResourceArn").asText());
        assertEquals("WebhookFirewall.Arn", association.path("WebACLArn").asText());
        JsonNode acl = TEMPLATE.resources().path("WebhookFirewall").path("Properties");
        assertEquals("REGIONAL", acl.path("Scope").asText());
        assertTrue(acl.path("DefaultAction").has("Allow"));
        JsonNode rule = acl.path("Rules").get(0);
        assertEquals("CUSTOM_KEYS", rule.path("Statement").path("RateBasedStatement").path("AggregateKeyType").asText());
        assertEquals(List.of("URL_DECODE", "NORMALIZE_PATH"), TEMPLATE.pathRateLimits("WebhookApi").get(0).transformations(),
                "an encoded or unnormalized spelling of a merchant's path must not get a count of its own");

        List<SamTemplate.PathRateLimit> limits = TEMPLATE.pathRateLimits("WebhookApi");
        assertEquals(1, limits.size());
        SamTemplate.PathRateLimit limit = limits.get(0);
        assertEquals(6000, limit.limit(), "the parameter's default: 100 a second on average, per merchant and route");
        assertEquals(Duration.ofMinutes(1), limit.window());
        assertEquals(429, limit.status());
        JsonNode body = new ObjectMapper().readTree(limit.body());
        assertTrue(body.path("error").asText().startsWith("rate limited"), "the contract's error shape: " + limit.body());
        assertEquals(1, body.path("code").asInt(), "抖店's failure shape");
        assertEquals(20, TEMPLATE.withParameters(Map.of("WebhookRateLimitPerMerchant", "20")).pathRateLimits("WebhookApi")
                .get(0).limit());
        assertTrue(TEMPLATE.pathRateLimits("ReplyGuardHttpApi").isEmpty());

        JsonNode alarm = TEMPLATE.resources().path("WebhookRateLimitedAlarm").path("Properties");
        assertEquals("AWS/WAFV2", alarm.path("Namespace").asText());
        assertEquals("BlockedRequests", alarm.path("MetricName").asText());
        Map<String, String> dims = new HashMap<>();
        alarm.path("Dimensions").forEach(d -> dims.put(d.path("Name").asText(), d.path("Value").asText()));
        assertEquals(rule.path("VisibilityConfig").path("MetricName").asText(), dims.get("Rule"));
        assertEquals(acl.path("Name").asText(), dims.get("WebACL"));
    }

    @Test
    void everyFunctionLogsToADeclaredExpiringGroup_andEveryMetricFilterReadsOne_forLinesItsFunctionWrites() {
        Map<String, String> functionOfGroup = new HashMap<>();
        for (SamTemplate.Function f : TEMPLATE.functions()) {
            String group = TEMPLATE.resources().path(f.logicalId()).path("Properties").path("LoggingConfig").path("LogGroup").asText();
            JsonNode declared = TEMPLATE.resources().path(group);
            assertEquals("AWS::Logs::LogGroup", declared.path("Type").asText(), f.logicalId() + " logs to an undeclared group");
            assertEquals("LogRetentionDays", declared.path("Properties").path("RetentionInDays").asText(), group + " never expires");
            functionOfGroup.put(group, f.handlerClass());
        }
        Pattern quoted = Pattern.compile("\\$\\.message = \"([^\"]+)\"");
        Pattern field = Pattern.compile("\\$\\.([A-Za-z]+)");
        List<String> filters = TEMPLATE.logicalIds("AWS::Logs::MetricFilter");
        for (String filter : filters) {
            JsonNode p = TEMPLATE.resources().path(filter).path("Properties");
            // CloudFormation cannot put a filter on a log group that Lambda has not created yet
            String handler = functionOfGroup.get(p.path("LogGroupName").asText());
            assertTrue(handler != null, filter + " reads " + p.path("LogGroupName").asText() + ", not a function's declared group");
            Path module = moduleOf(handler);
            while (!module.endsWith(Path.of("src", "main", "java"))) {
                module = module.getParent();
            }
            String code = source(module);
            String pattern = p.path("FilterPattern").asText();
            Matcher m = quoted.matcher(pattern);
            assertTrue(m.find(), filter + " matches no message");
            assertTrue(code.contains("\"" + m.group(1) + "\""), filter + ": no \"" + m.group(1) + "\" line is logged by " + handler);
            Matcher f = field.matcher(pattern + " " + p.path("MetricTransformations").get(0).path("MetricValue").asText());
            while (f.find()) {
                if (f.group(1).equals("message")) {
                    continue; // JsonLog's own field
                }
                assertTrue(code.contains("\"" + f.group(1) + "\""), filter + ": no log line carries " + f.group(1));
            }
        }
        assertEquals(4, filters.size(), "breach lag, ignored 抖音 events, ignored 抖店 messages, KPI conversations set aside");
    }

    @Test
    void everyFunctionsErrorsAndThrottlesRaiseAnAlarm_withoutSearchExpressions() {
        Set<String> functions = new TreeSet<>();
        TEMPLATE.functions().forEach(f -> functions.add(f.logicalId()));
        for (String alarm : List.of("FunctionErrorsAlarm", "FunctionThrottlesAlarm")) {
            Set<String> watched = new TreeSet<>();
            int metrics = 0;
            for (JsonNode q : TEMPLATE.resources().path(alarm).path("Properties").path("Metrics")) {
                if (q.has("MetricStat")) {
                    metrics++;
                    q.path("MetricStat").path("Metric").path("Dimensions").forEach(d -> watched.add(d.path("Value").asText()));
                }
            }
            assertEquals(functions, watched, alarm + " watches every function");
            assertTrue(metrics <= 10, alarm + ": a metric-math alarm takes at most 10 metrics");
        }
        for (String alarm : TEMPLATE.logicalIds("AWS::CloudWatch::Alarm")) {
            // CloudWatch refuses SEARCH in alarms ("SEARCH is not supported on Metric Alarms")
            assertTrue(!TEMPLATE.resources().path(alarm).toString().contains("SEARCH("), alarm + " uses SEARCH");
        }
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
                "FunctionErrorsAlarm", "FunctionThrottlesAlarm", "ApiThrottlesAlarm", "WebhookRateLimitedAlarm",
                "WebhookApi4xxAlarm", "NotifierDeadLettersAlarm", "NotifierFailuresAlarm", "NotifierErrorsAlarm")) {
            assertEquals("AWS::CloudWatch::Alarm", TEMPLATE.resources().path(alarm).path("Type").asText(), alarm);
        }
        for (String table : TEMPLATE.tableLogicalIds()) {
            assertTrue(TEMPLATE.resources().path(table).path("Properties").path("PointInTimeRecoverySpecification")
                    .path("PointInTimeRecoveryEnabled").asBoolean(), table + " without point-in-time recovery");
        }
    }

    @Test
    void theBusRule_matchesTheEventsTheFunctionsPublish() {
        JsonNode rule = TEMPLATE.resources().path("AlertsToLogsRule").path("Properties");
        assertEquals("ReplyGuardEventBus", rule.path("EventBusName").asText());
        assertEquals(AlertEventJson.SOURCE, rule.path("EventPattern").path("source").get(0).asText());
        Set<String> types = new TreeSet<>();
        rule.path("EventPattern").path("detail-type").forEach(t -> types.add(t.asText()));
        assertEquals(new TreeSet<>(List.of("SlaBreached", "SlaEscalated", CycleClosedJson.DETAIL_TYPE)),
                types);
    }

    @Test
    void theNotifier_isTheTargetOfARuleOnTheThreeAlertsAndClosedCycles_withRetriesADeadLetterQueueAndAnOnFailureDestination() {
        JsonNode resources = TEMPLATE.resources();
        SamTemplate.Rule rule = TEMPLATE.rules().stream().filter(r -> r.targetFunctions().contains("NotifierFunction")).findFirst()
                .orElseThrow(() -> new AssertionError("no rule targets the notifier"));
        JsonNode props = resources.path(rule.logicalId()).path("Properties");
        assertEquals("ReplyGuardEventBus", props.path("EventBusName").asText());
        assertEquals(AlertEventJson.SOURCE, rule.pattern().path("source").get(0).asText());
        Set<String> types = new TreeSet<>();
        rule.pattern().path("detail-type").forEach(t -> types.add(t.asText()));
        assertEquals(new TreeSet<>(NoticeType.detailTypes()), types, "exactly what the notifier reads");
        JsonNode target = props.path("Targets").get(0);
        assertEquals("NotifierFunction.Alias", target.path("Arn").asText(), "the live alias (SnapStart), not $LATEST");
        assertTrue(target.path("RetryPolicy").has("MaximumRetryAttempts") && target.path("RetryPolicy").has("MaximumEventAgeInSeconds"));
        assertEquals("NotifierDeadLetterQueue.Arn", target.path("DeadLetterConfig").path("Arn").asText());
        JsonNode permission = resources.path("NotifierInvokePermission").path("Properties");
        assertEquals("events.amazonaws.com", permission.path("Principal").asText());
        assertEquals("NotifierFunction.Alias", permission.path("FunctionName").asText());
        assertEquals(rule.logicalId() + ".Arn", permission.path("SourceArn").asText());
        JsonNode queuePolicy = resources.path("NotifierDeadLetterQueuePolicy").path("Properties").path("PolicyDocument")
                .path("Statement").get(0);
        assertEquals("events.amazonaws.com", queuePolicy.path("Principal").path("Service").asText());
        assertEquals(rule.logicalId() + ".Arn", queuePolicy.path("Condition").path("ArnEquals").path("aws:SourceArn").asText());

        SamTemplate.Function notifier = TEMPLATE.functions().stream().filter(f -> f.logicalId().equals("NotifierFunction"))
                .findFirst().orElseThrow();
        JsonNode fp = resources.path("NotifierFunction").path("Properties");
        JsonNode invoke = fp.path("EventInvokeConfig");
        assertEquals(notifier.async().maximumRetryAttempts(), invoke.path("MaximumRetryAttempts").asInt());
        assertTrue(invoke.path("MaximumRetryAttempts").asInt() >= 1 && invoke.has("MaximumEventAgeInSeconds"));
        assertEquals("SQS", invoke.path("DestinationConfig").path("OnFailure").path("Type").asText());
        assertEquals("NotifierFailuresQueue.Arn", invoke.path("DestinationConfig").path("OnFailure").path("Destination").asText());
        assertEquals("NotifierDeadLetterQueue", notifier.environment().get("DEAD_LETTER_QUEUE_URL"));
        long timeout = fp.path("Timeout").asLong();
        assertTrue(timeout > Delivery.GIVE_UP_AFTER.plus(HttpRobotClient.REQUEST_TIMEOUT).toSeconds(), "a delivery is given up before the invocation times out: " + timeout);
        for (String alarm : List.of("NotifierDeadLettersAlarm", "NotifierFailuresAlarm")) {
            JsonNode dims = resources.path(alarm).path("Properties").path("Dimensions").get(0);
            assertEquals("ApproximateNumberOfMessagesVisible", resources.path(alarm).path("Properties").path("MetricName").asText());
            assertTrue(dims.path("Value").asText().startsWith(alarm.equals("NotifierDeadLettersAlarm") ? "NotifierDeadLetterQueue"
                    : "NotifierFailuresQueue"), alarm + " watches its queue's depth");
        }
        assertEquals("NotifierFunction", resources.path("NotifierErrorsAlarm").path("Properties").path("Dimensions").get(0)
                .path("Value").asText());
    }

    @Test
    void theNotifiersPermissions_areLeastPrivilege_andNoFunctionMayReachLoopback() {
        JsonNode policies = TEMPLATE.resources().path("NotifierFunction").path("Properties").path("Policies");
        List<String> kinds = new ArrayList<>();
        policies.forEach(p -> p.fieldNames().forEachRemaining(kinds::add));
        assertEquals(List.of("DynamoDBCrudPolicy", "DynamoDBReadPolicy", "AWSSecretsManagerGetSecretValuePolicy",
                "SQSSendMessagePolicy"), kinds);
        assertEquals("AlertsTable", policies.get(0).path("DynamoDBCrudPolicy").path("TableName").asText());
        assertEquals("MerchantsTable", policies.get(1).path("DynamoDBReadPolicy").path("TableName").asText());
        String notifierSecrets = policies.get(2).path("AWSSecretsManagerGetSecretValuePolicy").path("SecretArn").asText();
        assertTrue(notifierSecrets.endsWith(":secret:replyguard/${Stage}/notifications/*"), notifierSecrets);
        String ingestSecrets = TEMPLATE.resources().path("IngestFunction").path("Properties").path("Policies").get(0)
                .path("AWSSecretsManagerGetSecretValuePolicy").path("SecretArn").asText();
        assertTrue(ingestSecrets.endsWith(":secret:replyguard/${Stage}/merchants/*"), "the ingest function reads no robot URL: "
                + ingestSecrets);
        for (SamTemplate.Function f : TEMPLATE.functions()) {
            assertTrue(!f.environment().containsKey(AlertingWiring.ALLOW_LOOPBACK),
                    f.logicalId() + ": only the local runner lets robots listen on loopback");
            if (f.environment().containsKey("ALERTS_TABLE")) {
                assertEquals("replyguard/${Stage}/notifications/", f.environment().get("NOTIFICATION_SECRETS_PREFIX"), f.logicalId());
            }
        }
        String managerPolicies = TEMPLATE.resources().path("ManagerApiFunction").path("Properties").path("Policies").toString();
        assertTrue(managerPolicies.contains("secretsmanager:PutSecretValue") && managerPolicies.contains(
                ":secret:replyguard/${Stage}/notifications/*"), "PUT /notifications keeps the credentials in Secrets Manager");
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
        assertEquals(5, schedules, "the deadline wheel, the KPI fold, the daily check, the cycle close, the re-close");
    }

    @Test
    void theCycleClose_runsWhenTheDomainSaysACycleCloses() {
        JsonNode close = TEMPLATE.resources().path("KpiFunction").path("Properties").path("Events").path("CycleClose")
                .path("Properties");
        // 00:30 China time on the 1st and the 16th: a cycle's end (midnight) plus Cycle.CLOSE_DELAY
        assertEquals(30, Cycle.CLOSE_DELAY.toMinutes());
        assertEquals("cron(30 0 1,16 * ? *)", close.path("ScheduleExpression").asText());
        assertEquals("{\"job\": \"close\"}", close.path("Input").asText());
        assertEquals("{\"job\": \"reclose\"}", TEMPLATE.resources().path("KpiFunction").path("Properties").path("Events")
                .path("Reclose").path("Properties").path("Input").asText());
    }
}
