package com.replyguard.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.replyguard.adapters.json.DueJson;
import com.replyguard.conversation.ConversationId;
import com.replyguard.dynalite.ProjectLayout;
import com.replyguard.dynalite.SamTemplate;
import com.replyguard.intake.WebhookSignature;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.Due;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cold start of one function, in a fresh JVM (started by {@link ColdStartBenchmark}): JVM start
 * → handler constructed (the init phase) → optionally the function's priming (what a SnapStart
 * snapshot holds) → the first representative request. Prints one line of milliseconds.
 * Args: function logical id, {@code primed|unprimed|naive} (naive: no JVM flags, no priming; the
 * production wiring has no switch for the SDK's default client discovery), DynamoDB endpoint.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        String function = args[0];
        boolean primed = args[1].equals("primed");
        SamTemplate template = SamTemplate.read(ProjectLayout.template(), "");
        SamTemplate.Function f = template.functions().stream().filter(x -> x.logicalId().equals(function)).findFirst()
                .orElseThrow();
        Map<String, String> env = new LinkedHashMap<>(f.environment());
        env.put("DYNAMODB_ENDPOINT", args[2]);
        env.put("MERCHANTS_FILE", ProjectLayout.root().resolve("infra/local/merchants.json").toString());
        env.put("AWS_REGION", "us-east-1");
        env.put("LOCAL_INVOKE", "coldstart");
        env.put("LOCAL_EVENT_BUS", "coldstart");
        long beforeInit = System.currentTimeMillis();
        Object handler = Class.forName(f.handlerClass()).getConstructor(Map.class).newInstance(env);
        long afterInit = System.currentTimeMillis();
        if (primed) {
            handler.getClass().getMethod("prime").invoke(handler);
        }
        long afterPrime = System.currentTimeMillis();
        Object request = request(function);
        var handle = handler.getClass().getMethod("handleRequest", request instanceof Map ? Object.class : Object.class,
                Context.class);
        handle.invoke(handler, request, null);
        long done = System.currentTimeMillis();
        System.out.printf("COLD %s %s jvmToHandler=%d init=%d prime=%d firstRequest=%d jvmToFirstResponse=%d%n", function,
                args[1], beforeInit - jvmStart, afterInit - beforeInit, afterPrime - afterInit, done - afterPrime,
                done - jvmStart - (afterPrime - afterInit));
    }

    /** A representative first request of each function. */
    private static Object request(String function) {
        Instant now = Instant.now();
        switch (function) {
            case "IngestFunction" -> {
                String body = "{\"events\":[{\"eventId\":\"cold-" + now.toEpochMilli() + "\",\"type\":\"customer.message\","
                        + "\"conversationId\":\"cold\",\"channel\":\"CS_CHAT\",\"customerId\":\"buyer\",\"occurredAt\":\""
                        + now + "\",\"text\":\"在吗\"}]}";
                String ts = Long.toString(now.getEpochSecond());
                // the webhooks' REST API sends Lambda-proxy events
                return new APIGatewayProxyRequestEvent()
                        .withResource("/webhooks/{merchantId}/events").withHttpMethod("POST").withPath("/webhooks/demo/events")
                        .withPathParameters(Map.of("merchantId", "demo")).withBody(body).withIsBase64Encoded(false)
                        .withHeaders(Map.of("Content-Type", "application/json", "X-Timestamp", ts, "X-Signature",
                                WebhookSignature.sign("demo-webhook-secret", ts, body.getBytes(StandardCharsets.UTF_8))));
            }
            case "ManagerApiFunction" -> {
                return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("GET /merchants/{merchantId}/kpis")
                        .withPathParameters(Map.of("merchantId", "demo"))
                        .withHeaders(Map.of("authorization", "Bearer demo-manager-token")).build();
            }
            case "DeadlineFunction" -> {
                return new LinkedHashMap<>(Map.of("windowSeconds", 0));
            }
            case "EscalationFunction" -> {
                return DueJson.payload(List.of(new Due(
                        new MerchantId("demo"), new ConversationId("cold"), now)));
            }
            case "NotifierFunction" -> {
                // a breach of the demo merchant as the bus rule hands it over (no channels configured: logged, not sent)
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("schemaVersion", 1);
                detail.put("eventId", "a_cold" + now.toEpochMilli());
                detail.put("merchantId", "demo");
                detail.put("conversationId", "cold");
                detail.put("clock", "FIRST_REPLY");
                detail.put("clockKey", "FIRST_REPLY");
                detail.put("channel", "CS_CHAT");
                detail.put("urgent", false);
                detail.put("clockStart", now.minusSeconds(60).toString());
                detail.put("deadline", now.toString());
                detail.put("dueAt", now.toString());
                detail.put("level", 1);
                return new LinkedHashMap<>(Map.of("source", "replyguard", "detail-type", "SlaBreached", "detail", detail));
            }
            default -> {
                return new LinkedHashMap<>(Map.of("job", "fold", "windowSeconds", 0));
            }
        }
    }
}
