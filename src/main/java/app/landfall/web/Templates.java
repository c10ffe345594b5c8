package app.landfall.web;

import app.landfall.i18n.Messages;
import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders {@code templates/<view>.html} from the classpath with Thymeleaf. A view written as
 * {@code "tracking/show :: status, history"} renders only those fragments, which is what htmx
 * requests get. Messages ({@code #{key}}) come from {@code i18n/messages_<lang>.properties}.
 */
public final class Templates implements FileRenderer {
    private final TemplateEngine engine;
    private final Assets assets;

    private final java.util.function.Supplier<String> siteUrl;

    public Templates(Assets assets) {
        this(assets, () -> "");
    }

    /** {@code siteUrl}: the public address (LANDFALL_BASE_URL), for the absolute URLs of link previews. */
    public Templates(Assets assets, java.util.function.Supplier<String> siteUrl) {
        this.assets = assets;
        this.siteUrl = siteUrl;
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
        // a page that knows its reader's language says so in the model (a branded error page does)
        return render(view, model, ctx, model.get("locale") instanceof Locale locale ? locale : Locale.ENGLISH);
    }

    /** Renders in the given language: messages, dates and numbers. */
    public String render(String view, Map<String, ?> model, Context ctx, Locale locale) {
        return render(view, model, locale);
    }

    /**
     * Renders from the model alone: no template reads the request (links are built in Java), so
     * pages need no servlet exchange, which also lets a page be rendered off a request.
     */
    public String render(String view, Map<String, ?> model, Locale locale) {
        org.thymeleaf.context.Context context = new org.thymeleaf.context.Context(locale);
        Map<String, Object> variables = new HashMap<>(model);
        variables.putIfAbsent("assets", assets);
        variables.putIfAbsent("siteUrl", siteUrl.get());
        context.setVariables(variables);
        int split = view.indexOf("::");
        if (split < 0) {
            return engine.process(view, context);
        }
        Set<String> fragments = Arrays.stream(view.substring(split + 2).split(","))
                .map(String::trim).collect(Collectors.toCollection(LinkedHashSet::new));
        return engine.process(view.substring(0, split).trim(), fragments, context);
    }
}
