package app.landfall.hooks;

import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.WEBHOOK_INBOX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.landfall.db.Database;
import app.landfall.db.schema.tables.records.WebhookInboxRecord;
import app.landfall.orders.OrderWriter;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import app.landfall.tracking.EventIngestion;
import app.landfall.tracking.ShipmentWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The inbox's automatic retries, driven by calling the job on the test's clock: a delivery the
 * database refuses is tried again after 1, 2, 4 … 64 minutes, then left for a manual replay.
 */
class WebhookInboxIT {
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    private static final String REFUSED = "EZ3000000003";
    private Database db;
    private DSLContext dsl;
    private TestClock clock;
    private WebhookInbox inbox;
    private long merchant;

    @BeforeEach
    void start() {
        db = Database.start(TestDatabase.config()); // a database per test: the job retries every store's deliveries
        dsl = db.dsl();
        clock = new TestClock(T0);
        merchant = TestMerchants.create(dsl, "shop");
        EventIngestion ingestion = new EventIngestion(dsl, clock, Duration.ofDays(30));
        inbox = new WebhookInbox(dsl, new OrderWriter(clock), new ShipmentWriter(ingestion, clock), clock);
        // the database refuses this one tracking number until the test says otherwise (a deadlock, a full disk)
        dsl.execute(DSL.sql("CREATE FUNCTION refuse_shipment() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.tracking_number = '" + REFUSED + "' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$"));
        dsl.execute(DSL.sql("CREATE TRIGGER refuse_shipment BEFORE INSERT ON shipments FOR EACH ROW EXECUTE FUNCTION refuse_shipment()"));
    }

    @AfterEach
    void stop() {
        db.close();
    }

    @Test
    void a_failed_delivery_is_retried_after_growing_pauses_then_given_up_after_8_attempts() {
        long id = receiveRefused("evt_refused");
        List<Duration> pauses = List.of(1, 2, 4, 8, 16, 32, 64).stream().map(Duration::ofMinutes).toList();
        for (int i = 0; i < pauses.size(); i++) {
            int attempts = i + 1;
            OffsetDateTime last = row(id).getLastAttemptAt();
            clock.set(last.toInstant().plus(pauses.get(i)).minusSeconds(1));
            assertEquals(0, inbox.retryFailed());
            assertEquals(attempts, row(id).getAttempts(), "not tried again before its pause of " + pauses.get(i) + " is over");

            clock.set(last.toInstant().plus(pauses.get(i)).plusSeconds(1));
            assertEquals(0, inbox.retryFailed(), "tried, and refused again");
            assertEquals(attempts + 1, row(id).getAttempts(), "tried again once its pause of " + pauses.get(i) + " is over");
            assertEquals(clock.instant(), row(id).getLastAttemptAt().toInstant());
        }

        WebhookInboxRecord givenUp = row(id);
        assertEquals(WebhookInbox.MAX_ATTEMPTS, givenUp.getAttempts());
        clock.advance(Duration.ofDays(7));
        assertEquals(0, inbox.retryFailed());
        assertEquals(givenUp.getAttempts(), row(id).getAttempts(), "no further attempt after the last one");
        assertEquals(givenUp.getLastAttemptAt(), row(id).getLastAttemptAt());
        assertEquals("failed", row(id).getStatus());
        assertEquals(List.of(id), inbox.failed(merchant), "still kept, for a replay by hand");
    }

    @Test
    void a_delivery_is_applied_by_the_first_retry_after_the_problem_is_gone() {
        long id = receiveRefused("evt_refused");
        dsl.execute(DSL.sql("DROP TRIGGER refuse_shipment ON shipments"));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(0, inbox.retryFailed(), "not yet: the first pause is a minute");

        clock.advance(Duration.ofSeconds(2));
        assertEquals(1, inbox.retryFailed());
        assertEquals("processed", row(id).getStatus());
        assertEquals(2, row(id).getAttempts());
        assertEquals(1, dsl.fetchCount(SHIPMENTS, SHIPMENTS.TRACKING_NUMBER.eq(REFUSED)));
        clock.advance(Duration.ofHours(2));
        assertEquals(0, inbox.retryFailed(), "an applied delivery is not retried");
    }

    @Test
    void a_due_delivery_is_retried_even_behind_a_hundred_older_ones_still_pausing() {
        // an outage left many deliveries failing: each tried 7 times, the last 10 minutes ago (pause: 64 minutes)
        for (int i = 0; i < 120; i++) {
            long id = receiveRefused("evt_old_" + i);
            dsl.update(WEBHOOK_INBOX).set(WEBHOOK_INBOX.ATTEMPTS, 7)
                    .set(WEBHOOK_INBOX.LAST_ATTEMPT_AT, OffsetDateTime.ofInstant(T0.minus(Duration.ofMinutes(10)), ZoneOffset.UTC))
                    .where(WEBHOOK_INBOX.ID.eq(id)).execute();
        }
        long due = receiveRefused("evt_new");
        clock.advance(Duration.ofMinutes(2));
        dsl.execute(DSL.sql("DROP TRIGGER refuse_shipment ON shipments"));

        assertEquals(1, inbox.retryFailed());
        assertEquals("processed", row(due).getStatus(), "its minute's pause was over: it is not kept waiting behind the others");
        assertEquals(120, dsl.fetchCount(WEBHOOK_INBOX, WEBHOOK_INBOX.STATUS.eq("failed").and(WEBHOOK_INBOX.ATTEMPTS.eq(7))),
                "the others still pause");
    }

    /** Receives an EasyPost delivery for the refused tracking number; returns the stored failure's id. */
    private long receiveRefused(String deliveryId) {
        byte[] body = fixture().replace("EZ1000000001", REFUSED).replace("evt_55a53eb2556b11ed8945059f515d2b6d", deliveryId)
                .getBytes(StandardCharsets.UTF_8);
        WebhookContent content;
        try {
            content = Provider.EASYPOST.parse(null, null, HookFixtures.MAPPER.readTree(body));
        } catch (IOException | InvalidPayload e) {
            throw new IllegalStateException(e);
        }
        WebhookInbox.ApplyFailed failed = assertThrows(WebhookInbox.ApplyFailed.class,
                () -> inbox.receive(merchant, Provider.EASYPOST, null, body, content));
        WebhookInboxRecord stored = row(failed.inboxId);
        assertEquals("failed", stored.getStatus());
        assertEquals(1, stored.getAttempts());
        return failed.inboxId;
    }

    private WebhookInboxRecord row(long id) {
        return dsl.selectFrom(WEBHOOK_INBOX).where(WEBHOOK_INBOX.MERCHANT_ID.eq(merchant)).and(WEBHOOK_INBOX.ID.eq(id)).fetchSingle();
    }

    private static String fixture() {
        try (InputStream in = WebhookInboxIT.class.getResourceAsStream("/hooks/easypost-tracker-updated.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
