package app.landfall.notifications;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.TRACKING_EVENTS;

import app.landfall.carriers.CarrierDirectory;
import app.landfall.i18n.LocalFormat;
import app.landfall.i18n.Messages;
import app.landfall.merchants.Merchants;
import app.landfall.tracking.DeliveryPromise;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The words of a parcel's emails ({@code shipment.*} templates). The heading is the tracking page's
 * name for the status, the body its explanation and next step, and the date its delivery promise
 * (the same {@link DeliveryPromise}, in the store's time zone), all read when the email goes out: an
 * email says what the page it links to says.
 */
final class ShipmentEmails {
    private final DSLContext dsl;
    private final Clock clock;
    private final Supplier<String> baseUrl;

    ShipmentEmails(DSLContext dsl, Clock clock, Supplier<String> baseUrl) {
        this.dsl = dsl;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    EmailContents.Rendered render(Outbox.Pending notice, long shipmentId, Locale locale,
            Function<Long, EmailContents.Store> store, boolean facts) {
        ShipmentTrigger trigger = ShipmentTrigger.byTemplate(notice.template())
                .orElseThrow(() -> new EmailContents.Unrenderable("There is no email template " + notice.template() + "."));
        var lastPlace = DSL.select(TRACKING_EVENTS.LOCATION).from(TRACKING_EVENTS)
                .where(TRACKING_EVENTS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(TRACKING_EVENTS.SHIPMENT_ID.eq(SHIPMENTS.ID))
                .orderBy(TRACKING_EVENTS.OCCURRED_AT.desc(), TRACKING_EVENTS.ID.desc()).limit(1).<String>asField("last_place");
        Record r = dsl.select(SHIPMENTS.CARRIER, SHIPMENTS.TRACKING_NUMBER, SHIPMENTS.STATUS, SHIPMENTS.SUBSTATUS,
                        SHIPMENTS.PUBLIC_TOKEN, SHIPMENTS.CARRIER_ESTIMATED_DELIVERY, SHIPMENTS.PREDICTED_DELIVERY_FROM,
                        SHIPMENTS.PREDICTED_DELIVERY_TO, SHIPMENTS.DELIVERED_AT, SHIPMENTS.PICKUP_LOCATION, SHIPMENTS.PICKUP_DEADLINE,
                        ORDERS.ID, ORDERS.ORDER_NUMBER, ORDERS.PROMISED_DELIVERY_DATE, ORDERS.BRAND_ID, ORDERS.CUSTOMER_NAME,
                        MERCHANTS.TIMEZONE, lastPlace)
                .from(SHIPMENTS)
                .join(ORDERS).on(ORDERS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(ORDERS.ID.eq(SHIPMENTS.ORDER_ID))
                .join(MERCHANTS).on(MERCHANTS.ID.eq(SHIPMENTS.MERCHANT_ID))
                .where(SHIPMENTS.MERCHANT_ID.eq(notice.merchantId())).and(SHIPMENTS.ID.eq(shipmentId))
                .fetchOptional().orElseThrow(() -> new EmailContents.Unrenderable("Shipment " + shipmentId + " no longer exists."));
        EmailContents.Store from = store.apply(r.get(ORDERS.BRAND_ID));
        ZoneId zone = Merchants.zone(r.get(MERCHANTS.TIMEZONE));
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalFormat format = new LocalFormat(locale, today);
        String status = r.get(SHIPMENTS.STATUS);
        String substatus = r.get(SHIPMENTS.SUBSTATUS);
        String carrier = CarrierDirectory.byCode(r.get(SHIPMENTS.CARRIER)).map(CarrierDirectory.Carrier::displayName)
                .orElse(t(locale, "tracking.carrier.unknown"));
        String place = r.get(SHIPMENTS.PICKUP_LOCATION) != null ? r.get(SHIPMENTS.PICKUP_LOCATION) : r.get(lastPlace);
        LocalDate deadline = r.get(SHIPMENTS.PICKUP_DEADLINE);
        Object[] args = {carrier, place == null ? "" : place, deadline == null ? "" : format.day(deadline), from.name()};
        boolean pickup = "AvailableForPickup".equals(status);

        DeliveryPromise promise = promise(r, status, substatus, zone, today);
        String order = r.get(ORDERS.ORDER_NUMBER);
        List<String> paragraphs = new ArrayList<>();
        // the moments no status raises open with their own words: the reminder, the request, the delay
        String own = "email.shipment." + trigger.code() + ".intro";
        add(paragraphs, Messages.text(locale, own, order, from.name(), deadline == null ? "" : format.day(deadline), place == null ? "" : place));
        if (trigger != ShipmentTrigger.REVIEW_REQUEST) {
            add(paragraphs, first(locale, args, "explain." + substatus, pickup && place == null ? "explain.AvailableForPickup.noplace" : "-",
                    "explain." + status));
            add(paragraphs, first(locale, args, pickup && deadline != null ? "next.AvailableForPickup.deadline" : "-",
                    "next." + substatus, "next." + status));
            add(paragraphs, promiseLine(promise, locale, format));
        }
        paragraphs.add(t(locale, "email.shipment.order", order) + " · " + t(locale, "email.shipment.number", carrier,
                r.get(SHIPMENTS.TRACKING_NUMBER)));
        String subject = t(locale, "email.shipment." + trigger.code() + ".subject", order, from.name());
        String heading = first(locale, args, "email.shipment." + trigger.code() + ".heading", "status." + trigger.status());
        String action = first(locale, args, "email.shipment." + trigger.code() + ".action", "email.shipment.action");
        String link = baseUrl.get() + "/t/" + r.get(SHIPMENTS.PUBLIC_TOKEN);
        Map<String, String> values = new HashMap<>();
        values.put(Placeholder.CUSTOMER_FIRST_NAME.code(), EmailContents.firstName(r.get(ORDERS.CUSTOMER_NAME)));
        values.put(Placeholder.ORDER_NUMBER.code(), order);
        values.put(Placeholder.STORE_NAME.code(), from.name());
        values.put(Placeholder.STATUS.code(), heading);
        values.put(Placeholder.ITEMS.code(), facts ? EmailContents.items(dsl, notice.merchantId(), r.get(ORDERS.ID), null) : "");
        values.put(Placeholder.CARRIER.code(), carrier);
        values.put(Placeholder.TRACKING_NUMBER.code(), r.get(SHIPMENTS.TRACKING_NUMBER));
        values.put(Placeholder.TRACKING_LINK.code(), link);
        values.put(Placeholder.ESTIMATED_DELIVERY.code(), switch (promise.kind()) {
            case ESTIMATED, PROMISED -> format.day(promise.from());
            case RANGE -> t(locale, "promise.range", format.day(promise.from()), format.day(promise.to()));
            default -> "";
        });
        values.put(Placeholder.PICKUP_LOCATION.code(), pickup && place != null ? place : "");
        values.put(Placeholder.PICKUP_DEADLINE.code(), deadline == null ? "" : format.day(deadline));
        return new EmailContents.Rendered(from, new EmailContent(locale.getLanguage(), subject, paragraphs.get(0), heading,
                paragraphs, new EmailContent.Action(action, link),
                List.of(t(locale, "email.footer.store", from.name()))), values);
    }

    /** The tracking page's promise line: "Estimated delivery: Tuesday, November 24", "Delivered on …". */
    private static DeliveryPromise promise(Record r, String status, String substatus, ZoneId zone, LocalDate today) {
        LocalDate deliveredOn = r.get(SHIPMENTS.DELIVERED_AT) == null ? null
                : r.get(SHIPMENTS.DELIVERED_AT).atZoneSameInstant(zone).toLocalDate();
        return DeliveryPromise.of(status, substatus, deliveredOn, r.get(SHIPMENTS.CARRIER_ESTIMATED_DELIVERY),
                r.get(SHIPMENTS.PREDICTED_DELIVERY_FROM), r.get(SHIPMENTS.PREDICTED_DELIVERY_TO), r.get(ORDERS.PROMISED_DELIVERY_DATE),
                today);
    }

    private static String promiseLine(DeliveryPromise p, Locale locale, LocalFormat format) {
        return switch (p.kind()) {
            case NONE -> null;
            case DELIVERED -> t(locale, "promise.delivered") + " " + format.day(p.from());
            case ESTIMATED -> t(locale, "promise.estimated") + " " + format.day(p.from());
            case PROMISED -> t(locale, "promise.promised") + " " + format.day(p.from());
            case RANGE -> t(locale, "promise.estimated") + " " + t(locale, "promise.range", format.day(p.from()), format.day(p.to()));
        };
    }

    private static String first(Locale locale, Object[] args, String... keys) {
        for (String key : keys) {
            String text = Messages.text(locale, key, args);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static void add(List<String> paragraphs, String text) {
        if (text != null) {
            paragraphs.add(text);
        }
    }

    private static String t(Locale locale, String key, Object... args) {
        return Messages.text(locale, key, args);
    }
}
