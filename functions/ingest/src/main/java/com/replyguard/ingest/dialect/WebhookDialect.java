package com.replyguard.ingest.dialect;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.adapters.http.ApiRequest;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.intake.Problem;
import com.replyguard.intake.RawEvent;
import com.replyguard.merchant.Merchant;
import com.replyguard.usecase.IngestEventBatch;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One platform's webhook: how a push proves who sent it, how its body becomes the canonical raw
 * events the ingest validates, and how the platform expects to be answered - including its error
 * shape. {@code WebhookIngestHandler} runs every dialect through one path (merchant, size, verify,
 * decode, ingest, answer) and one error mapping; what differs between platforms lives here only.
 */
public interface WebhookDialect {
    /** The route this dialect serves (method and resource template, as template.yaml binds it). */
    String route();

    /** Empty when the request is authentic; else why it is refused (answered 401). */
    Optional<String> refusal(Merchant merchant, ApiRequest request, byte[] body, Instant now);

    /**
     * The push read: the events to ingest, or an answer that needs no ingest (a verification
     * challenge, a topic we do not use). A body that is not JSON throws {@code EventBatchJson.NotJson};
     * one that can never succeed, {@code BatchRejected}.
     */
    Decoded decode(Merchant merchant, ApiRequest request, byte[] body, Instant now, JsonLog log);

    /** The platform's answer to a stored push. */
    APIGatewayV2HTTPResponse stored(Merchant merchant, Decoded push, IngestEventBatch.Result result, JsonLog log);

    /** The platform's error shape: status, message and the problems of a refused push. */
    APIGatewayV2HTTPResponse error(int status, String message, List<Problem> problems);

    /** The status of a body that is not JSON: 415 on the contract's route, 400 where the platform wants it. */
    int notJsonStatus();

    /**
     * Whether a push that holds no event for us is acknowledged as stored (a platform pushing only
     * topics we ignore), rather than refused as the contract refuses an empty batch.
     */
    default boolean acknowledgesAnEmptyPush() {
        return false;
    }

    /** A decoded push: events to ingest, or an answer given without ingesting anything. */
    sealed interface Decoded permits Events, Answered {
    }

    /** Events to ingest; {@code platformEvent}: the platform's own name for what was pushed (logged), or null. */
    record Events(List<RawEvent> events, String platformEvent, int messages, List<String> ignoredTags) implements Decoded {
        public Events {
            events = List.copyOf(events);
            ignoredTags = List.copyOf(ignoredTags);
        }

        public static Events of(List<RawEvent> events) {
            return new Events(events, null, events.size(), List.of());
        }
    }

    /** Answered without ingesting (a challenge, an ignored topic). */
    record Answered(APIGatewayV2HTTPResponse response) implements Decoded {
    }
}
