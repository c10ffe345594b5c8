package app.landfall.tracking;

import static app.landfall.db.schema.Tables.SHIPMENTS;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Marks shipments Expired that have heard nothing for the expiry period (since their last event, or
 * since they were created when they have none). Derivation decides the status, as for events, so the
 * status-change rows and notifications follow the same path. Runs in the background.
 */
public final class ExpirySweep {
    private static final int BATCH = 1000;
    private static final List<String> FINAL = Arrays.stream(ShipmentStatus.values())
            .filter(ShipmentStatus::isFinal).map(ShipmentStatus::code).toList();

    private final DSLContext dsl;
    private final EventIngestion ingestion;
    private final Clock clock;
    private final Duration expireAfter;

    public ExpirySweep(DSLContext dsl, EventIngestion ingestion, Clock clock, Duration expireAfter) {
        this.dsl = dsl;
        this.ingestion = ingestion;
        this.clock = clock;
        this.expireAfter = expireAfter;
    }

    /** Returns how many shipments became Expired. */
    public int run() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(expireAfter);
        int expired = 0;
        while (true) {
            var due = dsl.select(SHIPMENTS.MERCHANT_ID, SHIPMENTS.ID)
                    .from(SHIPMENTS)
                    .where(SHIPMENTS.STATUS.notIn(FINAL))
                    .and(DSL.coalesce(SHIPMENTS.LAST_EVENT_AT, SHIPMENTS.CREATED_AT).lt(cutoff))
                    .orderBy(SHIPMENTS.MERCHANT_ID, SHIPMENTS.ID)
                    .limit(BATCH)
                    .fetch();
            Map<Long, List<Long>> byMerchant = due.stream().collect(Collectors.groupingBy(r -> r.value1(),
                    Collectors.mapping(r -> r.value2(), Collectors.toList())));
            int changed = 0;
            for (var entry : byMerchant.entrySet()) {
                changed += ingestion.refresh(entry.getKey(), entry.getValue());
            }
            expired += changed;
            if (due.size() < BATCH || changed == 0) {
                return expired;
            }
        }
    }
}
