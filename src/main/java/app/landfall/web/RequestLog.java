package app.landfall.web;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One logfmt line per request: method, path, status, duration. */
public final class RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger("landfall.request");
    // long random path segments are public tokens (tracking and return links): keep them out of logs
    private static final Pattern TOKEN = Pattern.compile("(/[A-Za-z0-9_-]{4})[A-Za-z0-9_-]{18,}");

    private RequestLog() {
    }

    public static void log(Context ctx, Float millis) {
        LOG.info(line(ctx.method().name(), ctx.path(), ctx.status().getCode(), millis));
    }

    static String line(String method, String path, int status, float millis) {
        return String.format(Locale.ROOT, "method=%s path=%s status=%d duration_ms=%.1f",
                method, redact(path), status, millis);
    }

    static String redact(String path) {
        return TOKEN.matcher(path).replaceAll("$1…").replace(' ', '+').replace('"', '\'');
    }
}
