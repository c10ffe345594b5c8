package app.landfall.ops;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic work inside the server process, one job at a time on one thread: a slow job delays the
 * next run instead of piling up. A job that fails is logged and runs again at its next turn.
 * Several instances may run these jobs at once; each job is safe under that (row locks).
 */
public final class BackgroundJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);
    private final boolean run;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "landfall-jobs");
        thread.setDaemon(true);
        return thread;
    });

    public BackgroundJobs() {
        this(true);
    }

    private BackgroundJobs(boolean run) {
        this.run = run;
    }

    /** Jobs that never run (LANDFALL_BACKGROUND_JOBS=false): another process, or a test, runs them. */
    public static BackgroundJobs none() {
        LOG.info("background jobs are off in this process: retries, expiry and purges run elsewhere");
        return new BackgroundJobs(false);
    }

    /** Runs {@code job} every {@code every}, first after {@code firstAfter}; it returns how much it did. */
    public BackgroundJobs schedule(String name, Duration firstAfter, Duration every, IntSupplier job) {
        if (!run) {
            return this;
        }
        executor.scheduleWithFixedDelay(() -> {
            try {
                int done = job.getAsInt();
                if (done > 0) {
                    LOG.info("{}: {}", name, done);
                }
            } catch (RuntimeException e) {
                LOG.warn("{} failed; it runs again in {}", name, every, e);
            }
        }, firstAfter.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
