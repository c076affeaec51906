package com.replyguard.conversation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * R29: customer ids are stored only as a keyed hash, HMAC-SHA256 under a per-merchant key, so
 * the same buyer links their conversations without the raw platform id ever being stored, and
 * one merchant's hashes say nothing about another's.
 */
public final class CustomerPseudonym {
    private final SecretKeySpec key;

    public CustomerPseudonym(byte[] merchantKey) {
        this.key = new SecretKeySpec(merchantKey, "HmacSHA256");
    }

    public String of(String platformCustomerId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(platformCustomerId.getBytes(StandardCharsets.UTF_8));
            return "c_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
