package app.landfall.web;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.server.handler.GracefulHandler;

/** Javalin with what every route shares: templates, static files, headers, logging, errors. */
public final class WebServer {
    /** The largest request body accepted (1 MB); larger ones are 413. */
    public static final int MAX_REQUEST_SIZE = 1_000_000;
    /** The largest form with photos (the return flow's first page: up to 3 photos of 5 MB for a few items). */
    public static final int MAX_UPLOAD_SIZE = 20_000_000;
    /** Paths whose POST may carry photos (the return flow, with or without a store's path prefix). */
    private static final java.util.regex.Pattern UPLOAD_PATHS = java.util.regex.Pattern.compile("(/[^/]+)?/returns/o/[^/]+");
    /** A logo is at most 1 MB; its form may be a little more. */
    private static final String LOGO_PATH = "/admin/branding/logo";
    private static final int MAX_LOGO_REQUEST_SIZE = 1_100_000;
    /** A CSV import is at most 5 MB. */
    private static final String IMPORT_PATH = "/admin/integrations/import";
    private static final int MAX_IMPORT_REQUEST_SIZE = 5_100_000;

    private WebServer() {
    }

    public static Javalin create(boolean https, Templates templates, RequestLog requestLog, Consumer<RoutesConfig> routes) {
        return create(https, templates, requestLog, ErrorPages.Look.PLAIN, routes);
    }

    /** {@code errorLook}: whose brand a shopper's error page wears (see {@link ErrorPages.Look}). */
    public static Javalin create(boolean https, Templates templates, RequestLog requestLog, ErrorPages.Look errorLook,
            Consumer<RoutesConfig> routes) {
        SecurityHeaders headers = new SecurityHeaders(https);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = MAX_REQUEST_SIZE;
            config.jetty.multipartConfig.maxTotalRequestSize(MAX_UPLOAD_SIZE, io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
            config.fileRenderer(templates);
            config.jsonMapper(new JavalinJackson(Json.mapper(), true));
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "public, max-age=3600");
            });
            config.requestLogger.http(requestLog::log);
            config.jetty.modifyServer(server -> {
                // on SIGTERM: stop accepting, let in-flight requests finish (up to 20 s)
                server.insertHandler(new GracefulHandler());
                server.setStopTimeout(20_000);
                server.setErrorHandler(new UnreadableRequestPage());
            });
            config.routes.before(headers::apply);
            config.routes.before(ctx -> ctx.attribute(Csrf.HTTPS, https));
            // refuse an announced oversize body from its headers, before anything reads it: the client
            // gets the 413 instead of "100 Continue" and a connection closed in mid-upload
            config.routes.before(ctx -> {
                if (ctx.contentLength() <= MAX_REQUEST_SIZE) {
                    return;
                }
                if (ctx.path().equals(IMPORT_PATH) && ctx.isMultipartFormData()) {
                    if (ctx.contentLength() > MAX_IMPORT_REQUEST_SIZE) {
                        throw new HttpResponseException(413, "The file is larger than 5 MB: split it, go back and import the parts.");
                    }
                    return;
                }
                if (ctx.path().equals(LOGO_PATH) && ctx.isMultipartFormData()) {
                    if (ctx.contentLength() > MAX_LOGO_REQUEST_SIZE) {
                        throw new HttpResponseException(413, "The logo is larger than 1 MB. A logo needs at most 512 pixels "
                                + "across: save it smaller, go back and try again.");
                    }
                    return;
                }
                if (!UPLOAD_PATHS.matcher(ctx.path()).matches() || !ctx.isMultipartFormData()) {
                    throw new HttpResponseException(413, "The body is larger than the limit of 1 MB.");
                }
                if (ctx.contentLength() > MAX_UPLOAD_SIZE) {
                    throw new HttpResponseException(413, "These photos are too large together: each can be at most 5 MB, "
                            + "and all of them at most 20 MB. Go back and choose smaller photos.");
                }
            });
            config.routes.before(RequestText::check);
            ErrorPages.register(config.routes, errorLook);
            routes.accept(config.routes);
        });
    }
}
