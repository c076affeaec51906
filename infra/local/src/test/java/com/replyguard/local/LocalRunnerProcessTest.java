package com.replyguard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.dynalite.ProjectLayout;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Contract (running locally): the runner prints {@code READY http://127.0.0.1:N}, serves, replays
 * the demo and prints its KPI report with {@code --demo} - and then shows on stderr, in Chinese,
 * the robot messages its live breaches send to the local robot inbox - and on SIGTERM stops leaving
 * no process behind (its dynalite included). Runs the runner's main class in a separate JVM, as the script does.
 */
@Tag("slow")
class LocalRunnerProcessTest {

    @Test
    void demoRun_printsReadyAndTheKpiReport_showsChineseRobotMessagesForLiveBreaches_andSigtermLeavesNoProcess()
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path stderr = Files.createTempFile("local-runner-demo", ".err");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-D" + ProjectLayout.HOME_PROPERTY + "=" + ProjectLayout.root(), LocalRunner.class.getName(),
                "--port", "0", "--demo").redirectError(stderr.toFile()).start();
        List<String> lines = new ArrayList<>();
        List<ProcessHandle> children;
        String robots;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertTrue(first != null && first.matches("READY http://127\\.0\\.0\\.1:\\d+"), "first line: " + first);
            String second = out.readLine();
            assertEquals(first.substring("READY ".length()) + "/", second == null ? null : second.substring("CONSOLE ".length()),
                    "the line after READY says where the console is: " + second);
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
                if (line.startsWith("DEMO alerts")) {
                    break;
                }
            }
            // the live-room customer waits 30 s: the team leads' 钉钉 group hears of the breach, in Chinese
            long until = System.currentTimeMillis() + 60_000;
            do {
                Thread.sleep(250);
                robots = Files.readString(stderr, StandardCharsets.UTF_8);
            } while (System.currentTimeMillis() < until && !robots.contains("【ReplyGuard】首次响应超时"));
            children = p.descendants().toList();
            assertFalse(children.isEmpty(), "the runner started its dynalite");
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "runner stopped");
        } finally {
            p.destroyForcibly();
        }
        String output = String.join("\n", lines);
        assertTrue(output.contains("DEMO replayed 685 events"), output);
        assertTrue(output.contains("DEMO breaches recorded"), output);
        assertTrue(robots.contains("钉钉 robot \"客服组长群\"") && robots.contains("【ReplyGuard】首次响应超时")
                && robots.contains("会话：live-demo-1（直播间评论）") && robots.contains("signature and limits checked, accepted"),
                "the robot inbox shows the breach as the group would see it:\n" + robots.lines()
                        .filter(l -> !l.startsWith("{")).collect(Collectors.joining("\n")));
        assertTrue(robots.contains("企业微信 robot \"一线客服群\"") && robots.contains("【ReplyGuard】首次响应即将超时"), "the warning");
        assertTrue(output.contains("\"firstReply2Min\""), output);
        assertEquals(143, p.exitValue(), "terminated by SIGTERM");
        for (ProcessHandle child : children) {
            child.onExit().get(10, TimeUnit.SECONDS);
            assertFalse(child.isAlive(), "left behind: " + child.info().command().orElse("?"));
        }
    }

    @Test
    void unknownOption_isRefusedWithUsage() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-D" + ProjectLayout.HOME_PROPERTY + "=" + ProjectLayout.root(), LocalRunner.class.getName(), "--colour")
                .redirectOutput(new File("/dev/null")).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertTrue(err.contains("unknown option '--colour'"), err);
    }
}
