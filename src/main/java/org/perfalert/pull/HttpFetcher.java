package org.perfalert.pull;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a source's URL and keeps the body as received, named so the loader reads it as the right format:
 * {@code <source>-<month>.csv}, {@code .json} or {@code -street.csv} (with {@code .gz} when the body is
 * gzipped). A {@code {month}} in the URL gives one request, and one file, per month.
 */
public final class HttpFetcher implements Fetcher {
    public static final Set<String> FORMATS = Set.of("csv", "json", "police.uk");
    private final Map<String, String> env;

    public HttpFetcher(Map<String, String> env) { this.env = env; }

    @Override
    public List<Path> fetch(Source source, PullWindow window, Path staging) throws PullFailure {
        Source.Http http = source.http();
        HttpClient client = HttpClient.newBuilder().connectTimeout(http.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        List<Path> files = new ArrayList<>();
        boolean perMonth = http.url().contains("{month}");
        List<String> labels = perMonth ? window.months().stream().map(Object::toString).toList() : List.of(window.label());
        for (String label : labels) {
            String url = http.url().replace("{month}", label);
            HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(url)).timeout(http.readTimeout()).GET();
            for (Map.Entry<String, Source.Value> h : http.headers().entrySet()) rb.header(h.getKey(), h.getValue().resolve(env));
            HttpResponse<byte[]> response = send(client, rb.build(), url, http);
            if (response.statusCode() / 100 != 2)
                throw new PullFailure(url + " answered HTTP " + response.statusCode() + " (check the URL, and any API key in headers)");
            byte[] body = response.body();
            String format = format(http.format(), url, response.headers().firstValue("Content-Type").orElse(""));
            // police.uk files may stay gzipped (the loader unzips *-street.csv.gz); other formats are unzipped here.
            boolean keepGzip = gzipped(body) && format.equals("police.uk");
            if (gzipped(body) && !keepGzip) body = gunzip(body, url);
            Path file = staging.resolve(source.name() + "-" + label + ending(format) + (keepGzip ? ".gz" : ""));
            try {
                Files.write(file, body);
            } catch (IOException e) {
                throw new PullFailure("cannot keep the answer from " + url + " in " + file + ": " + e.getMessage(), e);
            }
            files.add(file);
        }
        return files;
    }

    /**
     * Sends the request and waits for the whole answer at most the read time-out (the client's own request
     * time-out stops at the headers; a server that trickles its body must not hold a pull for ever).
     */
    private static HttpResponse<byte[]> send(HttpClient client, HttpRequest request, String url, Source.Http http) throws PullFailure {
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return answer.get(http.connectTimeout().plus(http.readTimeout()).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new PullFailure(url + " did not answer within " + http.readTimeout().toSeconds() + " s (read_timeout_seconds)", e);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new PullFailure(url + ": interrupted while waiting for the answer", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpConnectTimeoutException)
                throw new PullFailure(url + " did not accept a connection within " + http.connectTimeout().toSeconds() + " s", cause);
            if (cause instanceof HttpTimeoutException)
                throw new PullFailure(url + " did not answer within " + http.readTimeout().toSeconds() + " s (read_timeout_seconds)", cause);
            if (cause instanceof ConnectException)
                throw new PullFailure(url + " refused the connection (is the server up?)", cause);
            throw new PullFailure(url + " failed: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
        }
    }

    /** The declared format, else the URL's ending, else the content type; tidy CSV when nothing says. */
    static String format(String declared, String url, String contentType) {
        if (declared != null) return declared;
        String path = URI.create(url).getPath().toLowerCase(Locale.ROOT);
        if (path.endsWith("-street.csv") || path.endsWith("-street.csv.gz")) return "police.uk";
        if (path.endsWith(".json") || path.endsWith(".json.gz")) return "json";
        if (path.endsWith(".csv") || path.endsWith(".csv.gz")) return "csv";
        return contentType.toLowerCase(Locale.ROOT).contains("json") ? "json" : "csv";
    }

    private static String ending(String format) {
        return switch (format) {
            case "json" -> ".json";
            case "police.uk" -> "-street.csv";
            default -> ".csv";
        };
    }

    private static byte[] gunzip(byte[] body, String url) throws PullFailure {
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new PullFailure(url + " sent a broken gzip body: " + e.getMessage(), e);
        }
    }

    private static boolean gzipped(byte[] b) { return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b; }
}
