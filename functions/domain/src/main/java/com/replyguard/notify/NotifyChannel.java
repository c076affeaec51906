package com.replyguard.notify;

import java.util.Objects;

/**
 * One place a merchant's alerts go: a group robot or the merchant's own webhook. {@code url} and
 * {@code secret} are credentials (a robot's URL is enough to post into its group): they never
 * appear in toString, a log line or an answer. {@code keyword}, when the robot has a keyword filter,
 * is put in every message's title; {@code perMinute} lowers the budget for a robot that other senders
 * share (null: the kind's).
 */
public record NotifyChannel(String id, ChannelKind kind, String url, String secret, String keyword, Integer perMinute) {
    public NotifyChannel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }

    public Budget budget() {
        return perMinute == null ? kind.budget() : Budget.forPerMinute(perMinute);
    }

    /** The same channel with the credentials of {@code stored} where this one has none. */
    public NotifyChannel keepingCredentialsOf(NotifyChannel stored) {
        return new NotifyChannel(id, kind, url == null ? stored.url() : url, secret == null ? stored.secret() : secret,
                keyword, perMinute);
    }

    @Override
    public String toString() {
        return "NotifyChannel[" + id + ", " + kind + "]";
    }
}
