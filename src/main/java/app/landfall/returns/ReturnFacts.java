package app.landfall.returns;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.db.schema.Tables.PRODUCT_VARIANTS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;
import static app.landfall.db.schema.Tables.RETURN_PHOTO_UPLOADS;
import static app.landfall.db.schema.Tables.RETURN_POLICIES;
import static app.landfall.db.schema.Tables.RETURN_REASONS;
import static app.landfall.db.schema.Tables.RETURN_WINDOW_OVERRIDES;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.SHIPMENT_ITEMS;

import app.landfall.merchants.Merchants;
import app.landfall.db.schema.tables.records.ReturnPoliciesRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import app.landfall.db.RenderedQuery;
import java.util.ArrayList;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.Record;

/**
 * Reads what {@link ReturnRules} needs about an order, always within one merchant: the default
 * policy with its window overrides, the items with what is already in returns and where their
 * packages are, the merchant's reasons, and the customer's recent returns. With {@code lock}, the
 * order's item rows stay locked until the transaction ends, so two returns of the same order are
 * decided one after the other and together can never exceed what was ordered.
 */
final class ReturnFacts {
    /** Returns in these states hold their items; the others gave them back. */
    static final List<String> ACTIVE = List.of("requested", "approved", "in_transit", "received", "refunded", "credited", "exchanged");

    /** The policy a merchant gets before configuring one: what the database's defaults describe. */
    static final ReturnPolicy DEFAULT_POLICY = new ReturnPolicy(30, ReturnPolicy.WindowStart.DELIVERED, List.of(), Set.of(), false, null,
            EnumSet.allOf(ReturnPolicy.Resolution.class), EnumSet.of(ReturnPolicy.Method.QR_DROPOFF, ReturnPolicy.Method.PRINTABLE_LABEL),
            ReturnPolicy.Fees.NONE, BigDecimal.ZERO, null, ReturnPolicy.Review.NEVER);

    private ReturnFacts() {
    }

    /**
     * @param shown       the items as a page shows them, in order
     * @param reasonList  the merchant's active reasons, in their order, for a page's choices
     */
    /**
     * @param returnCarrier  the policy's carrier for return parcels (null: not set)
     * @param earlier        the return an earlier submit of the same form made (with a submission key)
     * @param stagedPhotos   photos waiting under the submission key, per order item
     */
    record Loaded(Long policyId, ReturnPolicy policy, OrderFacts order, Map<Long, ReturnRequest.Reason> reasons, ZoneId zone,
            String customerEmail, Long brandId, List<Shown> shown, List<ReasonChoice> reasonList, String returnCarrier,
            ReturnSubmissions.Created earlier, Map<Long, Integer> stagedPhotos) {
    }

    record Shown(long id, String title, String variant, String imageUrl) {
    }

    record ReasonChoice(long id, String label, ReturnRequest.Reason rules) {
    }

    // The two statements below run on every page of the flow and every submit; built once and
    // rendered once (RenderedQuery), with the merchant, order, date and key as the only parameters:
    // rendering them was most of the 42 % of a submit's Java time that jOOQ took (docs/benchmarks.md,
    // "Submitting a return", "How the time came down").
    private static final Field<Long> MERCHANT = DSL.param("lf_merchant", Long.class);
    private static final Field<Long> ORDER = DSL.param("lf_order", Long.class);
    private static final Field<OffsetDateTime> SINCE = DSL.param("lf_since", OffsetDateTime.class);
    private static final Field<String> KEY = DSL.param("lf_key", String.class);

    // for a submit: the return an earlier submit of the same form made, and the photos waiting under its key
    private static final Field<org.jooq.Result<org.jooq.Record4<Long, String, String, String>>> EARLIER = DSL.multiset(
            DSL.select(RETURNS.ID, RETURNS.RMA_NUMBER, RETURNS.PUBLIC_TOKEN, RETURNS.STATUS).from(RETURNS)
                    .where(RETURNS.MERCHANT_ID.eq(ORDERS.MERCHANT_ID)).and(RETURNS.SUBMISSION_KEY.eq(KEY))).as("earlier");
    private static final Field<org.jooq.Result<org.jooq.Record2<Long, Integer>>> STAGED = DSL.multiset(
            DSL.select(RETURN_PHOTO_UPLOADS.ORDER_ITEM_ID, DSL.count()).from(RETURN_PHOTO_UPLOADS)
                    .where(RETURN_PHOTO_UPLOADS.MERCHANT_ID.eq(ORDERS.MERCHANT_ID)).and(RETURN_PHOTO_UPLOADS.SUBMISSION_KEY.eq(KEY))
                    .and(RETURN_PHOTO_UPLOADS.ORDER_ID.eq(ORDERS.ID))
                    .groupBy(RETURN_PHOTO_UPLOADS.ORDER_ITEM_ID)).as("staged");

