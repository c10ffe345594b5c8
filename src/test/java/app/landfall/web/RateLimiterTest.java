package app.landfall.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.testing.TestClock;
import app.landfall.web.RateLimiter.Decision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateLimiterTest {
    private final TestClock clock = new TestClock("2026-11-01T08:00:00Z");

    private RateLimiter limiter(int capacity, Duration perToken, int maxKeys) {
        return new RateLimiter(capacity, perToken, clock, maxKeys);
    }

    @Test
    void allows_a_burst_of_capacity_then_refuses() {
        RateLimiter limiter = limiter(3, Duration.ofSeconds(10), 100);
        for (int i = 0; i < 3; i++) {
            assertEquals(new Decision(true, Duration.ZERO), limiter.acquire("ip"));
        }
        assertEquals(new Decision(false, Duration.ofSeconds(10)), limiter.acquire("ip"));
    }

    @Test
    void check_answers_like_acquire_without_taking_a_token() {
        RateLimiter limiter = limiter(2, Duration.ofSeconds(10), 100);
        assertTrue(limiter.check("ip").allowed(), "an unknown key has a full bucket");
        assertTrue(limiter.check("ip").allowed());
        limiter.acquire("ip");
        assertTrue(limiter.check("ip").allowed(), "checking took nothing");
        limiter.acquire("ip");
        assertEquals(new Decision(false, Duration.ofSeconds(10)), limiter.check("ip"));
        assertEquals(limiter.check("ip"), limiter.acquire("ip"));
        clock.advance(Duration.ofSeconds(10));
        assertTrue(limiter.check("ip").allowed());
    }

    @Test
    void a_refunded_token_can_be_taken_again_and_a_bucket_never_fills_beyond_capacity() {
        RateLimiter limiter = limiter(2, Duration.ofSeconds(10), 100);
        limiter.refund("ip");
        limiter.refund("ip");
        drain(limiter, "ip");
        limiter.refund("ip");
        assertTrue(limiter.acquire("ip").allowed(), "the refunded token");
        assertFalse(limiter.acquire("ip").allowed());
        limiter.acquire("other");
        for (int i = 0; i < 5; i++) {
            limiter.refund("other");
        }
        assertTrue(limiter.acquire("other").allowed());
        assertTrue(limiter.acquire("other").allowed());
        assertFalse(limiter.acquire("other").allowed(), "five refunds gave back only the one token taken");
    }

    @ParameterizedTest
    @CsvSource({
        // per token ms, waited ms after the burst, Retry-After s
        "10000,    0, 10",
        "10000, 9000,  1",
        "10000, 9999,  1",
        "10000, 4500,  6",
        " 1500,    0,  2",
        " 1500, 1000,  1",
        "  200,    0,  1",
        "60000,    1, 60",
    })
    void says_when_to_retry_in_whole_seconds_rounded_up(long perTokenMillis, long waitedMillis, long retryAfter) {
        RateLimiter limiter = limiter(2, Duration.ofMillis(perTokenMillis), 100);
        limiter.acquire("ip");
        limiter.acquire("ip");
        clock.advance(Duration.ofMillis(waitedMillis));
        assertEquals(new Decision(false, Duration.ofSeconds(retryAfter)), limiter.acquire("ip"));
    }

    @Test
    void refills_one_token_per_interval_up_to_capacity() {
        RateLimiter limiter = limiter(3, Duration.ofSeconds(10), 100);
        drain(limiter, "ip");
        clock.advance(Duration.ofSeconds(5));
        assertFalse(limiter.acquire("ip").allowed(), "half a token is not a token");
        clock.advance(Duration.ofSeconds(5));
        assertTrue(limiter.acquire("ip").allowed());
        assertFalse(limiter.acquire("ip").allowed());
        clock.advance(Duration.ofHours(1));
        assertEquals(3, allowedOf(limiter, "ip", 10), "never above capacity");
    }

    @Test
    void refills_continuously_so_fractions_add_up() {
        RateLimiter limiter = limiter(1, Duration.ofSeconds(3), 100);
        limiter.acquire("ip");
        clock.advance(Duration.ofMillis(1_000));
        assertFalse(limiter.acquire("ip").allowed());
        clock.advance(Duration.ofMillis(1_999));
        assertFalse(limiter.acquire("ip").allowed());
        clock.advance(Duration.ofMillis(1));
        assertTrue(limiter.acquire("ip").allowed());
    }

    @Test
    void refusals_do_not_cost_tokens() {
        RateLimiter limiter = limiter(1, Duration.ofSeconds(10), 100);
        limiter.acquire("ip");
        for (int i = 0; i < 50; i++) {
            limiter.acquire("ip");
        }
        clock.advance(Duration.ofSeconds(10));
        assertTrue(limiter.acquire("ip").allowed());
    }

    @Test
    void keeps_keys_independent() {
        RateLimiter limiter = limiter(2, Duration.ofMinutes(1), 100);
        drain(limiter, "a");
        assertEquals(2, allowedOf(limiter, "b", 5));
        assertFalse(limiter.acquire("a").allowed());
    }

    @Test
    void allows_exactly_capacity_of_100_rapid_calls() {
        assertEquals(10, allowedOf(limiter(10, Duration.ofSeconds(1), 100), "ip", 100));
    }

    @Test
    void at_the_key_limit_drops_full_buckets_before_the_least_recently_used() {
        RateLimiter limiter = limiter(2, Duration.ofSeconds(10), 2);
        drain(limiter, "busy");
        limiter.acquire("quiet");
        clock.advance(Duration.ofSeconds(10));
        // "busy" is the least recently used but has 1 token of 2; "quiet" is full again
        assertTrue(limiter.acquire("new").allowed());
        assertEquals(2, limiter.size());
        assertTrue(limiter.acquire("busy").allowed());
        assertFalse(limiter.acquire("busy").allowed(), "busy kept its state, so quiet was the one dropped");
    }

    @Test
    void at_the_key_limit_drops_the_least_recently_used_when_none_is_full() {
        RateLimiter limiter = limiter(2, Duration.ofSeconds(10), 2);
        drain(limiter, "first");
        drain(limiter, "second");
        assertTrue(limiter.acquire("third").allowed());
        assertFalse(limiter.acquire("second").allowed(), "second is remembered");
        assertTrue(limiter.acquire("first").allowed(), "first was forgotten");
    }

    @Test
    void never_holds_more_than_max_keys() {
        RateLimiter limiter = limiter(5, Duration.ofSeconds(1), 50);
        for (int i = 0; i < 10_000; i++) {
            limiter.acquire("ip-" + i);
            if (i % 7 == 0) {
                clock.advance(Duration.ofMillis(300));
            }
            assertTrue(limiter.size() <= 50);
        }
    }

    @Test
    void never_allows_more_than_capacity_to_concurrent_callers() throws Exception {
        RateLimiter limiter = limiter(50, Duration.ofMinutes(1), 100);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> callers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                callers.add(() -> {
                    start.await();
                    return allowedOf(limiter, "ip", 1_000);
                });
            }
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> caller : callers) {
                results.add(pool.submit(caller));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Integer> result : results) {
                allowed += result.get();
            }
            assertEquals(50, allowed);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejects_settings_that_make_no_sense() {
        assertThrows(IllegalArgumentException.class, () -> limiter(0, Duration.ofSeconds(1), 10));
        assertThrows(IllegalArgumentException.class, () -> limiter(1, Duration.ZERO, 10));
        assertThrows(IllegalArgumentException.class, () -> limiter(1, Duration.ofSeconds(-1), 10));
        assertThrows(IllegalArgumentException.class, () -> limiter(1, Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class, () -> limiter(Integer.MAX_VALUE, Duration.ofDays(365), 10));
    }

    private static void drain(RateLimiter limiter, String key) {
        while (limiter.acquire(key).allowed()) {
            // taking tokens until refused
        }
    }

    private static int allowedOf(RateLimiter limiter, String key, int calls) {
        int allowed = 0;
        for (int i = 0; i < calls; i++) {
            allowed += limiter.acquire(key).allowed() ? 1 : 0;
        }
        return allowed;
    }
}
