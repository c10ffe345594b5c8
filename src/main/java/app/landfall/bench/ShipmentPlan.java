package app.landfall.bench;

import static app.landfall.bench.Dice.index;
import static app.landfall.bench.Dice.pick;
import static app.landfall.bench.Dice.r;
import static app.landfall.bench.StatusMix.codes;
import static app.landfall.bench.StatusMix.lastEventAge;
import static app.landfall.bench.StatusMix.pickStatus;
import static app.landfall.bench.StatusMix.pickSubstatus;
import static app.landfall.bench.StatusMix.weight;
import static app.landfall.bench.SyntheticCatalog.FIRST_NAMES;
import static app.landfall.bench.SyntheticCatalog.LAST_NAMES;
import static app.landfall.bench.SyntheticCatalog.PLACES;
import static app.landfall.bench.SyntheticCatalog.PRODUCTS;
import static app.landfall.bench.SyntheticCatalog.carrier;
import static org.jooq.impl.DSL.asterisk;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.floor;
import static org.jooq.impl.DSL.function;
import static org.jooq.impl.DSL.generateSeries;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lpad;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.rand;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

import app.landfall.bench.SyntheticCatalog.Carrier;
import app.landfall.tracking.ShipmentStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jooq.CommonTableExpression;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.TableLike;
import org.jooq.impl.SQLDataType;

/**
 * The {@code plan} of a chunk: one row per shipment with every random choice made for it, so that
 * the inserts of orders, items, shipments and events agree with each other.
 */
final class ShipmentPlan {
    static final double HOUR = 3600;
    static final double DAY = 24 * HOUR;

    static final Field<Integer> G = field(name("g"), SQLDataType.INTEGER);
    static final Field<String> ORDER_NUMBER = field(name("order_number"), SQLDataType.VARCHAR);
    static final Field<String> FIRST_NAME = field(name("first_name"), SQLDataType.VARCHAR);
    static final Field<String> LAST_NAME = field(name("last_name"), SQLDataType.VARCHAR);
    static final Field<Integer> DEST = field(name("dest"), SQLDataType.INTEGER);
    static final Field<Integer> ITEMS = field(name("items"), SQLDataType.INTEGER);
    static final Field<Integer> PRODUCT_1 = field(name("product_1"), SQLDataType.INTEGER);
    static final Field<Integer> PRODUCT_2 = field(name("product_2"), SQLDataType.INTEGER);
    static final Field<BigDecimal> PRICE_1 = field(name("price_1"), SQLDataType.NUMERIC(19, 2));
    static final Field<BigDecimal> PRICE_2 = field(name("price_2"), SQLDataType.NUMERIC(19, 2));
    static final Field<Integer> QUANTITY_1 = field(name("quantity_1"), SQLDataType.INTEGER);
    static final Field<String> CARRIER = field(name("carrier"), SQLDataType.VARCHAR);
    static final Field<String> TRACKING_NUMBER = field(name("tracking_number"), SQLDataType.VARCHAR);
    static final Field<String> STATUS = field(name("status"), SQLDataType.VARCHAR);
    static final Field<String> SUBSTATUS = field(name("substatus"), SQLDataType.VARCHAR);
    static final Field<Integer> EVENTS = field(name("events"), SQLDataType.INTEGER);
    // the timeline, in seconds since the epoch: ordered, first event, gap between events, last event
    static final Field<Double> PLACED_AT = field(name("placed_at"), SQLDataType.DOUBLE);
    static final Field<Double> FIRST_AT = field(name("first_at"), SQLDataType.DOUBLE);
    static final Field<Double> GAP = field(name("gap"), SQLDataType.DOUBLE);
    static final Field<Double> LAST_AT = field(name("last_at"), SQLDataType.DOUBLE);
    static final Field<Double> ETA = field(name("eta"), SQLDataType.DOUBLE);

    private final String run;
    private final double now;
    private final int eventsPerShipment;

    ShipmentPlan(String run, double now, int eventsPerShipment) {
        this.run = run;
        this.now = now;
        this.eventsPerShipment = eventsPerShipment;
    }

