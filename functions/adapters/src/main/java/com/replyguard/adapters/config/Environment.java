package com.replyguard.adapters.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The environment a composition root reads, once, at start. {@link #require} collects every
 * missing variable and {@link #check} fails with all of them named, so a misconfigured
 * function fails its first (init) phase loudly instead of its hundredth request quietly.
 */
public final class Environment {
    private final Map<String, String> variables;
    private final List<String> missing = new ArrayList<>();

    public Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public String require(String name) {
        String v = variables.get(name);
        if (v == null || v.isBlank()) {
            missing.add(name);
            return null;
        }
        return v;
    }

    public String optional(String name) {
        String v = variables.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    public void check() {
        if (!missing.isEmpty()) {
            throw new IllegalStateException("missing environment variable(s): " + String.join(", ", missing));
        }
    }
}
