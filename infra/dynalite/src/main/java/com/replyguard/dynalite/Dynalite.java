package com.replyguard.dynalite;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A real local DynamoDB: dynalite (npm, Apache-2.0), installed with {@code npm ci} from the
 * pinned package-lock.json on first use and started in memory on a free port. The node process
 * exits when this JVM closes its stdin, so neither a finished test nor a killed runner leaves it
 * behind. It also reports how many DynamoDB requests it served, per operation.
 */
public final class Dynalite implements AutoCloseable {
    private final Process process;
    private final URI endpoint;
    private final Writer commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

    private Dynalite(Process process, int port) {
        this.process = process;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    public static Dynalite start() {
        Path dir = ProjectLayout.dynaliteDir();
        installIfMissing(dir);
        try {
            Process p = new ProcessBuilder(node(), "start-dynalite.js", "0").directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            if (first == null || !first.startsWith("DYNALITE_PORT ")) {
                p.destroyForcibly();
                throw new IllegalStateException("dynalite did not start (first line: " + first + ")");
            }
            Dynalite d = new Dynalite(p, Integer.parseInt(first.substring("DYNALITE_PORT ".length()).trim()));
            Thread reader = new Thread(() -> {
                try {
                    for (String line; (line = out.readLine()) != null; ) {
                        d.replies.add(line);
                    }
                } catch (IOException ignored) {
                    // the process ended; close() reports nothing more
                }
            }, "dynalite-stdout");
            reader.setDaemon(true);
            reader.start();
            return d;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start dynalite with node: " + e.getMessage(), e);
        }
    }

    /** Runs {@code npm ci} once when node_modules/dynalite is missing (file lock: parallel builds wait). */
    static synchronized void installIfMissing(Path dir) {
        if (Files.isRegularFile(dir.resolve("node_modules/dynalite/package.json"))) {
            return;
        }
        Path lockFile = dir.resolve(".npm-install.lock");
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            if (Files.isRegularFile(dir.resolve("node_modules/dynalite/package.json"))) {
                return;
            }
            Process npm = new ProcessBuilder(npm(), "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(dir.toFile()).inheritIO().start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci in " + dir + " failed; is Node.js (20+) with npm installed?");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot install dynalite in " + dir + ": " + e.getMessage()
                    + " (needs node and npm on the PATH)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing dynalite", e);
        }
    }

    private static String node() {
        return executable("node");
    }

    private static String npm() {
        return executable("npm");
    }

    private static String executable(String name) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                File f = new File(dir, name);
                if (f.canExecute()) {
                    return f.getAbsolutePath();
                }
            }
        }
        return name;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client for this dynalite (fixed dummy credentials, explicit region and HTTP client). */
    public DynamoDbClient client() {
        return client(endpoint);
    }

    public static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
                .build();
    }

    /** The DynamoDB requests served so far, per operation, as JSON (e.g. {"PutItem":3}). */
    public synchronized String requestCounts() {
        return ask("COUNTS").substring("COUNTS ".length());
    }

    public synchronized void resetRequestCounts() {
        ask("RESET");
    }

    private String ask(String command) {
        try {
            commands.write(command + "\n");
            commands.flush();
            String reply = replies.poll(10, TimeUnit.SECONDS);
            if (reply == null) {
                throw new IllegalStateException("dynalite did not answer " + command);
            }
            return reply;
        } catch (IOException e) {
            throw new IllegalStateException("dynalite is gone: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            commands.close();
        } catch (IOException ignored) {
            // already closed: the process is ending anyway
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
