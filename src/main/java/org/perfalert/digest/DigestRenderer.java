package org.perfalert.digest;

import freemarker.template.Configuration;

import org.perfalert.notify.Templates;

import java.nio.file.Path;
import java.util.*;
import java.util.function.Function;

/**
 * Renders a digest with FreeMarker: {@code digest.html.ftlh} (HTML, every value escaped) and {@code digest.txt.ftl}
 * (plain text), from the configuration's {@code templates/} folder when present there, else the built-in ones.
 */
public final class DigestRenderer {
    public static final String HTML = "digest.html.ftlh", TEXT = "digest.txt.ftl";

    private final Configuration fm;

    /** templatesDir may be null or missing: then the built-in templates are used. */
    public DigestRenderer(Path templatesDir) {
        fm = Templates.freemarker(templatesDir);
    }

    /** The HTML, with each image's src made by src (e.g. name -> "cid:" + name, or name -> "img/" + name). */
    public String html(Digest d, Function<String, String> src) {
        Map<String, String> sources = new LinkedHashMap<>();
        d.images().keySet().forEach(name -> sources.put(name, src.apply(name)));
        return process(HTML, Map.of("d", d, "src", sources));
    }

    public String text(Digest d) { return process(TEXT, Map.of("d", d, "src", Map.of())); }

    private String process(String name, Map<String, Object> model) {
        return Templates.render(fm, name, model, "digest");
    }
}
