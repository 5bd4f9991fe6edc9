package org.perfalert.ack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.perfalert.digest.Chromium;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium driven over the DevTools protocol (a WebSocket, the JDK's own client): open a page, type into a
 * field, click a button, read the page. As a lead's phone would, it runs the page as served (its
 * Content-Security-Policy included); only the test's own commands come through DevTools.
 */
public final class Browser implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);   // a guard against a hung browser, not a timing check

    private final Process process;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final String session;

    public Browser(Path profile) throws Exception {
        Path chromium = Chromium.require();
        Files.createDirectories(profile);
        process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--remote-debugging-port=0",
                "--user-data-dir=" + profile.toAbsolutePath(), "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long end = System.nanoTime() + WAIT.toNanos();
        while (!(Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2)) {
            if (System.nanoTime() > end || !process.isAlive()) throw new IllegalStateException("chromium did not start its DevTools endpoint");
            Thread.sleep(50);
        }
        List<String> lines = Files.readAllLines(portFile);
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim()), new Listener())
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
        session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true)).get("sessionId").asText();
        call(session, "Page.enable", Map.of());
    }

    /** Opens the address and waits until the page has loaded. */
    public void open(String url) throws Exception {
        events.clear();
        call(session, "Page.navigate", Map.of("url", url));
        awaitLoad();
    }

    /** Lays pages out as a screen of this size would (CSS pixels, no scaling). */
    public void size(int width, int height) throws Exception {
        call(session, "Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
                "mobile", false));
    }

    /** The page's height in CSS pixels (its body's bottom), or, with an element id on the page, how far down that element starts. */
    public int height(String untilId) throws Exception {
        return evaluate("(e => e ? Math.round(e.getBoundingClientRect().top + window.scrollY) "
                + ": Math.ceil(document.body.getBoundingClientRect().bottom + window.scrollY))(document.getElementById('" + untilId + "'))").asInt();
    }

    /** A PNG of the whole page laid out at the size set (for the documentation's pictures). */
    public byte[] screenshot(int width, int height) throws Exception {
        JsonNode r = call(session, "Page.captureScreenshot", Map.of("format", "png", "clip",
                Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1), "captureBeyondViewport", true));
        return java.util.Base64.getDecoder().decode(r.get("data").asText());
    }

    /** Focuses the field with the id and types the text into it, as a keyboard would. */
    void type(String fieldId, String text) throws Exception {
        evaluate("document.getElementById('" + fieldId + "').focus(); true");
        call(session, "Input.insertText", Map.of("text", text));
    }

    /** Clicks the middle of the element the CSS selector finds (a real mouse click) and waits for the next page. */
    void clickAndWait(String selector) throws Exception {
        JsonNode box = JSON.readTree(evaluate("JSON.stringify((e => { e.scrollIntoView({block: 'center'}); "
                + "const r = e.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })"
                + "(document.querySelector('" + selector + "')))").asText());
        events.clear();
        for (String type : List.of("mousePressed", "mouseReleased"))
            call(session, "Input.dispatchMouseEvent", Map.of("type", type, "x", box.get("x").asDouble(), "y", box.get("y").asDouble(),
                    "button", "left", "clickCount", 1));
        awaitLoad();
    }

    /** The value of a JavaScript expression evaluated in the page (by the test, over DevTools). */
    public JsonNode evaluate(String expression) throws Exception {
        JsonNode r = call(session, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (r.has("exceptionDetails")) throw new IllegalStateException("page evaluation failed: " + r.get("exceptionDetails"));
        return r.get("result").get("value");
    }

    String text() throws Exception { return evaluate("document.body.innerText").asText(); }

    private void awaitLoad() throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonNode e = events.poll(Math.max(1, (end - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (e == null) throw new IllegalStateException("the page did not load");
            if ("Page.loadEventFired".equals(e.path("method").asText())) return;
        }
    }

    private JsonNode call(String session, String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", JSON.valueToTree(params));
        if (session != null) msg.put("sessionId", session);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(JSON.writeValueAsString(msg), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        JsonNode r = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (r.has("error")) throw new IllegalStateException(method + " failed: " + r.get("error"));
        return r.get("result");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode m = JSON.readTree(text.toString());
                    if (m.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                        if (f != null) f.complete(m);
                    } else events.add(m);
                } catch (Exception e) {
                    events.add(JSON.createObjectNode().put("method", "parse-error"));
                }
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
