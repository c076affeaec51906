package com.replyguard.managerapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A CSV in {@code ?lang=zh} names levels, clocks, channels, categories, statuses, metrics and
 * verdicts with the words the console shows on screen: its messages (functions/console/web/src/messages.js),
 * section by section, are exactly {@link ChineseNames}.
 */
class ChineseNamesTest {
    private static final Path MESSAGES = Path.of("../console/web/src/messages.js");
    private static final Pattern ENTRY = Pattern.compile("'?([A-Za-z0-9_.-]+)'?\\s*:\\s*'([^']*)'");

    @Test
    void everyChineseName_isTheConsoles() throws IOException {
        String all = Files.readString(MESSAGES);
        String zh = all.substring(all.indexOf("\n  zh: {"), all.indexOf("\n  en: {"));
        assertEquals(section(zh, "channels"), new TreeMap<>(ChineseNames.CHANNELS));
        assertEquals(section(zh, "clocks"), new TreeMap<>(ChineseNames.CLOCKS));
        assertEquals(section(zh, "levels"), new TreeMap<>(ChineseNames.LEVELS));
        assertEquals(section(zh, "status"), new TreeMap<>(ChineseNames.STATUSES));
        assertEquals(section(zh, "verdicts"), new TreeMap<>(ChineseNames.VERDICTS));
        assertEquals(section(zh, "metrics"), new TreeMap<>(ChineseNames.METRICS));
        assertEquals(section(zh, "categories"), new TreeMap<>(ChineseNames.CATEGORIES));
        assertEquals(section(zh, "common").get("all"), Sheet.code(Map.of()).show(Sheet.ALL, Lang.ZH), "the line of all");
    }

    /** One section of the console's Chinese messages ({@code channels: { LIVE_COMMENT: '直播间评论', … }}). */
    private static Map<String, String> section(String zh, String name) {
        int start = zh.indexOf("\n    " + name + ": {");
        assertTrue(start >= 0, "no section " + name + " in " + MESSAGES);
        int open = zh.indexOf('{', start);
        String body = zh.substring(open + 1, zh.indexOf('}', open));
        Map<String, String> m = new TreeMap<>();
        Matcher e = ENTRY.matcher(body);
        while (e.find()) {
            m.put(e.group(1), e.group(2));
        }
        assertTrue(m.size() >= 3, name + ": " + m);
        return m;
    }
}
