package com.replyguard.local;

import com.replyguard.ingest.WebhookIngestHandler;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The route tables of the two HTTP functions ("METHOD /path"), which template.yaml and
 * docs/openapi.yaml must both name exactly: {@code WebhookIngestHandler.ROUTES} and the manager
 * API's package-private {@code ManagerApiHandler.ROUTES} (read reflectively from here).
 */
final class HandlerRoutes {
    private HandlerRoutes() {
    }

    static SortedSet<String> webhooks() {
        return new TreeSet<>(WebhookIngestHandler.ROUTES);
    }

    static SortedSet<String> manager() {
        try {
            var field = Class.forName("com.replyguard.managerapi.ManagerApiHandler").getDeclaredField("ROUTES");
            field.setAccessible(true);
            @SuppressWarnings("unchecked")
            List<String> routes = (List<String>) field.get(null);
            return new TreeSet<>(routes);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("ManagerApiHandler.ROUTES is not readable", e);
        }
    }
}
