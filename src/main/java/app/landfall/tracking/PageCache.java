package app.landfall.tracking;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered tracking pages kept in memory, one per shipment, view and language, each valid for
 * exactly one version (ETag). A changed shipment or brand has a new version, so the next request
 * renders afresh. Bounded by total size: when full, roughly a quarter is dropped at random.
 */
final class PageCache {
    /** A rendered page, and whether its shipment is in a final state (htmx stops polling then). */
    record Page(byte[] body, boolean isFinal) {
    }

    private record Entry(String etag, Page page) {
    }

    private final Map<String, Entry> pages = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long maxBytes;

    PageCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    Page get(String key, String etag) {
        Entry entry = pages.get(key);
        return entry != null && entry.etag().equals(etag) ? entry.page() : null;
    }

    void put(String key, String etag, Page page) {
        Entry old = pages.put(key, new Entry(etag, page));
        long total = bytes.addAndGet(page.body().length - (old == null ? 0 : old.page().body().length));
        if (total > maxBytes) {
            shrink();
        }
    }

    private synchronized void shrink() {
        long target = maxBytes * 3 / 4;
        Iterator<Entry> it = pages.values().iterator();
        while (bytes.get() > target && it.hasNext()) {
            Entry removed = it.next();
            it.remove();
            bytes.addAndGet(-removed.page().body().length);
        }
    }
}
