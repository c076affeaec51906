package com.replyguard.merchant;

import java.util.Objects;
import java.util.regex.Pattern;

/** A merchant (tenant) id. Invariant: 1-64 chars of [A-Za-z0-9_-], so it is safe in keys and paths. */
public record MerchantId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public MerchantId {
        Objects.requireNonNull(value, "merchant id");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("merchant id must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-'");
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
