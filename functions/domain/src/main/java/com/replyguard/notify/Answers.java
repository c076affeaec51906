package com.replyguard.notify;

import java.time.Duration;
import java.util.Locale;

/**
 * How each vendor's answer is read (their error codes come in the body, often with HTTP 200, so the
 * status alone never means success): 飞书/Lark {@code code} 0, 钉钉 and 企业微信 {@code errcode} 0,
 * a merchant's webhook any 2xx. Retried with backoff: "too fast" (飞书 9499 "too many request",
 * 钉钉 130101, 企业微信 45009), system throttling (飞书 11232, 企业微信 -1), HTTP 429 and 5xx, and an
 * unreachable robot. Everything else is a refusal that retrying cannot fix (e.g. 飞书 19021 signature,
 * 19022 IP, 19024 keyword; 钉钉 310000 signature / keyword / IP; 企业微信 93000 removed robot), and so
 * is an answer we cannot read.
 */
public final class Answers {
    /** 钉钉 throttles a robot for 10 minutes once it sent more than 20 messages in a minute. */
    public static final Duration DINGTALK_BLOCK = Duration.ofMinutes(10);
    /** 企业微信 lifts a rate block after the minute it was counted in. */
    public static final Duration WECOM_BLOCK = Duration.ofSeconds(60);
    public static final Duration FEISHU_TOO_FAST = Duration.ofSeconds(10);
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private Answers() {
    }

    /** Exponential backoff for the n-th failed attempt (1-based): 1, 2, 4, 8, 16, 30, 30 ... seconds. */
    public static Duration backoff(int attempt) {
        long seconds = 1L << Math.min(5, Math.max(0, attempt - 1));
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }

    public static Verdict classify(ChannelKind kind, RobotAnswer a, int attempt) {
        if (a.httpStatus() == RobotAnswer.NOT_SENT) {
            return Verdict.REFUSED;
        }
        if (a.httpStatus() == RobotAnswer.UNREACHABLE) {
            return Verdict.retry(backoff(attempt));
        }
        String msg = a.message() == null ? "" : a.message().toLowerCase(Locale.ROOT);
        Integer code = a.code();
        switch (kind) {
            case FEISHU, LARK -> {
                if (code != null && code == 0 && a.httpStatus() / 100 == 2) {
                    return Verdict.SENT;
                }
                if (code != null && code == 9499 && msg.contains("too many")) {
                    return Verdict.throttled(FEISHU_TOO_FAST);
                }
                if (code != null && code == 11232) {
                    return Verdict.retry(backoff(attempt + 2));
                }
            }
            case DINGTALK -> {
                if (code != null && code == 0 && a.httpStatus() / 100 == 2) {
                    return Verdict.SENT;
                }
                if (code != null && code == 130101 || a.httpStatus() / 100 == 3) {
                    // over 20 a minute: the robot is blocked for 10 minutes (and then answers with redirects)
                    return Verdict.throttled(DINGTALK_BLOCK);
                }
            }
            case WECOM -> {
                if (code != null && code == 0 && a.httpStatus() / 100 == 2) {
                    return Verdict.SENT;
                }
                if (code != null && code == 45009) {
                    return Verdict.throttled(WECOM_BLOCK);
                }
                if (code != null && code == -1) {
                    return Verdict.retry(backoff(attempt));
                }
            }
            case WEBHOOK -> {
                if (a.httpStatus() / 100 == 2) {
                    return Verdict.SENT;
                }
                if (a.httpStatus() == 408) {
                    return Verdict.retry(backoff(attempt));
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
        if (a.httpStatus() == 429 || a.httpStatus() / 100 == 5) {
            return Verdict.retry(backoff(attempt));
        }
        return Verdict.REFUSED;
    }
}
