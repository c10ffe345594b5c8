package app.landfall.tracking;

import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.SHIPMENT_STATUS_CHANGES;
import static app.landfall.db.schema.Tables.TRACKING_EVENTS;
import static app.landfall.db.schema.Tables.WEBHOOK_INBOX;
import static app.landfall.db.schema.Tables.WEBHOOK_INBOX_SHIPMENTS;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.upper;

import app.landfall.admin.AdminAccess;
import app.landfall.admin.PageCursor;
import app.landfall.admin.AdminPages;
import app.landfall.admin.AdminUser;
import app.landfall.admin.AdminWords;
import app.landfall.admin.Role;
import app.landfall.carriers.TrackingNumbers;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Shipments for the team: found by tracking number, order number or email; filtered by status,
 * exceptions, or parcels on the way with no scan for N days; newest change first, 50 a page by a
 * keyset cursor. A shipment's page shows its timeline with the raw carrier fields, its status
 * changes and the webhook deliveries behind them.
 */
public final class ShipmentsDesk {
    private static final int PAGE = 50;
    static final List<String> STATUSES = List.of("Pending", "InfoReceived", "InTransit", "OutForDelivery", "AttemptFail",
            "AvailableForPickup", "Delivered", "Exception", "Expired");
    /** Statuses of a parcel still on its way (a long silence in one of them deserves a look). */
    static final List<String> MOVING = List.of("Pending", "InfoReceived", "InTransit", "OutForDelivery", "AttemptFail",
            "AvailableForPickup", "Exception");
    private final DSLContext dsl;
    private final Clock clock;
    private final Tracking.ParcelMessages messages;

    ShipmentsDesk(DSLContext dsl, Clock clock, Tracking.ParcelMessages messages) {
        this.dsl = dsl;
        this.clock = clock;
        this.messages = messages;
    }

    /** A status code as the team reads it: "OutForDelivery" is "Out for delivery". */
    static String label(String status) {
        return AdminWords.shipmentStatus(status);
    }

    public record Row(long id, String trackingNumber, String carrier, String status, String tone, String direction, String orderNumber,
            String email, String lastEvent, String updated) {
    }

    public record Event(String occurred, String status, String substatus, String rawStatus, String message, String location,
            String source, String received) {
    }

    /** Where a webhook delivery came from, by name: "aftership" is "AfterShip". */
    static String source(String code) {
        return code == null ? AdminWords.NONE : switch (code) {
            case "aftership" -> "AfterShip";
            case "easypost" -> "EasyPost";
            case "shopify" -> "Shopify";
            case "api" -> "API";
            case "demo" -> "Demo data";
            case "csv" -> "CSV import";
            default -> AdminWords.carrier(code);
        };
    }

    public record Change(String at, String from, String to) {
    }

    public record Delivery(long id, String provider, String deliveryId, String topic, String received, String status, int attempts,
            String error, String body) {
    }

