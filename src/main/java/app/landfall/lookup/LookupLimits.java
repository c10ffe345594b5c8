package app.landfall.lookup;

import app.landfall.web.RateLimiter;
import app.landfall.web.RateLimiter.Decision;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * How much the lookup forms (tracking and returns, one allowance) answer, in memory per instance:
 * <ul>
 * <li>per client address, every lookup: 20, then one more every 6 seconds. A shopper retrying typos
 *     is fine; a script walking through order or tracking numbers is not.</li>
 * <li>per order (its number as typed, any case, without '#'), wrong details from any address: 5, then
 *     one more every 15 minutes. A 5-digit postal code cannot be guessed by spreading the tries over
 *     addresses. While it holds, the right details wait too, so the answer tells nothing. Unknown
 *     order numbers count alike, so the limit does not reveal which orders exist.</li>
 * <li>per client address, wrong details across orders: 10, then one more every 3 minutes.</li>
 * <li>per store, failed lookups only (unknown numbers, wrong details): 300, refilled at 5 a second.
 *     Nobody is refused because this runs out, so a flood cannot lock a store's customers out; it
 *     puts the store on guard instead, where each address also gets at most 3 lookups, then one
 *     more every 5 minutes. A real customer needs one or two; a flooding address is slowed 30-fold,
 *     and what still reaches the database goes through the small lookup pool.</li>
 * </ul>
 * A right answer gives back the tries it took, so customers who get it right never run out.
 */
final class LookupLimits {
    private final RateLimiter perAddress;
    private final RateLimiter wrongPerOrder;
    private final RateLimiter wrongPerAddress;
    private final RateLimiter failuresPerStore;
    private final RateLimiter onGuard;

    LookupLimits(Clock clock) {
        this.perAddress = new RateLimiter(20, Duration.ofSeconds(6), clock, 100_000);
        this.wrongPerOrder = new RateLimiter(5, Duration.ofMinutes(15), clock, 100_000);
        this.wrongPerAddress = new RateLimiter(10, Duration.ofMinutes(3), clock, 100_000);
        this.failuresPerStore = new RateLimiter(300, Duration.ofMillis(200), clock, 100_000);
        this.onGuard = new RateLimiter(3, Duration.ofMinutes(5), clock, 100_000);
    }

    /** Whether a lookup from {@code address} at this store may run at all. */
    Decision admit(String address, long merchantId) {
        Decision decision = perAddress.acquire(address);
        if (decision.allowed() && !failuresPerStore.check(store(merchantId)).allowed()) {
            return onGuard.acquire(store(merchantId) + " " + address);
        }
        return decision;
    }

    /** A try at proving an order: allowed, or refused because the address or (orderLocked) the order has run out. */
    record Try(Decision decision, boolean orderLocked) {
    }

    /** Takes a try at proving an order; {@link #right} gives it back. */
    Try claimTry(String address, long merchantId, String orderNumber) {
        Decision byAddress = wrongPerAddress.acquire(address);
        if (!byAddress.allowed()) {
            return new Try(byAddress, false);
        }
        Decision byOrder = wrongPerOrder.acquire(order(merchantId, orderNumber));
        if (!byOrder.allowed()) {
            wrongPerAddress.refund(address);
        }
        return new Try(byOrder, !byOrder.allowed());
    }

    /** The try was right: it does not count. */
    void right(String address, long merchantId, String orderNumber) {
        wrongPerAddress.refund(address);
        wrongPerOrder.refund(order(merchantId, orderNumber));
    }

    /** A lookup found nothing (an unknown number, wrong details): counts towards putting the store on guard. */
    void failed(long merchantId) {
        failuresPerStore.acquire(store(merchantId));
    }

    private static String store(long merchantId) {
        return String.valueOf(merchantId);
    }

    private static String order(long merchantId, String orderNumber) {
        return merchantId + " " + orderNumber.toUpperCase(Locale.ROOT);
    }
}
