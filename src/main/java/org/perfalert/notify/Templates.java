package org.perfalert.notify;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateExceptionHandler;

import freemarker.template.TemplateException;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The FreeMarker set-up shared by lead emails and the digest: templates in config/templates/ win over
 * the built-in ones in the jar; .ftlh templates are HTML with auto-escaping on.
 */
public final class Templates {
    private Templates() { }

    /** templatesDir may be null or missing: then only the built-in templates are used. */
    public static Configuration freemarker(Path templatesDir) {
        Configuration fm = new Configuration(Configuration.VERSION_2_3_34);
        fm.setDefaultEncoding("UTF-8");
        fm.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        fm.setLogTemplateExceptions(false);
        fm.setWrapUncheckedExceptions(true);
        fm.setRecognizeStandardFileExtensions(true); // .ftlh: HTML output format, auto-escaping on
        fm.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        List<TemplateLoader> loaders = new ArrayList<>();
        try {
            if (templatesDir != null && Files.isDirectory(templatesDir)) loaders.add(new FileTemplateLoader(templatesDir.toFile()));
        } catch (IOException e) {
            throw new IllegalArgumentException(templatesDir + ": cannot read the templates folder: " + e.getMessage());
        }
        loaders.add(new ClassTemplateLoader(Templates.class, "/templates"));
        fm.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(new TemplateLoader[0])));
        return fm;
    }

    /** Renders a template; what names it in the error ("email", "digest"). */
    public static String render(Configuration fm, String name, Map<String, Object> model, String what) {
        try {
            StringWriter out = new StringWriter();
            fm.getTemplate(name).process(model, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException(what + " template " + name + ": " + e.getMessage(), e);
        }
    }
}