    /** GET /admin/shipments?q=&status=&quiet_days=&after= */
    public void list(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        ZoneId zone = user.zone();
        List<String> problems = new ArrayList<>();
        String q = Optional.ofNullable(ctx.queryParam("q")).map(String::strip).orElse("");
        String status = Optional.ofNullable(ctx.queryParam("status")).filter(s -> !s.isBlank()).orElse(null);
        if (status != null && !STATUSES.contains(status) && !status.equals("problems")) {
            problems.add("There is no status \"" + status + "\": showing every status.");
            status = null;
        }
        Integer quietDays = null;
        String quiet = ctx.queryParam("quiet_days");
        if (quiet != null && !quiet.isBlank()) {
            if (quiet.strip().matches("\\d{1,3}") && Integer.parseInt(quiet.strip()) >= 1) {
                quietDays = Integer.parseInt(quiet.strip());
            } else {
                problems.add("\"No scan for\" takes a number of days from 1 to 999.");
            }
        }
        Condition c = SHIPMENTS.MERCHANT_ID.eq(user.merchantId());
        if (status != null) {
            c = c.and(status.equals("problems") ? SHIPMENTS.STATUS.in("Exception", "AttemptFail") : SHIPMENTS.STATUS.eq(status));
        }
        if (quietDays != null) {
            OffsetDateTime since = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minusDays(quietDays);
            c = c.and(SHIPMENTS.STATUS.in(MOVING)).and(DSL.coalesce(SHIPMENTS.LAST_EVENT_AT, SHIPMENTS.CREATED_AT).lt(since));
        }
        if (!q.isEmpty()) {
            c = c.and(q.contains("@")
                    ? SHIPMENTS.ORDER_ID.in(select(ORDERS.ID).from(ORDERS).where(ORDERS.MERCHANT_ID.eq(user.merchantId()))
                            .and(ORDERS.CUSTOMER_EMAIL.eq(q.toLowerCase(Locale.ROOT))))
                    : SHIPMENTS.TRACKING_NUMBER.eq(TrackingNumbers.normalize(q)).or(SHIPMENTS.ORDER_ID.in(select(ORDERS.ID).from(ORDERS)
                            .where(ORDERS.MERCHANT_ID.eq(user.merchantId())).and(upper(ORDERS.ORDER_NUMBER).eq(q.toUpperCase(Locale.ROOT))))));
        }
        String after = ctx.queryParam("after");
        Optional<PageCursor> cursor = PageCursor.parse(after);
        if (cursor.isPresent()) {
            c = c.and(row(SHIPMENTS.UPDATED_AT, SHIPMENTS.ID).lt(cursor.get().at(), cursor.get().id()));
        }
        var result = dsl.select(SHIPMENTS.ID, SHIPMENTS.TRACKING_NUMBER, SHIPMENTS.CARRIER, SHIPMENTS.STATUS, SHIPMENTS.DIRECTION,
                        ORDERS.ORDER_NUMBER, ORDERS.CUSTOMER_EMAIL, SHIPMENTS.LAST_EVENT_AT, SHIPMENTS.UPDATED_AT)
                .from(SHIPMENTS)
                .leftJoin(ORDERS).on(ORDERS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(ORDERS.ID.eq(SHIPMENTS.ORDER_ID))
                .where(c)
                .orderBy(SHIPMENTS.UPDATED_AT.desc(), SHIPMENTS.ID.desc())
                .limit(PAGE + 1)
                .fetch();
        List<Row> rows = result.stream().limit(PAGE).map(r -> new Row(r.value1(), r.value2(), AdminWords.carrier(r.value3()),
                label(r.value4()), AdminWords.shipmentTone(r.value4()), r.value5(),
                AdminWords.orNone(r.value6()), AdminWords.orNone(r.value7()), r.value8() == null ? "No scan yet" : AdminPages.time(r.value8(), zone),
                AdminPages.time(r.value9(), zone))).toList();
        StringBuilder filters = new StringBuilder();
        for (var p : new String[][] {{"q", q}, {"status", status}, {"quiet_days", quietDays == null ? null : quietDays.toString()}}) {
            if (p[1] != null && !p[1].isEmpty()) {
                filters.append(filters.isEmpty() ? "" : "&").append(p[0]).append('=')
                        .append(java.net.URLEncoder.encode(p[1], StandardCharsets.UTF_8));
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("q", q);
        model.put("status", status);
        model.put("quietDays", quietDays);
        model.put("statuses", STATUSES.stream().map(st -> Map.of("code", st, "label", label(st))).toList());
        model.put("problems", problems);
        model.put("today", java.time.LocalDate.now(clock.withZone(zone)).toString()); // the packing slips form's day
        if (result.size() > PAGE) {
            var last = result.get(PAGE - 1);
            model.put("nextPage", "/admin/shipments?" + (filters.isEmpty() ? "" : filters + "&") + "after="
                    + new PageCursor(last.value9(), last.value1()).text());
        }
        model.put("firstPage", after == null ? null : "/admin/shipments" + (filters.isEmpty() ? "" : "?" + filters));
        AdminPages.render(ctx, user, "shipments", "admin/shipments", model);
    }

    /** GET /admin/shipments/{id} */
    public void show(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        long id = AdminAccess.id(ctx.pathParam("id"));
        long m = user.merchantId();
        var s = dsl.select(SHIPMENTS.asterisk(), ORDERS.ORDER_NUMBER, ORDERS.CUSTOMER_EMAIL).from(SHIPMENTS)
                .leftJoin(ORDERS).on(ORDERS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(ORDERS.ID.eq(SHIPMENTS.ORDER_ID))
                .where(SHIPMENTS.MERCHANT_ID.eq(m)).and(SHIPMENTS.ID.eq(id)).fetchOne();
        if (s == null) {
            throw AdminAccess.notFound();
        }
        ZoneId zone = user.zone();
        List<Event> events = dsl.selectFrom(TRACKING_EVENTS)
                .where(TRACKING_EVENTS.MERCHANT_ID.eq(m)).and(TRACKING_EVENTS.SHIPMENT_ID.eq(id))
                .orderBy(TRACKING_EVENTS.OCCURRED_AT.desc(), TRACKING_EVENTS.ID.desc())
                .fetch(e -> new Event(AdminPages.time(e.getOccurredAt(), zone), label(e.getStatus()),
                        e.getSubstatus() == null ? null : AdminWords.substatus(e.getSubstatus()),
                        e.getRawStatus(), e.getRawMessage(), AdminWords.orNone(e.getLocation()), source(e.getSource()),
                        AdminWords.later(e.getOccurredAt(), e.getReceivedAt())));
        List<Change> changes = dsl.selectFrom(SHIPMENT_STATUS_CHANGES)
                .where(SHIPMENT_STATUS_CHANGES.MERCHANT_ID.eq(m)).and(SHIPMENT_STATUS_CHANGES.SHIPMENT_ID.eq(id))
                .orderBy(SHIPMENT_STATUS_CHANGES.CHANGED_AT.desc(), SHIPMENT_STATUS_CHANGES.ID.desc())
                .fetch(c -> new Change(AdminPages.time(c.getChangedAt(), zone),
                        AdminWords.shipmentStatus(c.getFromStatus(), c.getFromSubstatus()),
                        AdminWords.shipmentStatus(c.getToStatus(), c.getToSubstatus())));
        List<Delivery> deliveries = dsl.select(WEBHOOK_INBOX.asterisk()).from(WEBHOOK_INBOX_SHIPMENTS)
                .join(WEBHOOK_INBOX).on(WEBHOOK_INBOX.MERCHANT_ID.eq(WEBHOOK_INBOX_SHIPMENTS.MERCHANT_ID))
                .and(WEBHOOK_INBOX.ID.eq(WEBHOOK_INBOX_SHIPMENTS.INBOX_ID))
                .where(WEBHOOK_INBOX_SHIPMENTS.MERCHANT_ID.eq(m)).and(WEBHOOK_INBOX_SHIPMENTS.SHIPMENT_ID.eq(id))
                .orderBy(WEBHOOK_INBOX.RECEIVED_AT.desc())
                .limit(50)
                .fetch(r -> r.into(WEBHOOK_INBOX)).stream()
                .map(w -> new Delivery(w.getId(), source(w.getProvider()), w.getDeliveryId(), w.getTopic(),
                        AdminPages.time(w.getReceivedAt(), zone), w.getStatus(), w.getAttempts(), w.getLastError(),
                        body(w.getBody())))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("s", s.into(SHIPMENTS));
        model.put("statusLabel", label(s.get(SHIPMENTS.STATUS)));
        model.put("statusTone", AdminWords.shipmentTone(s.get(SHIPMENTS.STATUS)));
        model.put("statusDetail", s.get(SHIPMENTS.SUBSTATUS) == null ? null : AdminWords.substatus(s.get(SHIPMENTS.SUBSTATUS)));
        model.put("carrier", AdminWords.carrier(s.get(SHIPMENTS.CARRIER), s.get(SHIPMENTS.SERVICE)));
        model.put("estimate", s.get(SHIPMENTS.CARRIER_ESTIMATED_DELIVERY) == null ? AdminWords.NONE
                : s.get(SHIPMENTS.CARRIER_ESTIMATED_DELIVERY).format(java.time.format.DateTimeFormatter.ofPattern("EEE, MMM d, yyyy", Locale.ENGLISH)));
        model.put("direction", "return".equals(s.get(SHIPMENTS.DIRECTION)) ? "Back to the store (a return)" : "To the customer");
        model.put("orderNumber", s.get(ORDERS.ORDER_NUMBER));
        model.put("email", s.get(ORDERS.CUSTOMER_EMAIL));
        model.put("events", events);
        model.put("changes", changes);
        model.put("deliveries", deliveries);
        model.put("messages", messages.about(m, id, zone));
        AdminPages.render(ctx, user, "shipments", "admin/shipment", model);
    }

    /** A delivery's body as text, cut at 20,000 characters (it is shown in a scrolling box). */
    private static String body(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 20_000 ? text.substring(0, 20_000) + "\n… (" + body.length + " bytes in all)" : text;
    }
}
