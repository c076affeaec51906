package com.replyguard.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.replyguard.conversation.Channel;
import com.replyguard.notify.ChannelKind;
import com.replyguard.notify.Language;
import com.replyguard.notify.NoticeType;
import com.replyguard.notify.NotificationSettings;
import com.replyguard.notify.NotifyChannel;
import com.replyguard.notify.NotifyRoute;
import com.replyguard.notify.Person;
import com.replyguard.notify.QuietHours;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Notification settings in JSON ({@code GET/PUT /merchants/{m}/notifications}, docs/notifications.md):
 * <pre>
 * {"language": "zh-CN", "consoleUrl": "https://…",
 *  "channels": [{"id": "leads", "kind": "dingtalk", "url": "…", "secret": "…", "keyword": "…", "perMinute": 20}],
 *  "routes": [{"alerts": ["SlaBreached"], "minLevel": 1, "maxLevel": 1, "conversationChannels": ["CS_CHAT"],
 *              "teams": ["presales"], "quietHours": {"from": "23:00", "to": "08:00"}, "channels": ["leads"]}],
 *  "people": {"cs-li": {"name": "李娜", "role": "AGENT", "team": "presales", "dingtalkUserId": "…",
 *             "mobile": "…", "feishuOpenId": "ou_…", "wecomUserId": "…"}}}
 * </pre>
 * {@link #read} lists every structural problem (unknown fields included: a misspelt field must not
 * be ignored quietly); a channel's {@code url} or {@code secret} that is absent or masked
 * ({@value #MASK}, as {@code GET} shows it) is read as null, "keep the stored one"; an explicit
 * {@code "secret": null} removes the secret. {@link #write} never writes credentials in clear
 * unless asked to ({@link Credentials#INCLUDED}, for a store).
 */
public final class NotificationSettingsJson {
    public static final String MASK = "***";
    private static final Set<String> TOP = Set.of("language", "consoleUrl", "channels", "routes", "people");
    private static final Set<String> CHANNEL = Set.of("id", "kind", "url", "secret", "keyword", "perMinute");
    private static final Set<String> ROUTE = Set.of("alerts", "minLevel", "maxLevel", "conversationChannels", "teams",
            "quietHours", "channels");
    private static final Set<String> PERSON = Set.of("name", "role", "team", "dingtalkUserId", "mobile", "feishuOpenId",
            "wecomUserId");

    private NotificationSettingsJson() {
    }

    /** How credentials are written: masked (answers), left out (a table whose secrets live elsewhere), in clear (a store). */
    public enum Credentials { MASKED, OMITTED, INCLUDED }

    /** Settings read from JSON, with every structural problem ("field message"); {@code settings} is null when there are any. */
    public record Read(NotificationSettings settings, List<String> problems, Set<String> secretsRemoved) {
    }

    public static Read read(JsonNode node) {
        List<String> p = new ArrayList<>();
        if (node == null || !node.isObject()) {
            return new Read(null, List.of("settings must be a JSON object"), Set.of());
        }
        unknown(node, TOP, "", p);
        Language language = Language.ZH_CN;
        if (node.has("language")) {
            language = Language.parse(node.path("language").asText("")).orElse(null);
            if (language == null) {
                p.add("language must be zh-CN or en");
            }
        }
        String consoleUrl = optionalText(node, "consoleUrl", "consoleUrl", p);
        List<NotifyChannel> channels = new ArrayList<>();
        Set<String> secretsRemoved = new LinkedHashSet<>();
        JsonNode cs = node.path("channels");
        if (!cs.isMissingNode() && !cs.isArray()) {
            p.add("channels must be a list");
        }
        int i = 0;
        for (JsonNode c : cs.isArray() ? cs : List.<JsonNode>of()) {
            String at = "channels[" + i++ + "]";
            if (!c.isObject()) {
                p.add(at + " must be an object");
                continue;
            }
            unknown(c, CHANNEL, at + ".", p);
            String id = optionalText(c, "id", at + ".id", p);
            String kindName = optionalText(c, "kind", at + ".kind", p);
            ChannelKind kind = kindName == null ? null : ChannelKind.parse(kindName).orElse(null);
            if (id == null) {
                p.add(at + ".id is required");
            }
            if (kind == null) {
                p.add(at + ".kind must be one of " + ChannelKind.names() + (kindName == null ? "" : " (got '" + kindName + "')"));
            }
            String url = optionalText(c, "url", at + ".url", p);
            if (url != null && url.endsWith(MASK)) {
                url = null;
            }
            String secret = optionalText(c, "secret", at + ".secret", p);
            if (MASK.equals(secret)) {
                secret = null;
            } else if (c.has("secret") && c.get("secret").isNull() && id != null) {
                secretsRemoved.add(id);
            }
            String keyword = optionalText(c, "keyword", at + ".keyword", p);
            Integer perMinute = null;
            if (c.has("perMinute")) {
                if (c.get("perMinute").canConvertToInt() && c.get("perMinute").isIntegralNumber()) {
                    perMinute = c.get("perMinute").asInt();
                } else {
                    p.add(at + ".perMinute must be a whole number");
                }
            }
            if (id != null && kind != null) {
                channels.add(new NotifyChannel(id, kind, url, secret, keyword, perMinute));
            }
        }
        List<NotifyRoute> routes = new ArrayList<>();
        JsonNode rs = node.path("routes");
        if (!rs.isMissingNode() && !rs.isArray()) {
            p.add("routes must be a list");
        }
        i = 0;
        for (JsonNode r : rs.isArray() ? rs : List.<JsonNode>of()) {
            String at = "routes[" + i++ + "]";
            if (!r.isObject()) {
                p.add(at + " must be an object");
                continue;
            }
            unknown(r, ROUTE, at + ".", p);
            Set<NoticeType> notices = EnumSet.noneOf(NoticeType.class);
            for (String t : strings(r.path("alerts"), at + ".alerts", p)) {
                NoticeType.of(t).ifPresentOrElse(notices::add,
                        () -> p.add(at + ".alerts has '" + t + "', not one of " + NoticeType.detailTypes()));
            }
            Set<Channel> conversationChannels = EnumSet.noneOf(Channel.class);
            for (String c : strings(r.path("conversationChannels"), at + ".conversationChannels", p)) {
                try {
                    conversationChannels.add(Channel.valueOf(c));
                } catch (IllegalArgumentException e) {
                    p.add(at + ".conversationChannels has '" + c + "', not one of " + Arrays.toString(Channel.values()));
                }
            }
            Integer min = level(r, "minLevel", at, p);
            Integer max = level(r, "maxLevel", at, p);
            QuietHours quiet = null;
            if (r.has("quietHours")) {
                try {
                    quiet = new QuietHours(LocalTime.parse(r.path("quietHours").path("from").asText()),
                            LocalTime.parse(r.path("quietHours").path("to").asText()));
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    p.add(at + ".quietHours needs from and to as different HH:mm times (China time)");
                }
            }
            routes.add(new NotifyRoute(notices, min, max, conversationChannels,
                    new LinkedHashSet<>(strings(r.path("teams"), at + ".teams", p)), quiet,
                    strings(r.path("channels"), at + ".channels", p)));
        }
        Map<String, Person> people = new LinkedHashMap<>();
        JsonNode ps = node.path("people");
        if (!ps.isMissingNode() && !ps.isObject()) {
            p.add("people must be an object of person id to person");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = ps.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = "people." + e.getKey();
            JsonNode v = e.getValue();
            if (!v.isObject()) {
                p.add(at + " must be an object");
                continue;
            }
            unknown(v, PERSON, at + ".", p);
            Person.Role role = Person.Role.AGENT;
            String roleName = optionalText(v, "role", at + ".role", p);
            if (roleName != null) {
                try {
                    role = Person.Role.valueOf(roleName);
                } catch (IllegalArgumentException x) {
                    p.add(at + ".role must be one of " + Arrays.toString(Person.Role.values()));
                }
            }
            people.put(e.getKey(), new Person(e.getKey(), optionalText(v, "name", at + ".name", p), role,
                    optionalText(v, "team", at + ".team", p), optionalText(v, "dingtalkUserId", at + ".dingtalkUserId", p),
                    optionalText(v, "mobile", at + ".mobile", p), optionalText(v, "feishuOpenId", at + ".feishuOpenId", p),
                    optionalText(v, "wecomUserId", at + ".wecomUserId", p)));
        }
        if (!p.isEmpty()) {
            return new Read(null, p, Set.of());
        }
        return new Read(new NotificationSettings(language, consoleUrl, channels, routes, people), List.of(), secretsRemoved);
    }

    private static void unknown(JsonNode node, Set<String> known, String at, List<String> p) {
        node.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                p.add(at + f + " is not a field here (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        });
    }

    private static String optionalText(JsonNode node, String field, String at, List<String> p) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            p.add(at + " must be a string");
            return null;
        }
        if (v.asText().length() > 2048) {
            p.add(at + " is longer than 2048 characters");
            return null;
        }
        return v.asText();
    }

    private static Integer level(JsonNode r, String field, String at, List<String> p) {
        if (!r.has(field) || r.get(field).isNull()) {
            return null;
        }
        if (!r.get(field).isIntegralNumber()) {
            p.add(at + "." + field + " must be a whole number (0 = warning, 1 = breach, 2-4 = escalations)");
            return null;
        }
        return r.get(field).asInt();
    }

    private static List<String> strings(JsonNode n, String at, List<String> p) {
        List<String> out = new ArrayList<>();
        if (n.isMissingNode() || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            p.add(at + " must be a list of strings");
            return out;
        }
        for (JsonNode v : n) {
            if (v.isTextual()) {
                out.add(v.asText());
            } else {
                p.add(at + " must be a list of strings");
            }
        }
        return out;
    }

    /** How a URL is shown masked: scheme, host and port only. */
    public static String masked(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI u = new URI(url);
            return u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort()) + "/" + MASK;
        } catch (URISyntaxException | NullPointerException e) {
            return MASK;
        }
    }

    public static Map<String, Object> write(NotificationSettings s, Credentials credentials) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("language", s.language().tag());
        m.put("consoleUrl", s.consoleUrl());
        List<Map<String, Object>> channels = new ArrayList<>();
        for (NotifyChannel c : s.channels()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("id", c.id());
            j.put("kind", c.kind().wireName());
            switch (credentials) {
                case MASKED -> {
                    j.put("url", masked(c.url()));
                    j.put("secret", c.secret() == null ? null : MASK);
                }
                case INCLUDED -> {
                    j.put("url", c.url());
                    if (c.secret() != null) {
                        j.put("secret", c.secret());
                    }
                }
                case OMITTED -> {
                }
            }
            if (c.keyword() != null) {
                j.put("keyword", c.keyword());
            }
            if (credentials == Credentials.MASKED || c.perMinute() != null) {
                j.put("perMinute", c.perMinute() == null ? c.kind().perMinute() : c.perMinute());
            }
            channels.add(j);
        }
        m.put("channels", channels);
        List<Map<String, Object>> routes = new ArrayList<>();
        for (NotifyRoute r : s.routes()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("alerts", r.notices().stream().sorted().map(NoticeType::detailType).toList());
            if (r.minLevel() != null) {
                j.put("minLevel", r.minLevel());
            }
            if (r.maxLevel() != null) {
                j.put("maxLevel", r.maxLevel());
            }
            if (!r.conversationChannels().isEmpty()) {
                j.put("conversationChannels", r.conversationChannels().stream().sorted().map(Enum::name).toList());
            }
            if (!r.teams().isEmpty()) {
                j.put("teams", r.teams().stream().sorted().toList());
            }
            if (r.quietHours() != null) {
                j.put("quietHours", Map.of("from", r.quietHours().from().toString(), "to", r.quietHours().to().toString()));
            }
            j.put("channels", r.channels());
            routes.add(j);
        }
        m.put("routes", routes);
        Map<String, Object> people = new LinkedHashMap<>();
        s.people().values().stream().sorted(Comparator.comparing(Person::id)).forEach(p -> {
            Map<String, Object> j = new LinkedHashMap<>();
            putIf(j, "name", p.name());
            j.put("role", p.role().name());
            putIf(j, "team", p.team());
            putIf(j, "dingtalkUserId", p.dingtalkUserId());
            putIf(j, "mobile", p.mobile());
            putIf(j, "feishuOpenId", p.feishuOpenId());
            putIf(j, "wecomUserId", p.wecomUserId());
            people.put(p.id(), j);
        });
        m.put("people", people);
        return m;
    }

    private static void putIf(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    /** Channel id to {url, secret}: what a secrets store keeps. */
    public static Map<String, Object> credentials(NotificationSettings s) {
        Map<String, Object> c = new LinkedHashMap<>();
        for (NotifyChannel ch : s.channels()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("url", ch.url());
            if (ch.secret() != null) {
                j.put("secret", ch.secret());
            }
            c.put(ch.id(), j);
        }
        return Map.of("channels", c);
    }

    /** Settings read back from a store ({@code settings} without credentials), with {@code credentials} laid over them. */
    public static NotificationSettings withCredentials(NotificationSettings s, JsonNode credentials) {
        List<NotifyChannel> channels = new ArrayList<>();
        for (NotifyChannel c : s.channels()) {
            JsonNode j = credentials.path("channels").path(c.id());
            channels.add(new NotifyChannel(c.id(), c.kind(), j.path("url").asText(c.url()),
                    j.hasNonNull("secret") ? j.path("secret").asText() : c.secret(), c.keyword(), c.perMinute()));
        }
        return new NotificationSettings(s.language(), s.consoleUrl(), channels, s.routes(), s.people());
    }
}
