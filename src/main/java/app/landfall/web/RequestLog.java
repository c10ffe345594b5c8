package app.landfall.web;

import io.javalin.http.Context;
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
        // by hand rather than String.format: this runs for every request
        long tenths = Math.round((double) millis * 10);
        return new StringBuilder(64).append("method=").append(method).append(" path=").append(redact(path))
                .append(" status=").append(status).append(" duration_ms=").append(tenths / 10).append('.')
                .append(tenths % 10).toString();
    }

    static String redact(String path) {
        String redacted = path.length() < 22 ? path : TOKEN.matcher(path).replaceAll("$1…"); // a token is 22+ long
        return redacted.replace(' ', '+').replace('"', '\'');
    }
}
