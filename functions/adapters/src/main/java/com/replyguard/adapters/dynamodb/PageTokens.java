package com.replyguard.adapters.dynamodb;

import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.BreachStore;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Page tokens of the lists paged by a merchant index ({@code listPk = merchant}, {@code listSk}
 * sorted): the last returned item's keys, base64url - opaque to clients, and checked on return
 * against the merchant and the window asked for, so a forged or foreign token is refused
 * ({@link BreachStore.InvalidPageToken}), never followed.
 */
final class PageTokens {
    private PageTokens() {
    }

    /**
     * The token's {@code pk}, {@code listPk}, {@code listSk}; refused unless it is the merchant's and
     * inside [low, high] (a null bound: open on that side).
     */
    static String[] decode(String token, MerchantId merchant, String low, String high) {
        String[] parts = parts(token, 3);
        if ( !parts[1].equals(merchant.value()) || !parts[0].startsWith(merchant.value() + "#")
                || (low != null && parts[2].compareTo(low) < 0) || (high != null && parts[2].compareTo(high) > 0)) {
            throw new BreachStore.InvalidPageToken("nextToken is not one this API issued for this merchant and window");
        }
        return parts;
    }

    /** The token's parts, unchecked; refused unless it decodes to {@code n} of them. */
    static String[] parts(String token, int n) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
        } catch (IllegalArgumentException e) {
            throw new BreachStore.InvalidPageToken("nextToken is not one this API issued");
        }
        if (parts.length != n) {
            throw new BreachStore.InvalidPageToken("nextToken is not one this API issued");
        }
        return parts;
    }

    static String encode(String... parts) {
        String raw = String.join("\n", parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
