package com.replyguard.dynalite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The local DynamoDB harness: tables from template.yaml, request counting, and surviving clients that hang up. */
class DynaliteTest {

    @Test
    void createsTheTemplatesTables_countsRequests_andSurvivesAClientHangingUpMidRequest() throws Exception {
        try (Dynalite dynalite = Dynalite.start(); DynamoDbClient client = dynalite.client()) {
            SamTemplate template = SamTemplate.read("x_");
            template.createMissingTables(client);
            template.createMissingTables(client); // idempotent
            assertEquals(template.tableLogicalIds().size(), client.listTables().tableNames().size());
            assertTrue(dynalite.requestCounts().contains("\"CreateTable\":" + template.tableLogicalIds().size()));

            // a stopping JVM may abort a call half-sent; dynalite itself would crash on that (ECONNRESET)
            try (Socket s = new Socket(dynalite.endpoint().getHost(), dynalite.endpoint().getPort())) {
                OutputStream out = s.getOutputStream();
                out.write(("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n\r\n{\"a\":")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(100);
            }
            Thread.sleep(300);
            assertEquals(template.tableLogicalIds().size(), client.listTables().tableNames().size(), "still serving");
        }
    }
}
