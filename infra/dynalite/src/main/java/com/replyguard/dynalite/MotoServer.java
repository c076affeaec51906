package com.replyguard.dynalite;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * moto's server ({@code moto_server}, a Python AWS emulator; machines of this project's kind have it
 * under pyenv beside cfn-lint) on a free loopback port: a DynamoDB stricter than dynalite - it
 * refuses what DynamoDB refuses, such as an empty string as a key value - for the tests that check
 * the adapters' requests are ones DynamoDB accepts. Slower than dynalite, and it loses conditional
 * updates under concurrent writers: never use it to test concurrency. Tests that need it are skipped
 * with a message where it is not installed ({@link #find}).
 */
public final class MotoServer implements AutoCloseable {
    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, int port) {
        this.process = process;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /** The moto_server executable on the PATH or under ~/.pyenv/shims, if any. */
    public static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, "moto_server");
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        Path pyenv = Path.of(System.getProperty("user.home"), ".pyenv", "shims", "moto_server");
        return Files.isExecutable(pyenv) ? Optional.of(pyenv) : Optional.empty();
    }

    public static MotoServer start() {
        Path executable = find().orElseThrow(() -> new IllegalStateException("moto_server is not installed"));
        int port = freePort();
        try {
            Process p = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            MotoServer server = new MotoServer(p, port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("moto_server exited with " + p.exitValue());
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return server;
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            server.close();
            throw new IllegalStateException("moto_server did not listen on port " + port + " within 60 s");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start moto_server: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
