package app.landfall.notifications;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the senders read about a store once and reuse for a few seconds while a wave of its messages
 * goes out (its name and colours, its DKIM domain, which messages it has its own words for). A
 * change made in this process is seen at once ({@link #forget}); one made by another process within
 * the period. Bounded: past 10,000 keys it starts over.
 */
final class KeptFor<K, V> {
    private static final int MAX_KEYS = 10_000;

    private record Kept<V>(V value, long until) {
    }

    private final long nanos;
    private final ConcurrentHashMap<K, Kept<V>> kept = new ConcurrentHashMap<>();

    KeptFor(Duration period) {
        this.nanos = period.toNanos();
    }

    /** The value for {@code key}: the one kept, if it is recent enough, else {@code load}'s (then kept). */
    V get(K key, Function<K, V> load) {
        long now = System.nanoTime();
        Kept<V> hit = kept.get(key);
        if (hit != null && now - hit.until() < 0) {
            return hit.value();
        }
        V value = load.apply(key);
        if (kept.size() > MAX_KEYS) {
            kept.clear();
        }
        kept.put(key, new Kept<>(value, now + nanos));
        return value;
    }

    /** Reads {@code key} again next time (it was just changed here). */
    void forget(K key) {
        kept.remove(key);
    }
}
