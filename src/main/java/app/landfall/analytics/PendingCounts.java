package app.landfall.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts not yet written, at most {@code limit} keys: a flood of distinct keys (a crawler, a broken
 * database) costs bounded memory and is counted as dropped instead. Nothing holds the lock for more
 * than one key, so recording never waits long.
 */
final class PendingCounts {
    private final int limit;
    private Map<CountKey, Long> counts = new HashMap<>();
    private long dropped;

    PendingCounts(int limit) {
        this.limit = limit;
    }

    synchronized void add(CountKey key, long count) {
        if (counts.size() < limit || counts.containsKey(key)) {
            counts.merge(key, count, Long::sum);
        } else {
            dropped += count;
        }
    }

    /** Everything pending, sorted by key; afterwards nothing is pending. */
    List<Map.Entry<CountKey, Long>> takeAll() {
        Map<CountKey, Long> taken;
        synchronized (this) {
            taken = counts;
            counts = new HashMap<>();
        }
        List<Map.Entry<CountKey, Long>> sorted = new ArrayList<>(taken.entrySet());
        sorted.sort(Map.Entry.comparingByKey(CountKey.ORDER));
        return sorted;
    }

    void putBack(List<Map.Entry<CountKey, Long>> entries) {
        for (Map.Entry<CountKey, Long> entry : entries) {
            add(entry.getKey(), entry.getValue());
        }
    }

    synchronized int size() {
        return counts.size();
    }

    synchronized long dropped() {
        return dropped;
    }
}
