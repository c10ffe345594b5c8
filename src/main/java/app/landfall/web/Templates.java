package app.landfall.web;

import app.landfall.i18n.Messages;
import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import jakarta.servlet.ServletContext;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders {@code templates/<view>.html} from the classpath with Thymeleaf. A view written as
 * {@code "tracking/show :: status, history"} renders only those fragments, which is what htmx
 * requests get. Messages ({@code #{key}}) come from {@code i18n/messages_<lang>.properties}.
 */
public final class Templates implements FileRenderer {
    private final TemplateEngine engine;
    private final Assets assets;
    private volatile JakartaServletWebApplication application;

    public Templates(Assets assets) {
        this.assets = assets;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new Messages());
    }

    @Override
    public String render(String view, Map<String, ?> model, Context ctx) {
        return render(view, model, ctx, Locale.ENGLISH);
    }

    /** Renders in the given language: messages, dates and numbers. */
    public String render(String view, Map<String, ?> model, Context ctx, Locale locale) {
        WebContext context = new WebContext(application(ctx.req().getServletContext()).buildExchange(ctx.req(), ctx.res()), locale);
        Map<String, Object> variables = new HashMap<>(model);
        variables.putIfAbsent("assets", assets);
        context.setVariables(variables);
        int split = view.indexOf("::");
        if (split < 0) {
            return engine.process(view, context);
        }
        Set<String> fragments = Arrays.stream(view.substring(split + 2).split(","))
                .map(String::trim).collect(Collectors.toCollection(LinkedHashSet::new));
        return engine.process(view.substring(0, split).trim(), fragments, context);
    }

    private JakartaServletWebApplication application(ServletContext servletContext) {
        JakartaServletWebApplication current = application;
        if (current == null) {
            current = JakartaServletWebApplication.buildApplication(servletContext);
            application = current;
        }
        return current;
    }
}
