package org.perfalert.links;

import org.perfalert.config.Settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * Where acknowledge links point and how long they work: {@code http.public-url} (default: the service's own address,
 * {@code http.bind} and {@code http.port}), {@code ack.link.days} (default 30), keyed by {@code PERFALERT_LINK_SECRET}
 * from the environment only. Without the secret, or with the HTTP server off ({@code http.port=0}), there are no
 * links and {@link #whyOff()} says why.
 *
 * @param signer  null when links are off
 * @param baseUrl the address links start with, without a trailing slash
 */
public record LinkSettings(Signer signer, String baseUrl, Duration validity, String whyOff) {
    public static final String SECRET = "PERFALERT_LINK_SECRET";
    /** The page's path under the base address. */
    public static final String PATH = "/ack/";

    /** Reads the settings; a setting that is set but wrong (a short secret, a bad URL) is an error naming it. */
    public static LinkSettings from(Settings s) {
        int port = s.getInt("http.port");
        long days = s.getLong("ack.link.days");
        if (days < 1 || days > 366) throw new IllegalArgumentException("ack.link.days " + days + " must be between 1 and 366");
        String base = baseUrl(s.get("http.public-url").trim(), s.get("http.bind").trim(), port);
        String secret = s.secret(SECRET);
        if (secret == null)
            return new LinkSettings(null, base, Duration.ofDays(days), "the environment variable " + SECRET + " is not set");
        Signer signer = new Signer(secret);
        if (port <= 0) return new LinkSettings(null, base, Duration.ofDays(days), "http.port is 0 (the service serves no page)");
        return new LinkSettings(signer, base, Duration.ofDays(days), null);
    }

    public boolean on() { return signer != null; }

    /** The page of a token. */
    public String page(String token) { return baseUrl + PATH + token; }

    static String baseUrl(String publicUrl, String bind, int port) {
        if (publicUrl.isEmpty()) {
            String host = bind.isEmpty() || bind.equals("0.0.0.0") || bind.equals("::") ? "localhost" : bind;
            return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
        try {
            URI u = new URI(publicUrl);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getQuery() != null
                    || u.getFragment() != null || u.getUserInfo() != null)
                throw new URISyntaxException(publicUrl, "not an http(s) address without query or fragment");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("http.public-url \"" + publicUrl + "\" is not a web address leads can open "
                    + "(write e.g. https://perfalert.example.org or https://intranet.example.org/perfalert)");
        }
        return publicUrl.replaceAll("/+$", "");
    }
}
