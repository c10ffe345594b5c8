package app.landfall.bench;

import static app.landfall.bench.ShipmentPlan.DEST;
import static app.landfall.bench.ShipmentPlan.EVENTS;
import static app.landfall.bench.ShipmentPlan.STATUS;
import static app.landfall.bench.ShipmentPlan.SUBSTATUS;
import static app.landfall.bench.ShipmentPlan.TRACKING_NUMBER;
import static app.landfall.bench.ShipmentPlan.eventTime;
import static app.landfall.bench.ShipmentPlan.in;
import static app.landfall.bench.ShipmentPlan.timestamp;
import static app.landfall.bench.StatusMix.codes;
import static app.landfall.bench.SyntheticCatalog.HUBS;
import static app.landfall.bench.SyntheticCatalog.PLACES;
import static app.landfall.bench.SyntheticCatalog.PLACE_CITY;
import static app.landfall.bench.SyntheticCatalog.PLACE_COUNTRY;
import static app.landfall.bench.SyntheticCatalog.PLACE_INDEX;
import static app.landfall.bench.SyntheticCatalog.PLACE_POSTAL_CODE;
import static app.landfall.bench.SyntheticCatalog.PLACE_REGION;
import static app.landfall.bench.SyntheticCatalog.PLACE_TIMEZONE;
import static app.landfall.bench.SyntheticCatalog.places;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.TRACKING_EVENTS;
import static org.jooq.impl.DSL.choose;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.generateSeries;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

import app.landfall.bench.SyntheticCatalog.Place;
import app.landfall.tracking.ShipmentStatus;
import app.landfall.tracking.Substatus;
import java.util.Locale;
import org.jooq.CaseValueStep;
import org.jooq.CaseWhenStep;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record4;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** The tracking events of the shipments a chunk inserts. */
final class TrackingTimeline {
    private TrackingTimeline() {
    }

    /**
     * Events 1..n of each new shipment, oldest first: label created and picked up at the warehouse,
     * hubs, out for delivery before a delivery or a failed attempt, and last the shipment's status.
     */
    static ResultQuery<? extends Record> insert(DSLContext tx, CommonTableExpression<?> plan,
            CommonTableExpression<Record4<Long, Long, Long, String>> newShipments, Place origin) {
        Field<Integer> k = field(name("event", "k"), SQLDataType.INTEGER);
        Field<Integer> n = in(plan, EVENTS);
        Field<String> shipmentStatus = in(plan, STATUS);
        Condition newest = k.eq(n);
        Condition outForDelivery = k.eq(n.minus(inline(1)))
                .and(shipmentStatus.in(codes(ShipmentStatus.Delivered, ShipmentStatus.AttemptFail)));
        Field<String> status = when(newest, shipmentStatus)
                .when(k.eq(inline(1)), inline(ShipmentStatus.InfoReceived.code()))
                .when(outForDelivery, inline(ShipmentStatus.OutForDelivery.code()))
                .otherwise(inline(ShipmentStatus.InTransit.code()));
        Field<String> substatus = when(newest, in(plan, SUBSTATUS))
                .when(k.eq(inline(1)), inline(Substatus.InfoReceived_LabelCreated.code()))
                .when(outForDelivery, inline((String) null))
                .when(k.eq(inline(2)), inline(Substatus.InTransit_PickedUp.code()))
                .when(k.mod(inline(2)).eq(inline(1)), inline(Substatus.InTransit_ArrivedAtFacility.code()))
                .otherwise(inline(Substatus.InTransit_DepartedFacility.code()));
        Field<Integer> where = when(newest.and(shipmentStatus.in(codes(ShipmentStatus.OutForDelivery, ShipmentStatus.AttemptFail,
                        ShipmentStatus.AvailableForPickup, ShipmentStatus.Delivered))), in(plan, DEST))
                .when(outForDelivery, in(plan, DEST))
                .when(k.le(inline(2)), inline(PLACES.indexOf(origin)))
                // arrived at and departed from the same hub, then on to another one
                .otherwise(newShipments.field(SHIPMENTS.ID).plus(k.minus(inline(1)).div(inline(2)).times(inline(3)))
                        .mod(inline((long) HUBS)).cast(SQLDataType.INTEGER));
        Table<?> place = places("place");

        Assignments event = new Assignments()
                .set(TRACKING_EVENTS.MERCHANT_ID, newShipments.field(SHIPMENTS.MERCHANT_ID))
                .set(TRACKING_EVENTS.SHIPMENT_ID, newShipments.field(SHIPMENTS.ID))
                .set(TRACKING_EVENTS.OCCURRED_AT, timestamp(eventTime(plan, k)))
                .set(TRACKING_EVENTS.OCCURRED_TIMEZONE, in(place, PLACE_TIMEZONE))
                .set(TRACKING_EVENTS.STATUS, status)
                .set(TRACKING_EVENTS.SUBSTATUS, substatus)
                .set(TRACKING_EVENTS.RAW_STATUS, coalesce(substatus, status))
                .set(TRACKING_EVENTS.RAW_MESSAGE, message(coalesce(substatus, status)))
                .set(TRACKING_EVENTS.LOCATION, in(place, PLACE_CITY).concat(inline(", "), in(place, PLACE_REGION)))
                .set(TRACKING_EVENTS.CITY, in(place, PLACE_CITY))
                .set(TRACKING_EVENTS.REGION, in(place, PLACE_REGION))
                .set(TRACKING_EVENTS.POSTAL_CODE, in(place, PLACE_POSTAL_CODE))
                .set(TRACKING_EVENTS.COUNTRY, in(place, PLACE_COUNTRY))
                .set(TRACKING_EVENTS.SOURCE, inline("synthetic"))
                .set(TRACKING_EVENTS.DEDUPE_KEY, inline("synthetic-").concat(k.cast(SQLDataType.VARCHAR)))
                .set(TRACKING_EVENTS.RECEIVED_AT, timestamp(eventTime(plan, k).plus(inline(90.0))));
        return tx.insertInto(TRACKING_EVENTS, event.columns())
                .select(select(event.values()).from(newShipments)
                        .join(plan).on(in(plan, TRACKING_NUMBER).eq(newShipments.field(SHIPMENTS.TRACKING_NUMBER)))
                        .crossJoin(generateSeries(inline(1), n).as("event", "k"))
                        .join(place).on(in(place, PLACE_INDEX).eq(where)))
                .returningResult(TRACKING_EVENTS.ID);
    }

    private static Field<String> message(Field<String> code) {
        CaseValueStep<String> choose = choose(code);
        CaseWhenStep<String, String> message = null;
        for (ShipmentStatus s : ShipmentStatus.values()) {
            message = message == null ? choose.when(inline(s.code()), inline(message(s)))
                    : message.when(inline(s.code()), inline(message(s)));
        }
        for (Substatus s : Substatus.values()) {
            String detail = s.code().substring(s.code().indexOf('_') + 1).replaceAll("(?<=[a-z])(?=[A-Z])", " ");
            message = message.when(inline(s.code()), inline(message(s.status()) + ": " + detail.toLowerCase(Locale.ROOT)));
        }
        return message;
    }

    private static String message(ShipmentStatus status) {
        return switch (status) {
            case Pending -> "Awaiting carrier information";
            case InfoReceived -> "Shipment information received";
            case InTransit -> "In transit";
            case OutForDelivery -> "Out for delivery";
            case AttemptFail -> "Delivery attempted";
            case AvailableForPickup -> "Available for pickup";
            case Delivered -> "Delivered";
            case Exception -> "Delivery exception";
            case Expired -> "Tracking expired";
        };
    }
}
