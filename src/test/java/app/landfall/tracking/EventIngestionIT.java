package app.landfall.tracking;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.landfall.auth.Tokens;
import app.landfall.db.Database;
import app.landfall.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The writer carries a shipment's stored state forward when new events are all newer, and derives
 * from all events otherwise: both must leave the state one delivery of everything leaves.
 */
class EventIngestionIT {
    private static final Instant START = Instant.parse("2026-11-20T08:00:00Z");
    private static Database database;
    private static DSLContext dsl;
    private static long merchant;
    private static int shipments;

    @BeforeAll
    static void start() {
        database = Database.start(TestDatabase.config());
        dsl = database.dsl();
        merchant = dsl.insertInto(MERCHANTS).set(MERCHANTS.SLUG, "ingest").set(MERCHANTS.NAME, "Ingest")
                .returning(MERCHANTS.ID).fetchOne().getId();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private static long newShipment() {
        return dsl.insertInto(SHIPMENTS).set(SHIPMENTS.MERCHANT_ID, merchant).set(SHIPMENTS.CARRIER, "ups")
                .set(SHIPMENTS.TRACKING_NUMBER, "1Z" + String.format("%016d", ++shipments))
                .set(SHIPMENTS.PUBLIC_TOKEN, Tokens.newToken()).returning(SHIPMENTS.ID).fetchOne().getId();
    }

    private static String state(long shipment) {
        return dsl.select(SHIPMENTS.STATUS, SHIPMENTS.SUBSTATUS, SHIPMENTS.STATUS_CHANGED_AT, SHIPMENTS.SHIPPED_AT,
                SHIPMENTS.DELIVERED_AT, SHIPMENTS.LAST_EVENT_AT).from(SHIPMENTS).where(SHIPMENTS.ID.eq(shipment))
                .fetchOne().formatCSV(false);
    }

    private static List<IncomingEvent> journey(Random random) {
        List<CanonicalStatus> statuses = new ArrayList<>();
        for (ShipmentStatus status : ShipmentStatus.values()) {
            statuses.add(CanonicalStatus.of(status));
        }
        for (Substatus substatus : Substatus.values()) {
            statuses.add(CanonicalStatus.of(substatus));
        }
        List<IncomingEvent> events = new ArrayList<>();
        Instant at = START;
        for (int i = 0; i < 2 + random.nextInt(8); i++) {
            at = at.plus(Duration.ofMinutes(random.nextInt(3) * 30L)); // ties happen
            CanonicalStatus status = statuses.get(random.nextInt(statuses.size()));
            events.add(new IncomingEvent(OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(-5)), status, null, "m" + i,
                    null, null, null, null, null, null, "k" + i));
        }
        return events;
    }

    /**
     * The same deliveries, once through the path that always derives from all events (the one the
     * single-shipment endpoint takes) and once through the batch path that carries the stored state
     * forward when it can: after every delivery both shipments are in the same state.
     */
    @Test
    void carrying_the_state_forward_ends_where_deriving_from_all_events_ends() {
        Random random = new Random(42);
        // now late enough that some journeys expire and some do not
        EventIngestion ingestion = new EventIngestion(dsl, Clock.fixed(START.plus(Duration.ofHours(30)), ZoneOffset.UTC),
                Duration.ofHours(24));
        for (int round = 0; round < 60; round++) {
            List<IncomingEvent> events = journey(random);
            List<IncomingEvent> arrival = new ArrayList<>(events);
            if (round % 2 == 1) {
                Collections.shuffle(arrival, random);
            }
            arrival.add(events.get(random.nextInt(events.size()))); // a redelivery
            long full = newShipment();
            long carried = newShipment();
            for (int i = 0; i < arrival.size(); ) {
                List<IncomingEvent> delivery = arrival.subList(i, Math.min(arrival.size(), i + 1 + random.nextInt(3)));
                i += delivery.size();
                ingestion.appendAndShow(merchant, full, delivery, "api").orElseThrow();
                ingestion.appendBatch(merchant, Map.of(carried, delivery), "api");
                assertEquals(state(full), state(carried), "round " + round + " after " + i + " events");
            }
        }
    }
}
