package com.replyguard.dynalite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * Reads template.yaml, the one definition of the tables, functions and routes, for the local
 * runner and the tests: tables are created from its {@code AWS::DynamoDB::Table} resources (named
 * by logical id, optionally prefixed), functions are wired from their {@code Handler},
 * environment, {@code HttpApi} events (manager API) and {@code Api} events (the webhooks' REST
 * API), and {@code !Ref} to a table resolves to its local name.
 */
public final class SamTemplate {
    /**
     * A function of the template: handler class, environment (with !Ref resolved), HTTP routes, and
     * its {@code ScheduleV2} events.
     */
    public record Function(String logicalId, String handlerClass, Map<String, String> environment, List<Route> routes,
            List<Schedule> schedules, AsyncConfig async) {
    }

    /**
     * A {@code ScheduleV2} event: its name, {@code ScheduleExpression} ({@code rate(...)} or
     * {@code cron(...)}), {@code ScheduleExpressionTimezone} (UTC when absent, as in AWS) and {@code Input}.
     */
    public record Schedule(String name, String expression, String timezone, String input) {
    }

    /**
     * How Lambda treats the function's asynchronous invocations ({@code EventInvokeConfig}): retries
     * after an error (Lambda's default 2) and the oldest event it still runs (default 6 hours).
     */
    public record AsyncConfig(int maximumRetryAttempts, Duration maximumEventAge) {
        public static final AsyncConfig LAMBDA_DEFAULT = new AsyncConfig(2, Duration.ofHours(6));
    }

    /**
     * An {@code AWS::Events::Rule} of the template: its event pattern and the functions among its
     * targets ({@code !Ref F.Alias} or {@code !GetAtt F.Arn}; other targets, such as log groups, are left out).
     */
    public record Rule(String logicalId, JsonNode pattern, List<String> targetFunctions) {
    }

    /** Which API type serves a route; each sends its own Lambda event format. */
    public enum ApiType {
        /** {@code AWS::Serverless::HttpApi}, payload format 2.0. */
        HTTP_API,
        /** {@code AWS::Serverless::Api} (a REST API), Lambda proxy events. */
        REST_API
    }

    /** An HttpApi or Api event of a function: the API (logical id and type), method and path with {parameters}. */
    public record Route(String api, ApiType type, String method, String path) {
        /** {@code METHOD /path/{param}}: the route key both API types' events carry. */
        public String key() {
            return method + " " + path;
        }
    }

    /**
     * A rate-based AWS WAF rule of the web ACL associated with an API's stage, keyed on the URI
     * path after its text transformations (in priority order): at most {@code limit} requests per
     * {@code window} for each key, else {@code status} with the web ACL's custom response body.
     */
    public record PathRateLimit(String rule, long limit, Duration window, List<String> transformations,
            int status, String contentType, String body) {
    }

    private final JsonNode root;
    private final JsonNode resources;
    private final JsonNode globals;
    private final String tablePrefix;
    private final Map<String, String> parameterOverrides;

    private SamTemplate(JsonNode root, String tablePrefix, Map<String, String> parameterOverrides) {
        this.root = root;
        this.resources = root.path("Resources");
        this.globals = root.path("Globals").path("Function");
        this.tablePrefix = tablePrefix;
        this.parameterOverrides = Map.copyOf(parameterOverrides);
    }

    /** The same template with parameter values, as {@code sam deploy --parameter-overrides} gives them. */
    public SamTemplate withParameters(Map<String, String> overrides) {
        for (String name : overrides.keySet()) {
            if (!root.path("Parameters").has(name)) {
                throw new IllegalArgumentException("template has no parameter " + name);
            }
        }
        Map<String, String> all = new LinkedHashMap<>(parameterOverrides);
        all.putAll(overrides);
        return new SamTemplate(root, tablePrefix, all);
    }

    /** A parameter's value: the override, else its {@code Default}. */
    public String parameter(String name) {
        if (parameterOverrides.containsKey(name)) {
            return parameterOverrides.get(name);
        }
        JsonNode p = root.path("Parameters").path(name);
        if (p.isMissingNode() || !p.has("Default")) {
            throw new IllegalStateException("template parameter " + name + " is missing or has no Default");
        }
        return p.path("Default").asText();
    }

