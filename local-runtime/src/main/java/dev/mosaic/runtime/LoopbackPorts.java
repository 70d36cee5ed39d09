package dev.mosaic.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks and checks TCP ports on the loopback interface. */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /** A port that was free a moment ago; 0 in a configuration means "pick one". */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LocalRuntimeException("Cannot find a free port on the loopback interface", e);
        }
    }

    public static int resolve(int configuredPort) {
        if (configuredPort == 0) {
            return freePort();
        }
        requireFree(configuredPort);
        return configuredPort;
    }

    static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new LocalRuntimeException("Port " + port + " on 127.0.0.1 is already taken by another process; "
                    + "stop that process or configure another port (0 picks a free one)", e);
        }
    }
}
