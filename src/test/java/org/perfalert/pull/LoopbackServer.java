package org.perfalert.pull;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A real HTTP server on 127.0.0.1 (a free port) serving what the test puts at each path. Every request must
 * carry the API key header, as a real endpoint would ask. A path may be made to hang until released.
 */
final class LoopbackServer implements AutoCloseable {
    static final String KEY_HEADER = "X-Api-Key", KEY = "k3y-for-tests";

    record Answer(int status, String contentType, byte[] body) {
        static Answer text(String contentType, String body) { return new Answer(200, contentType, body.getBytes(StandardCharsets.UTF_8)); }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> hanging = new ConcurrentHashMap<>();
    final Map<String, Integer> requests = new ConcurrentHashMap<>();

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.merge(path, 1, Integer::sum);
            try (exchange) {
                CountDownLatch hang = hanging.get(path);
                if (hang != null) hang.await();
                Answer a = answers.get(path);
                if (!KEY.equals(exchange.getRequestHeaders().getFirst(KEY_HEADER))) a = new Answer(401, "text/plain", "no key".getBytes());
                else if (a == null) a = new Answer(404, "text/plain", "not here".getBytes());
                exchange.getResponseHeaders().set("Content-Type", a.contentType());
                exchange.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
                try (OutputStream out = exchange.getResponseBody()) { out.write(a.body()); }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    String url(String path) { return "http://127.0.0.1:" + server.getAddress().getPort() + path; }

    void put(String path, Answer a) { answers.put(path, a); }

    /** Requests for the path wait until the latch is released. */
    CountDownLatch hang(String path) {
        CountDownLatch l = new CountDownLatch(1);
        hanging.put(path, l);
        return l;
    }

    @Override
    public void close() {
        hanging.values().forEach(CountDownLatch::countDown);
        server.stop(0);
    }
}
