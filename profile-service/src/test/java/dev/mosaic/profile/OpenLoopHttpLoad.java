package dev.mosaic.profile;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark's load generator: an open-loop HTTP/1.1 client on plain sockets, so that as little as possible of the
 * two cores goes to the generator itself (the JDK's {@code HttpClient} took several thread hops and a selector per
 * request).
 * <p>
 * Request <i>i</i> is due at {@code start + i / rate}. A fixed set of workers, each with its own keep-alive connection,
 * take the next request in order, wait until it is due, send it and read the answer; latency counts from when the
 * request was <em>due</em>, so a slow answer that holds every connection busy shows up in the latency of the requests
 * waiting behind it (no coordinated omission, as in wrk2). Connections the server closes (Tomcat closes one after
 * 100 requests by default) are opened again, and that is counted in the latency too.
 * <p>
 * The workers are platform threads so their CPU time can be read: the generator's own share of the machine is
 * reported beside each result.
 */
final class OpenLoopHttpLoad {

    /**
     * What to send as request {@code i}: method, path with query, optional JSON body, and optionally a request sent
     * {@code then}, on the same connection once the answer is in (a search followed by its fallback); the latency
     * covers both and the last answer is judged.
     */
    record Request(String method, String pathAndQuery, byte[] jsonBody, Request then) {

        static Request get(String pathAndQuery) {
            return new Request("GET", pathAndQuery, null, null);
        }

        static Request post(String pathAndQuery, String json) {
            return new Request("POST", pathAndQuery, json.getBytes(StandardCharsets.UTF_8), null);
        }

        Request followedBy(Request next) {
            return new Request(method, pathAndQuery, jsonBody, next);
        }
    }

    @FunctionalInterface
    interface Requests {
        Request request(int i);
    }

    /** Judges an answer: null when it is the expected one, otherwise what was wrong. */
    @FunctionalInterface
    interface Check {
        String check(int i, int status, byte[] body, int length);

        static Check status200() {
            return (i, status, body, length) -> status == 200 ? null : "HTTP " + status;
        }
    }

    /**
     * @param p50 nanoseconds, from when requests were due
     * @param generatorCpuNanos CPU time the generator's threads used (sending, reading, parsing)
     */
    record Result(int requests, long p50, long p99, long max, double achieved, int errors, String errorKinds,
                  long generatorCpuNanos) {
    }

    private final String host;
    private final int port;
    private final Map<String, String> headers;
    private final int connections;

    /**
     * @param headers sent with every request (e.g. the API key)
     * @param connections keep-alive connections, one per worker; the most requests in flight at once
     */
    OpenLoopHttpLoad(String host, int port, Map<String, String> headers, int connections) {
        this.host = host;
        this.port = port;
        this.headers = Map.copyOf(headers);
        this.connections = connections;
    }

    /** Sends {@code rate x seconds} requests at {@code rate} per second; {@code offset} shifts the request numbers. */
    Result run(Requests requests, Check check, int rate, double seconds, int offset) {
        int total = Math.max(1, (int) Math.round(rate * seconds));
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicLong lastAnswer = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        long start = System.nanoTime() + 20_000_000;
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            workers.add(Thread.ofPlatform().name("load-" + w).daemon().start(() -> {
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                long cpuBefore = threads.getCurrentThreadCpuTime();
                Connection connection = new Connection();
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < total) {
                        long due = start + (long) (i * 1e9 / rate);
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        String error;
                        try {
                            error = connection.exchange(requests.request(offset + i), offset + i, check);
                        } catch (IOException | RuntimeException e) {
                            connection.close();
                            error = e.getClass().getSimpleName();
                        }
                        long now = System.nanoTime();
                        latencies[i] = now - due;
                        lastAnswer.accumulateAndGet(now, Math::max);
                        if (error != null) {
                            errors.computeIfAbsent(error, kind -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                } finally {
                    connection.close();
                    cpu.addAndGet(threads.getCurrentThreadCpuTime() - cpuBefore);
                }
            }));
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the load ran", e);
            }
        }
        Arrays.sort(latencies);
        double elapsed = (lastAnswer.get() - start) / 1e9;
        int failed = errors.values().stream().mapToInt(AtomicInteger::get).sum();
        return new Result(total, percentile(latencies, 0.50), percentile(latencies, 0.99), latencies[total - 1],
                total / elapsed, failed, errors.isEmpty() ? "" : errors.toString(), cpu.get());
    }

    static long percentile(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1))];
    }

    /** One keep-alive connection of one worker: requests go one after the other, never pipelined. */
    private final class Connection {

        private Socket socket;
        private OutputStream out;
        private InputStream in;
        private byte[] body = new byte[64 * 1024];

        String exchange(Request request, int i, Check check) throws IOException {
            int status = 0;
            for (Request next = request; next != null; next = next.then()) {
                if (socket == null) {
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout(60_000);
                    socket.connect(new InetSocketAddress(host, port), 10_000);
                    out = socket.getOutputStream();
                    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                }
                out.write(head(next));
                if (next.jsonBody() != null) {
                    out.write(next.jsonBody());
                }
                out.flush();
                status = readAnswer();
            }
            return check.check(i, status, body, bodyLength);
        }

        private byte[] head(Request request) {
            StringBuilder head = new StringBuilder(256).append(request.method()).append(' ')
                    .append(request.pathAndQuery()).append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port)
                    .append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (request.jsonBody() != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(request.jsonBody().length)
                        .append("\r\n");
            }
            return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        private int bodyLength;

        /** Reads status line, headers and body (by Content-Length or chunked); returns the status. */
        private int readAnswer() throws IOException {
            String statusLine = line();
            if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
                throw new IOException("no HTTP answer");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long contentLength = -1;
            boolean chunked = false;
            boolean close = statusLine.startsWith("HTTP/1.0");
            String header;
            while ((header = line()) != null && !header.isEmpty()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).strip();
                String value = header.substring(colon + 1).strip();
                if (name.equalsIgnoreCase("Content-Length")) {
                    contentLength = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            bodyLength = 0;
            if (chunked) {
                while (true) {
                    String size = line();
                    if (size == null) {
                        throw new IOException("connection closed inside a chunked body");
                    }
                    int semicolon = size.indexOf(';');
                    int chunk = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
                    if (chunk == 0) {
                        while ((header = line()) != null && !header.isEmpty()) {
                            // trailers: none expected
                        }
                        break;
                    }
                    readBody(chunk);
                    line();
                }
            } else if (contentLength > 0) {
                readBody((int) contentLength);
            }
            if (close) {
                close();
            }
            return status;
        }

        private void readBody(int length) throws IOException {
            if (bodyLength + length > body.length) {
                body = Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + length));
            }
            int read = in.readNBytes(body, bodyLength, length);
            if (read < length) {
                throw new IOException("connection closed inside a body");
            }
            bodyLength += length;
        }

        private final StringBuilder lineBuffer = new StringBuilder(128);

        private String line() throws IOException {
            lineBuffer.setLength(0);
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int end = lineBuffer.length();
                    if (end > 0 && lineBuffer.charAt(end - 1) == '\r') {
                        lineBuffer.setLength(end - 1);
                    }
                    return lineBuffer.toString();
                }
                lineBuffer.append((char) c);
            }
            return lineBuffer.isEmpty() ? null : lineBuffer.toString();
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a broken connection
                }
                socket = null;
            }
        }
    }
}
