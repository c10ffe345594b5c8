package app.landfall.tracking;

import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.jooq.impl.DSL.count;

import app.landfall.admin.OverviewSection;
import app.landfall.admin.Week;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The shipments on the admin overview: parcels in trouble and parcels gone quiet (both among the
 * parcels still on their way, found by (merchant_id, status)), and the week's new and delivered
 * parcels (by (merchant_id, created_at) and (merchant_id, delivered_at): a week, not the history).
 */
final class ShipmentsOverview implements OverviewSection {
    /** "Stalled": on its way with no scan for this many days (the Shipments list's "No scan for" filter). */
    static final int STALLED_DAYS = 7;
    private final DSLContext dsl;
    private final Clock clock;

    ShipmentsOverview(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    @Override
    public List<Attention> attention(long merchantId) {
        OffsetDateTime quiet = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minusDays(STALLED_DAYS);
        var s = dsl.select(
                        count().filterWhere(SHIPMENTS.STATUS.in("Exception", "AttemptFail")),
                        count().filterWhere(DSL.coalesce(SHIPMENTS.LAST_EVENT_AT, SHIPMENTS.CREATED_AT).lt(quiet)))
                .from(SHIPMENTS).where(SHIPMENTS.MERCHANT_ID.eq(merchantId)).and(SHIPMENTS.STATUS.in(ShipmentsDesk.MOVING)).fetchSingle();
        return List.of(
                new Attention(s.value1(), s.value1() == 1 ? "Shipment with a problem" : "Shipments with a problem",
                        "An exception or a failed delivery attempt: the customer may need to hear from you.", "/admin/shipments?status=problems"),
                new Attention(s.value2(), s.value2() == 1 ? "Stalled parcel" : "Stalled parcels",
                        "On the way, but no carrier scan for " + STALLED_DAYS + " days or more.", "/admin/shipments?quiet_days=" + STALLED_DAYS));
    }

    @Override
    public List<Chart> week(long merchantId, Week week) {
        return List.of(created(merchantId, week), delivered(merchantId, week));
    }

    private Chart created(long merchantId, Week week) {
        List<Field<Integer>> perDay = new ArrayList<>();
        for (int i = 0; i < Week.DAYS; i++) {
            perDay.add(count().filterWhere(SHIPMENTS.CREATED_AT.ge(week.startOf(i)).and(SHIPMENTS.CREATED_AT.lt(week.startOf(i + 1)))));
        }
        var counts = dsl.select(perDay).from(SHIPMENTS).where(SHIPMENTS.MERCHANT_ID.eq(merchantId)).and(SHIPMENTS.DIRECTION.eq("outbound"))
                .and(SHIPMENTS.CREATED_AT.ge(week.start())).and(SHIPMENTS.CREATED_AT.lt(week.end())).fetchSingle();
        List<Bar> bars = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < Week.DAYS; i++) {
            long n = counts.get(i, Integer.class);
            total += n;
            bars.add(new Bar(Week.shortDay(week.days().get(i)), Week.longDay(week.days().get(i)), n, -1, null));
        }
        String summary = total == 0 ? "No new shipments in the last 7 days."
                : total + (total == 1 ? " new shipment" : " new shipments") + " in the last 7 days, "
                        + String.format(java.util.Locale.ROOT, "%.1f", total / 7.0) + " a day on average.";
        return new Chart(10, "Shipments", String.valueOf(total), summary, "Parcels to customers, by the day Landfall first heard of them.",
                false, "New shipments", null, bars, "/admin/shipments", "See all shipments");
    }

    private Chart delivered(long merchantId, Week week) {
        Field<Integer> day = week.dayOf(SHIPMENTS.DELIVERED_AT);
        var rows = dsl.select(day, ORDERS.PROMISED_DELIVERY_DATE, SHIPMENTS.CARRIER_ESTIMATED_DELIVERY, count())
                .from(SHIPMENTS)
                .leftJoin(ORDERS).on(ORDERS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(ORDERS.ID.eq(SHIPMENTS.ORDER_ID))
                .where(SHIPMENTS.MERCHANT_ID.eq(merchantId)).and(SHIPMENTS.DIRECTION.eq("outbound")).and(SHIPMENTS.STATUS.eq("Delivered"))
                .and(SHIPMENTS.DELIVERED_AT.ge(week.start())).and(SHIPMENTS.DELIVERED_AT.lt(week.end()))
                .groupBy(day, ORDERS.PROMISED_DELIVERY_DATE, SHIPMENTS.CARRIER_ESTIMATED_DELIVERY)
                .fetch(r -> new OnTime.Delivered(r.value1(), r.value2(), r.value3(), r.value4()));
        OnTime.Tally tally = OnTime.tally(week.days(), rows);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < Week.DAYS; i++) {
            bars.add(new Bar(Week.shortDay(week.days().get(i)), Week.longDay(week.days().get(i)), tally.dated()[i], tally.onTime()[i], null));
        }
        int percent = tally.percent();
        String summary = tally.total() == 0 ? "No parcels were delivered in the last 7 days."
                : percent < 0 ? tally.total() + " delivered in the last 7 days, none with a promised or estimated date to measure against."
                : tally.totalOnTime() + " of " + tally.measured() + " delivered parcels (" + percent + "%) arrived on time in the last 7 days.";
        return new Chart(20, "Delivered on time", percent < 0 ? "—" : percent + "%", summary, basis(tally), false,
                "Delivered with a date", "On time", bars, "/admin/shipments?status=Delivered", "See delivered shipments");
    }

    /** What "on time" was measured against, said plainly. */
    static String basis(OnTime.Tally t) {
        String basis;
        if (t.measured() == 0) {
            basis = "Measured against the date promised to the customer where the order has one, else the carrier's estimate.";
        } else if (t.againstEstimate() == 0) {
            basis = "Measured against the delivery date promised to the customer.";
        } else if (t.againstPromise() == 0) {
            basis = "Measured against the carrier's estimate: none of these orders had a promised date.";
        } else {
            basis = "Measured against the promised date for " + t.againstPromise() + " and the carrier's estimate for "
                    + t.againstEstimate() + " (orders without a promised date).";
        }
        return t.noDate() == 0 ? basis : basis + " " + t.noDate() + (t.noDate() == 1 ? " had neither and is" : " had neither and are") + " left out.";
    }
}
