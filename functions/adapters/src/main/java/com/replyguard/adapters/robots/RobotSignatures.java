package com.replyguard.adapters.robots;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two robot signatures, exactly as the vendors document them (they differ, and mixing them up
 * is the common bug - 飞书 answers 19021 "sign match fail" forever):
 * <ul>
 *   <li>飞书 / Lark 签名校验: HMAC-SHA256 keyed with {@code timestamp + "\n" + secret} over an
 *       <em>empty</em> message, Base64; {@code timestamp} in seconds; both go in the JSON body.</li>
 *   <li>钉钉 加签: HMAC-SHA256 keyed with the secret (the whole {@code SEC…} string) over
 *       {@code timestamp + "\n" + secret}, Base64, then URL-encoded; {@code timestamp} in
 *       milliseconds; both go in the query string.</li>
 * </ul>
 * Both vendors accept a timestamp within an hour of their clock.
 */
public final class RobotSignatures {
    private RobotSignatures() {
    }

    public static String feishu(long timestampSeconds, String secret) {
        return base64(hmac((timestampSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]));
    }

    /** 钉钉's signature before URL encoding (what its server compares after decoding the query). */
    public static String dingtalk(long timestampMillis, String secret) {
        return base64(hmac(secret.getBytes(StandardCharsets.UTF_8),
                (timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    /** 钉钉's signature as the {@code sign} query value: Base64, then URL-encoded once. */
    public static String dingtalkQueryValue(long timestampMillis, String secret) {
        return URLEncoder.encode(dingtalk(timestampMillis, secret), StandardCharsets.UTF_8);
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
