package app.landfall.returns;

import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;
import static app.landfall.db.schema.Tables.RETURN_REASONS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.upper;

import app.landfall.admin.AdminAccess;
import app.landfall.admin.PageCursor;
import app.landfall.admin.AdminPages;
import app.landfall.admin.AdminUser;
import app.landfall.admin.AdminWords;
import app.landfall.admin.Role;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The returns queue: newest first, filtered and searched, 50 a page. Pages follow a keyset cursor
 * (created_at, id) rather than an offset, so the thousandth page costs what the first does.
 */
public final class ReturnsQueue {
    static final int PAGE = 50;

    private final DSLContext dsl;

    ReturnsQueue(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** {@code value}: what the returned items were paid for; {@code status} and {@code tone} say where it stands (as its page does). */
    public record Row(long id, String rma, String status, String tone, String createdAt, String orderNumber, String email, int items,
            String reasons, String resolution, String method, String value, boolean needsReview) {
    }

    /** GET /admin/returns */
    public void show(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        QueueFilter filter = QueueFilter.parse(ctx::queryParam);
        ZoneId zone = user.zone();
        List<Row> rows = new ArrayList<>();
        PageCursor next = null;
        var result = dsl.select(RETURNS.ID, RETURNS.RMA_NUMBER, RETURNS.STATUS, RETURNS.CREATED_AT, ORDERS.ORDER_NUMBER,
                        ORDERS.CUSTOMER_EMAIL, RETURNS.RESOLUTION, RETURNS.METHOD,
                        // the items' value from what was paid: the stored sum, else the items' own paid values
                        DSL.coalesce(RETURNS.ITEMS_VALUE, DSL.field(select(DSL.sum(RETURN_ITEMS.VALUE)).from(RETURN_ITEMS)
                                .where(RETURN_ITEMS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(RETURN_ITEMS.RETURN_ID.eq(RETURNS.ID)))),
                        RETURNS.CURRENCY, RETURNS.NEEDS_REVIEW,
                        DSL.field(select(DSL.coalesce(DSL.sum(RETURN_ITEMS.QUANTITY), DSL.val(BigDecimal.ZERO)))
                                .from(RETURN_ITEMS).where(RETURN_ITEMS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID))
                                .and(RETURN_ITEMS.RETURN_ID.eq(RETURNS.ID))),
                        DSL.field(select(DSL.listAggDistinct(RETURN_REASONS.LABEL, ", ").withinGroupOrderBy(RETURN_REASONS.LABEL))
                                .from(RETURN_ITEMS).join(RETURN_REASONS).on(RETURN_REASONS.MERCHANT_ID.eq(RETURN_ITEMS.MERCHANT_ID))
                                .and(RETURN_REASONS.ID.eq(RETURN_ITEMS.REASON_ID))
                                .where(RETURN_ITEMS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(RETURN_ITEMS.RETURN_ID.eq(RETURNS.ID))),
                        RETURNS.RECEIVED_AT, SHIPMENTS.STATUS)
                .from(RETURNS)
                .join(ORDERS).on(ORDERS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(ORDERS.ID.eq(RETURNS.ORDER_ID))
                .leftJoin(SHIPMENTS).on(SHIPMENTS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(SHIPMENTS.ID.eq(RETURNS.RETURN_SHIPMENT_ID))
                .where(conditions(user.merchantId(), filter, zone))
                .orderBy(RETURNS.CREATED_AT.desc(), RETURNS.ID.desc())
                .limit(PAGE + 1)
                .fetch();
        for (int i = 0; i < Math.min(PAGE, result.size()); i++) {
            var r = result.get(i);
            ReturnStanding standing = ReturnStanding.of(r.value3(), r.value14() != null, r.value15());
            rows.add(new Row(r.value1(), r.value2(), standing.words(), standing.tone(), AdminPages.time(r.value4(), zone), r.value5(),
                    r.value6(), r.value12().intValue(), AdminWords.orNone(r.value13()), AdminWords.words(r.value7()), AdminWords.words(r.value8()),
                    r.value9() == null ? AdminWords.NONE : Money.format(r.value9(), r.value10()), r.value11()));
            if (i == PAGE - 1 && result.size() > PAGE) {
                next = new PageCursor(r.value4(), r.value1());
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("filter", filter);
        model.put("rows", rows);
        model.put("statuses", List.of("requested", "approved", "in_transit", "received", "refunded", "credited", "exchanged",
                "rejected", "cancelled", "expired").stream().map(st -> Map.of("code", st, "label", AdminWords.returnStatus(st))).toList());
        model.put("reasons", dsl.select(RETURN_REASONS.CODE, RETURN_REASONS.LABEL).from(RETURN_REASONS)
                .where(RETURN_REASONS.MERCHANT_ID.eq(user.merchantId())).orderBy(RETURN_REASONS.POSITION, RETURN_REASONS.LABEL)
                .fetch(r -> Map.of("code", r.value1(), "label", r.value2())));
        String filters = filter.queryString();
        model.put("firstPage", filter.after() == null ? null : "/admin/returns" + (filters.isEmpty() ? "" : "?" + filters));
        model.put("nextPage", next == null ? null : "/admin/returns?" + (filters.isEmpty() ? "" : filters + "&") + "after=" + next.text());
        AdminPages.render(ctx, user, "returns", "admin/returns", model);
    }

    private Condition conditions(long merchantId, QueueFilter f, ZoneId zone) {
        Condition c = RETURNS.MERCHANT_ID.eq(merchantId);
        if (f.status() != null) {
            c = c.and(RETURNS.STATUS.eq(f.status()));
        }
        if (f.reason() != null) {
            c = c.and(exists(selectOne().from(RETURN_ITEMS).join(RETURN_REASONS)
                    .on(RETURN_REASONS.MERCHANT_ID.eq(RETURN_ITEMS.MERCHANT_ID)).and(RETURN_REASONS.ID.eq(RETURN_ITEMS.REASON_ID))
                    .where(RETURN_ITEMS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(RETURN_ITEMS.RETURN_ID.eq(RETURNS.ID))
                    .and(RETURN_REASONS.CODE.eq(f.reason()))));
        }
        if (f.from() != null) {
            c = c.and(RETURNS.CREATED_AT.ge(f.from().atStartOfDay(zone).toOffsetDateTime()));
        }
        if (f.to() != null) {
            c = c.and(RETURNS.CREATED_AT.lt(f.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        }
        switch (f.search()) {
            case EMAIL -> c = c.and(ORDERS.CUSTOMER_EMAIL.eq(f.email()));
            case RMA_OR_ORDER -> c = c.and(RETURNS.RMA_NUMBER.eq(f.rma()).or(RETURNS.ORDER_ID.in(select(ORDERS.ID).from(ORDERS)
                    .where(ORDERS.MERCHANT_ID.eq(merchantId)).and(upper(ORDERS.ORDER_NUMBER).eq(f.query().toUpperCase(java.util.Locale.ROOT))))));
            case NONE -> { }
        }
        if (f.after() != null) {
            c = c.and(row(RETURNS.CREATED_AT, RETURNS.ID).lt(f.after().at(), f.after().id()));
        }
        return c;
    }

}