    private static final Field<org.jooq.Result<org.jooq.Record3<String, String, Integer>>> OVERRIDES = DSL.multiset(
            DSL.select(RETURN_WINDOW_OVERRIDES.KIND, RETURN_WINDOW_OVERRIDES.VALUE, RETURN_WINDOW_OVERRIDES.WINDOW_DAYS)
                    .from(RETURN_WINDOW_OVERRIDES)
                    .where(RETURN_WINDOW_OVERRIDES.MERCHANT_ID.eq(RETURN_POLICIES.MERCHANT_ID))
                    .and(RETURN_WINDOW_OVERRIDES.POLICY_ID.eq(RETURN_POLICIES.ID))
                    .orderBy(RETURN_WINDOW_OVERRIDES.ID)).as("overrides");
    private static final Field<org.jooq.Result<org.jooq.Record9<Long, String, String, Boolean, Boolean, Boolean, String[], String[], String[]>>>
            REASONS = DSL.multiset(
            DSL.select(RETURN_REASONS.ID, RETURN_REASONS.CODE, RETURN_REASONS.LABEL, RETURN_REASONS.REQUIRES_COMMENT,
                            RETURN_REASONS.REQUIRES_PHOTOS, RETURN_REASONS.REQUIRES_REVIEW, RETURN_REASONS.ONLY_PRODUCT_TYPES,
                            RETURN_REASONS.ONLY_TAGS, RETURN_REASONS.ONLY_SKUS)
                    .from(RETURN_REASONS).where(RETURN_REASONS.MERCHANT_ID.eq(ORDERS.MERCHANT_ID)).and(RETURN_REASONS.ACTIVE)
                    .orderBy(RETURN_REASONS.POSITION, RETURN_REASONS.ID)).as("reasons");
    private static final Field<Integer> ACTIVE_RETURNS = DSL.field(DSL.selectCount().from(RETURNS)
            .where(RETURNS.MERCHANT_ID.eq(ORDERS.MERCHANT_ID)).and(RETURNS.ORDER_ID.eq(ORDERS.ID)).and(RETURNS.STATUS.in(ACTIVE)))
            .as("active");
    private static final Field<Integer> RECENT_RETURNS;
    private static final RenderedQuery ORDER_QUERY;

    private static final Field<java.math.BigDecimal> IN_RETURNS;
    private static final Field<String[]> VARIANTS;
    private static final org.jooq.Table<?> NEWEST;
    private static final RenderedQuery ITEMS_QUERY;

