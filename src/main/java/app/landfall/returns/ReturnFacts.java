package app.landfall.returns;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.db.schema.Tables.PRODUCT_VARIANTS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;
import static app.landfall.db.schema.Tables.RETURN_POLICIES;
import static app.landfall.db.schema.Tables.RETURN_REASONS;
import static app.landfall.db.schema.Tables.RETURN_WINDOW_OVERRIDES;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.SHIPMENT_ITEMS;

import app.landfall.db.schema.tables.records.OrderItemsRecord;
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
import org.jooq.DSLContext;
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
    record Loaded(Long policyId, ReturnPolicy policy, OrderFacts order, Map<Long, ReturnRequest.Reason> reasons, ZoneId zone,
            String customerEmail, Long brandId, List<Shown> shown, List<ReasonChoice> reasonList) {
    }

    record Shown(long id, String title, String variant, String imageUrl) {
    }

    record ReasonChoice(long id, String label) {
    }

    static Optional<Loaded> load(DSLContext tx, long merchantId, long orderId, boolean lock, OffsetDateTime now) {
        Record order = tx.select(ORDERS.CURRENCY, ORDERS.PLACED_AT, ORDERS.CUSTOMER_EMAIL, ORDERS.BRAND_ID, MERCHANTS.TIMEZONE)
                .from(ORDERS).join(MERCHANTS).on(MERCHANTS.ID.eq(ORDERS.MERCHANT_ID))
                .where(ORDERS.MERCHANT_ID.eq(merchantId)).and(ORDERS.ID.eq(orderId))
                .fetchOne();
        if (order == null) {
            return Optional.empty();
        }
        ZoneId zone = zone(order.get(MERCHANTS.TIMEZONE));
        var items = tx.selectFrom(ORDER_ITEMS)
                .where(ORDER_ITEMS.MERCHANT_ID.eq(merchantId)).and(ORDER_ITEMS.ORDER_ID.eq(orderId))
                .orderBy(ORDER_ITEMS.ID);
        List<OrderItemsRecord> rows = lock ? items.forUpdate().fetch() : items.fetch();

        Map<Long, Integer> inReturns = new HashMap<>();
        tx.select(RETURN_ITEMS.ORDER_ITEM_ID, RETURN_ITEMS.QUANTITY)
                .from(RETURN_ITEMS).join(RETURNS).on(RETURNS.MERCHANT_ID.eq(RETURN_ITEMS.MERCHANT_ID)).and(RETURNS.ID.eq(RETURN_ITEMS.RETURN_ID))
                .where(RETURNS.MERCHANT_ID.eq(merchantId)).and(RETURNS.ORDER_ID.eq(orderId)).and(RETURNS.STATUS.in(ACTIVE))
                .forEach(r -> inReturns.merge(r.value1(), r.value2(), Integer::sum));
        int activeReturns = tx.fetchCount(RETURNS, RETURNS.MERCHANT_ID.eq(merchantId).and(RETURNS.ORDER_ID.eq(orderId))
                .and(RETURNS.STATUS.in(ACTIVE)));

        Map<Long, OrderFacts.Delivery> deliveries = deliveries(tx, merchantId, orderId, zone);
        Map<String, List<String>> variants = variants(tx, merchantId, rows);
        List<OrderFacts.Item> facts = rows.stream().map(r -> new OrderFacts.Item(r.getId(), r.getSku(), Set.copyOf(Arrays.asList(r.getProductTags())),
                r.getUnitPrice(), r.getQuantity(), inReturns.getOrDefault(r.getId(), 0), r.getFinalSale(),
                deliveries.getOrDefault(r.getId(), OrderFacts.Delivery.notShipped()),
                variants.getOrDefault(r.getTitle(), List.of()).stream().filter(v -> !v.equals(r.getVariantTitle())).toList()))
                .toList();

        String email = order.get(ORDERS.CUSTOMER_EMAIL);
        int recent = email == null ? 0 : tx.fetchCount(RETURNS.join(ORDERS).on(ORDERS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(ORDERS.ID.eq(RETURNS.ORDER_ID)),
                RETURNS.MERCHANT_ID.eq(merchantId).and(ORDERS.CUSTOMER_EMAIL.eq(email))
                        .and(RETURNS.CREATED_AT.gt(now.minusDays(90))));

        ReturnPoliciesRecord policyRow = tx.selectFrom(RETURN_POLICIES)
                .where(RETURN_POLICIES.MERCHANT_ID.eq(merchantId)).and(RETURN_POLICIES.IS_DEFAULT).fetchOne();
        ReturnPolicy policy = policyRow == null ? DEFAULT_POLICY : policy(tx, policyRow);

        Map<Long, ReturnRequest.Reason> reasons = new HashMap<>();
        List<ReasonChoice> reasonList = new java.util.ArrayList<>();
        tx.selectFrom(RETURN_REASONS).where(RETURN_REASONS.MERCHANT_ID.eq(merchantId)).and(RETURN_REASONS.ACTIVE)
                .orderBy(RETURN_REASONS.POSITION, RETURN_REASONS.ID)
                .forEach(r -> {
                    reasons.put(r.getId(), new ReturnRequest.Reason(r.getCode(), r.getRequiresComment(), r.getRequiresPhotos(),
                            r.getRequiresReview()));
                    reasonList.add(new ReasonChoice(r.getId(), r.getLabel()));
                });

        LocalDate orderedOn = order.get(ORDERS.PLACED_AT).atZoneSameInstant(zone).toLocalDate();
        return Optional.of(new Loaded(policyRow == null ? null : policyRow.getId(), policy,
                new OrderFacts(order.get(ORDERS.CURRENCY), orderedOn, facts, activeReturns, recent), Map.copyOf(reasons), zone, email,
                order.get(ORDERS.BRAND_ID),
                rows.stream().map(r -> new Shown(r.getId(), r.getTitle(), r.getVariantTitle(), r.getImageUrl())).toList(),
                List.copyOf(reasonList)));
    }

    /** Where each item's newest outgoing package is. */
    private static Map<Long, OrderFacts.Delivery> deliveries(DSLContext tx, long merchantId, long orderId, ZoneId zone) {
        Map<Long, OrderFacts.Delivery> result = new HashMap<>();
        tx.select(SHIPMENT_ITEMS.ORDER_ITEM_ID, SHIPMENTS.STATUS, SHIPMENTS.CREATED_AT, SHIPMENTS.SHIPPED_AT, SHIPMENTS.DELIVERED_AT,
                        SHIPMENTS.STATUS_CHANGED_AT)
                .from(SHIPMENT_ITEMS)
                .join(SHIPMENTS).on(SHIPMENTS.MERCHANT_ID.eq(SHIPMENT_ITEMS.MERCHANT_ID)).and(SHIPMENTS.ID.eq(SHIPMENT_ITEMS.SHIPMENT_ID))
                .where(SHIPMENTS.MERCHANT_ID.eq(merchantId)).and(SHIPMENTS.ORDER_ID.eq(orderId)).and(SHIPMENTS.DIRECTION.eq("outbound"))
                .orderBy(SHIPMENTS.CREATED_AT, SHIPMENTS.ID) // the newest package of an item wins
                .forEach(r -> {
                    LocalDate fulfilled = date(r.value4() != null ? r.value4() : r.value3(), zone);
                    OrderFacts.Delivery delivery = switch (r.value2()) {
                        case "Delivered" -> OrderFacts.Delivery.delivered(fulfilled, date(r.value5() != null ? r.value5() : r.value6(), zone));
                        // a label with no scans, or tracking that went quiet: fulfilled, arrival unknown
                        case "Pending", "InfoReceived", "Expired" -> OrderFacts.Delivery.untracked(fulfilled);
                        default -> OrderFacts.Delivery.inTransit(fulfilled);
                    };
                    result.put(r.value1(), delivery);
                });
        return result;
    }

    /** Variant titles by product title, for the products of these items. */
    private static Map<String, List<String>> variants(DSLContext tx, long merchantId, List<OrderItemsRecord> items) {
        Map<String, List<String>> result = new HashMap<>();
        List<String> titles = items.stream().map(OrderItemsRecord::getTitle).distinct().toList();
        tx.select(PRODUCT_VARIANTS.PRODUCT_TITLE, PRODUCT_VARIANTS.VARIANT_TITLE).from(PRODUCT_VARIANTS)
                .where(PRODUCT_VARIANTS.MERCHANT_ID.eq(merchantId)).and(PRODUCT_VARIANTS.PRODUCT_TITLE.in(titles))
                .and(PRODUCT_VARIANTS.IN_STOCK)
                .orderBy(PRODUCT_VARIANTS.POSITION, PRODUCT_VARIANTS.ID)
                .forEach(r -> result.computeIfAbsent(r.value1(), t -> new java.util.ArrayList<>()).add(r.value2()));
        return result;
    }

    private static ReturnPolicy policy(DSLContext tx, ReturnPoliciesRecord p) {
        List<ReturnPolicy.WindowOverride> overrides = tx.selectFrom(RETURN_WINDOW_OVERRIDES)
                .where(RETURN_WINDOW_OVERRIDES.MERCHANT_ID.eq(p.getMerchantId())).and(RETURN_WINDOW_OVERRIDES.POLICY_ID.eq(p.getId()))
                .orderBy(RETURN_WINDOW_OVERRIDES.ID)
                .fetch(o -> new ReturnPolicy.WindowOverride(ReturnPolicy.WindowOverride.Kind.valueOf(o.getKind().toUpperCase(Locale.ROOT)),
                        o.getValue(), o.getWindowDays()));
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

    private static ZoneId zone(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (java.time.DateTimeException e) {
            return java.time.ZoneOffset.UTC;
        }
    }
}
