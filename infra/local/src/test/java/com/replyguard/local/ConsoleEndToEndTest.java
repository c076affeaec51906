package com.replyguard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.dynalite.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The team-lead console in a real browser: Debian's headless Chromium, driven by playwright-core
 * (functions/console/web/e2e/console.e2e.mjs), against the local system on a free port with the
 * shipped merchants file. Every scenario of docs/console.md - log in, a live-room comment appearing
 * within 2 s, amber then red with no reload, leaving when answered, excusing a breach, the whole
 * range's CSV in Chinese, an alert with each channel's delivery (a webhook channel the script serves
 * itself, one accepting, one refusing) acknowledged, the language switch, the team lead's team,
 * operations read-only without action buttons, no console error - must print PASS. Screenshots of
 * every view land in infra/local/target/console-e2e/. Skipped, with
 * one line saying so, where /usr/bin/chromium is not installed.
 */
@Tag("slow")
class ConsoleEndToEndTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final List<String> SCENARIOS = List.of("login page in Chinese with a password field",
            "a live-room comment appears within 2 s of its event", "the row turns amber, then red, without a reload",
            "answering it takes it off the queue within 2 s", "a supervisor excuses the breach with a reason",
            "the breaches CSV downloads the whole range, in Chinese, for Excel",
            "an alert shows each channel's delivery in Chinese and is acknowledged",
            "an after-sales category opens its case list in Chinese, one row per case the report counts", "every view opens in Chinese, the conversation from a robot message's link",
            "the language switch is remembered", "a team lead sees only their team",
            "operations sees every view, read-only, without an action button", "no console errors on any page");

    @Test
    void everyScenarioPassesInHeadlessChromium() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "console browser tests skipped: /usr/bin/chromium is not installed (apt-get install -y chromium)");
        Path web = ProjectLayout.root().resolve("functions/console/web");
        Assumptions.assumeTrue(Files.isDirectory(web.resolve("node_modules/playwright-core")),
                "console browser tests skipped: functions/console/web has no node_modules (the console module's npm ci)");
        Path shots = ProjectLayout.root().resolve("infra/local/target/console-e2e");
        try (LocalSystem system = LocalSystem.start(new LocalSystem.Options(0, null,
                ProjectLayout.root().resolve("infra/local/merchants.json"), ProjectLayout.template()))) {
            List<String> lines = NodeScript.run(web, Duration.ofMinutes(4), "console e2e: ", "e2e/console.e2e.mjs",
                    system.url().toString(), shots.toString());
            List<String> failed = lines.stream().filter(l -> l.startsWith("FAIL ")).toList();
            assertTrue(failed.isEmpty(), String.join("\n", lines));
            for (String s : SCENARIOS) {
                assertTrue(lines.stream().anyMatch(l -> l.startsWith("PASS " + s)), "scenario not run: " + s + "\n" + lines);
            }
            assertEquals("ALL PASSED", lines.get(lines.size() - 1));
            for (String view : List.of("00-login", "01-queue", "02-queue-amber", "03-queue-red", "04-breaches", "05-agents", "06-cycle",
                    "07-alerts", "08-aftersales", "09-conversation", "10-queue-english", "11-queue-team-lead", "12-breaches-operations",
                    "13-aftersales-cases")) {
                assertTrue(Files.size(shots.resolve(view + ".png")) > 10_000, view + " screenshot");
            }
        }
    }
}
