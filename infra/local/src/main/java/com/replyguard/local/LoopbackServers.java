package com.replyguard.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The JDK's HTTP server for the local runner's loopback endpoints, with Nagle's algorithm off. With
 * it on, a response written as headers then body waits for the client's delayed ACK of the first
 * segment: about 40 ms added to every request on loopback (a single-event webhook took 65 ms, 20 ms
 * without). The JDK reads the switch once, when it creates its first server, so it is set here,
 * before any server of this JVM exists.
 */
final class LoopbackServers {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private LoopbackServers() {
    }

    static HttpServer create(int port, int backlog) throws IOException {
        return HttpServer.create(new InetSocketAddress("127.0.0.1", port), backlog);
    }
}
