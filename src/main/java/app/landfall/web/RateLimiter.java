package app.landfall.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * Token buckets per key (an IP address, an account), in memory. Each bucket is kept as the moment it
 * will be full again, so refilling is a subtraction and a full bucket is one whose moment has passed.
 */
public final class RateLimiter {
    private static final Decision ALLOWED = new Decision(true, Duration.ZERO);

    private final long perTokenNanos;
    private final long capacityNanos;
    private final Clock clock;
    private final Instant origin;
    private final int maxKeys;
    // in least recently used order, so the eldest entry is the one to drop
    private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true);
    private int newKeysSinceSweep;

    public record Decision(boolean allowed, Duration retryAfter) {
    }

    private static final class Bucket {
        long fullAt;

        Bucket(long fullAt) {
            this.fullAt = fullAt;
        }
    }

    public RateLimiter(int capacity, Duration perToken, Clock clock, int maxKeys) {
        if (capacity < 1 || maxKeys < 1 || perToken.isNegative() || perToken.isZero()) {
            throw new IllegalArgumentException("capacity, maxKeys and perToken must be positive");
        }
        this.perTokenNanos = perToken.toNanos();
        try {
            this.capacityNanos = Math.multiplyExact(perTokenNanos, capacity);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("capacity × perToken is too long", e);
        }
        this.clock = Objects.requireNonNull(clock);
        this.origin = clock.instant();
        this.maxKeys = maxKeys;
    }

    /** Takes one token from {@code key}'s bucket if there is one. */
    public synchronized Decision acquire(String key) {
        Objects.requireNonNull(key);
        long now = Duration.between(origin, clock.instant()).toNanos();
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            makeRoom(now);
            bucket = new Bucket(now);
            buckets.put(key, bucket);
            newKeysSinceSweep++;
        }
        long fullAtAfter = Math.max(bucket.fullAt, now) + perTokenNanos;
        long shortBy = fullAtAfter - now - capacityNanos;
        if (shortBy > 0) {
            return new Decision(false, Duration.ofSeconds(Math.max(1, ceilSeconds(shortBy))));
        }
        bucket.fullAt = fullAtAfter;
        return ALLOWED;
    }

    /**
     * Gives back a token {@link #acquire} took, when the work it paid for turned out not to count (a
     * right password, where only failures are limited). A bucket is never fuller than full.
     */
    public synchronized void refund(String key) {
        Bucket bucket = buckets.get(Objects.requireNonNull(key));
        if (bucket != null) {
            long now = Duration.between(origin, clock.instant()).toNanos();
            bucket.fullAt = Math.max(now, bucket.fullAt - perTokenNanos);
        }
    }

    /**
     * Whether {@link #acquire} would take a token now, without taking it. Never let it decide whether
     * to do the limited work: requests sent at once all see the same last token. Take the token
     * first, and {@link #refund} it when the work should not count.
     */
    public synchronized Decision check(String key) {
        Objects.requireNonNull(key);
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return ALLOWED;
        }
        long now = Duration.between(origin, clock.instant()).toNanos();
        long shortBy = Math.max(bucket.fullAt, now) + perTokenNanos - now - capacityNanos;
        return shortBy > 0 ? new Decision(false, Duration.ofSeconds(Math.max(1, ceilSeconds(shortBy)))) : ALLOWED;
    }

    synchronized int size() {
        return buckets.size();
    }

    /**
     * Drops full buckets (a new one would be the same), else the least recently used. The sweep over all
     * buckets runs at most once per maxKeys/2 new keys, so it costs O(1) per call on average.
     */
    private void makeRoom(long now) {
        if (buckets.size() < maxKeys) {
            return;
        }
        if (newKeysSinceSweep >= maxKeys / 2) {
            newKeysSinceSweep = 0;
            buckets.values().removeIf(bucket -> bucket.fullAt <= now);
        }
        if (buckets.size() >= maxKeys) {
            Iterator<Bucket> eldest = buckets.values().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
