package com.replyguard.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the console's node scripts (its browser test, its benchmark) with the machine's node,
 * printing each line it writes with a prefix and returning them; a script that outlives its time is
 * killed (it drives a browser, which must never be left behind).
 */
public final class NodeScript {
    private NodeScript() {
    }

    public static List<String> run(Path dir, Duration limit, String prefix, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (var in = p.inputReader(StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    System.out.println(prefix + line);
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("FAIL reading the script's output: " + e.getMessage());
            }
        }, "node-output");
        reader.setDaemon(true);
        reader.start();
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", args) + " did not finish in " + limit + ": " + lines);
        }
        reader.join(5_000);
        return List.copyOf(lines);
    }
}
