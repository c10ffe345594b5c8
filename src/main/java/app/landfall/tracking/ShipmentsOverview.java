package app.landfall.tracking;

import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.jooq.impl.DSL.count;

import app.landfall.admin.OverviewSection;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The shipments on the admin overview: parcels in trouble, and parcels gone quiet. */
final class ShipmentsOverview implements OverviewSection {
    private final DSLContext dsl;
    private final Clock clock;

    ShipmentsOverview(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    @Override
    public String heading() {
        return "Shipments";
    }

    @Override
    public List<Tile> tiles(long merchantId) {
        OffsetDateTime week = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minusDays(7);
        var s = dsl.select(
                        count().filterWhere(SHIPMENTS.STATUS.in("Exception", "AttemptFail")),
                        count().filterWhere(SHIPMENTS.STATUS.in(ShipmentsDesk.MOVING)
                                .and(DSL.coalesce(SHIPMENTS.LAST_EVENT_AT, SHIPMENTS.CREATED_AT).lt(week))))
                .from(SHIPMENTS).where(SHIPMENTS.MERCHANT_ID.eq(merchantId)).fetchSingle();
        return List.of(
                new Tile(s.value1(), "with an exception or failed attempt", "/admin/shipments?status=problems"),
                new Tile(s.value2(), "on the way without a scan for 7 days", "/admin/shipments?quiet_days=7"));
    }
}
