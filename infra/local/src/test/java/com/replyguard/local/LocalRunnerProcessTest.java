package com.replyguard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.dynalite.ProjectLayout;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Contract (running locally): the runner prints {@code READY http://127.0.0.1:N}, serves, replays
 * the demo and prints its KPI report with {@code --demo}, and on SIGTERM stops leaving no process
 * behind (its dynalite included). Runs the runner's main class in a separate JVM, as the script does.
 */
class LocalRunnerProcessTest {

    @Test
    void demoRun_printsReadyAndTheKpiReport_andSigtermLeavesNoProcess() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-D" + ProjectLayout.HOME_PROPERTY + "=" + ProjectLayout.root(), LocalRunner.class.getName(),
                "--port", "0", "--demo").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        List<ProcessHandle> children;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertTrue(first != null && first.matches("READY http://127\\.0\\.0\\.1:\\d+"), "first line: " + first);
            String second = out.readLine();
            assertEquals(first.substring("READY ".length()) + "/", second == null ? null : second.substring("CONSOLE ".length()),
                    "the line after READY says where the console is: " + second);
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
                if (line.startsWith("DEMO breaches recorded")) {
                    break;
                }
            }
            children = p.descendants().toList();
            assertFalse(children.isEmpty(), "the runner started its dynalite");
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "runner stopped");
        } finally {
            p.destroyForcibly();
        }
        String output = String.join("\n", lines);
        assertTrue(output.contains("DEMO replayed 685 events"), output);
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
