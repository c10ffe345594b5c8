package app.landfall.tracking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PageCacheTest {
    private static PageCache.Page page(int bytes) {
        return new PageCache.Page(new byte[bytes], false);
    }

    @Test
    void aPageIsServedOnlyForItsOwnVersion() {
        PageCache cache = new PageCache(10_000);
        PageCache.Page page = page(100);
        cache.put("1|en", "v1", page);
        assertArrayEquals(page.body(), cache.get("1|en", "v1").body());
        assertNull(cache.get("1|en", "v2"), "a changed shipment has a new version: the old page must not be served");
        assertNull(cache.get("1|de", "v1"));
        cache.put("1|en", "v2", page(150));
        assertNull(cache.get("1|en", "v1"));
        assertEquals(150, cache.bytes(), "a replaced page no longer counts");
    }

    @Test
    void whenFullThePagesStillBeingAskedForStay() {
        PageCache cache = new PageCache(100 * 1_000); // room for 100 pages of 1,000 bytes
        for (int i = 0; i < 100; i++) {
            cache.put("p" + i, "v", page(1_000));
        }
        for (int round = 0; round < 3; round++) { // a working set of 40 pages, opened again and again
            for (int i = 0; i < 40; i++) {
                assertNotNull(cache.get("p" + i, "v"), "working-set page p" + i + " was dropped in round " + round);
            }
            for (int i = 0; i < 60; i++) { // meanwhile other pages come and go
                cache.put("other" + round + "-" + i, "v", page(1_000));
            }
        }
        for (int i = 0; i < 40; i++) {
            assertNotNull(cache.get("p" + i, "v"), "working-set page p" + i + " was dropped");
        }
        assertTrue(cache.bytes() <= 100 * 1_000, "over the limit: " + cache.bytes());
    }

    @Test
    void theSizeStaysExactUnderConcurrentPutsAndReplacements() throws Exception {
        PageCache cache = new PageCache(50 * 1_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 20_000; i++) {
                    String key = "p" + (i % 300);
                    cache.put(key, "v" + thread + "-" + i, page(500 + (i % 7) * 100));
                    cache.get(key, "v" + thread + "-" + i);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(cache.sumOfPageSizes(), cache.bytes(), "the running total drifted from the pages actually kept");
        assertTrue(cache.bytes() <= 50 * 1_000);
    }
}
