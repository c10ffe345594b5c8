package app.landfall.tracking;

import static app.landfall.db.schema.Tables.BRANDS;
import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.TRACKING_EVENTS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.jooq.DSLContext;

/** Shipments as the public sees them, found by their unguessable token. */
final class Shipments {
    private final DSLContext dsl;

    Shipments(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Scans are shown at the local time of the place they happened, when the carrier said where. */
    private static ZonedDateTime localTime(OffsetDateTime occurredAt, String timezone) {
        try {
            return occurredAt.atZoneSameInstant(timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone));
        } catch (DateTimeException e) {
            return occurredAt.atZoneSameInstant(ZoneOffset.UTC);
        }
    }

    Optional<TrackedShipment> byPublicToken(String token) {
        return dsl.select(
                        coalesce(BRANDS.NAME, MERCHANTS.NAME),
                        ORDERS.ORDER_NUMBER,
                        SHIPMENTS.CARRIER,
                        SHIPMENTS.TRACKING_NUMBER,
                        SHIPMENTS.STATUS,
                        SHIPMENTS.SUBSTATUS,
                        SHIPMENTS.CARRIER_ESTIMATED_DELIVERY,
                        SHIPMENTS.DELIVERED_AT,
                        multiset(select(TRACKING_EVENTS.OCCURRED_AT, TRACKING_EVENTS.OCCURRED_TIMEZONE,
                                        TRACKING_EVENTS.RAW_MESSAGE, TRACKING_EVENTS.LOCATION)
                                .from(TRACKING_EVENTS)
                                // the event rows belong to the same merchant as the shipment
                                .where(TRACKING_EVENTS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID))
                                .and(TRACKING_EVENTS.SHIPMENT_ID.eq(SHIPMENTS.ID))
                                .orderBy(TRACKING_EVENTS.OCCURRED_AT.desc(), TRACKING_EVENTS.ID.desc()))
                                .convertFrom(r -> r.map(e -> new TrackedShipment.Event(localTime(e.value1(), e.value2()), e.value3(), e.value4()))))
                .from(SHIPMENTS)
                .join(MERCHANTS).on(MERCHANTS.ID.eq(SHIPMENTS.MERCHANT_ID))
                .leftJoin(BRANDS).on(BRANDS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(BRANDS.IS_DEFAULT)
                .leftJoin(ORDERS).on(ORDERS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(ORDERS.ID.eq(SHIPMENTS.ORDER_ID))
                .where(SHIPMENTS.PUBLIC_TOKEN.eq(token))
                .fetchOptional(r -> new TrackedShipment(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9()));
    }
}
