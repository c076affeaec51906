package com.replyguard.managerapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Business numbers live in the domain, never in the API (the style guide): the manager API's main
 * sources, read without their comments and string literals, hold no fraction (targets such as 0.85
 * or 0.9), no duration (12 h, 48 h, 3 min) and no whole number but 0, 1, the HTTP statuses they
 * answer and the technical limits named here - each a named constant that says why.
 */
class NoBusinessNumbersTest {
    private static final Path SOURCES = Path.of("src/main/java/com/replyguard/managerapi");
    private static final Set<String> HTTP_STATUSES = Set.of("200", "400", "401", "403", "404", "409", "415", "429", "500", "503");
    /** Constants of the edge that are not business numbers, and why they are where they are. */
    private static final Map<String, String> TECHNICAL = Map.of(
            "MAX_BYTES", "a Lambda answer may not pass 6 MB (Csv)",
            "ESCAPED", "bytes of an escaped quote or line break in the JSON envelope",
            "UNICODE_ESCAPED", "bytes of a unicode escape in the JSON envelope",
            "FIRST_BEYOND_ASCII", "the first character that is not ASCII",
            "DECIMALS", "how many decimals a CSV cell keeps (decision 0010)",
            "AUDIT_DIGEST_BYTES", "how much of a token's digest names the caller in audit records");
    private static final Pattern FRACTION = Pattern.compile("(?<![\\w.])\\d*\\.\\d+([eE][-+]?\\d+)?[dDfF]?(?![\\w.])|\\b\\d+[dDfF]\\b");
    private static final Pattern WHOLE = Pattern.compile("(?<![\\w.])(\\d[\\d_]*)[lL]?(?![\\w.])");
    private static final Pattern DURATION = Pattern.compile("\\b(Duration\\.of\\w*|ChronoUnit|TimeUnit|Period\\.of\\w*)\\b");
    private static final Pattern CONSTANT = Pattern.compile("static final \\w+ (\\w+) = ");

    @Test
    void theModulesMainSources_holdNoBusinessNumber() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(SOURCES)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(files.size() > 20, "the module's sources are where the test looks: " + files);
        for (Path file : files) {
            found.addAll(problems(file.getFileName().toString(), Files.readString(file)));
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theCheck_findsTheNumbersTheOldEdgeHeld() {
        // the after-sales target hours and the three-minute round, as the API computed them before
        String old = "returns.put(\"targetHours\", RETURN_WAIT.toMinutes() / 60.0);\n"
                + "k.put(\"withinThreeMinutes\", !r.answeredAt().isAfter(r.start().plus(Duration.ofMinutes(3))));\n"
                + "warranty.put(\"target\", 0.9); if (limit > 1000) { }\n";
        List<String> p = problems("Old.java", old);
        assertEquals(List.of("Old.java:1: 60.0 (a fraction belongs in the domain)",
                "Old.java:2: Duration.ofMinutes (a duration belongs in the domain)",
                "Old.java:2: 3 (a number belongs in the domain, or in a named technical constant)",
                "Old.java:3: 0.9 (a fraction belongs in the domain)",
                "Old.java:3: 1000 (a number belongs in the domain, or in a named technical constant)"), p);
        assertEquals(List.of(), problems("Ok.java", "static final int DECIMALS = 4; // \"0.85\" in a comment\n"
                + "return ApiResponses.error(404, \"no 12 h here\"); int i = 0; i += 1;\n"));
    }

    /** Each number in the code (not in comments or strings) that is not allowed, as "File:line: what". */
    static List<String> problems(String name, String source) {
        List<String> out = new ArrayList<>();
        String[] lines = code(source).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String where = name + ":" + (i + 1) + ": ";
            Matcher constant = CONSTANT.matcher(line);
            if (constant.find() && TECHNICAL.containsKey(constant.group(1))) {
                continue;
            }
            Matcher d = DURATION.matcher(line);
            while (d.find()) {
                out.add(where + d.group() + " (a duration belongs in the domain)");
            }
            Matcher f = FRACTION.matcher(line);
            while (f.find()) {
                out.add(where + f.group() + " (a fraction belongs in the domain)");
            }
            Matcher w = WHOLE.matcher(FRACTION.matcher(line).replaceAll(" ").replaceAll("0x[0-9a-fA-F]+", " "));
            while (w.find()) {
                String n = w.group(1);
                if (!n.equals("0") && !n.equals("1") && !HTTP_STATUSES.contains(n)) {
                    out.add(where + n + " (a number belongs in the domain, or in a named technical constant)");
                }
            }
        }
        return out;
    }

    /** The source with comments, string, text-block and character literals blanked (line breaks kept). */
    static String code(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                s.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = end;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? s.length() : end + 3;
                s.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                out.append("\"\"");
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(c).append(c);
                i = j + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
