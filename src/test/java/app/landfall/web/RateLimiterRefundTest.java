package app.landfall.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.testing.TestClock;
import app.landfall.web.RateLimiter.Decision;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Taking a token before an attempt and giving it back when the attempt does not count (a right answer). */
class RateLimiterRefundTest {
    private final TestClock clock = new TestClock("2026-11-01T08:00:00Z");
    private final RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(15), clock, 100);

    @Test
    void a_refunded_token_can_be_taken_again() {
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.acquire("order").allowed());
        }
        assertFalse(limiter.acquire("order").allowed());
        limiter.refund("order");
        assertTrue(limiter.acquire("order").allowed(), "the token given back");
        assertEquals(new Decision(false, Duration.ofMinutes(15)), limiter.acquire("order"));
    }

    @Test
    void refunds_never_fill_a_bucket_beyond_its_capacity() {
        limiter.acquire("order");
        for (int i = 0; i < 10; i++) {
            limiter.refund("order");
        }
        limiter.refund("never seen");
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.acquire("order").allowed());
        }
        assertFalse(limiter.acquire("order").allowed(), "still only the capacity");
        assertTrue(limiter.acquire("never seen").allowed());
    }
}
