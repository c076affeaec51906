package com.replyguard.ports;

import java.util.List;

/** Port: the addresses a host name resolves to (each 4 or 16 bytes); empty when it resolves to none. */
public interface HostResolver {
    List<byte[]> addresses(String host);
}
