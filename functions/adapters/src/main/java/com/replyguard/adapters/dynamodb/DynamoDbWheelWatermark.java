package com.replyguard.adapters.dynamodb;

import com.replyguard.ports.WheelWatermark;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** The deadline wheel's watermark: one item {@code wheel#watermark} in the merchants (configuration) table. */
public final class DynamoDbWheelWatermark implements WheelWatermark {
    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("wheel#watermark"));
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbWheelWatermark(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Instant> load() {
        GetItemResponse r = dynamo.getItem(b -> b.tableName(table).key(KEY).consistentRead(true));
        return r.hasItem() && r.item().containsKey("at") ? Optional.of(Instant.parse(r.item().get("at").s())) : Optional.empty();
    }

    @Override
    public void save(Instant watermark) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", KEY.get("pk"), "at", AttributeValue.fromS(watermark.toString()))));
    }
}
