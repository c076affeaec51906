package com.replyguard.local;

import com.replyguard.dynalite.ProjectLayout;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code infra/local/run [--port N] [--demo] [--dynamodb-endpoint URL] [--merchants FILE]}
 * (contract: running locally). Prints {@code READY http://127.0.0.1:N} once requests are
 * accepted, then {@code CONSOLE http://127.0.0.1:N/} (the team-lead console); on SIGTERM/SIGINT stops the HTTP server and the dynalite it started, leaving no
 * process behind.
 */
public final class LocalRunner {
    private static final String USAGE = "usage: infra/local/run [--port N] [--demo] [--dynamodb-endpoint URL] [--merchants FILE]";

    private LocalRunner() {
    }

    public static void main(String[] args) throws Exception {
        int port = 8080;
        boolean demo = false;
        URI endpoint = null;
        Path root = ProjectLayout.root();
        Path merchants = root.resolve("infra/local/merchants.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = parsePort(value(args, ++i, "--port"));
                case "--demo" -> demo = true;
                case "--dynamodb-endpoint" -> endpoint = URI.create(value(args, ++i, "--dynamodb-endpoint"));
                case "--merchants" -> merchants = Path.of(value(args, ++i, "--merchants"));
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> fail("unknown option '" + args[i] + "'");
            }
        }
        if (!Files.isRegularFile(merchants)) {
            fail("merchants file " + merchants + " does not exist");
        }
        LocalSystem system = LocalSystem.start(new LocalSystem.Options(port, endpoint, merchants,
                root.resolve("template.yaml")));
        // --demo: the robots the demo's alerts go to, printing every message they receive on stderr
        RobotInbox inbox = demo ? RobotInbox.start(System.err) : null;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            system.close();
            if (inbox != null) {
                inbox.close();
            }
            System.err.println("STOPPED");
            stopped.countDown();
        }, "local-runner-stop"));
        System.out.println("READY " + system.url());
        // the team-lead console is the template's GET / route on the same port (docs/console.md)
        System.out.println("CONSOLE " + system.url() + "/");
        System.out.flush();
        if (demo) {
            DemoSession.replay(system.url(), root.resolve("infra/local/demo/live-session.json"), merchants, System.out);
            DemoSession.liveAlerts(system.url(), merchants, inbox, System.out);
            DemoSession.streamLive(system.url(), merchants, System.out);
        }
        stopped.await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            fail(option + " needs a value");
        }
        return args[i];
    }

    private static int parsePort(String text) {
        try {
            int p = Integer.parseInt(text);
            if (p < 0 || p > 65535) {
                fail("--port must be 0-65535");
            }
            return p;
        } catch (NumberFormatException e) {
            fail("--port must be a number, got '" + text + "'");
            return -1;
        }
    }

    private static void fail(String message) {
        System.err.println("infra/local/run: " + message);
        System.err.println(USAGE);
        System.exit(2);
    }
}