    /**
     * Shipments number {@code from..to}. The innermost query rolls the dice: random() is volatile,
     * so PostgreSQL evaluates it once per row and keeps the values for the queries around it, which
     * derive the status, the number of events and the timeline.
     */
    Select<? extends Record> rows(int from, int to) {
        Table<?> dice = select(G).select(Dice.NAMES.stream().map(d -> rand().coerce(SQLDataType.DOUBLE).as(r(d))).toList())
                .from(generateSeries(from, to).as("series", G.getName()))
                .asTable("dice");
        Table<?> withStatus = select(asterisk(), pickStatus(r("status")).as(STATUS))
                .from(dice)
                .asTable("with_status");
        // Pending and InfoReceived shipments have one event; the others make up the average
        double early = weight(ShipmentStatus.Pending) + weight(ShipmentStatus.InfoReceived);
        double othersAverage = Math.max(1, (eventsPerShipment - early) / (1 - early));
        Field<Integer> events = when(STATUS.in(codes(ShipmentStatus.Pending, ShipmentStatus.InfoReceived)), inline(1))
                .otherwise(inline(1).plus(floor(r("events").times(inline(2 * othersAverage - 1))).cast(SQLDataType.INTEGER)));
        Table<?> timeline = select(asterisk(),
                events.as(EVENTS),
                inline(now).minus(lastEventAge(STATUS, r("age"))).as(LAST_AT),
                inline(4 * HOUR).plus(r("gap").times(inline(14 * HOUR))).as(GAP))
                .from(withStatus)
                .asTable("timeline");
        Field<Double> firstAt = LAST_AT.minus(GAP.times(EVENTS.minus(inline(1))));
        return select(G,
                inline("BENCH-" + run + "-").concat(G.cast(SQLDataType.VARCHAR)).as(ORDER_NUMBER),
                pick(r("first_name"), FIRST_NAMES).as(FIRST_NAME),
                pick(r("last_name"), LAST_NAMES).as(LAST_NAME),
                index(r("dest"), PLACES.size()).as(DEST),
                when(r("items").lt(inline(0.4)), inline(2)).otherwise(inline(1)).as(ITEMS),
                index(r("product_1"), PRODUCTS.size()).as(PRODUCT_1),
                index(r("product_2"), PRODUCTS.size()).as(PRODUCT_2),
                price(r("price_1")).as(PRICE_1),
                price(r("price_2")).as(PRICE_2),
                when(r("quantity").lt(inline(0.15)), inline(2)).otherwise(inline(1)).as(QUANTITY_1),
                carrier(r("carrier"), Carrier::code).as(CARRIER),
                carrier(r("carrier"), Carrier::prefix).concat(inline(run), lpad(G.cast(SQLDataType.VARCHAR), 10, "0"))
                        .as(TRACKING_NUMBER),
                STATUS,
                pickSubstatus(STATUS, r("substatus")).as(SUBSTATUS),
                EVENTS,
                firstAt.minus(inline(HOUR).plus(r("lead").times(inline(36 * HOUR)))).as(PLACED_AT),
                firstAt.as(FIRST_AT),
                GAP,
                LAST_AT,
                firstAt.plus(inline(2 * DAY).plus(floor(r("eta").times(inline(4.0))).times(inline(DAY)))).as(ETA))
                .from(timeline);
    }

    private static Field<BigDecimal> price(Field<Double> r) {
        return inline(4.99).plus(r.times(inline(145.0))).cast(SQLDataType.NUMERIC(19, 2));
    }

    static Field<BigDecimal> subtotal(CommonTableExpression<?> plan) {
        return in(plan, PRICE_1).times(in(plan, QUANTITY_1))
                .plus(when(in(plan, ITEMS).eq(inline(2)), in(plan, PRICE_2)).otherwise(inline(BigDecimal.ZERO)));
    }

    static Field<BigDecimal> shipping(CommonTableExpression<?> plan) {
        return when(subtotal(plan).ge(inline(new BigDecimal("75"))), inline(BigDecimal.ZERO))
                .otherwise(inline(new BigDecimal("6.95")));
    }

    static Field<BigDecimal> tax(CommonTableExpression<?> plan) {
        return subtotal(plan).times(inline(new BigDecimal("0.08"))).cast(SQLDataType.NUMERIC(19, 2));
    }

    static Field<Double> eventTime(CommonTableExpression<?> plan, Field<Integer> k) {
        return in(plan, FIRST_AT).plus(in(plan, GAP).times(k.minus(inline(1))));
    }

    /** The column of a CTE or derived table, qualified by its name. */
    static <T> Field<T> in(TableLike<?> table, Field<T> column) {
        return field(name(table.asTable().getName(), column.getName()), column.getDataType());
    }

    static Field<OffsetDateTime> timestamp(Field<Double> epochSeconds) {
        return function("to_timestamp", SQLDataType.TIMESTAMPWITHTIMEZONE, epochSeconds);
    }

    static Field<LocalDate> date(Field<Double> epochSeconds) {
        return timestamp(epochSeconds).cast(SQLDataType.LOCALDATE);
    }
}
