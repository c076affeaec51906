package com.replyguard.local;

import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Test-only SDK interceptor (registered for every client of the test JVM through
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}): asks DynamoDB for the
 * capacity each request consumed, indexes included, and adds it up - the write and read units the
 * cost model (docs/cost.md) prices. It changes no request's effect.
 */
public final class ConsumedCapacityRecorder implements ExecutionInterceptor {
    private static final DoubleAdder WRITE = new DoubleAdder();
    private static final DoubleAdder READ = new DoubleAdder();

    public static void reset() {
        WRITE.reset();
        READ.reset();
    }

    public static double writeUnits() {
        return WRITE.sum();
    }

    public static double readUnits() {
        return READ.sum();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest r = context.request();
        ReturnConsumedCapacity all = ReturnConsumedCapacity.INDEXES;
        if (r instanceof PutItemRequest p) {
            return p.toBuilder().returnConsumedCapacity(all).build();
        } else if (r instanceof UpdateItemRequest u) {
            return u.toBuilder().returnConsumedCapacity(all).build();
        } else if (r instanceof DeleteItemRequest d) {
            return d.toBuilder().returnConsumedCapacity(all).build();
        } else if (r instanceof BatchWriteItemRequest b) {
            return b.toBuilder().returnConsumedCapacity(all).build();
        } else if (r instanceof GetItemRequest g) {
            return g.toBuilder().returnConsumedCapacity(all).build();
        } else if (r instanceof BatchGetItemRequest b) {
            return b.toBuilder().returnConsumedCapacity(all).build();
        } else if (r instanceof QueryRequest q) {
            return q.toBuilder().returnConsumedCapacity(all).build();
        }
        return r;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkResponse r = context.response();
        if (r instanceof PutItemResponse p) {
            write(p.consumedCapacity());
        } else if (r instanceof UpdateItemResponse u) {
            write(u.consumedCapacity());
        } else if (r instanceof DeleteItemResponse d) {
            write(d.consumedCapacity());
        } else if (r instanceof BatchWriteItemResponse b && b.hasConsumedCapacity()) {
            b.consumedCapacity().forEach(ConsumedCapacityRecorder::write);
        } else if (r instanceof GetItemResponse g) {
            read(g.consumedCapacity());
        } else if (r instanceof BatchGetItemResponse b && b.hasConsumedCapacity()) {
            b.consumedCapacity().forEach(ConsumedCapacityRecorder::read);
        } else if (r instanceof QueryResponse q) {
            read(q.consumedCapacity());
        }
    }

    private static void write(ConsumedCapacity c) {
        if (c != null && c.capacityUnits() != null) {
            WRITE.add(c.capacityUnits());
        }
    }

    private static void read(ConsumedCapacity c) {
        if (c != null && c.capacityUnits() != null) {
            READ.add(c.capacityUnits());
        }
    }

    static List<Double> snapshot() {
        return List.of(writeUnits(), readUnits());
    }
}
