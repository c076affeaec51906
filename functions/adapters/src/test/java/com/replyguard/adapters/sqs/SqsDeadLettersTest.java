package com.replyguard.adapters.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.clock.ClockType;
import com.replyguard.conversation.Channel;
import com.replyguard.merchant.MerchantId;
import com.replyguard.notify.AlertNotice;
import com.replyguard.notify.ChannelKind;
import com.replyguard.notify.Delivery;
import com.replyguard.notify.NoticeType;
import com.replyguard.notify.NotifyChannel;
import com.replyguard.notify.RobotAnswer;
import com.replyguard.notify.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * A given-up delivery in the dead-letter queue: one message naming the merchant, the alert and the
 * channel with the robot's last answer and the alert's detail - never the robot's URL or a secret;
 * a queue that cannot take it fails loudly (the invocation is retried).
 */
class SqsDeadLettersTest {
    private final List<SendMessageRequest> sent = new ArrayList<>();
    private boolean down;

    private final SqsClient sqs = new SqsClient() {
        @Override
        public SendMessageResponse sendMessage(Consumer<SendMessageRequest.Builder> request) {
            if (down) {
                throw SdkClientException.create("queue unavailable");
            }
            sent.add(SendMessageRequest.builder().applyMutation(request).build());
            return SendMessageResponse.builder().messageId("m-1").build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {
        }
    };

    private static Delivery givenUp() {
        Instant t = Instant.parse("2026-10-03T12:00:00Z");
        AlertNotice a = new AlertNotice("a_77", NoticeType.SLA_BREACHED, new MerchantId("demo"), "chat-77", ClockType.FIRST_REPLY,
                "FIRST_REPLY", Channel.CS_CHAT, false, t.minusSeconds(60), t, t, 1, null);
        NotifyChannel leads = new NotifyChannel("leads", ChannelKind.DINGTALK,
                "https://oapi.dingtalk.com/robot/send?access_token=secret-token-9", "SECsigning-9", null, null);
        return Delivery.queued(a, leads, t).after(Verdict.retry(Duration.ofSeconds(1)), new RobotAnswer(502, null,
                "Bad Gateway"), false, t.plusSeconds(1)).givenUp(t.plusSeconds(120));
    }

    @Test
    void aGivenUpDelivery_namesTheAlertAndTheChannel_andNoCredential() throws Exception {
        new SqsDeadLetters(sqs, "https://sqs.example/queue").abandoned(new MerchantId("demo"), givenUp());
        assertEquals(1, sent.size());
        SendMessageRequest m = sent.get(0);
        assertEquals("https://sqs.example/queue", m.queueUrl());
        assertEquals("a_77", m.messageAttributes().get("alertId").stringValue());
        assertEquals("leads", m.messageAttributes().get("channelId").stringValue());
        JsonNode body = new ObjectMapper().readTree(m.messageBody());
        assertEquals("demo", body.path("merchantId").asText());
        assertEquals("a_77", body.path("alertId").asText());
        assertEquals("leads", body.path("channelId").asText());
        assertEquals("FAILED", body.path("state").asText());
        assertEquals(502, body.path("answer").path("httpStatus").asInt());
        assertEquals("chat-77", body.path("notice").path("conversationId").asText());
        assertTrue(!m.messageBody().contains("secret-token-9") && !m.messageBody().contains("SECsigning-9"), m.messageBody());
    }

    @Test
    void aQueueThatCannotTakeIt_failsLoudly() {
        down = true;
        assertThrows(SdkClientException.class, () -> new SqsDeadLetters(sqs, "q").abandoned(new MerchantId("demo"), givenUp()));
    }
}
