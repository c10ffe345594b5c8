package app.landfall.tracking;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.SHIPMENT_STATUS_CHANGES;
import static app.landfall.db.schema.Tables.TRACKING_EVENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.landfall.auth.Tokens;
import app.landfall.db.Database;
import app.landfall.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/** Shipments that hear nothing for 30 days become Expired, with a status-change row; others are left alone. */
class ExpirySweepIT {

    @Test
    void expires_silent_shipments_only() {
        try (Database database = Database.start(TestDatabase.config())) {
            DSLContext dsl = database.dsl();
            long merchant = dsl.insertInto(MERCHANTS).set(MERCHANTS.SLUG, "shop").set(MERCHANTS.NAME, "Shop")
                    .returning(MERCHANTS.ID).fetchOne().getId();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            long neverScanned = shipment(dsl, merchant, "SILENT0001", now.minusDays(31));
            long young = shipment(dsl, merchant, "YOUNG00001", now.minusDays(29));
            long stalled = shipment(dsl, merchant, "STALL00001", now.minusDays(60));
            long delivered = shipment(dsl, merchant, "DONE000001", now.minusDays(60));
            long moving = shipment(dsl, merchant, "MOVE000001", now.minusDays(60));
            // the events arrived 20 days ago, when the stalled shipment had been silent for 20 days only
            EventIngestion earlier = new EventIngestion(dsl, Clock.offset(Clock.systemUTC(), Duration.ofDays(-20)), Duration.ofDays(30));
            event(earlier, merchant, stalled, now.minusDays(40), ShipmentStatus.InTransit);
            event(earlier, merchant, delivered, now.minusDays(40), ShipmentStatus.Delivered);
            assertEquals("InTransit", status(dsl, stalled));
            EventIngestion ingestion = new EventIngestion(dsl, Clock.systemUTC(), Duration.ofDays(30));
            event(ingestion, merchant, moving, now.minusDays(2), ShipmentStatus.InTransit);

            ExpirySweep sweep = new ExpirySweep(dsl, ingestion, Clock.systemUTC(), Duration.ofDays(30));
            assertEquals(2, sweep.run());
            assertEquals("Expired", status(dsl, neverScanned));
            assertEquals("Expired", status(dsl, stalled));
            assertEquals("Pending", status(dsl, young));
            assertEquals("Delivered", status(dsl, delivered));
            assertEquals("InTransit", status(dsl, moving));
            assertEquals(1, dsl.fetchCount(SHIPMENT_STATUS_CHANGES, SHIPMENT_STATUS_CHANGES.SHIPMENT_ID.eq(stalled)
                    .and(SHIPMENT_STATUS_CHANGES.TO_STATUS.eq("Expired"))));
            assertEquals(0, sweep.run(), "a second run finds nothing more to do");
            assertEquals(0, dsl.fetchCount(TRACKING_EVENTS, TRACKING_EVENTS.SHIPMENT_ID.eq(neverScanned)));
        }
    }

    private static long shipment(DSLContext dsl, long merchant, String number, OffsetDateTime createdAt) {
        return dsl.insertInto(SHIPMENTS).set(SHIPMENTS.MERCHANT_ID, merchant).set(SHIPMENTS.CARRIER, "ups")
                .set(SHIPMENTS.TRACKING_NUMBER, number).set(SHIPMENTS.PUBLIC_TOKEN, Tokens.newToken())
                .set(SHIPMENTS.CREATED_AT, createdAt).returning(SHIPMENTS.ID).fetchOne().getId();
    }

    private static void event(EventIngestion ingestion, long merchant, long shipment, OffsetDateTime at, ShipmentStatus status) {
        CanonicalStatus canonical = CanonicalStatus.of(status);
        ingestion.append(merchant, shipment, java.util.List.of(new IncomingEvent(at, canonical, null, null, null, null,
                null, null, null, null, IncomingEvent.fingerprint(at, canonical, null, null))), "api");
    }

    private static String status(DSLContext dsl, long shipment) {
        return dsl.select(SHIPMENTS.STATUS).from(SHIPMENTS).where(SHIPMENTS.ID.eq(shipment)).fetchOne().value1();
    }
}
