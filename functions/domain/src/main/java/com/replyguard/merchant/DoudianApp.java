package com.replyguard.merchant;

import java.util.List;
import java.util.Objects;

/**
 * A merchant's 抖店 (Douyin Shop) open-platform app: its {@code app_key} and its app secrets - more
 * than one during a rotation, any of which signs a valid push ({@code event-sign}).
 */
public record DoudianApp(String appKey, List<String> appSecrets) {
    public DoudianApp {
        Objects.requireNonNull(appKey, "appKey");
        appSecrets = List.copyOf(appSecrets);
        if (appKey.isBlank() || appSecrets.isEmpty() || appSecrets.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a 抖店 app needs an app key and at least one non-empty app secret");
        }
    }

    @Override
    public String toString() {
        return "DoudianApp[" + appKey + ", " + appSecrets.size() + " secret(s)]";
    }
}
