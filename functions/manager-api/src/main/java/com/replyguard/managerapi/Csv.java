package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports as CSV for managers' spreadsheets: RFC 4180 quoting, UTF-8 with a byte-order mark so
 * Excel shows Chinese text correctly, a download file name. Asked for with {@code Accept: text/csv}.
 */
final class Csv {
    private static final String BOM = "\uFEFF";

    private Csv() {
    }

    static boolean wanted(String accept) {
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv");
    }

    static APIGatewayV2HTTPResponse response(String filename, List<String> header, List<List<Object>> rows,
            Map<String, String> extraHeaders) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, header.stream().map(h -> (Object) h).toList());
        rows.forEach(r -> line(out, r));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/csv; charset=utf-8");
        headers.put("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        headers.put("Cache-Control", "no-store");
        headers.putAll(extraHeaders);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(headers).withBody(out.toString()).build();
    }

    private static void line(StringBuilder out, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object c = cells.get(i);
            String v = c == null ? "" : c.toString();
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                v = '"' + v.replace("\"", "\"\"") + '"';
            }
            out.append(v);
        }
        out.append("\r\n");
    }
}
