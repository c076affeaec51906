package com.replyguard.adapters.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchGetItem and BatchWriteItem within DynamoDB's limits (100 keys, 25 writes per request),
 * retrying what DynamoDB leaves unprocessed with a growing pause; after
 * {@link #MAX_UNPROCESSED_ROUNDS} rounds it throws: throttling is an outage, never a silent loss.
 */
final class Batches {
    static final int MAX_UNPROCESSED_ROUNDS = 8;

    private Batches() {
    }

    /** The items of {@code keys} that exist, read strongly consistently; {@code what} names them in errors. */
    static List<Map<String, AttributeValue>> get(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> keys,
            String what) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 100) {
            Map<String, KeysAndAttributes> pending = Map.of(table,
                    KeysAndAttributes.builder().keys(keys.subList(from, Math.min(keys.size(), from + 100))).consistentRead(true).build());
            for (int round = 0; !pending.isEmpty(); round++) {
                pause(round, what);
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse r = dynamo.batchGetItem(b -> b.requestItems(request));
                out.addAll(r.responses().getOrDefault(table, List.of()));
                pending = r.hasUnprocessedKeys() ? r.unprocessedKeys() : Map.of();
            }
        }
        return out;
    }

    /** Every put or delete of {@code requests}; {@code what} names them in errors. */
    static void write(DynamoDbClient dynamo, String table, List<WriteRequest> requests, String what) {
        for (int from = 0; from < requests.size(); from += 25) {
            Map<String, List<WriteRequest>> pending = Map.of(table, requests.subList(from, Math.min(requests.size(), from + 25)));
            for (int round = 0; !pending.isEmpty(); round++) {
                pause(round, what);
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse r = dynamo.batchWriteItem(b -> b.requestItems(request));
                pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
            }
        }
    }

    /** Before round {@code round}: nothing for the first, then 50 ms doubling up to 1 s; refuses past the last round. */
    private static void pause(int round, String what) {
        if (round >= MAX_UNPROCESSED_ROUNDS) {
            throw new IllegalStateException("DynamoDB left " + what + " unprocessed after " + round + " rounds (throttled)");
        }
        if (round == 0) {
            return;
        }
        try {
            Thread.sleep(Math.min(1000, 25L << round));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
