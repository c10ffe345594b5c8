package app.landfall.web;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.json.JavalinJackson;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.server.handler.GracefulHandler;

/** Javalin with what every route shares: templates, static files, headers, logging, errors. */
public final class WebServer {
    private WebServer() {
    }

    public static Javalin create(boolean https, Consumer<RoutesConfig> routes) {
        SecurityHeaders headers = new SecurityHeaders(https);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = 1_000_000;
            config.fileRenderer(new Templates());
            config.jsonMapper(new JavalinJackson(Json.mapper(), true));
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "public, max-age=3600");
            });
            config.requestLogger.http(RequestLog::log);
            config.jetty.modifyServer(server -> {
                // on SIGTERM: stop accepting, let in-flight requests finish (up to 20 s)
                server.insertHandler(new GracefulHandler());
                server.setStopTimeout(20_000);
            });
            config.routes.before(headers::apply);
            ErrorPages.register(config.routes);
            routes.accept(config.routes);
        });
    }
}
