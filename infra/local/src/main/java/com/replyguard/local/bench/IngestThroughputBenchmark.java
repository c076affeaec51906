package com.replyguard.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.adapters.dynamodb.DynamoDbBreachStore;
import com.replyguard.adapters.dynamodb.DynamoDbConversationStore;
import com.replyguard.adapters.local.MerchantsFile;
import com.replyguard.conversation.ConversationId;
import com.replyguard.dynalite.Dynalite;
import com.replyguard.dynalite.ProjectLayout;
import com.replyguard.dynalite.SamTemplate;
import com.replyguard.intake.RawEvent;
import com.replyguard.merchant.Merchant;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.BreachStore;
import com.replyguard.ports.ConversationStore;
import com.replyguard.ports.StoredConversation;
import com.replyguard.usecase.IngestEventBatch;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Ingest throughput of one function instance (one thread, as Lambda runs one request at a time per
 * execution environment), in events per second: the demo live-stream session replayed N times
 * (fresh conversation ids each time) in platform batches of 100 through the ingest use case,
 * (a) on dynalite with the DynamoDB adapters, (b) on in-memory ports (conversations in a map,
 * breach and contribution writes dropped): the second is the domain's own cost. Asserts nothing.
 * Run: {@code infra/local/benchmark ingest [copies=10]}.
 */
public final class IngestThroughputBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IngestThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int copies = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<JsonNode> session = new ArrayList<>();
        JSON.readTree(ProjectLayout.root().resolve("infra/local/demo/live-session.json").toFile()).path("events")
                .forEach(session::add);
        Merchant demo = MerchantsFile.read(ProjectLayout.root().resolve("infra/local/merchants.json"))
                .find(new MerchantId("demo")).orElseThrow();
        System.out.printf("Ingest throughput, one instance (one thread), Java %s, %d cores: %d events x %d copies, batches of 100%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), session.size(), copies);
        // warm-up on memory, then measure
        run(memory(), demo, session, 2, "warm-up");
        System.out.println(run(memory(), demo, session, copies, "in-memory ports"));
        try (Dynalite dynalite = Dynalite.start(); DynamoDbClient dynamo = dynalite.client()) {
            SamTemplate t = SamTemplate.read(ProjectLayout.template(), "");
            t.createMissingTables(dynamo);
            IngestEventBatch ingest = new IngestEventBatch(new DynamoDbConversationStore(dynamo, t.tableName("ConversationsTable")),
                    new DynamoDbBreachStore(dynamo, t.tableName("BreachesTable")), Clock.systemUTC());
            run(ingest, demo, session, 1, "warm-up");
            System.out.println(run(ingest, demo, session, copies, "dynalite"));
        }
    }

    private static String run(IngestEventBatch ingest, Merchant merchant, List<JsonNode> session, int copies, String label) {
        long events = 0;
        long start = System.nanoTime();
        for (int copy = 0; copy < copies; copy++) {
            String suffix = "-" + label.charAt(0) + copy + "-" + System.nanoTime();
            List<RawEvent> batch = new ArrayList<>();
            for (JsonNode e : session) {
                Map<String, Object> fields = JSON.convertValue(e, LinkedHashMap.class);
                fields.put("eventId", fields.get("eventId") + suffix);
                fields.put("conversationId", fields.get("conversationId") + suffix);
                batch.add(RawEvent.of(fields));
                if (batch.size() == 100) {
                    ingest.ingest(merchant, batch);
                    events += batch.size();
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                ingest.ingest(merchant, batch);
                events += batch.size();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format("  %s: %,d events in %.1f s = %,.0f events/s", label, events, seconds, events / seconds);
    }

    /** The ingest use case on in-memory ports: conversations in a map, other writes dropped. */
    private static IngestEventBatch memory() {
        Map<String, StoredConversation> items = new HashMap<>();
        ConversationStore conversations = (ConversationStore) Proxy.newProxyInstance(ConversationStore.class.getClassLoader(),
                new Class<?>[] {ConversationStore.class}, (proxy, method, a) -> switch (method.getName()) {
                    case "loadAll" -> {
                        Map<ConversationId, StoredConversation> found = new HashMap<>();
                        for (Object id : (Collection<?>) a[1]) {
                            StoredConversation s = items.get(a[0] + "#" + id);
                            if (s != null) {
                                found.put((ConversationId) id, s);
                            }
                        }
                        yield found;
                    }
                    case "load" -> Optional.ofNullable(items.get(a[0] + "#" + a[1]));
                    case "save" -> {
                        StoredConversation s = (StoredConversation) a[0];
                        items.put(s.conversation().merchant() + "#" + s.conversation().id(), s);
                        yield null;
                    }
                    case "ofCustomer", "kpiChanges", "kpiVectors", "responseTimes" -> List.of();
                    case "toString" -> "in-memory conversations";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        BreachStore breaches = (BreachStore) Proxy.newProxyInstance(BreachStore.class.getClassLoader(),
                new Class<?>[] {BreachStore.class}, (proxy, method, a) -> switch (method.getName()) {
                    case "find" -> Optional.empty();
                    case "ofAgent" -> List.of();
                    case "complaintsAgainst" -> 0;
                    default -> null;
                });
        return new IngestEventBatch(conversations, breaches, Clock.systemUTC());
    }
}
