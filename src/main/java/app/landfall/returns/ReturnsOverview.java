package app.landfall.returns;

import static app.landfall.db.schema.Tables.RETURNS;
import static org.jooq.impl.DSL.count;

import app.landfall.admin.OverviewSection;
import java.util.List;
import org.jooq.DSLContext;

/** The returns on the admin overview: what waits for the store at each step. */
final class ReturnsOverview implements OverviewSection {
    private final DSLContext dsl;

    ReturnsOverview(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public String heading() {
        return "Returns";
    }

    @Override
    public List<Tile> tiles(long merchantId) {
        var r = dsl.select(
                        count().filterWhere(RETURNS.STATUS.eq("requested")),
                        count().filterWhere(RETURNS.STATUS.eq("approved")),
                        count().filterWhere(RETURNS.STATUS.eq("in_transit")),
                        count().filterWhere(RETURNS.STATUS.eq("received")))
                .from(RETURNS).where(RETURNS.MERCHANT_ID.eq(merchantId)).fetchSingle();
        return List.of(
                new Tile(r.value1(), "waiting for review", "/admin/returns?status=requested"),
                new Tile(r.value2(), "approved, not sent yet", "/admin/returns?status=approved"),
                new Tile(r.value3(), "on their way back", "/admin/returns?status=in_transit"),
                new Tile(r.value4(), "received, to resolve", "/admin/returns?status=received"));
    }
}
