package com.replyguard.notify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A merchant's alert channels, its routes, the people messages mention and the language they are
 * written in (contract: "Added: alerts to people"). Invariant (checked by {@link #problems}): channel
 * ids are unique, every route names existing channels, every URL is one we may send to, a kind that
 * must sign has a secret and a kind that cannot sign has none. Secrets never appear in toString.
 */
public record NotificationSettings(Language language, String consoleUrl, List<NotifyChannel> channels,
        List<NotifyRoute> routes, Map<String, Person> people) {
    public static final int MAX_CHANNELS = 20;
    public static final int MAX_ROUTES = 50;
    public static final int MAX_PEOPLE = 2000;
    public static final NotificationSettings NONE = new NotificationSettings(Language.ZH_CN, null, List.of(), List.of(), Map.of());
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public NotificationSettings {
        language = language == null ? Language.ZH_CN : language;
        channels = List.copyOf(channels);
        routes = List.copyOf(routes);
        people = Map.copyOf(new LinkedHashMap<>(people));
    }

    public Optional<NotifyChannel> channel(String id) {
        return channels.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The channel's phase on its budget's grid: channels take turns (docs/decisions/0007). */
    public long phaseOf(NotifyChannel channel) {
        return channel.budget().phaseOf(channels.indexOf(channel), channels.size());
    }

    /** Everything wrong with these settings, each as "field message" (empty: acceptable). */
    public List<String> problems(boolean allowLoopback) {
        List<String> p = new ArrayList<>();
        if (channels.size() > MAX_CHANNELS) {
            p.add("channels at most " + MAX_CHANNELS + " (got " + channels.size() + ")");
        }
        if (routes.size() > MAX_ROUTES) {
            p.add("routes at most " + MAX_ROUTES + " (got " + routes.size() + ")");
        }
        if (people.size() > MAX_PEOPLE) {
            p.add("people at most " + MAX_PEOPLE + " (got " + people.size() + ")");
        }
        if (consoleUrl != null) {
            if (!consoleUrl.startsWith("https://") && !(allowLoopback && consoleUrl.startsWith("http://"))
                    || consoleUrl.length() > OutboundUrls.MAX_LENGTH) {
                p.add("consoleUrl must be an https URL (it is the link messages carry)");
            }
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < channels.size(); i++) {
            NotifyChannel c = channels.get(i);
            String at = "channels[" + i + "]";
            if (!ID.matcher(c.id()).matches()) {
                p.add(at + ".id must be 1-64 characters of A-Z, a-z, 0-9, '_', '.' or '-'");
            } else if (!ids.add(c.id())) {
                p.add(at + ".id '" + c.id() + "' is used twice");
            }
            OutboundUrls.problems(c.kind(), c.url(), allowLoopback).forEach(m -> p.add(at + ".url " + m));
            if (c.kind().secret() == ChannelKind.Secret.REQUIRED && (c.secret() == null || c.secret().isBlank())) {
                p.add(at + ".secret is required for a " + c.kind().wireName() + " channel (its messages are signed with it)");
            }
            if (c.kind().secret() == ChannelKind.Secret.NONE && c.secret() != null) {
                p.add(at + ".secret must not be set: a " + c.kind().wireName() + " robot does not sign (its key is in the URL)");
            }
            if (c.secret() != null && c.secret().length() > 256) {
                p.add(at + ".secret is longer than 256 characters");
            }
            if (c.keyword() != null && (c.keyword().isBlank() || c.keyword().length() > 32)) {
                p.add(at + ".keyword must be 1-32 characters (the robot's keyword filter)");
            }
            if (c.perMinute() != null && (c.perMinute() < 3 || c.perMinute() > c.kind().perMinute())) {
                p.add(at + ".perMinute must be between 3 and " + c.kind().perMinute() + " for a " + c.kind().wireName()
                        + " channel (got " + c.perMinute() + ")");
            }
        }
        for (int i = 0; i < routes.size(); i++) {
            NotifyRoute r = routes.get(i);
            String at = "routes[" + i + "]";
            if (r.notices().isEmpty()) {
                p.add(at + ".alerts must name at least one of " + NoticeType.detailTypes());
            }
            if (r.channels().isEmpty()) {
                p.add(at + ".channels must name at least one channel");
            }
            for (String id : r.channels()) {
                if (channels.stream().noneMatch(c -> c.id().equals(id))) {
                    p.add(at + ".channels names '" + id + "', which is not a channel");
                }
            }
            if (r.minLevel() != null && (r.minLevel() < 0 || r.minLevel() > 4) || r.maxLevel() != null && (r.maxLevel() < 0
                    || r.maxLevel() > 4)) {
                p.add(at + " levels are 0 (warning) to 4");
            }
            if (r.minLevel() != null && r.maxLevel() != null && r.minLevel() > r.maxLevel()) {
                p.add(at + ".minLevel must not be above maxLevel");
            }
        }
        for (Person person : people.values()) {
            if (person.id().isEmpty() || person.id().length() > 128) {
                p.add("people." + person.id() + " id must be at most 128 characters");
            }
        }
        return p;
    }

    @Override
    public String toString() {
        return "NotificationSettings[" + channels.size() + " channel(s), " + routes.size() + " route(s)]";
    }
}
