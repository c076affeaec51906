package com.replyguard.notify;

import com.replyguard.ports.HostResolver;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the notifier may send (server-side request forgery is the threat: a configured URL must
 * never make us call our own runtime, the cloud's metadata service or a private network). In a
 * deployment only {@code https}: the robot kinds to their vendor's host and path only; a
 * {@code webhook} to a public host name (no address literal, nothing that resolves to a loopback,
 * private, link-local, shared or reserved address - checked again before every send, see
 * {@link #isPublic}). The local runner alone, by an explicit wiring flag, also accepts
 * {@code http://127.0.0.1:port} and {@code http://localhost:port} (its robot inbox and the tests).
 */
public final class OutboundUrls {
    public static final int MAX_LENGTH = 2048;
    /** Host names that only ever mean this machine or a private network. */
    private static final Pattern INTERNAL_NAME = Pattern.compile(
            "(^|\\.)(localhost|local|internal|intranet|lan|home|corp|localdomain)$");
    /** 127.1, 2130706433, 0x7f.0.0.1, 017700000001: numbers a resolver may read as an address. */
    private static final Pattern NUMERIC_HOST = Pattern.compile("^(0x[0-9a-f]+|[0-9]+)(\\.(0x[0-9a-f]+|[0-9]+))*\\.?$");

    private OutboundUrls() {
    }

    /** Whether the host is one the local runner may reach in plain http. */
    public static boolean isLoopbackName(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host);
    }

    /** Everything wrong with {@code url} as the address of a {@code kind} channel (empty: acceptable). */
    public static List<String> problems(ChannelKind kind, String url, boolean allowLoopback) {
        List<String> p = new ArrayList<>();
        if (url == null || url.isBlank()) {
            p.add("is required");
            return p;
        }
        if (url.length() > MAX_LENGTH) {
            p.add("is longer than " + MAX_LENGTH + " characters");
            return p;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            p.add("is not a URL");
            return p;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || !uri.isAbsolute()) {
            p.add("must be an absolute https URL with a host");
            return p;
        }
        boolean local = allowLoopback && isLoopbackName(host);
        if (local ? !scheme.equals("http") && !scheme.equals("https") : !scheme.equals("https")) {
            p.add("must use https" + (allowLoopback ? " (or http to 127.0.0.1 / localhost on the local runner)" : ""));
        }
        if (uri.getRawUserInfo() != null) {
            p.add("must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            p.add("must not have a #fragment");
        }
        if (kind.isRobot()) {
            if (!local && !host.equals(kind.host())) {
                p.add("must be a " + kind.wireName() + " robot webhook on " + kind.host() + " (got host " + host + ")");
            }
            if (!local && uri.getPort() != -1 && uri.getPort() != 443) {
                p.add("must use the standard https port");
            }
            p.addAll(robotPathProblems(kind, uri));
        } else if (!local) {
            if (host.startsWith("[") || host.contains(":") || NUMERIC_HOST.matcher(host).matches()) {
                p.add("must name a public host, not an IP address");
            } else if (!host.contains(".") || INTERNAL_NAME.matcher(host).find()) {
                p.add("must name a public host (got " + host + ")");
            }
        }
        return p;
    }

    /**
     * {@link #problems}, and for a {@code webhook} to a public name, the addresses it resolves to
     * now: none, or any that is not {@link #isPublic}, is refused (checked at configuration and again
     * before every send, so a name that later resolves to a private address is refused then).
     */
    public static List<String> problems(ChannelKind kind, String url, boolean allowLoopback, HostResolver resolver) {
        List<String> p = problems(kind, url, allowLoopback);
        if (!p.isEmpty() || kind.isRobot()) {
            return p;
        }
        String host = URI.create(url).getHost().toLowerCase(Locale.ROOT);
        if (allowLoopback && isLoopbackName(host)) {
            return p;
        }
        List<byte[]> addresses = resolver.addresses(host);
        if (addresses.isEmpty()) {
            p.add("names a host that does not resolve (" + host + ")");
        } else if (!addresses.stream().allMatch(OutboundUrls::isPublic)) {
            p.add("names a host that resolves to a loopback, private, link-local or reserved address (" + host + ")");
        }
        return p;
    }

    private static List<String> robotPathProblems(ChannelKind kind, URI uri) {
        List<String> p = new ArrayList<>();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        if (kind.credentialParameter() == null) {
            // 飞书 / Lark: the robot's token is the last path segment (only the v2 hook; v1 takes plain text only)
            String token = path.startsWith(kind.path()) ? path.substring(kind.path().length()) : "";
            if (token.isEmpty() || token.contains("/")) {
                p.add("must look like https://" + kind.host() + kind.path() + "<robot token>");
            }
            if (!query.isEmpty()) {
                p.add("must not have a query string");
            }
            return p;
        }
        if (!path.equals(kind.path())) {
            p.add("must have the path " + kind.path());
        }
        boolean credential = false;
        for (String pair : query.split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            String value = pair.contains("=") ? pair.substring(pair.indexOf('=') + 1) : "";
            if (name.equals(kind.credentialParameter()) && !value.isEmpty()) {
                credential = true;
            } else if (name.equals("timestamp") || name.equals("sign")) {
                // 钉钉 signs each request afresh; a stored timestamp/sign would be sent twice and expire
                p.add("must not contain " + name + " (give the signing secret as secret instead)");
            }
        }
        if (!credential) {
            p.add("must carry the robot's " + kind.credentialParameter() + " parameter");
        }
        return p;
    }

    /**
     * Whether an address (4 or 16 bytes) is public unicast: not unspecified, loopback, private
     * (RFC 1918, IPv6 unique local), shared (100.64/10), link-local (169.254/16, where cloud metadata
     * and Lambda's own endpoints live; fe80::/10), multicast, documentation, benchmarking or
     * reserved; IPv4 addresses inside IPv6 (mapped, NAT64, 6to4) are judged as IPv4.
     */
    public static boolean isPublic(byte[] a) {
        if (a.length == 4) {
            return isPublicV4(a[0] & 0xff, a[1] & 0xff, a[2] & 0xff, a[3] & 0xff);
        }
        if (a.length != 16) {
            return false;
        }
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= a[i] == 0;
        }
        if (zeroPrefix && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return isPublicV4(a[12] & 0xff, a[13] & 0xff, a[14] & 0xff, a[15] & 0xff); // ::ffff:a.b.c.d
        }
        if (zeroPrefix && a[10] == 0 && a[11] == 0) {
            return false; // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
        }
        if (first == 0x00 && second == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b) {
            return isPublicV4(a[12] & 0xff, a[13] & 0xff, a[14] & 0xff, a[15] & 0xff); // 64:ff9b::/96 NAT64
        }
        if (first == 0x20 && second == 0x02) {
            return isPublicV4(a[2] & 0xff, a[3] & 0xff, a[4] & 0xff, a[5] & 0xff); // 2002::/16 6to4
        }
        if ((first & 0xfe) == 0xfc || first == 0xff) {
            return false; // fc00::/7 unique local, ff00::/8 multicast
        }
        if (first == 0xfe && (second & 0xc0) == 0x80 || first == 0xfe && (second & 0xc0) == 0xc0) {
            return false; // fe80::/10 link-local, fec0::/10 site-local
        }
        if (first == 0x20 && second == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8) {
            return false; // 2001:db8::/32 documentation
        }
        if (first == 0x01 && second == 0x00 && a[2] == 0 && a[3] == 0) {
            return false; // 100::/64 discard
        }
        return true;
    }

    private static boolean isPublicV4(int a, int b, int c, int d) {
        if (a == 0 || a == 10 || a == 127 || a >= 224) {
            return false; // this network, private, loopback, multicast and reserved (224/4, 240/4, broadcast)
        }
        if (a == 100 && b >= 64 && b <= 127) {
            return false; // shared address space (carrier NAT)
        }
        if (a == 169 && b == 254) {
            return false; // link-local: instance metadata, Lambda's runtime endpoints
        }
        if (a == 172 && b >= 16 && b <= 31 || a == 192 && b == 168) {
            return false; // private
        }
        if (a == 192 && b == 0 && (c == 0 || c == 2)) {
            return false; // IETF protocol assignments, documentation
        }
        if (a == 198 && (b == 18 || b == 19) || a == 198 && b == 51 && c == 100 || a == 203 && b == 0 && c == 113) {
            return false; // benchmarking, documentation
        }
        return true;
    }
}
