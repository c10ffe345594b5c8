package app.landfall.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Finds the shipment behind a tracking link, for many requests with one query. Every page request
 * must see the shipment as it is now (a change is visible on the next request), so each one asks the
 * database; but when a notification sends thousands of people to their links at once, requests
 * arriving together share a round trip: a worker takes every lookup waiting (up to
 * {@value #MAX_BATCH}) and answers them with one {@code left(public_token, 16) = any(?)} query. A
 * lone request is answered at once, so an idle server adds no delay. The full token is still compared
 * in constant time for each request.
 */
public final class TokenVersions implements AutoCloseable {
    static final int MAX_BATCH = 256;
    private static final long WAIT_SECONDS = 15;

    private final TrackingQueries queries;
    private final BlockingQueue<Lookup> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicLong batches = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong lookups = new java.util.concurrent.atomic.AtomicLong();

    private record Lookup(String token, CompletableFuture<Optional<TrackingQueries.Version>> result) {
    }

    /** {@code workers} threads answer batches; with two, one gathers the next batch while the other waits on the database. */
    public TokenVersions(TrackingQueries queries, int workers) {
        this.queries = queries;
        for (int i = 0; i < workers; i++) {
            Thread worker = new Thread(this::work, "tracking-link-lookups-" + (i + 1));
            worker.setDaemon(true);
            this.workers.add(worker);
            worker.start();
        }
    }

    /** The shipment whose public token this is, if any. */
    Optional<TrackingQueries.Version> find(String token) {
        if (!TrackingQueries.plausibleToken(token)) {
            return Optional.empty();
        }
        if (closed) {
            return queries.versionByToken(token);
        }
        Lookup lookup = new Lookup(token, new CompletableFuture<>());
        waiting.add(lookup);
        if (closed && waiting.remove(lookup)) { // closing raced with this request: no worker will take it
            answer(List.of(lookup));
        }
        try {
            return lookup.result().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking up a tracking link", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from the database for a tracking link within " + WAIT_SECONDS + " s", e);
        }
    }

    private void work() {
        List<Lookup> batch = new ArrayList<>(MAX_BATCH);
        while (!closed) {
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                break;
            }
            waiting.drainTo(batch, MAX_BATCH - 1);
            answer(batch);
            batch.clear();
        }
    }

    void answer(List<Lookup> batch) {
        batches.incrementAndGet();
        lookups.addAndGet(batch.size());
        try {
            List<String> selectors = batch.stream().map(l -> TrackingQueries.selector(l.token())).distinct().toList();
            Map<String, List<TrackingQueries.Version>> found = queries.versionsBySelectors(selectors).stream()
                    .collect(Collectors.groupingBy(v -> TrackingQueries.selector(v.token())));
            for (Lookup lookup : batch) {
                lookup.result().complete(TrackingQueries.matching(lookup.token(),
                        found.getOrDefault(TrackingQueries.selector(lookup.token()), List.of())));
            }
        } catch (RuntimeException e) {
            batch.forEach(lookup -> lookup.result().completeExceptionally(e));
        }
    }

    /** Queries run so far, and the lookups they answered (for tests, and to see the sharing work). */
    long batches() {
        return batches.get();
    }

    long lookups() {
        return lookups.get();
    }

    /** Stops the workers; lookups still waiting are answered one by one, later ones query directly. */
    @Override
    public void close() {
        closed = true;
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<Lookup> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(lookup -> answer(List.of(lookup)));
    }
}
