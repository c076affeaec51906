package com.replyguard.notify;

import java.util.regex.Pattern;

/**
 * What a robot (or a merchant's webhook) answered to one message: the HTTP status and the vendor's
 * own {@code code}/{@code msg} ({@code errcode}/{@code errmsg}) from the body - or, with status
 * {@value #UNREACHABLE}, that it could not be reached (timeout, refused connection), or with
 * {@value #NOT_SENT}, that we refused to send (an address that is not public, a message too long).
 * The message is the vendor's own words, shortened and with any URL removed, so it can be shown
 * and stored: it never carries the robot's URL or a secret.
 */
public record RobotAnswer(int httpStatus, Integer code, String message) {
    public static final int UNREACHABLE = 0;
    public static final int NOT_SENT = -1;
    public static final int MAX_MESSAGE = 200;
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    public RobotAnswer {
        message = message == null ? null : clean(message);
    }

    public static RobotAnswer unreachable(String why) {
        return new RobotAnswer(UNREACHABLE, null, why);
    }

    public static RobotAnswer notSent(String why) {
        return new RobotAnswer(NOT_SENT, null, why);
    }

    private static String clean(String m) {
        String s = URL.matcher(m).replaceAll("<link>").replaceAll("[\\r\\n\\t]+", " ").strip();
        return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) + "…" : s;
    }
}
