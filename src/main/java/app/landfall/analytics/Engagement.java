package app.landfall.analytics;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cookie-free counts of views and clicks on tracking pages, per shipment and hour. Requests only bump
 * a counter in memory; {@link #flush} (a background job) adds the counts to the database in bulk.
 */
public final class Engagement {
    private static final Logger LOG = LoggerFactory.getLogger(Engagement.class);
    static final int MAX_PENDING_KEYS = 100_000;
    static final int MAX_TARGET_LENGTH = 500;
    private static final int ROWS_PER_STATEMENT = 5_000;

    private final Clock clock;
    private final CountWriter writer;
    private final PendingCounts pending;

    public enum Kind {
        PAGE_VIEW, MARKETING_CLICK, RETURN_CLICK;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Engagement(DSLContext dsl, Clock clock) {
        this(dsl, clock, MAX_PENDING_KEYS);
    }

    Engagement(DSLContext dsl, Clock clock, int maxPendingKeys) {
        this.clock = clock;
        this.writer = new CountWriter(dsl);
        this.pending = new PendingCounts(maxPendingKeys);
    }

    /** Counts one view or click; {@code target} is the link followed, if any. */
    public void record(long merchantId, long shipmentId, Kind kind, String target) {
        if (kind == null) {
            return;
        }
        pending.add(new CountKey(merchantId, shipmentId, kind, cleanTarget(target),
                clock.instant().truncatedTo(ChronoUnit.HOURS)), 1);
    }

    /** Writes what was counted so far; returns the number of rows inserted or updated. */
    public int flush() {
        List<Map.Entry<CountKey, Long>> rows = pending.takeAll();
        int written = 0;
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            try {
                written += writer.write(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
            } catch (RuntimeException e) {
                LOG.warn("could not write {} engagement counts; they are kept for the next flush",
                        rows.size() - from, e);
                pending.putBack(rows.subList(from, rows.size()));
                break;
            }
        }
        return written;
    }

    /** How many views and clicks were not counted because too many were waiting to be written. */
    public long dropped() {
        return pending.dropped();
    }

    int pendingKeys() {
        return pending.size();
    }

    /**
     * At most 500 characters (code points, as Postgres counts them), and no NUL, which Postgres text
     * cannot hold and which would fail the whole batch.
     */
    static String cleanTarget(String target) {
        if (target == null) {
            return "";
        }
        // 500 code points fit in 1,000 chars; cutting there first keeps the work bounded for huge input
        String clean = target.length() <= 2 * MAX_TARGET_LENGTH ? target : target.substring(0, 2 * MAX_TARGET_LENGTH);
        clean = clean.indexOf('\0') < 0 ? clean : clean.replace("\0", "");
        if (clean.codePointCount(0, clean.length()) <= MAX_TARGET_LENGTH) {
            return clean;
        }
        return clean.substring(0, clean.offsetByCodePoints(0, MAX_TARGET_LENGTH));
    }
}
