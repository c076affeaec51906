package com.replyguard.ingest;

import com.replyguard.adapters.config.Environment;
import com.replyguard.adapters.config.StorageWiring;
import com.replyguard.ports.MerchantDirectory;
import com.replyguard.usecase.IngestEventBatch;
import java.time.Clock;
import java.util.Map;

/** The ingest function's composition root: the only place it reads configuration and calls {@code new}. */
public record IngestWiring(MerchantDirectory merchants, IngestEventBatch ingest, Clock clock) {

    public static IngestWiring from(Map<String, String> environment, Clock clock) {
        StorageWiring storage = StorageWiring.from(new Environment(environment), clock);
        return new IngestWiring(storage.merchants,
                new IngestEventBatch(storage.conversations, storage.breaches, storage.texts, storage.agents,
                        clock),
                clock);
    }
}
