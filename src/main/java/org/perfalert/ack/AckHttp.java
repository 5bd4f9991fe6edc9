package org.perfalert.ack;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The acknowledge route's step (bean "ackPage", routes/acknowledge.camel.yaml): turns the HTTP request into an
 * {@link AckPage.Request} and its answer into the response. The request's headers and form fields never become
 * response headers: the message is emptied first, and only the page's own headers are set.
 */
public final class AckHttp {
    private final AckPage page;

    public AckHttp(AckPage page) { this.page = page; }

    public void handle(Exchange exchange) {
        Message in = exchange.getMessage();
        HttpServerRequest request = in instanceof HttpMessage m ? m.getRequest() : null;
        String method = request != null ? request.method().name() : in.getHeader(Exchange.HTTP_METHOD, "GET", String.class);
        String path = request != null ? request.path() : in.getHeader(Exchange.HTTP_PATH, "", String.class);
        String token = path.substring(path.lastIndexOf('/') + 1);
        boolean hold = request != null ? "hold".equals(request.getParam("action"))
                : String.valueOf(in.getHeader(Exchange.HTTP_QUERY)).contains("action=hold");
        Map<String, String> form = method.equals("POST") ? form(request, in.getBody(String.class)) : Map.of();
        AckPage.Response r = page == null ? new AckPage.Response(404, "<!DOCTYPE html><title>Not found</title><p>Not found.</p>",
                "default-src 'none'") : page.handle(new AckPage.Request(method, token, hold, form, header(in, request, "Origin"),
                header(in, request, "Sec-Fetch-Site")));

        in.removeHeaders("*");
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, r.status());
        in.setHeader(Exchange.CONTENT_TYPE, "text/html; charset=UTF-8");
        in.setHeader("Content-Security-Policy", r.csp());
        in.setHeader("X-Content-Type-Options", "nosniff");
        in.setHeader("X-Frame-Options", "DENY");
        in.setHeader("Referrer-Policy", "same-origin");   // the token never goes to another site
        // Camel keeps Cache-Control out of responses it writes from headers, so it goes on the response itself
        if (request != null) ((HttpMessage) in).getResponse().putHeader("Cache-Control", "no-store");
        in.setBody(r.html().getBytes(StandardCharsets.UTF_8));
    }

    private static String header(Message in, HttpServerRequest request, String name) {
        return request != null ? request.getHeader(name) : in.getHeader(name, String.class);
    }

    /** The form's fields: from the server's parse of the body, else the body itself (application/x-www-form-urlencoded). */
    static Map<String, String> form(HttpServerRequest request, String body) {
        Map<String, String> out = new HashMap<>();
        MultiMap attributes = request == null ? null : request.formAttributes();
        if (attributes != null && !attributes.isEmpty()) {
            for (String name : attributes.names()) out.put(name, attributes.get(name));
            return out;
        }
        if (body == null) return out;
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) continue;
            try {
                out.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a malformed field is left out: the form then lacks it, and the page says what is missing
            }
        }
        return out;
    }
}
