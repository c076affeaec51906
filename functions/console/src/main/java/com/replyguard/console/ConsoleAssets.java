package com.replyguard.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * The built console in the jar: files under {@code console/} on the classpath, each read once and
 * kept (with its gzip form and ETag) for the life of the execution environment. Only plain relative
 * paths of files are looked up - no {@code ..}, no empty segment, no backslash, no encoded character -
 * so a request can never reach another resource of the jar (a class, the merchants file).
 */
final class ConsoleAssets {
    static final String ROOT = "console/";
    static final String INDEX = "index.html";

    /** One file: its bytes, type and caching. Hashed bundles under assets/ never change, so they are immutable. */
    record Asset(String path, byte[] bytes, byte[] gzipped, String contentType, String etag) {
        boolean immutable() {
            return path.startsWith("assets/");
        }

        boolean isHtml() {
            return contentType.startsWith("text/html");
        }

        boolean compressible() {
            return contentType.startsWith("text/") || contentType.contains("javascript") || contentType.contains("json")
                    || contentType.contains("svg");
        }
    }

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"), Map.entry("map", "application/json; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"), Map.entry("ttf", "font/ttf"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private final Function<String, byte[]> reader;
    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    ConsoleAssets(Function<String, byte[]> reader) {
        this.reader = reader;
    }

    static ConsoleAssets fromClasspath() {
        ClassLoader loader = ConsoleAssets.class.getClassLoader();
        return new ConsoleAssets(path -> {
            try (InputStream in = loader.getResourceAsStream(ROOT + path)) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    Optional<Asset> index() {
        return find(INDEX);
    }

    /** The file at a relative path, if it is a safe path of a file the build produced. */
    Optional<Asset> find(String path) {
        if (!isSafe(path) || !looksLikeFile(path)) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(path, p -> {
            byte[] bytes = reader.apply(p);
            return bytes == null ? Optional.empty() : Optional.of(new Asset(p, bytes, gzip(bytes), type(p), etag(bytes)));
        });
    }

    static boolean isSafe(String path) {
        if (path.isEmpty() || path.length() > 256 || path.startsWith("/") || path.endsWith("/")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return path.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '\\' && c != '%' && c != ':');
    }

    /** A last segment with an extension names a file; anything else is one of the page's own views. */
    static boolean looksLikeFile(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot > 0 && dot < last.length() - 1;
    }

    static String type(String path) {
        String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String etag(byte[] bytes) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
