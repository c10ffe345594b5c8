package app.landfall.tracking;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered tracking pages kept in memory, one per shipment, view and language, each valid for
 * exactly one version (ETag). A changed shipment or brand has a new version, so the next request
 * renders afresh. Bounded by total size: when full, about a quarter is dropped, choosing pages
 * nobody asked for during a whole round of a clock hand (the CLOCK approximation of
 * least-recently-used, without a lock on every hit). Dropping at random instead lost pages people were still opening: after a few
 * notification bursts larger than the cache, half the requests of the current burst missed.
 */
final class PageCache {
    /**
     * A rendered page, and whether its shipment is in a final state (htmx stops polling then).
     * {@code csrfAt}: where each visitor's own CSRF token goes into the body (its forms), or -1.
     */
    record Page(byte[] body, boolean isFinal, int csrfAt) {
        Page(byte[] body, boolean isFinal) {
            this(body, isFinal, -1);
        }

        /** The body for one visitor: their CSRF token in its place. */
        byte[] bodyWith(String csrf) {
            if (csrfAt < 0) {
                return body;
            }
            byte[] token = csrf.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] out = new byte[body.length + token.length];
            System.arraycopy(body, 0, out, 0, csrfAt);
            System.arraycopy(token, 0, out, csrfAt, token.length);
            System.arraycopy(body, csrfAt, out, csrfAt + token.length, body.length - csrfAt);
            return out;
        }
    }

    private static final class Entry {
        final String etag;
        final Page page;
        volatile boolean used;

        Entry(String etag, Page page) {
            this.etag = etag;
            this.page = page;
        }
    }

    private final Map<String, Entry> pages = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long maxBytes;

    PageCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    Page get(String key, String etag) {
        Entry entry = pages.get(key);
        if (entry == null || !entry.etag.equals(etag)) {
            return null;
        }
        if (!entry.used) {
            entry.used = true;
        }
        return entry.page;
    }

    void put(String key, String etag, Page page) {
        Entry old = pages.put(key, new Entry(etag, page));
        long total = bytes.addAndGet(page.body().length - (old == null ? 0 : old.page.body().length));
        if (total > maxBytes) {
            shrink();
        }
    }

    /**
     * The clock hand: where the last sweep stopped. It goes round the pages across calls, clearing
     * the "used" mark of a page it passes and dropping a page whose mark is already clear, so a page
     * is dropped only if nobody asked for it during a whole round of the hand.
     */
    private Iterator<Map.Entry<String, Entry>> hand;

    private synchronized void shrink() {
        long target = maxBytes * 3 / 4;
        long steps = 2L * pages.size() + 2; // two rounds clear every mark, so the loop always ends
        while (bytes.get() > target && steps-- > 0) {
            if (hand == null || !hand.hasNext()) {
                hand = pages.entrySet().iterator(); // never throws ConcurrentModificationException
                if (!hand.hasNext()) {
                    return;
                }
            }
            Map.Entry<String, Entry> e = hand.next();
            Entry entry = e.getValue();
            if (entry.used) {
                entry.used = false; // asked for since the hand last passed: kept this round
            } else if (pages.remove(e.getKey(), entry)) { // only if no newer page replaced it meanwhile
                bytes.addAndGet(-entry.page.body().length);
            }
        }
    }

    long bytes() {
        return bytes.get();
    }

    /** The sizes of the pages kept, added up afresh (for tests of the running total). */
    long sumOfPageSizes() {
        return pages.values().stream().mapToLong(e -> e.page.body().length).sum();
    }
}