    static {
        DSLContext build = DSL.using(org.jooq.SQLDialect.POSTGRES);
        var theirOrders = ORDERS.as("their_orders");
        RECENT_RETURNS = DSL.field(DSL.selectCount().from(RETURNS)
                .join(theirOrders).on(theirOrders.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(theirOrders.ID.eq(RETURNS.ORDER_ID))
                .where(RETURNS.MERCHANT_ID.eq(ORDERS.MERCHANT_ID)).and(theirOrders.CUSTOMER_EMAIL.eq(ORDERS.CUSTOMER_EMAIL))
                .and(RETURNS.CREATED_AT.gt(SINCE))).as("recent");
        var order = build.select(ORDERS.CURRENCY, ORDERS.DISCOUNT_AMOUNT, ORDERS.PLACED_AT, ORDERS.CUSTOMER_EMAIL, ORDERS.BRAND_ID, MERCHANTS.TIMEZONE)
                .select(RETURN_POLICIES.fields())
                .select(OVERRIDES, REASONS, ACTIVE_RETURNS, RECENT_RETURNS, EARLIER, STAGED)
                .from(ORDERS).join(MERCHANTS).on(MERCHANTS.ID.eq(ORDERS.MERCHANT_ID))
                .leftJoin(RETURN_POLICIES).on(RETURN_POLICIES.MERCHANT_ID.eq(ORDERS.MERCHANT_ID)).and(RETURN_POLICIES.IS_DEFAULT)
                .where(ORDERS.MERCHANT_ID.eq(MERCHANT)).and(ORDERS.ID.eq(ORDER));
        ORDER_QUERY = RenderedQuery.of(order);

        var ri = RETURN_ITEMS.as("ri");
        var r = RETURNS.as("r");
        IN_RETURNS = DSL.field(DSL.select(DSL.sum(ri.QUANTITY)).from(r)
                .join(ri).on(ri.MERCHANT_ID.eq(r.MERCHANT_ID)).and(ri.RETURN_ID.eq(r.ID))
                .where(r.MERCHANT_ID.eq(ORDER_ITEMS.MERCHANT_ID)).and(r.ORDER_ID.eq(ORDER_ITEMS.ORDER_ID)).and(r.STATUS.in(ACTIVE))
                .and(ri.ORDER_ITEM_ID.eq(ORDER_ITEMS.ID))).as("in_returns");
        VARIANTS = DSL.field(DSL.select(DSL.arrayAgg(PRODUCT_VARIANTS.VARIANT_TITLE).orderBy(PRODUCT_VARIANTS.POSITION, PRODUCT_VARIANTS.ID))
                .from(PRODUCT_VARIANTS)
                .where(PRODUCT_VARIANTS.MERCHANT_ID.eq(ORDER_ITEMS.MERCHANT_ID)).and(PRODUCT_VARIANTS.PRODUCT_TITLE.eq(ORDER_ITEMS.TITLE))
                .and(PRODUCT_VARIANTS.IN_STOCK)).as("variants");
        NEWEST = DSL.select(SHIPMENTS.STATUS, SHIPMENTS.CREATED_AT, SHIPMENTS.SHIPPED_AT, SHIPMENTS.DELIVERED_AT, SHIPMENTS.STATUS_CHANGED_AT)
                .from(SHIPMENTS)
                .join(SHIPMENT_ITEMS).on(SHIPMENT_ITEMS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(SHIPMENT_ITEMS.SHIPMENT_ID.eq(SHIPMENTS.ID))
                .where(SHIPMENTS.MERCHANT_ID.eq(ORDER_ITEMS.MERCHANT_ID)).and(SHIPMENTS.ORDER_ID.eq(ORDER_ITEMS.ORDER_ID))
                .and(SHIPMENTS.DIRECTION.eq("outbound")).and(SHIPMENT_ITEMS.ORDER_ITEM_ID.eq(ORDER_ITEMS.ID))
                .orderBy(SHIPMENTS.CREATED_AT.desc(), SHIPMENTS.ID.desc()) // the newest package of an item wins
                .limit(1)
                .asTable("newest");
        ITEMS_QUERY = RenderedQuery.of(build.select(ORDER_ITEMS.ID, ORDER_ITEMS.SKU, ORDER_ITEMS.PRODUCT_TAGS, ORDER_ITEMS.UNIT_PRICE,
                        ORDER_ITEMS.QUANTITY, ORDER_ITEMS.FINAL_SALE, ORDER_ITEMS.TITLE, ORDER_ITEMS.VARIANT_TITLE, ORDER_ITEMS.IMAGE_URL,
                        ORDER_ITEMS.PRODUCT_TYPE, IN_RETURNS, VARIANTS, NEWEST.field(SHIPMENTS.STATUS), NEWEST.field(SHIPMENTS.CREATED_AT),
                        NEWEST.field(SHIPMENTS.SHIPPED_AT), NEWEST.field(SHIPMENTS.DELIVERED_AT), NEWEST.field(SHIPMENTS.STATUS_CHANGED_AT))
                .from(ORDER_ITEMS)
                .leftJoin(DSL.lateral(NEWEST)).on(DSL.trueCondition())
                .where(ORDER_ITEMS.MERCHANT_ID.eq(MERCHANT)).and(ORDER_ITEMS.ORDER_ID.eq(ORDER))
                .orderBy(ORDER_ITEMS.ID));
    }

    static Optional<Loaded> load(DSLContext tx, long merchantId, long orderId, boolean lock, OffsetDateTime now) {
        return load(tx, merchantId, orderId, lock, now, null);
    }

    /** With a submission key: also the return an earlier submit of that form made, and its staged photos. */
    static Optional<Loaded> load(DSLContext tx, long merchantId, long orderId, boolean lock, OffsetDateTime now, String key) {
        // 1: the order (locked with lock: two returns of one order are decided one after the other),
        // its merchant's default policy with overrides, the active reasons, and the return counts
        // the lock is taken by a statement of its own: under READ COMMITTED a statement that waited for
        // it still reads with the snapshot it started with, and the counts below must see the return
        // a concurrent submit just committed
        if (lock && tx.selectOne().from(ORDERS).where(ORDERS.MERCHANT_ID.eq(merchantId)).and(ORDERS.ID.eq(orderId)).forUpdate()
                .fetchOptional().isEmpty()) {
            return Optional.empty();
        }
        Record order = ORDER_QUERY.fetch(tx, values(merchantId, orderId, now.minusDays(90), key)).stream().findFirst().orElse(null);
        if (order == null) {
            return Optional.empty();
        }
        ZoneId zone = Merchants.zone(order.get(MERCHANTS.TIMEZONE));
        // 2: the items, each with the units already in returns, its newest outgoing package and the
        // variants in stock to exchange it for
        var rows = ITEMS_QUERY.fetch(tx, Map.of("lf_merchant", merchantId, "lf_order", orderId));
        var newest = NEWEST;
        var inReturns = IN_RETURNS;
        var variantTitles = VARIANTS;
        var overrides = OVERRIDES;
        var reasonRows = REASONS;
        var activeReturns = ACTIVE_RETURNS;
        var recentReturns = RECENT_RETURNS;
        List<OrderFacts.Item> facts = new ArrayList<>();
        List<Shown> shown = new ArrayList<>();
        for (Record row : rows) {
            String status = row.get(newest.field(SHIPMENTS.STATUS));
            OrderFacts.Delivery delivery = status == null ? OrderFacts.Delivery.notShipped()
                    : delivery(status, row.get(newest.field(SHIPMENTS.CREATED_AT)), row.get(newest.field(SHIPMENTS.SHIPPED_AT)),
                            row.get(newest.field(SHIPMENTS.DELIVERED_AT)), row.get(newest.field(SHIPMENTS.STATUS_CHANGED_AT)), zone);
            String variant = row.get(ORDER_ITEMS.VARIANT_TITLE);
            String[] variants = row.get(variantTitles);
            java.math.BigDecimal held = row.get(inReturns);
            facts.add(new OrderFacts.Item(row.get(ORDER_ITEMS.ID), row.get(ORDER_ITEMS.SKU), Set.copyOf(Arrays.asList(row.get(ORDER_ITEMS.PRODUCT_TAGS))),
                    row.get(ORDER_ITEMS.UNIT_PRICE), row.get(ORDER_ITEMS.QUANTITY), held == null ? 0 : held.intValue(),
                    row.get(ORDER_ITEMS.FINAL_SALE), delivery,
                    variants == null ? List.of() : Arrays.stream(variants).filter(v -> !v.equals(variant)).toList(),
                    row.get(ORDER_ITEMS.PRODUCT_TYPE)));
            shown.add(new Shown(row.get(ORDER_ITEMS.ID), row.get(ORDER_ITEMS.TITLE), variant, row.get(ORDER_ITEMS.IMAGE_URL)));
        }

        ReturnPoliciesRecord policyRow = order.get(RETURN_POLICIES.ID) == null ? null : order.into(RETURN_POLICIES);
        ReturnPolicy policy = policyRow == null ? DEFAULT_POLICY : policy(policyRow, order.get(overrides).map(o ->
                new ReturnPolicy.WindowOverride(ReturnPolicy.WindowOverride.Kind.valueOf(o.value1().toUpperCase(Locale.ROOT)),
                        o.value2(), o.value3())));
        Map<Long, ReturnRequest.Reason> reasons = new HashMap<>();
        List<ReasonChoice> reasonList = new ArrayList<>();
        for (var reason : order.get(reasonRows)) {
            ReturnRequest.Reason rules = new ReturnRequest.Reason(reason.value2(), reason.value4(), reason.value5(), reason.value6(),
                    ReasonFit.of(reason.value7(), reason.value8(), reason.value9()));
            reasons.put(reason.value1(), rules);
            reasonList.add(new ReasonChoice(reason.value1(), reason.value3(), rules));
        }
        String email = order.get(ORDERS.CUSTOMER_EMAIL);
        ReturnSubmissions.Created earlier = order.get(EARLIER).stream().findFirst()
                .map(e -> new ReturnSubmissions.Created(e.value1(), e.value2(), e.value3(), ReturnStatus.of(e.value4()).orElseThrow(), true))
                .orElse(null);
        Map<Long, Integer> staged = new HashMap<>();
        order.get(STAGED).forEach(p -> staged.put(p.value1(), p.value2()));
        LocalDate orderedOn = order.get(ORDERS.PLACED_AT).atZoneSameInstant(zone).toLocalDate();
        return Optional.of(new Loaded(policyRow == null ? null : policyRow.getId(), policy,
                new OrderFacts(order.get(ORDERS.CURRENCY), orderedOn, List.copyOf(facts), order.get(activeReturns),
                        email == null ? 0 : order.get(recentReturns), order.get(ORDERS.DISCOUNT_AMOUNT)),
                Map.copyOf(reasons), zone, email, order.get(ORDERS.BRAND_ID), List.copyOf(shown), List.copyOf(reasonList),
                order.get(RETURN_POLICIES.RETURN_CARRIER), earlier, Map.copyOf(staged)));
    }

    private static Map<String, Object> values(long merchantId, long orderId, OffsetDateTime since, String key) {
        Map<String, Object> values = new HashMap<>();
        values.put("lf_merchant", merchantId);
        values.put("lf_order", orderId);
        values.put("lf_since", since);
        values.put("lf_key", key); // null matches no return and no photo
        return values;
    }

    /** Where an item's newest outgoing package is. */
    private static OrderFacts.Delivery delivery(String status, OffsetDateTime created, OffsetDateTime shipped, OffsetDateTime delivered,
            OffsetDateTime statusChanged, ZoneId zone) {
        LocalDate fulfilled = date(shipped != null ? shipped : created, zone);
        return switch (status) {
            case "Delivered" -> OrderFacts.Delivery.delivered(fulfilled, date(delivered != null ? delivered : statusChanged, zone));
            // a label with no scans, or tracking that went quiet: fulfilled, arrival unknown
            case "Pending", "InfoReceived", "Expired" -> OrderFacts.Delivery.untracked(fulfilled);
            default -> OrderFacts.Delivery.inTransit(fulfilled);
        };
    }

    static ReturnPolicy policy(ReturnPoliciesRecord p, List<ReturnPolicy.WindowOverride> overrides) {
        EnumSet<ReturnPolicy.Resolution> resolutions = EnumSet.noneOf(ReturnPolicy.Resolution.class);
        if (p.getAllowRefund()) {
            resolutions.add(ReturnPolicy.Resolution.REFUND);
        }
        if (p.getAllowStoreCredit()) {
            resolutions.add(ReturnPolicy.Resolution.STORE_CREDIT);
        }
        if (p.getAllowExchange()) {
            resolutions.add(ReturnPolicy.Resolution.EXCHANGE);
        }
        EnumSet<ReturnPolicy.Method> methods = EnumSet.noneOf(ReturnPolicy.Method.class);
        for (String m : p.getMethods()) {
            methods.add(ReturnPolicy.Method.valueOf(m.toUpperCase(Locale.ROOT)));
        }
        return new ReturnPolicy(p.getWindowDays(), ReturnPolicy.WindowStart.valueOf(p.getWindowStartsAt().toUpperCase(Locale.ROOT)),
                overrides, Set.copyOf(Arrays.asList(p.getExcludedProductTags())), p.getFinalSaleReturnable(), p.getMaxReturnsPerOrder(),
                resolutions, methods,
                new ReturnPolicy.Fees(p.getReturnShippingFee(), p.getRestockingFeePercent(), p.getFeesWaivedForExchange(),
                        p.getFeesWaivedForStoreCredit()),
                p.getStoreCreditBonusPercent(), p.getKeepItemBelow(),
                new ReturnPolicy.Review(p.getReviewAboveAmount(), p.getReviewReturnsIn_90DaysAbove()));
    }

    private static LocalDate date(OffsetDateTime at, ZoneId zone) {
        return at == null ? null : at.atZoneSameInstant(zone).toLocalDate();
    }

}
