package app.landfall.returns;

import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;
import static app.landfall.db.schema.Tables.RETURN_PHOTOS;
import static app.landfall.db.schema.Tables.RETURN_REASONS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.TRACKING_EVENTS;

import app.landfall.admin.AdminAccess;
import app.landfall.admin.AdminPages;
import app.landfall.admin.AdminUser;
import app.landfall.admin.AdminWords;
import app.landfall.admin.Role;
import app.landfall.notifications.Notifications;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** One return as the merchant processes it: items, photos, comments, the rules that decided, its parcel, and what can happen next. */
public final class ReturnDetail {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DSLContext dsl;
    private final Notifications notifications;
    private final ReturnLabels labels;

    ReturnDetail(DSLContext dsl, Notifications notifications, ReturnLabels labels) {
        this.dsl = dsl;
        this.notifications = notifications;
        this.labels = labels;
    }

    public record Item(long id, long orderItemId, String title, String variant, String sku, int quantity, String reason, String comment,
            String exchangeFor, String value, boolean keepItem, Integer receivedQuantity, String condition, List<Long> photos) {
    }

    /** A bought or failed carrier label as the team sees it, its cost in words. */
    public record Label(ReturnLabels.Label label, String cost) {
    }

    public record Event(String at, String status, String message, String location) {
    }

