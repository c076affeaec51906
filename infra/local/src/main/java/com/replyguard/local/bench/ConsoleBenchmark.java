package com.replyguard.local.bench;

import com.replyguard.dynalite.ProjectLayout;
import com.replyguard.local.LocalSystem;
import com.replyguard.local.NodeScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code infra/local/benchmark console [clocks=1000]}: the console on the local system in headless
 * Chromium - bundle size compressed, first load to a usable queue, and the live queue with that many
 * running clocks: time to apply one update, time of each second's tick, frame intervals
 * (functions/console/web/e2e/console.bench.mjs). Prints numbers, asserts nothing.
 */
public final class ConsoleBenchmark {
    private ConsoleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String clocks = args.length > 0 ? args[0] : "1000";
        Path root = ProjectLayout.root();
        Path web = root.resolve("functions/console/web");
        Path build = root.resolve("functions/console/target/classes/console");
        if (!Files.isExecutable(Path.of("/usr/bin/chromium")) || !Files.isDirectory(web.resolve("node_modules/playwright-core"))
                || !Files.isRegularFile(build.resolve("index.html"))) {
            System.out.println("console benchmark needs /usr/bin/chromium, functions/console/web/node_modules and the built console (mvn package)");
            return;
        }
        try (LocalSystem system = LocalSystem.start(new LocalSystem.Options(0, null, root.resolve("infra/local/merchants.json"),
                root.resolve("template.yaml")))) {
            System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version"));
            NodeScript.run(web, Duration.ofMinutes(5), "", "e2e/console.bench.mjs", system.url().toString(), build.toString(), clocks);
        }
        System.exit(0);
    }
}
