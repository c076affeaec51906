package com.replyguard.adapters.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.adapters.json.DeadLetterJson;
import com.replyguard.merchant.MerchantId;
import com.replyguard.notify.Delivery;
import com.replyguard.ports.DeadLetters;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Given-up deliveries to the notifier's SQS dead-letter queue (template {@code NotifierDeadLetterQueue},
 * alarmed on its depth): one message per (alert, channel), body {@link DeadLetterJson}, with the
 * alert and channel ids also as message attributes. A failed send throws, so the invocation is retried.
 */
public final class SqsDeadLetters implements DeadLetters {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsDeadLetters(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void abandoned(MerchantId merchant, Delivery delivery) {
        String body;
        try {
            body = JSON.writeValueAsString(DeadLetterJson.of(merchant, delivery));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a dead letter", e);
        }
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body).messageAttributes(Map.of(
                "alertId", MessageAttributeValue.builder().dataType("String").stringValue(delivery.noticeId()).build(),
                "channelId", MessageAttributeValue.builder().dataType("String").stringValue(delivery.channelId()).build())));
    }
}
