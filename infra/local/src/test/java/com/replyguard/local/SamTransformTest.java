package com.replyguard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.dynalite.ProjectLayout;
import com.replyguard.ingest.WebhookIngestHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What SAM makes of template.yaml, expanded offline by AWS's own translator (samtranslator, shipped
 * with cfn-lint; src/test/resources/sam_transform.py): the webhook REST API has exactly one stage,
 * the web ACL is associated with that stage, every webhook path is a Lambda-proxy integration of
 * the ingest function's alias, and every function's logging keeps JSON format with its own log
 * group (Globals merged). Skipped with a message where samtranslator is not installed.
 */
class SamTransformTest {
    private static JsonNode resources;

    @BeforeAll
    static void transform() throws Exception {
        Assumptions.assumeTrue(python("-c", "import samtranslator, cfnlint").exitCode() == 0,
                "samtranslator (cfn-lint) not installed: SAM transform checks skipped (pip install cfn-lint)");
        Path script = Files.createTempFile("sam_transform", ".py");
        try (var in = SamTransformTest.class.getResourceAsStream("/sam_transform.py")) {
            Files.write(script, in.readAllBytes());
        }
        Result r = python(script.toString(), ProjectLayout.template().toString());
        assertEquals(0, r.exitCode(), "the SAM transform failed:\n" + r.output());
        resources = new ObjectMapper().readTree(r.output()).path("Resources");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result python(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3"));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            return new Result(-1, "python3 not found");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(p.exitValue(), p.exitValue() == 0 ? out : err);
    }

    private static List<String> ofType(String type) {
        List<String> ids = new ArrayList<>();
        resources.fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().equals(type)) {
                ids.add(e.getKey());
            }
        });
        return ids;
    }

    @Test
    void theWebACL_protectsTheOneStageOfTheWebhookApi() {
        List<String> stages = ofType("AWS::ApiGateway::Stage");
        assertEquals(1, stages.size(), stages.toString());
        for (String deployment : ofType("AWS::ApiGateway::Deployment")) {
            // a deployment with a StageName creates that stage too: SAM's stray stage "Stage", unprotected
            assertTrue(resources.path(deployment).path("Properties").path("StageName").isMissingNode(),
                    deployment + " creates stage " + resources.path(deployment).path("Properties").path("StageName"));
        }
        String arn = resources.path("WebhookFirewallAssociation").path("Properties").path("ResourceArn").path("Fn::Sub").asText();
        assertTrue(arn.endsWith("/restapis/${WebhookApi}/stages/${" + stages.get(0) + "}"), arn);
        assertEquals("WebhookApi", resources.path(stages.get(0)).path("Properties").path("RestApiId").path("Ref").asText());
    }

    @Test
    void everyWebhookPath_isALambdaProxyIntegrationOfTheIngestAlias() {
        JsonNode paths = resources.path("WebhookApi").path("Properties").path("Body").path("paths");
        Set<String> routes = new TreeSet<>();
        paths.fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            routes.add(m.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey());
            JsonNode integration = m.getValue().path("x-amazon-apigateway-integration");
            assertEquals("aws_proxy", integration.path("type").asText(), p.getKey());
            assertTrue(integration.path("uri").path("Fn::Sub").asText().contains("${IngestFunctionAliaslive}"),
                    p.getKey() + " must invoke the alias (SnapStart): " + integration.path("uri"));
        }));
        assertEquals(new TreeSet<>(WebhookIngestHandler.ROUTES), routes,
                "the event's resource + method is the handler's route key");
    }

    @Test
    void everyFunctionLogsJson_toItsOwnGroup() {
        List<String> functions = ofType("AWS::Lambda::Function");
        assertEquals(8, functions.size(), functions.toString());
        for (String f : functions) {
            JsonNode logging = resources.path(f).path("Properties").path("LoggingConfig");
            assertEquals("JSON", logging.path("LogFormat").asText(), f + ": Globals' LoggingConfig merged");
            assertEquals("AWS::Logs::LogGroup", resources.path(logging.path("LogGroup").path("Ref").asText()).path("Type").asText(),
                    f + " logs to " + logging.path("LogGroup"));
        }
    }
}
