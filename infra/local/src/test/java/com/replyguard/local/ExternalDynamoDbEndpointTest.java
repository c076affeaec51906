package com.replyguard.local;

import static com.replyguard.local.Http.batch;
import static com.replyguard.local.Http.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.replyguard.dynalite.Dynalite;
import com.replyguard.dynalite.ProjectLayout;
import org.junit.jupiter.api.Test;

/**
 * Contract: {@code --dynamodb-endpoint URL} uses an already running DynamoDB-compatible endpoint,
 * creating the tables it needs if they are missing and keeping what is there.
 */
class ExternalDynamoDbEndpointTest {

    @Test
    void runnerUsesTheGivenEndpoint_createsMissingTablesOnce_andKeepsTheData() throws Exception {
        try (Dynalite external = Dynalite.start()) {
            LocalSystem.Options options = new LocalSystem.Options(0, external.endpoint(),
                    ProjectLayout.root().resolve("infra/local/merchants.json"), ProjectLayout.template());
            try (LocalSystem first = LocalSystem.start(options)) {
                assertNull(first.dynalite(), "no dynalite of its own");
                Http.Answer a = new Http(first.url()).postSigned("demo", "demo-webhook-secret", batch(
                        event("p-1", "customer.message", "p-chat", "2026-10-05T10:00:00", "\"channel\":\"CS_CHAT\",\"customerId\":\"b\"")));
                assertEquals(200, a.status(), a.body());
            }
            try (LocalSystem second = LocalSystem.start(options)) {
                Http.Answer again = new Http(second.url()).postSigned("demo", "demo-webhook-secret", batch(
                        event("p-1", "customer.message", "p-chat", "2026-10-05T10:00:00", "\"channel\":\"CS_CHAT\",\"customerId\":\"b\"")));
                assertEquals(1, again.json().path("duplicates").asInt(), "the first run's event is still stored");
                assertEquals(1, new Http(second.url()).get("/merchants/demo/breaches", "demo-manager-token").json()
                        .path("breaches").size());
            }
        }
    }
}
