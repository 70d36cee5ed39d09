package dev.mosaic.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.mosaic.runtime.testing.SharedTestStores;

/**
 * A TCP proxy in front of a store that a test can cut off: while it is down, it refuses new connections and has closed
 * the open ones, as a store that crashed or a network that split would. Up again on the same port, it forwards as
 * before. Only the Mosaic under test goes through it; the store itself keeps running for the other tests.
 */
public final class SwitchableProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    public SwitchableProxy(URI target) throws IOException {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        }
        up();
    }

    /** A proxy in front of the test JVM's Elasticsearch, up. */
    public static SwitchableProxy toElasticsearch() {
        try {
            return new SwitchableProxy(SharedTestStores.elasticsearch());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL to give the Mosaic under test instead of the store's. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public synchronized void up() throws IOException {
        if (listener != null) {
            return;
        }
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        listener = server;
        Thread.ofVirtual().name("proxy-accept-" + port).start(() -> accept(server));
    }

    /** Refuses new connections and closes the open ones. */
    public synchronized void down() throws IOException {
        if (listener == null) {
            return;
        }
        listener.close();
        listener = null;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                open.add(client);
                open.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ended) {
            // One side closed: close both below.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        down();
    }
}
