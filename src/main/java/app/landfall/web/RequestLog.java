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
public final class RequestLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("landfall.request");
    // long random path segments are public tokens (tracking and return links): keep them out of logs
    private static final Pattern TOKEN = Pattern.compile("(/[A-Za-z0-9_-]{4})[A-Za-z0-9_-]{18,}");
    static final int CAPACITY = 10_000;
    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer = new Thread(this::writeForever, "request-log");

    public RequestLog() {
        writer.setDaemon(true);
        writer.start();
    }

    public void log(Context ctx, Float millis) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        if (!lines.offer(line(ctx.method().name(), ctx.path(), ctx.status().getCode(), millis))) {
            dropped.incrementAndGet();
        }
    }

    /** Stops the writer and writes the lines still queued, so the last requests are not lost. */
    @Override
    public void close() {
        writer.interrupt();
        try {
            writer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> left = new ArrayList<>();
        lines.drainTo(left);
        write(left);
    }

    private void writeForever() {
        List<String> batch = new ArrayList<>(256);
        while (true) {
            try {
                batch.add(lines.take());
            } catch (InterruptedException e) {
                return;
            }
            lines.drainTo(batch, 255);
            write(batch);
            batch.clear();
        }
    }

    private void write(List<String> batch) {
        for (String line : batch) {
            LOG.info(line);
        }
        long dropped = this.dropped.getAndSet(0);
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