    /**
     * The URI-path rate rules of the WAF web ACL associated with the stage of REST API
     * {@code apiLogicalId} (empty without one). Any other rule in that web ACL is refused loudly:
     * the local gateway would otherwise let through what AWS blocks.
     */
    public List<PathRateLimit> pathRateLimits(String apiLogicalId) {
        List<PathRateLimit> limits = new ArrayList<>();
        for (String association : logicalIds("AWS::WAFv2::WebACLAssociation")) {
            JsonNode p = resources.path(association).path("Properties");
            if (!p.path("ResourceArn").asText().contains("/restapis/${" + apiLogicalId + "}/")) {
                continue;
            }
            String aclId = p.path("WebACLArn").asText().replace(".Arn", "");
            JsonNode acl = resources.path(aclId).path("Properties");
            for (JsonNode rule : acl.path("Rules")) {
                JsonNode rate = rule.path("Statement").path("RateBasedStatement");
                JsonNode keys = rate.path("CustomKeys");
                JsonNode block = rule.path("Action").path("Block").path("CustomResponse");
                if (rate.isMissingNode() || keys.size() != 1 || !keys.get(0).has("UriPath") || block.isMissingNode()) {
                    throw new IllegalStateException("web ACL " + aclId + " rule " + rule.path("Name").asText()
                            + ": only rate-based rules keyed on UriPath with a custom block response can run locally");
                }
                String limitText = rate.path("Limit").asText();
                long limit = limitText.chars().allMatch(Character::isDigit) ? Long.parseLong(limitText)
                        : Long.parseLong(parameter(limitText));
                JsonNode body = acl.path("CustomResponseBodies").path(block.path("CustomResponseBodyKey").asText());
                String contentType = switch (body.path("ContentType").asText("TEXT_PLAIN")) {
                    case "APPLICATION_JSON" -> "application/json";
                    case "TEXT_HTML" -> "text/html";
                    default -> "text/plain";
                };
                List<JsonNode> steps = new ArrayList<>();
                keys.get(0).path("UriPath").path("TextTransformations").forEach(steps::add);
                steps.sort(Comparator.comparingInt(t -> t.path("Priority").asInt()));
                limits.add(new PathRateLimit(rule.path("Name").asText(), limit,
                        Duration.ofSeconds(rate.path("EvaluationWindowSec").asLong(300)),
                        steps.stream().map(t -> t.path("Type").asText()).toList(),
                        block.path("ResponseCode").asInt(), contentType, body.path("Content").asText("")));
            }
        }
        return limits;
    }

