package org.perfalert.digest;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
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
        fm = new Configuration(Configuration.VERSION_2_3_34);
        fm.setDefaultEncoding("UTF-8");
        fm.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        fm.setLogTemplateExceptions(false);
        fm.setWrapUncheckedExceptions(true);
        fm.setRecognizeStandardFileExtensions(true);
        fm.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        List<TemplateLoader> loaders = new ArrayList<>();
        try {
            if (templatesDir != null && Files.isDirectory(templatesDir)) loaders.add(new FileTemplateLoader(templatesDir.toFile()));
        } catch (IOException e) {
            throw new IllegalArgumentException(templatesDir + ": cannot read the templates folder: " + e.getMessage());
        }
        loaders.add(new ClassTemplateLoader(DigestRenderer.class, "/templates"));
        fm.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(new TemplateLoader[0])));
    }

    /** The HTML, with each image's src made by src (e.g. name -> "cid:" + name, or name -> "img/" + name). */
    public String html(Digest d, Function<String, String> src) {
        Map<String, String> sources = new LinkedHashMap<>();
        d.images().keySet().forEach(name -> sources.put(name, src.apply(name)));
        return process(HTML, Map.of("d", d, "src", sources));
    }

    public String text(Digest d) { return process(TEXT, Map.of("d", d, "src", Map.of())); }

    private String process(String name, Map<String, Object> model) {
        try {
            StringWriter out = new StringWriter();
            fm.getTemplate(name).process(model, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("digest template " + name + ": " + e.getMessage(), e);
        }
    }
}
