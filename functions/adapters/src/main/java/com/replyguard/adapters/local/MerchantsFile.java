package com.replyguard.adapters.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.adapters.json.PolicyJson;
import com.replyguard.merchant.AssessedHours;
import com.replyguard.merchant.DoudianApp;
import com.replyguard.merchant.Manager;
import com.replyguard.merchant.Merchant;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.ManagerTokens;
import com.replyguard.ports.MerchantDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local merchants file ({@code infra/local/merchants.json}): merchants, their webhook
 * secrets, their managers' bearer tokens and (optionally) their policy ({@link PolicyJson}). Read once at start; a malformed file stops the
 * start with every problem named. Token lookup compares in constant time.
 */
public final class MerchantsFile implements MerchantDirectory, ManagerTokens {
    private final Map<MerchantId, Merchant> merchants;
    private final Map<String, Manager> tokens;

    private MerchantsFile(Map<MerchantId, Merchant> merchants, Map<String, Manager> tokens) {
        this.merchants = merchants;
        this.tokens = tokens;
    }

    public static MerchantsFile read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read merchants file " + file + ": " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        Map<MerchantId, Merchant> merchants = new LinkedHashMap<>();
        Map<String, Manager> tokens = new HashMap<>();
        JsonNode list = root.path("merchants");
        if (!list.isArray() || list.isEmpty()) {
            problems.add("'merchants' must be a non-empty array");
        }
        int i = 0;
        for (JsonNode m : list) {
            String at = "merchants[" + i++ + "]";
            String id = m.path("merchantId").asText("");
            if (!MerchantId.isWellFormed(id)) {
                problems.add(at + ".merchantId must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-'");
                continue;
            }
            List<String> secrets = texts(m.path("webhookSecrets"));
            if (secrets.isEmpty()) {
                problems.add(at + ".webhookSecrets must list at least one secret");
            }
            String hashKey = m.path("customerHashKey").asText("");
            if (hashKey.length() < 16) {
                problems.add(at + ".customerHashKey must be at least 16 characters");
            }
            AssessedHours hours = AssessedHours.PLATFORM_DEFAULT;
            if (m.has("assessedHours")) {
                try {
                    hours = new AssessedHours(LocalTime.parse(m.path("assessedHours").path("from").asText()),
                            LocalTime.parse(m.path("assessedHours").path("to").asText()));
                } catch (DateTimeParseException e) {
                    problems.add(at + ".assessedHours needs from/to as HH:mm");
                }
            }
            // a token is a string (a supervisor) or {"token", "role": SUPERVISOR|TEAM_LEAD|OPERATIONS, "team": [agent ids]}
            for (JsonNode t : m.path("managerTokens")) {
                String token = t.isTextual() ? t.asText() : t.path("token").asText("");
                Manager.Role role;
                try {
                    role = Manager.Role.valueOf(t.path("role").asText("SUPERVISOR"));
                } catch (IllegalArgumentException e) {
                    problems.add(at + ".managerTokens role must be one of SUPERVISOR, TEAM_LEAD, OPERATIONS");
                    continue;
                }
                if (token.isEmpty()) {
                    problems.add(at + ".managerTokens has an empty token");
                } else if (tokens.put(token, new Manager(new MerchantId(id), role,
                        new HashSet<>(texts(t.path("team"))))) != null) {
                    problems.add(at + ".managerTokens reuses a token of another merchant");
                }
            }
            PolicyJson.Parsed policy = null;
            try {
                policy = PolicyJson.read(m.path("policy"), at + ".policy", hours);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            if (!secrets.isEmpty() && hashKey.length() >= 16 && policy != null) {
                String douyin = m.path("douyin").path("clientSecret").asText(null);
                DoudianApp doudian = null;
                if (m.has("doudian")) {
                    List<String> appSecrets = new ArrayList<>();
                    m.path("doudian").path("appSecrets").forEach(x -> appSecrets.add(x.asText("")));
                    try {
                        doudian = new DoudianApp(m.path("doudian").path("appKey").asText(""), appSecrets);
                    } catch (IllegalArgumentException e) {
                        problems.add(at + ".doudian: " + e.getMessage());
                    }
                }
                Merchant merchant = new Merchant(new MerchantId(id), secrets,
                        hashKey.getBytes(StandardCharsets.UTF_8), policy.assessedHours(), policy.policy(), policy.urgency(),
                        policy.discipline(), policy.shifts(), douyin, doudian);
                // R23: "storeText": {"retentionDays": N} keeps customers' message text N days (absent: never)
                if (m.has("storeText")) {
                    int days = m.path("storeText").path("retentionDays").asInt(30);
                    try {
                        merchant = merchant.withTextRetention(Duration.ofDays(days));
                    } catch (IllegalArgumentException e) {
                        problems.add(at + ".storeText.retentionDays must be 1 to 365");
                    }
                }
                merchants.put(new MerchantId(id), merchant);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("merchants file " + file + " is invalid: " + String.join("; ", problems));
        }
        return new MerchantsFile(merchants, tokens);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            if (n.isTextual() && !n.asText().isEmpty()) {
                out.add(n.asText());
            }
        }
        return out;
    }

    @Override
    public Optional<Merchant> find(MerchantId id) {
        return Optional.ofNullable(merchants.get(id));
    }

    @Override
    public Optional<Manager> managerOf(String bearerToken) {
        Manager found = null;
        byte[] presented = bearerToken.getBytes(StandardCharsets.UTF_8);
        for (Map.Entry<String, Manager> e : tokens.entrySet()) {
            if (MessageDigest.isEqual(e.getKey().getBytes(StandardCharsets.UTF_8), presented)) {
                found = e.getValue();
            }
        }
        return Optional.ofNullable(found);
    }
}
