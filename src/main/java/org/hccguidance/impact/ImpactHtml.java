package org.hccguidance.impact;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The impact report as one self-contained HTML file (styles inline, nothing fetched), from the same
 * template fragment the workbench page shows, so a committee reads the same report wherever it comes from.
 */
public final class ImpactHtml {

    private static final SpringTemplateEngine ENGINE = engine();

    private ImpactHtml() {
    }

    public static String render(ImpactReport report) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("report", report);
        context.setVariable("css", stylesheet());
        return ENGINE.process("impact/document", context);
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ImpactHtml.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setEnableSpringELCompiler(false);
        return engine;
    }

    private static String stylesheet() {
        try (InputStream in = ImpactHtml.class.getClassLoader().getResourceAsStream("static/workbench/assets/workbench.css")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
