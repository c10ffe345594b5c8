package app.landfall.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import jakarta.servlet.ServletContext;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders {@code templates/<view>.html} from the classpath with Thymeleaf. A view written as
 * {@code "tracking/show :: status"} renders only that fragment, which is what htmx requests get.
 */
public final class Templates implements FileRenderer {
    private final TemplateEngine engine;
    private volatile JakartaServletWebApplication application;

    public Templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    @Override
    public String render(String view, Map<String, ?> model, Context ctx) {
        WebContext context = new WebContext(application(ctx.req().getServletContext()).buildExchange(ctx.req(), ctx.res()));
        context.setVariables(new java.util.HashMap<>(model));
        int split = view.indexOf("::");
        if (split < 0) {
            return engine.process(view, context);
        }
        return engine.process(view.substring(0, split).trim(), Set.of(view.substring(split + 2).trim()), context);
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
