package com.replyguard.notify;

import java.util.Objects;

/**
 * Someone a message can mention: an agent, a team lead or a supervisor of the merchant, with the
 * ids each vendor mentions people by (钉钉 user id or mobile, 飞书 open id, 企业微信 user id) and the
 * team they belong to. Employees' contact data: never logged.
 */
public record Person(String id, String name, Role role, String team, String dingtalkUserId, String mobile,
        String feishuOpenId, String wecomUserId) {
    public enum Role { AGENT, TEAM_LEAD, SUPERVISOR }

    public Person {
        Objects.requireNonNull(id, "id");
        role = role == null ? Role.AGENT : role;
    }

    /** How messages name them: their name, else their id. */
    public String display() {
        return name == null || name.isBlank() ? id : name;
    }

    @Override
    public String toString() {
        return "Person[" + id + ", " + role + "]";
    }
}
