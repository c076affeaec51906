package com.replyguard.dynalite;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One dynalite per test JVM, started on first use and stopped when the JVM exits; each test gets
 * its own set of the template's tables under a fresh name prefix, so tests never see each other's
 * items and need no cleanup.
 */
public final class SharedDynalite {
    private static Dynalite instance;
    private static DynamoDbClient client;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private SharedDynalite() {
    }

    public static synchronized Dynalite instance() {
        if (instance == null) {
            instance = Dynalite.start();
            client = instance.client();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                client.close();
                instance.close();
            }, "shared-dynalite-stop"));
        }
        return instance;
    }

    public static synchronized DynamoDbClient client() {
        instance();
        return client;
    }

    /** Creates the template's tables under a new prefix and returns the template bound to it. */
    public static SamTemplate freshTables() {
        SamTemplate t = SamTemplate.read("t" + SEQUENCE.incrementAndGet() + "_");
        t.createMissingTables(client());
        return t;
    }
}