    /** GET /admin/returns/{id} */
    public void show(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        long id = AdminAccess.id(ctx.pathParam("id"));
        var r = dsl.select(RETURNS.asterisk(), ORDERS.ORDER_NUMBER, ORDERS.CUSTOMER_EMAIL, ORDERS.CUSTOMER_NAME, SHIPMENTS.STATUS,
                        SHIPMENTS.CARRIER)
                .from(RETURNS).join(ORDERS).on(ORDERS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(ORDERS.ID.eq(RETURNS.ORDER_ID))
                .leftJoin(SHIPMENTS).on(SHIPMENTS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(SHIPMENTS.ID.eq(RETURNS.RETURN_SHIPMENT_ID))
                .where(RETURNS.MERCHANT_ID.eq(user.merchantId())).and(RETURNS.ID.eq(id))
                .fetchOne();
        if (r == null) {
            throw AdminAccess.notFound();
        }
        ZoneId zone = user.zone();
        String currency = r.get(RETURNS.CURRENCY);
        var parent = RETURN_REASONS.as("parent");
        List<Item> items = dsl.select(RETURN_ITEMS.ID, RETURN_ITEMS.ORDER_ITEM_ID, ORDER_ITEMS.TITLE, ORDER_ITEMS.VARIANT_TITLE, ORDER_ITEMS.SKU,
                        RETURN_ITEMS.QUANTITY, DSL.concat(DSL.coalesce(parent.LABEL.concat(DSL.inline(" › ")), DSL.inline("")),
                                RETURN_REASONS.LABEL), RETURN_ITEMS.COMMENT, RETURN_ITEMS.EXCHANGE_VARIANT_TITLE, RETURN_ITEMS.VALUE,
                        RETURN_ITEMS.KEEP_ITEM, RETURN_ITEMS.RECEIVED_QUANTITY, RETURN_ITEMS.CONDITION,
                        DSL.multiset(DSL.select(RETURN_PHOTOS.ID).from(RETURN_PHOTOS)
                                .where(RETURN_PHOTOS.MERCHANT_ID.eq(RETURN_ITEMS.MERCHANT_ID))
                                .and(RETURN_PHOTOS.RETURN_ITEM_ID.eq(RETURN_ITEMS.ID)).orderBy(RETURN_PHOTOS.ID))
                                .convertFrom(p -> p.map(x -> x.value1())))
                .from(RETURN_ITEMS)
                .join(ORDER_ITEMS).on(ORDER_ITEMS.MERCHANT_ID.eq(RETURN_ITEMS.MERCHANT_ID)).and(ORDER_ITEMS.ID.eq(RETURN_ITEMS.ORDER_ITEM_ID))
                .leftJoin(RETURN_REASONS).on(RETURN_REASONS.MERCHANT_ID.eq(RETURN_ITEMS.MERCHANT_ID)).and(RETURN_REASONS.ID.eq(RETURN_ITEMS.REASON_ID))
                .leftJoin(parent).on(parent.MERCHANT_ID.eq(RETURN_REASONS.MERCHANT_ID)).and(parent.ID.eq(RETURN_REASONS.PARENT_ID))
                .where(RETURN_ITEMS.MERCHANT_ID.eq(user.merchantId())).and(RETURN_ITEMS.RETURN_ID.eq(id))
                .orderBy(RETURN_ITEMS.ID)
                .fetch(i -> new Item(i.value1(), i.value2(), i.value3(), i.value4(), i.value5(), i.value6(), i.value7(), i.value8(),
                        i.value9(), i.value10() == null ? AdminWords.NONE : Money.format(i.value10(), currency), i.value11(), i.value12(),
                        i.value13() == null ? null : AdminWords.words(i.value13()), i.value14()));
        Map<String, Object> model = new HashMap<>();
        model.put("r", r.into(RETURNS));
        // the same words and tone as the return's row in the list
        ReturnStanding standing = ReturnStanding.of(r.get(RETURNS.STATUS), r.get(RETURNS.RECEIVED_AT) != null, r.get(SHIPMENTS.STATUS));
        model.put("standing", standing.words());
        model.put("standingTone", standing.tone());
        model.put("parcelStatus", r.get(SHIPMENTS.STATUS) == null ? null : AdminWords.shipmentStatus(r.get(SHIPMENTS.STATUS)));
        model.put("parcelTone", AdminWords.shipmentTone(r.get(SHIPMENTS.STATUS)));
        model.put("parcelCarrier", r.get(SHIPMENTS.CARRIER) == null ? null : AdminWords.carrier(r.get(SHIPMENTS.CARRIER)));
        model.put("orderNumber", r.get(ORDERS.ORDER_NUMBER));
        model.put("email", r.get(ORDERS.CUSTOMER_EMAIL));
        model.put("customer", r.get(ORDERS.CUSTOMER_NAME));
        model.put("items", items);
        model.put("resolution", AdminWords.words(r.get(RETURNS.RESOLUTION)));
        model.put("method", AdminWords.words(r.get(RETURNS.METHOD)));
        model.put("amounts", amounts(r.into(RETURNS), currency));
        model.put("rules", rules(r.get(RETURNS.DECISION).data(), items));
        model.put("timeline", timeline(r.into(RETURNS), zone));
        ReturnStatus status = ReturnStatus.of(r.get(RETURNS.STATUS)).orElseThrow();
        model.put("status", status);
        model.put("canApprove", status.canBecome(ReturnStatus.APPROVED));
        model.put("canReject", status.canBecome(ReturnStatus.REJECTED));
        model.put("canReceive", status.canBecome(ReturnStatus.RECEIVED));
        model.put("canResolve", status == ReturnStatus.RECEIVED || status == ReturnStatus.APPROVED
                && items.stream().allMatch(Item::keepItem));
        ReturnPolicy.Resolution requested = ReturnPolicy.Resolution.valueOf(r.get(RETURNS.RESOLUTION).toUpperCase(java.util.Locale.ROOT));
        RefundLimits limits = new RefundLimits(currency, r.get(RETURNS.ITEMS_VALUE), r.get(RETURNS.BONUS), r.get(RETURNS.TOTAL), requested);
        model.put("suggestedAmount", limits.shown(limits.suggested(requested)));
        model.put("amountLimit", limits.cap(requested).map(limits::shown).orElse(null));
        model.put("parcelEvents", r.get(RETURNS.RETURN_SHIPMENT_ID) == null ? List.of()
                : events(user.merchantId(), r.get(RETURNS.RETURN_SHIPMENT_ID), zone));
        model.put("label", labels.find(user.merchantId(), id).map(l -> new Label(l, l.amount() == null || l.currency() == null ? null
                : Money.format(l.amount(), l.currency()))).orElse(null));
        model.put("messages", notifications.messagesForReturn(user.merchantId(), id, zone));
        AdminPages.render(ctx, user, "returns", "admin/return", model);
    }

    /** GET /admin/returns/{id}/photos/{photo}: a shopper's photo, to this merchant's team only. */
    public void photo(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        var photo = dsl.select(RETURN_PHOTOS.CONTENT_TYPE, RETURN_PHOTOS.BODY)
                .from(RETURN_PHOTOS).join(RETURN_ITEMS).on(RETURN_ITEMS.MERCHANT_ID.eq(RETURN_PHOTOS.MERCHANT_ID))
                .and(RETURN_ITEMS.ID.eq(RETURN_PHOTOS.RETURN_ITEM_ID))
                .where(RETURN_PHOTOS.MERCHANT_ID.eq(user.merchantId()))
                .and(RETURN_PHOTOS.ID.eq(AdminAccess.id(ctx.pathParam("photo"))))
                .and(RETURN_ITEMS.RETURN_ID.eq(AdminAccess.id(ctx.pathParam("id"))))
                .fetchOne();
        if (photo == null) {
            throw AdminAccess.notFound();
        }
        // not kept: after sign-out the next user of that browser must not find a shopper's photo in its cache
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Disposition", "inline");
        ctx.contentType(photo.value1()).result(photo.value2());
    }

    private List<Event> events(long merchantId, long shipmentId, ZoneId zone) {
        return dsl.select(TRACKING_EVENTS.OCCURRED_AT, TRACKING_EVENTS.STATUS, TRACKING_EVENTS.RAW_MESSAGE, TRACKING_EVENTS.LOCATION)
                .from(TRACKING_EVENTS)
                .where(TRACKING_EVENTS.MERCHANT_ID.eq(merchantId)).and(TRACKING_EVENTS.SHIPMENT_ID.eq(shipmentId))
                .orderBy(TRACKING_EVENTS.OCCURRED_AT.desc(), TRACKING_EVENTS.ID.desc())
                .fetch(e -> new Event(AdminPages.time(e.value1(), zone), AdminWords.shipmentStatus(e.value2()), e.value3(), e.value4()));
    }

    private static List<Map<String, String>> amounts(app.landfall.db.schema.tables.records.ReturnsRecord r, String currency) {
        List<Map<String, String>> out = new ArrayList<>();
        add(out, "Items", r.getItemsValue(), currency);
        add(out, "Restocking fee", negate(r.getRestockingFee()), currency);
        add(out, "Return shipping", negate(r.getShippingFee()), currency);
        add(out, "Store-credit bonus", r.getBonus(), currency);
        add(out, "Total for the shopper", r.getTotal(), currency);
        add(out, "Refunded", r.getRefundAmount(), currency);
        add(out, "Credited", r.getCreditAmount(), currency);
        return out;
    }

    private static BigDecimal negate(BigDecimal fee) {
        return fee == null || fee.signum() == 0 ? null : fee.negate();
    }

    private static void add(List<Map<String, String>> out, String label, BigDecimal amount, String currency) {
        if (amount != null && (amount.signum() != 0 || label.startsWith("Total") || label.equals("Items"))) {
            out.add(Map.of("label", label, "amount", Money.format(amount, currency)));
        }
    }

    /** The decision's rules in plain words, each with the item it was about. */
    static List<Map<String, String>> rules(String json, List<Item> items) {
        List<Map<String, String>> out = new ArrayList<>();
        try {
            for (JsonNode rule : JSON.readTree(json)) {
                // rules name the order item they were about, or none for the whole return
                long item = rule.path("item").asLong(-1);
                String about = items.stream().filter(i -> i.orderItemId() == item).map(Item::title).findFirst().orElse("the whole return");
                out.add(Map.of("rule", rule.path("rule").asText("").toLowerCase(Locale.ROOT).replace('_', ' '),
                        "detail", rule.path("detail").asText(""), "about", about));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            out.add(Map.of("rule", "unreadable", "detail", "The stored decision could not be read.", "about", ""));
        }
        return out;
    }

    private static List<Map<String, String>> timeline(app.landfall.db.schema.tables.records.ReturnsRecord r, ZoneId zone) {
        List<Map<String, String>> out = new ArrayList<>();
        step(out, "Requested", r.getCreatedAt(), zone);
        step(out, "Approved", r.getApprovedAt(), zone);
        step(out, "Received", r.getReceivedAt(), zone);
        step(out, "Rejected", r.getRejectedAt(), zone);
        step(out, "Cancelled", r.getCancelledAt(), zone);
        step(out, "Resolved", r.getCompletedAt(), zone);
        return out;
    }

    private static void step(List<Map<String, String>> out, String name, OffsetDateTime at, ZoneId zone) {
        if (at != null) {
            out.add(Map.of("name", name, "at", AdminPages.time(at, zone)));
        }
    }

}
