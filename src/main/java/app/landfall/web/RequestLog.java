package app.landfall.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logfmt line per request: method, path, status, duration. Request threads only format the line
 * and queue it; one background thread writes the lines, so a burst of requests never waits on the
 * log stream's lock. When the writer falls behind by {@value #CAPACITY} lines, further lines are
 * dropped and counted, and the count is logged once the writer catches up.
 */
public final class RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger("landfall.request");
    // long random path segments are public tokens (tracking and return links): keep them out of logs
    private static final Pattern TOKEN = Pattern.compile("(/[A-Za-z0-9_-]{4})[A-Za-z0-9_-]{18,}");
    static final int CAPACITY = 10_000;
    private static final BlockingQueue<String> LINES = new ArrayBlockingQueue<>(CAPACITY);
    private static final AtomicLong DROPPED = new AtomicLong();

    static {
        Thread writer = new Thread(RequestLog::writeForever, "request-log");
        writer.setDaemon(true);
        writer.start();
    }

    private RequestLog() {
    }

    public static void log(Context ctx, Float millis) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        if (!LINES.offer(line(ctx.method().name(), ctx.path(), ctx.status().getCode(), millis))) {
            DROPPED.incrementAndGet();
        }
    }

    /** Writes the lines still queued; called at shutdown so the last requests are not lost. */
    public static void flush() {
        List<String> lines = new ArrayList<>();
        LINES.drainTo(lines);
        write(lines);
    }

    private static void writeForever() {
        List<String> lines = new ArrayList<>(256);
        while (true) {
            try {
                lines.add(LINES.take());
            } catch (InterruptedException e) {
                return;
            }
            LINES.drainTo(lines, 255);
            write(lines);
            lines.clear();
        }
    }

    private static void write(List<String> lines) {
        for (String line : lines) {
            LOG.info(line);
        }
        long dropped = DROPPED.getAndSet(0);
        if (dropped > 0) {
            LOG.warn("{} request log lines were dropped: requests came faster than the log could be written", dropped);
        }
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
