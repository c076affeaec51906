package com.replyguard.adapters.robots;

import com.replyguard.ports.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** Host names to addresses through the JDK resolver (the system's DNS); an unknown name has none. */
public final class JdkHostResolver implements HostResolver {
    @Override
    public List<byte[]> addresses(String host) {
        List<byte[]> out = new ArrayList<>();
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                out.add(a.getAddress());
            }
        } catch (UnknownHostException e) {
            return List.of();
        }
        return out;
    }
}
