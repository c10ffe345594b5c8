package app.landfall.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.EndpointNotFound;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What people and programs see when something goes wrong: a styled page for browsers,
 * problem+json for the API, never a stack trace. Unexpected errors get an incident id that
 * appears both on the page and next to the stack trace in the log.
 */
public final class ErrorPages {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    /** Whose page a failed request gets: the model entries of a store's (or Landfall's) branded page, or none for the admin's. */
    @FunctionalInterface
    public interface Look {
        Look PLAIN = ctx -> Map.of();

        Map<String, Object> model(Context ctx);
    }

    private ErrorPages() {
    }

    public static void register(RoutesConfig routes) {
        register(routes, Look.PLAIN);
    }

    public static void register(RoutesConfig routes, Look look) {
        routes.exception(HttpResponseException.class, (e, ctx) ->
                respond(ctx, look, e.getStatus(), e instanceof EndpointNotFound ? null : e.getMessage(), null));
        routes.exception(Exception.class, (e, ctx) -> {
            if (unstorableText(e)) { // a way in that RequestText and JsonFields do not see: still the sender's mistake
                LOG.warn("method={} path={}: text the database cannot store", ctx.method(), RequestLog.redact(ctx.path()), e);
                respond(ctx, look, 400, "The request contains a character that cannot be stored (such as a NUL byte).", null);
                return;
            }
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("incident={} method={} path={}", incident, ctx.method(), RequestLog.redact(ctx.path()), e);
            respond(ctx, look, 500, null, incident);
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                respond(ctx, look, 404, null, null);
            }
        });
        routes.error(405, ctx -> respond(ctx, look, 405, null, null));
    }

    /** PostgreSQL's "invalid byte sequence" (a NUL byte) or "untranslatable character" anywhere in the causes. */
    private static boolean unstorableText(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    static void respond(Context ctx, int status, String message, String incident) {
        respond(ctx, Look.PLAIN, status, message, incident);
    }

    /** The store's look when it can be had; when finding it fails too (the database is down), Landfall's plain one. */
    private static Map<String, Object> lookOf(Context ctx, Look look, int status) {
        try {
            return look.model(ctx);
        } catch (RuntimeException e) {
            LOG.warn("error page {} shown plain: its look could not be read ({})", status, e.toString());
            return Look.PLAIN.model(ctx);
        }
    }

    static void respond(Context ctx, Look look, int status, String message, String incident) {
        HttpStatus httpStatus = HttpStatus.forStatus(status);
        String title = httpStatus.getMessage();
        String detail = message == null || message.isBlank() || message.equals(title) ? defaultDetail(status) : message;
        if (wantsProblemJson(ctx)) {
            Problem problem = Problem.of(status, title, detail);
            (incident == null ? problem : problem.with("incident", incident)).respond(ctx);
            return;
        }
        Map<String, Object> model = new HashMap<>(lookOf(ctx, look, status));
        model.putIfAbsent("page", null);
        // a message of our own (not Javalin's default) is said as written; else the page's language words it
        model.put("custom", message != null && !message.isBlank() && !message.equals(title));
        model.put("status", status);
        model.put("title", title);
        model.put("detail", detail);
        model.put("incident", incident);
        ctx.status(status).render("errors/error", model);
    }

    private static boolean wantsProblemJson(Context ctx) {
        String accept = ctx.header("Accept");
        return ctx.path().startsWith("/api/") || ctx.path().startsWith("/hooks/") || ctx.path().equals("/health")
                || (accept != null && accept.contains("json") && !accept.contains("html"));
    }

    private static String defaultDetail(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address. Check the link, or start again from the home page.";
            case 405 -> "This address does not accept that kind of request.";
            case 500 -> "Something went wrong on our side. Please try again in a moment.";
            default -> "The request could not be completed.";
        };
    }
}
