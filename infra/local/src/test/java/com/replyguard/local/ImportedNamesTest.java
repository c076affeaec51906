package com.replyguard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.replyguard.dynalite.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The code names its dependencies in its imports: no Java source uses a type by an inline fully
 * qualified name ({@code java.time.Duration d}), which hides what a class depends on. Comments,
 * string literals and text blocks are text, not code; a name whose simple name is taken in that file
 * may stay qualified when the line says why with {@code // qualified:}.
 */
class ImportedNamesTest {
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.@])(?:com|java|javax|software|org|jakarta)\\.(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*");

    @Test
    void noSourceFile_usesATypeByItsFullyQualifiedName() throws Exception {
        List<String> found = new ArrayList<>();
        Path root = ProjectLayout.root();
        for (Path file : TrackedFiles.of(root)) {
            if (file.toString().endsWith(".java") && Files.isRegularFile(file)) {
                found.addAll(qualifiedNames(root.relativize(file).toString(), Files.readAllLines(file)));
            }
        }
        assertEquals(List.of(), found, "import these types instead of naming them in full");
    }

    @Test
    void theCheck_findsCodeAndIgnoresCommentsStringsTextBlocksImportsAndNestedNames() {
        List<String> source = List.of(
                "package com.replyguard.x;",
                "import java.util.List;",
                "/** See {@link java.time.Duration} and java.time.Instant. */",
                "class A {",
                "    java.time.Duration a = null; // java.time.Clock here is a comment",
                "    String s = \"com.replyguard.usecase.ListBreaches\", u = \"http://x\" + java.net.URI.class;",
                "    String t = \"\"\"",
                "        java.util.Map in a text block",
                "        \"\"\";",
                "    List<Map.Entry<String, String>> e;",
                "    Object o = new software.amazon.awssdk.services.dynamodb.model.AttributeValue();",
                "    int n = java.util.Map.of().size(); // qualified: Map is this file's own type",
                "}");
        assertEquals(List.of("A.java:5 java.time.Duration", "A.java:6 java.net.URI",
                "A.java:11 software.amazon.awssdk.services.dynamodb.model.AttributeValue"), qualifiedNames("A.java", source));
    }

    static List<String> qualifiedNames(String name, List<String> lines) {
        List<String> found = new ArrayList<>();
        boolean inBlockComment = false;
        boolean inTextBlock = false;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            StringBuilder code = new StringBuilder();
            int i = 0;
            while (i < line.length()) {
                if (inBlockComment) {
                    int end = line.indexOf("*/", i);
                    if (end < 0) {
                        i = line.length();
                    } else {
                        inBlockComment = false;
                        i = end + 2;
                    }
                } else if (inTextBlock) {
                    int end = line.indexOf("\"\"\"", i);
                    if (end < 0) {
                        i = line.length();
                    } else {
                        inTextBlock = false;
                        i = end + 3;
                    }
                } else if (line.startsWith("/*", i)) {
                    inBlockComment = true;
                    i += 2;
                } else if (line.startsWith("\"\"\"", i)) {
                    inTextBlock = true;
                    i += 3;
                } else if (line.startsWith("//", i)) {
                    i = line.length();
                } else if (line.charAt(i) == '"' || line.charAt(i) == '\'') {
                    char quote = line.charAt(i);
                    int j = i + 1;
                    while (j < line.length() && line.charAt(j) != quote) {
                        j += line.charAt(j) == '\\' ? 2 : 1;
                    }
                    code.append(quote).append(quote);
                    i = j + 1;
                } else {
                    code.append(line.charAt(i));
                    i++;
                }
            }
            String text = code.toString().trim();
            if (text.startsWith("import ") || text.startsWith("package ") || line.contains("// qualified:")) {
                continue;
            }
            Matcher m = QUALIFIED.matcher(text);
            while (m.find()) {
                found.add(name + ":" + (n + 1) + " " + m.group());
            }
        }
        return found;
    }
}
