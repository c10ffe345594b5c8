package app.landfall.analytics;

import java.time.Instant;
import java.util.Comparator;

/** What one engagement_counts row counts; {@code hour} is the start of the UTC hour. */
record CountKey(long merchantId, long shipmentId, Engagement.Kind kind, String target, Instant hour) {

    /** The primary key's column order, so that concurrent flushes lock rows in the same order. */
    static final Comparator<CountKey> ORDER = Comparator.comparingLong(CountKey::merchantId)
            .thenComparingLong(CountKey::shipmentId)
            .thenComparing(CountKey::kind)
            .thenComparing(CountKey::target)
            .thenComparing(CountKey::hour);
}
