package com.replyguard.adapters.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.replyguard.assessment.Cycle;
import com.replyguard.conversation.ConversationId;
import com.replyguard.kpi.ConversationKpi;
import com.replyguard.kpi.Fold;
import com.replyguard.kpi.KpiVector;
import com.replyguard.merchant.MerchantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** A KPI fold as the JSON journal kept on its shard's state item until the fold has ended. */
public final class FoldJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FoldJson() {
    }

    public static String write(Fold fold) {
        ObjectNode root = JSON.createObjectNode();
        root.put("shard", fold.shard());
        root.put("seq", fold.seq());
        if (fold.through() != null) {
            root.put("through", fold.through().toString());
        }
        ArrayNode counters = root.putArray("counters");
        for (Fold.CounterDelta d : fold.counters()) {
            ObjectNode c = counters.addObject();
            c.put("merchant", d.merchant().value());
            c.put("cycle", d.cycle().toString());
            vector(c.putObject("delta"), d.delta());
        }
        ArrayNode ledgers = root.putArray("ledgers");
        for (ConversationKpi l : fold.ledgers()) {
            ObjectNode c = ledgers.addObject();
            c.put("merchant", l.merchant().value());
            c.put("conversation", l.conversation().value());
            c.put("version", l.version());
            vector(c.putObject("vector"), l.vector());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a fold journal", e);
        }
    }

    public static Fold read(String text) {
        try {
            JsonNode root = JSON.readTree(text);
            List<Fold.CounterDelta> counters = new ArrayList<>();
            for (JsonNode c : root.get("counters")) {
                counters.add(new Fold.CounterDelta(new MerchantId(c.get("merchant").asText()),
                        Cycle.parse(c.get("cycle").asText()).orElseThrow(), vector(c.get("delta"))));
            }
            List<ConversationKpi> ledgers = new ArrayList<>();
            for (JsonNode c : root.get("ledgers")) {
                ledgers.add(new ConversationKpi(new MerchantId(c.get("merchant").asText()),
                        new ConversationId(c.get("conversation").asText()), c.get("version").asLong(), vector(c.get("vector"))));
            }
            JsonNode through = root.get("through");
            return new Fold(root.get("shard").asInt(), root.get("seq").asLong(),
                    through == null ? null : Instant.parse(through.asText()), counters, ledgers);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("unreadable fold journal", e);
        }
    }

    private static void vector(ObjectNode into, KpiVector v) {
        v.counts().forEach(into::put);
    }

    private static KpiVector vector(JsonNode node) {
        TreeMap<String, Long> m = new TreeMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
        return new KpiVector(m);
    }
}