    /** Parses the template; {@code tablePrefix} is prepended to every table name (may be empty). */
    public static SamTemplate read(Path template, String tablePrefix) {
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            return new SamTemplate(yaml.readTree(template.toFile()), tablePrefix, Map.of());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + template + ": " + e.getMessage(), e);
        }
    }

    public static SamTemplate read(String tablePrefix) {
        return read(ProjectLayout.template(), tablePrefix);
    }

    /** The template's {@code Resources}, for checks beyond tables and routes (TemplateTest). */
    public JsonNode resources() {
        return resources;
    }

    /** The template's {@code Globals.Function}. */
    public JsonNode functionGlobals() {
        return globals;
    }

    public String tableName(String logicalId) {
        return tablePrefix + logicalId;
    }

    public List<String> tableLogicalIds() {
        return logicalIds("AWS::DynamoDB::Table");
    }

    /** The logical ids of the template's resources of one {@code Type}, in template order. */
    public List<String> logicalIds(String type) {
        List<String> ids = new ArrayList<>();
        resources.fields().forEachRemaining(e -> {
            if (type.equals(e.getValue().path("Type").asText())) {
                ids.add(e.getKey());
            }
        });
        return ids;
    }

    public List<CreateTableRequest> tables() {
        List<CreateTableRequest> requests = new ArrayList<>();
        for (String id : tableLogicalIds()) {
            JsonNode p = resources.path(id).path("Properties");
            List<GlobalSecondaryIndex> gsis = new ArrayList<>();
            for (JsonNode g : p.path("GlobalSecondaryIndexes")) {
                Projection.Builder projection = Projection.builder()
                        .projectionType(g.path("Projection").path("ProjectionType").asText("ALL"));
                List<String> nonKey = new ArrayList<>();
                g.path("Projection").path("NonKeyAttributes").forEach(n -> nonKey.add(n.asText()));
                if (!nonKey.isEmpty()) {
                    projection.nonKeyAttributes(nonKey);
                }
                gsis.add(GlobalSecondaryIndex.builder().indexName(g.path("IndexName").asText())
                        .keySchema(keySchema(g.path("KeySchema"))).projection(projection.build()).build());
            }
            List<AttributeDefinition> attributes = new ArrayList<>();
            for (JsonNode a : p.path("AttributeDefinitions")) {
                attributes.add(AttributeDefinition.builder().attributeName(a.path("AttributeName").asText())
                        .attributeType(a.path("AttributeType").asText()).build());
            }
            CreateTableRequest.Builder b = CreateTableRequest.builder().tableName(tableName(id))
                    .billingMode(BillingMode.fromValue(p.path("BillingMode").asText("PAY_PER_REQUEST")))
                    .attributeDefinitions(attributes).keySchema(keySchema(p.path("KeySchema")));
            if (!gsis.isEmpty()) {
                b.globalSecondaryIndexes(gsis);
            }
            requests.add(b.build());
        }
        return requests;
    }

    private static List<KeySchemaElement> keySchema(JsonNode node) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (JsonNode k : node) {
            keys.add(KeySchemaElement.builder().attributeName(k.path("AttributeName").asText())
                    .keyType(k.path("KeyType").asText()).build());
        }
        return keys;
    }

    /** Creates every table of the template that does not exist yet. */
    public void createMissingTables(DynamoDbClient dynamo) {
        List<String> existing = dynamo.listTables().tableNames();
        for (CreateTableRequest t : tables()) {
            if (existing.contains(t.tableName())) {
                continue;
            }
            try {
                dynamo.createTable(t);
            } catch (ResourceInUseException alreadyThere) {
                // created concurrently: fine
            }
        }
    }

    public List<Function> functions() {
        List<Function> functions = new ArrayList<>();
        resources.fields().forEachRemaining(e -> {
            JsonNode r = e.getValue();
            if (!"AWS::Serverless::Function".equals(r.path("Type").asText())) {
                return;
            }
            JsonNode p = r.path("Properties");
            String handler = p.path("Handler").asText(globals.path("Handler").asText());
            Map<String, String> env = new LinkedHashMap<>();
            putVariables(env, globals.path("Environment").path("Variables"));
            putVariables(env, p.path("Environment").path("Variables"));
            List<Route> routes = new ArrayList<>();
            List<Schedule> schedules = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = p.path("Events").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> named = it.next();
                String name = named.getKey();
                JsonNode ev = named.getValue();
                String type = ev.path("Type").asText();
                if ("HttpApi".equals(type) || "Api".equals(type)) {
                    JsonNode props = ev.path("Properties");
                    routes.add(new Route(props.path("HttpApi".equals(type) ? "ApiId" : "RestApiId").asText(),
                            "HttpApi".equals(type) ? ApiType.HTTP_API : ApiType.REST_API,
                            props.path("Method").asText().toUpperCase(Locale.ROOT), props.path("Path").asText()));
                } else if ("ScheduleV2".equals(type)) {
                    JsonNode props = ev.path("Properties");
                    schedules.add(new Schedule(name, props.path("ScheduleExpression").asText(),
                            props.path("ScheduleExpressionTimezone").asText("UTC"), props.path("Input").asText("{}")));
                }
            }
            JsonNode invoke = p.path("EventInvokeConfig");
            AsyncConfig async = new AsyncConfig(invoke.path("MaximumRetryAttempts").asInt(AsyncConfig.LAMBDA_DEFAULT
                    .maximumRetryAttempts()), invoke.has("MaximumEventAgeInSeconds")
                    ? Duration.ofSeconds(invoke.path("MaximumEventAgeInSeconds").asLong())
                    : AsyncConfig.LAMBDA_DEFAULT.maximumEventAge());
            functions.add(new Function(e.getKey(), handler.split("::")[0], env, routes, schedules, async));
        });
        return functions;
    }

    /** The template's event rules, in template order, with the functions they target. */
    public List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        for (String id : logicalIds("AWS::Events::Rule")) {
            JsonNode p = resources.path(id).path("Properties");
            List<String> targets = new ArrayList<>();
            for (JsonNode t : p.path("Targets")) {
                String arn = t.path("Arn").asText();
                String function = arn.endsWith(".Alias") || arn.endsWith(".Arn") ? arn.substring(0, arn.lastIndexOf('.')) : arn;
                if ("AWS::Serverless::Function".equals(resources.path(function).path("Type").asText())) {
                    targets.add(function);
                }
            }
            rules.add(new Rule(id, p.path("EventPattern"), targets));
        }
        return rules;
    }

    /**
     * A {@code !Ref X} scalar reads as "X": a table resolves to its local name, a function's alias
     * ({@code !Ref F.Alias}) to the function (one version locally), anything else stays.
     */
    private void putVariables(Map<String, String> env, JsonNode vars) {
        vars.fields().forEachRemaining(v -> {
            String value = v.getValue().asText();
            if (value.endsWith(".Alias") && resources.has(value.substring(0, value.length() - ".Alias".length()))) {
                value = value.substring(0, value.length() - ".Alias".length());
            }
            boolean isTable = "AWS::DynamoDB::Table".equals(resources.path(value).path("Type").asText());
            env.put(v.getKey(), isTable ? tableName(value) : value);
        });
    }

}
