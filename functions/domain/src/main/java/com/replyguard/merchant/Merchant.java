package com.replyguard.merchant;

import java.util.List;
import java.util.Objects;

/**
 * What the system knows of one merchant (tenant): its webhook secrets (more than one while a
 * secret is rotated), the key its customers' ids are pseudonymised with, and its assessment
 * settings. Invariant: at least one webhook secret; secrets never appear in toString().
 */
public final class Merchant {
    private final MerchantId id;
    private final List<String> webhookSecrets;
    private final byte[] customerHashKey;
    private final AssessedHours assessedHours;

    public Merchant(MerchantId id, List<String> webhookSecrets, byte[] customerHashKey, AssessedHours assessedHours) {
        this.id = Objects.requireNonNull(id, "id");
        this.webhookSecrets = List.copyOf(webhookSecrets);
        if (this.webhookSecrets.isEmpty() || this.webhookSecrets.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("merchant " + id + " needs at least one non-empty webhook secret");
        }
        if (customerHashKey == null || customerHashKey.length < 16) {
            throw new IllegalArgumentException("merchant " + id + " needs a customer hash key of at least 16 bytes");
        }
        this.customerHashKey = customerHashKey.clone();
        this.assessedHours = Objects.requireNonNull(assessedHours, "assessedHours");
    }

    public MerchantId id() {
        return id;
    }

    public List<String> webhookSecrets() {
        return webhookSecrets;
    }

    public byte[] customerHashKey() {
        return customerHashKey.clone();
    }

    public AssessedHours assessedHours() {
        return assessedHours;
    }

    @Override
    public String toString() {
        return "Merchant[" + id + "]";
    }
}
