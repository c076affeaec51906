package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reports as CSV for managers' spreadsheets: RFC 4180 quoting, UTF-8 with a byte-order mark so
 * Excel shows Chinese text correctly, a download file name that says what the file holds. Asked for
 * with {@code Accept: text/csv}; cells as {@link Sheet} shows them (docs/decisions/0010).
 */
final class Csv {
    private static final String BOM = "\uFEFF";
    /**
     * The most a CSV body may weigh inside the Lambda answer's JSON envelope, which may not pass
     * 6 MB: counted as the envelope writes it at worst (line breaks and quotes escaped, every
     * character beyond ASCII as a six-character unicode escape), leaving room for the headers.
     */
    static final int MAX_BYTES = 5_500_000;
    private static final int ESCAPED = 2;
    private static final int UNICODE_ESCAPED = 6;
    private static final char FIRST_BEYOND_ASCII = 0x80;
    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}._-]");
    private static final Pattern NOT_ASCII = Pattern.compile("[^\\x20-\\x7e]");

    private Csv() {
    }

    /** The CSV is larger than {@link #MAX_BYTES}: the caller asks for less. */
    static final class TooLarge extends RuntimeException {
        TooLarge(int rows) {
            super("more than " + MAX_BYTES + " bytes of CSV after " + rows + " rows");
        }
    }

    static boolean wanted(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
    }

    /** A file name of its parts ({@code breaches-demo-2026-10-01_2026-10-16.csv}), each made safe for a file system. */
    static String fileName(String... parts) {
        StringBuilder name = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isEmpty()) {
                name.append(name.length() == 0 ? "" : "-").append(UNSAFE.matcher(p).replaceAll("_"));
            }
        }
        return name + ".csv";
    }

    /**
     * @throws TooLarge when the body would pass {@link #MAX_BYTES}
     */
    static <R> APIGatewayV2HTTPResponse response(String filename, Sheet<R> sheet, List<R> rows, Lang lang,
            Map<String, String> extraHeaders) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, sheet.header(lang));
        long bytes = envelopeBytes(out, 0);
        int written = 0;
        for (R row : rows) {
            int start = out.length();
            line(out, sheet.cells(row, lang));
            bytes += envelopeBytes(out, start);
            if (bytes > MAX_BYTES) {
                throw new TooLarge(written);
            }
            written++;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/csv; charset=utf-8");
        headers.put("Content-Disposition", disposition(filename));
        headers.put("Cache-Control", "no-store");
        headers.putAll(extraHeaders);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(headers).withBody(out.toString()).build();
    }

    /** What the text from {@code start} on weighs in a JSON string at worst. */
    static long envelopeBytes(CharSequence text, int start) {
        long bytes = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c == '"' || c == '\\' || c == '\r' || c == '\n' ? ESCAPED : c < FIRST_BEYOND_ASCII ? 1 : UNICODE_ESCAPED;
        }
        return bytes;
    }

    /** {@code attachment; filename="…"}, with the UTF-8 name beside an ASCII one when it has other letters (RFC 6266). */
    private static String disposition(String filename) {
        String ascii = NOT_ASCII.matcher(filename).replaceAll("_");
        return ascii.equals(filename) ? "attachment; filename=\"" + filename + "\""
                : "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String v = cells.get(i);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                v = '"' + v.replace("\"", "\"\"") + '"';
            }
            out.append(v);
        }
        out.append("\r\n");
    }
}
