package app.landfall.returns;

import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;
import static app.landfall.db.schema.Tables.RETURN_REASONS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;

import app.landfall.admin.OverviewSection;
import app.landfall.admin.Week;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * The returns on the admin overview: those waiting for someone to review them, and the week's
 * returns and their reasons. Each count reads the store's rows by (merchant_id, status) or
 * (merchant_id, created_at), so it costs a week of returns, not the store's history.
 */
final class ReturnsOverview implements OverviewSection {
    private static final int TOP_REASONS = 5;
    private final DSLContext dsl;

    ReturnsOverview(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<Attention> attention(long merchantId) {
        int waiting = dsl.fetchCount(RETURNS, RETURNS.MERCHANT_ID.eq(merchantId).and(RETURNS.STATUS.eq(ReturnStatus.REQUESTED.code())));
        return List.of(new Attention(waiting, waiting == 1 ? "Return to review" : "Returns to review",
                "Shoppers wait for your approval before they can send anything back.", "/admin/returns?status=requested"));
    }

    @Override
    public List<Chart> week(long merchantId, Week week) {
        String range = "from=" + week.first() + "&to=" + week.today();
        List<Field<Integer>> perDay = new ArrayList<>();
        for (int i = 0; i < Week.DAYS; i++) {
            perDay.add(count().filterWhere(RETURNS.CREATED_AT.ge(week.startOf(i)).and(RETURNS.CREATED_AT.lt(week.startOf(i + 1)))));
        }
        var counts = dsl.select(perDay).from(RETURNS).where(RETURNS.MERCHANT_ID.eq(merchantId))
                .and(RETURNS.CREATED_AT.ge(week.start())).and(RETURNS.CREATED_AT.lt(week.end())).fetchSingle();
        List<Bar> days = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < Week.DAYS; i++) {
            long n = counts.get(i, Integer.class);
            total += n;
            String day = week.days().get(i).toString();
            days.add(new Bar(Week.shortDay(week.days().get(i)), Week.longDay(week.days().get(i)), n, -1, "/admin/returns?from=" + day + "&to=" + day));
        }
        long busiest = days.stream().mapToLong(Bar::value).max().orElse(0);
        String summary = total == 0 ? "No returns were started in the last 7 days."
                : total + (total == 1 ? " return was" : " returns were") + " started in the last 7 days; the busiest day had " + busiest + ".";
        Chart returns = new Chart(30, "Returns", String.valueOf(total), summary, null, false, "Returns started", null, days,
                "/admin/returns?" + range, "See these returns");
        return List.of(returns, reasons(merchantId, week, range));
    }

    /** The reasons given most for the week's returned items, counted in items (a line of 3 counts 3). */
    private Chart reasons(long merchantId, Week week, String range) {
        Field<java.math.BigDecimal> items = sum(RETURN_ITEMS.QUANTITY);
        var rows = dsl.select(RETURN_REASONS.CODE, RETURN_REASONS.LABEL, items)
                .from(RETURNS)
                .join(RETURN_ITEMS).on(RETURN_ITEMS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(RETURN_ITEMS.RETURN_ID.eq(RETURNS.ID))
                .leftJoin(RETURN_REASONS).on(RETURN_REASONS.MERCHANT_ID.eq(RETURN_ITEMS.MERCHANT_ID)).and(RETURN_REASONS.ID.eq(RETURN_ITEMS.REASON_ID))
                .where(RETURNS.MERCHANT_ID.eq(merchantId)).and(RETURNS.CREATED_AT.ge(week.start())).and(RETURNS.CREATED_AT.lt(week.end()))
                .groupBy(RETURN_REASONS.CODE, RETURN_REASONS.LABEL)
                .orderBy(items.desc(), RETURN_REASONS.LABEL)
                .limit(TOP_REASONS)
                .fetch();
        List<Bar> bars = rows.stream().map(r -> new Bar(r.value2() == null ? "No reason given" : r.value2(),
                r.value2() == null ? "No reason given" : r.value2(), r.value3().longValue(), -1,
                r.value1() == null ? null : "/admin/returns?reason=" + r.value1() + "&" + range)).toList();
        String summary = bars.isEmpty() ? "No items were returned in the last 7 days, so there are no reasons to rank."
                : "The reason given most was \u201c" + bars.get(0).label() + "\u201d, for " + bars.get(0).value()
                        + (bars.get(0).value() == 1 ? " item." : " items.");
        return new Chart(40, "Top return reasons", bars.isEmpty() ? "—" : bars.get(0).label(), summary,
                "Counted in items returned; the " + TOP_REASONS + " reasons given most.", true, "Items", null, bars, null, null);
    }
}
