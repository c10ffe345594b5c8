package app.landfall.admin;

import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.jooq.impl.DSL.count;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The overview: what needs someone today. */
final class AdminHome {
    private final DSLContext dsl;
    private final Clock clock;

    AdminHome(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** GET /admin */
    void show(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        long m = user.merchantId();
        var returns = dsl.select(
                        count().filterWhere(RETURNS.STATUS.eq("requested")),
                        count().filterWhere(RETURNS.STATUS.eq("approved")),
                        count().filterWhere(RETURNS.STATUS.eq("in_transit")),
                        count().filterWhere(RETURNS.STATUS.eq("received")))
                .from(RETURNS).where(RETURNS.MERCHANT_ID.eq(m)).fetchSingle();
        OffsetDateTime week = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minusDays(7);
        var shipments = dsl.select(
                        count().filterWhere(SHIPMENTS.STATUS.in("Exception", "AttemptFail")),
                        count().filterWhere(SHIPMENTS.STATUS.in(ShipmentsDesk.MOVING)
                                .and(DSL.coalesce(SHIPMENTS.LAST_EVENT_AT, SHIPMENTS.CREATED_AT).lt(week))))
                .from(SHIPMENTS).where(SHIPMENTS.MERCHANT_ID.eq(m)).fetchSingle();
        AdminPages.render(ctx, user, "overview", "admin/home", Map.of(
                "toReview", returns.value1(), "approved", returns.value2(), "inTransit", returns.value3(),
                "received", returns.value4(), "exceptions", shipments.value1(), "quiet", shipments.value2()));
    }
}
