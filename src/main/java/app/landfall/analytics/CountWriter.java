package app.landfall.analytics;

import static app.landfall.db.schema.Tables.ENGAGEMENT_COUNTS;
import static app.landfall.db.schema.Tables.SHIPMENTS;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Adds counts to engagement_counts in one statement: the rows travel as six arrays (six bind values
 * whatever the number of rows), are unnested side by side, and only those whose shipment still exists
 * are upserted.
 */
final class CountWriter {
    private final DSLContext dsl;

    CountWriter(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Returns the number of rows inserted or updated. */
    int write(List<Map.Entry<CountKey, Long>> rows) {
        int n = rows.size();
        Long[] merchants = new Long[n];
        Long[] shipments = new Long[n];
        String[] kinds = new String[n];
        String[] targets = new String[n];
        OffsetDateTime[] hours = new OffsetDateTime[n];
        Long[] counts = new Long[n];
        for (int i = 0; i < n; i++) {
            CountKey key = rows.get(i).getKey();
            merchants[i] = key.merchantId();
            shipments[i] = key.shipmentId();
            kinds[i] = key.kind().code();
            targets[i] = key.target();
            hours[i] = key.hour().atOffset(ZoneOffset.UTC);
            counts[i] = rows.get(i).getValue();
        }
        Field<Long> merchant = unnest(merchants, SQLDataType.BIGINT).as("merchant_id");
        Field<Long> shipment = unnest(shipments, SQLDataType.BIGINT).as("shipment_id");
        Field<String> kind = unnest(kinds, SQLDataType.CLOB).as("kind");
        Field<String> target = unnest(targets, SQLDataType.CLOB).as("target");
        Field<OffsetDateTime> hour = unnest(hours, SQLDataType.TIMESTAMPWITHTIMEZONE).as("hour");
        Field<Long> count = unnest(counts, SQLDataType.BIGINT).as("count");
        Table<?> batch = DSL.select(merchant, shipment, kind, target, hour, count).asTable("batch");
        List<Field<?>> primaryKey = List.of(batch.field(merchant), batch.field(shipment), batch.field(kind),
                batch.field(target), batch.field(hour));
        return dsl.insertInto(ENGAGEMENT_COUNTS, ENGAGEMENT_COUNTS.MERCHANT_ID, ENGAGEMENT_COUNTS.SHIPMENT_ID,
                        ENGAGEMENT_COUNTS.KIND, ENGAGEMENT_COUNTS.TARGET, ENGAGEMENT_COUNTS.HOUR, ENGAGEMENT_COUNTS.COUNT)
                .select(DSL.select(batch.field(merchant), batch.field(shipment), batch.field(kind),
                                batch.field(target), batch.field(hour), batch.field(count))
                        .from(batch)
                        // a shipment deleted since the view was counted: its counts are of no use to anyone
                        .join(SHIPMENTS).on(SHIPMENTS.MERCHANT_ID.eq(batch.field(merchant)))
                        .and(SHIPMENTS.ID.eq(batch.field(shipment)))
                        // rows locked in key order, so that two flushes never deadlock
                        .orderBy(primaryKey))
                .onConflict(ENGAGEMENT_COUNTS.MERCHANT_ID, ENGAGEMENT_COUNTS.SHIPMENT_ID, ENGAGEMENT_COUNTS.KIND,
                        ENGAGEMENT_COUNTS.TARGET, ENGAGEMENT_COUNTS.HOUR)
                .doUpdate()
                .set(ENGAGEMENT_COUNTS.COUNT, ENGAGEMENT_COUNTS.COUNT.plus(DSL.excluded(ENGAGEMENT_COUNTS.COUNT)))
                .execute();
    }

    // jOOQ 3.19's DSL.unnest takes one array and makes a table; Postgres's unnest in a select list zips
    // several arrays of equal length into rows, which jOOQ only reaches as a named function
    private static <T> Field<T> unnest(T[] values, DataType<T> type) {
        return DSL.function(DSL.unquotedName("unnest"), type, DSL.val(values, type.getArrayDataType()));
    }
}
