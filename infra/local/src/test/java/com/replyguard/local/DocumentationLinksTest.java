package com.replyguard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.dynalite.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clone of the repository is complete: every relative link of README.md and docs/ (markdown
 * links, images, reference definitions, HTML href/src) resolves to a file or folder inside the
 * repository, and a {@code #anchor} into a markdown file names one of its headings (GitHub's
 * anchors: lower case, punctuation dropped, spaces as hyphens, repeats numbered). Links inside
 * code spans and fenced code blocks are text, not links. No tracked text file mentions the
 * workspace folder beside the repository that a user's clone does not have.
 */
class DocumentationLinksTest {
    /** The folder beside the repository, spelled so that this file does not mention it itself. */
    private static final String OUTSIDE = ".." + "/shared";
    private static final Pattern INLINE = Pattern.compile("!?\\[(?:[^\\]\\[]|\\[[^\\]]*])*]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE = Pattern.compile("^\\s{0,3}\\[[^\\]]+]:\\s*<?(\\S+?)>?(?:\\s+.*)?$");
    private static final Pattern HTML = Pattern.compile("(?:href|src)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    /** The markdown files whose links a clone must be able to follow: README.md and everything under docs/. */
    static List<Path> documents(Path root) {
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Every broken relative link of these markdown files, as "file:line: what". */
    static List<String> brokenLinks(Path root, List<Path> files) {
        List<String> problems = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        for (Path file : files) {
            List<String> lines = lines(file);
            boolean fenced = false;
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n);
                if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
                    fenced = !fenced;
                    continue;
                }
                if (fenced) {
                    continue;
                }
                String text = line.replaceAll("`[^`]*`", "``");
                for (String target : targets(text)) {
                    String where = root.relativize(file) + ":" + (n + 1) + ": ";
                    check(root, file, target, anchors).ifPresent(p -> problems.add(where + p));
                }
            }
        }
        return problems;
    }

    private static List<String> targets(String line) {
        List<String> targets = new ArrayList<>();
        for (Pattern p : List.of(INLINE, HTML)) {
            Matcher m = p.matcher(line);
            while (m.find()) {
                targets.add(m.group(1));
            }
        }
        Matcher ref = REFERENCE.matcher(line);
        if (ref.matches()) {
            targets.add(ref.group(1));
        }
        return targets;
    }

    private static Optional<String> check(Path root, Path file, String target, Map<Path, Set<String>> anchors) {
        if (target.isEmpty()) {
            return Optional.of("an empty link");
        }
        if (SCHEME.matcher(target).find() || target.startsWith("//")) {
            return Optional.empty();
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = path.isEmpty() ? file : file.getParent().resolve(decode(path)).normalize();
        if (!resolved.startsWith(root)) {
            return Optional.of("'" + target + "' leads outside the repository");
        }
        if (!Files.exists(resolved)) {
            return Optional.of("'" + target + "' does not exist (" + root.relativize(resolved) + ")");
        }
        if (anchor != null && !anchor.isEmpty() && resolved.toString().endsWith(".md")
                && !anchors.computeIfAbsent(resolved, DocumentationLinksTest::anchors).contains(anchor)) {
            return Optional.of("'" + target + "': no heading with the anchor #" + anchor + " in "
                    + root.relativize(resolved));
        }
        return Optional.empty();
    }

    /** The anchors GitHub gives a markdown file's headings. */
    static Set<String> anchors(Path file) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : lines(file)) {
            if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
                fenced = !fenced;
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (fenced || !m.matches()) {
                continue;
            }
            String slug = slug(m.group(2));
            int count = seen.merge(slug, 1, Integer::sum);
            anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
        }
        return anchors;
    }

    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1");
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
    }

    private static String decode(String path) {
        return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocs_resolvesInsideTheRepository() {
        Path root = ProjectLayout.root();
        List<Path> files = documents(root);
        assertTrue(files.size() >= 15, "README.md and the docs: " + files);
        assertEquals(List.of(), brokenLinks(root, files));
    }

    @Test
    void noTrackedFile_mentionsTheFolderBesideTheRepository() throws Exception {
        assertEquals(List.of(), trackedLinesMatching(Pattern.compile(Pattern.quote(OUTSIDE)), name -> false),
                "a user's clone has no " + OUTSIDE + "; say it in the repository's own docs");
    }

    /** The tracker's issue numbers mean nothing to a user's clone: a reference names the decision or the doc it means. */
    private static final Pattern ISSUE_NUMBER = Pattern.compile("(?i)\\bissues? ?#?[0-9]+");

    @Test
    void noTrackedFile_refersToAnIssueNumber_butToTheDocOrDecisionItMeans() throws Exception {
        assertEquals(List.of(), trackedLinesMatching(ISSUE_NUMBER,
                name -> name.endsWith("package-lock.json") || name.endsWith(".png")),
                "name the decision or the doc, not the tracker's issue");
    }

    /** Every line of the tracked files (but those whose name is skipped) where the pattern occurs: "path:line match". */
    private static List<String> trackedLinesMatching(Pattern pattern, Predicate<String> skipName) throws Exception {
        Path root = ProjectLayout.root();
        List<String> found = new ArrayList<>();
        for (Path file : TrackedFiles.of(root)) {
            if (!Files.isRegularFile(file) || skipName.test(file.getFileName().toString())) {
                continue; // a file deleted in the work tree, not yet committed, is not there to read
            }
            List<String> lines = List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n", -1));
            for (int n = 0; n < lines.size(); n++) {
                Matcher m = pattern.matcher(lines.get(n));
                if (m.find()) {
                    found.add(root.relativize(file) + ":" + (n + 1) + " " + m.group());
                }
            }
        }
        return found;
    }

    @Test
    void theReadme_linksTheApiReference_andTheDocsTheRulesAndTheArchitecture() throws IOException {
        String readme = Files.readString(ProjectLayout.root().resolve("README.md"));
        for (String doc : List.of("docs/openapi.yaml", "docs/requirements.md", "docs/architecture.md", "docs/contract-notes.md")) {
            assertTrue(readme.contains("](" + doc + ")"), "README.md links " + doc);
        }
    }

    /** The checker itself, on files made for it: what it must catch and what it must leave alone. */
    @Test
    void theChecker_catchesMissingFilesAnchorsAndEscapes_andIgnoresCodeAndUrls(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docs/decisions"));
        Files.writeString(root.resolve("docs/target.md"), "# The Target\n\n## Step 2: `run` it\n\n## Step 2: `run` it\n");
        Files.writeString(root.resolve("docs/decisions/0001-x.md"), "# 0001 X\n");
        Path page = root.resolve("docs/page.md");
        Files.writeString(page, String.join("\n",
                "# Page",
                "[ok](target.md) [ok anchor](target.md#the-target) [repeat](target.md#step-2-run-it-1) [dir](decisions/)",
                "![image](decisions/0001-x.md) [self](#page) [web](https://example.com/x) [mail](mailto:a@b.c)",
                "[missing](nothing.md) [bad anchor](target.md#step-3) [out](../../elsewhere/contract.md)",
                "`[in code](nowhere.md)` and <a href=\"gone.md\">html</a>",
                "```",
                "[in a fence](nowhere.md)",
                "```",
                "[ref]: missing-too.md",
                ""));
        List<String> problems = brokenLinks(root, List.of(page));
        assertEquals(List.of(
                "docs/page.md:4: 'nothing.md' does not exist (docs/nothing.md)",
                "docs/page.md:4: 'target.md#step-3': no heading with the anchor #step-3 in docs/target.md",
                "docs/page.md:4: '../../elsewhere/contract.md' leads outside the repository",
                "docs/page.md:5: 'gone.md' does not exist (docs/gone.md)",
                "docs/page.md:9: 'missing-too.md' does not exist (docs/missing-too.md)"), problems);
        assertEquals(Set.of("the-target", "step-2-run-it", "step-2-run-it-1"), anchors(root.resolve("docs/target.md")));
        assertEquals("最佳响应奖-r21-best-response", slug("最佳响应奖 (R21): best response"));
    }
}
