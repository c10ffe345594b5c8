package app.landfall.notifications;

import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.db.Database;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The outbox alone; a return's announcements (email and webhook rows) are checked where returns move: ReturnsIT, ReturnExpiryIT. */
class OutboxIT {
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 7, 12, 0, 0, 0, ZoneOffset.UTC);
    private static Database db;
    private static DSLContext dsl;
    private final Outbox outbox = new Outbox();

    @BeforeAll
    static void start() {
        db = Database.start(TestDatabase.config());
        dsl = db.dsl();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void a_notice_with_the_same_cause_is_kept_once() {
        long merchant = TestMerchants.create(dsl, "outbox-dedupe");
        Notice reset = Notice.staffEmail(merchant, "admin.password_reset", "ann@example.com", Map.of("link", "https://x/1"),
                "admin_token:abc");
        assertTrue(outbox.add(dsl, reset, NOW));
        assertFalse(outbox.add(dsl, reset, NOW.plusMinutes(1)), "the retried step does not send twice");
        var row = dsl.selectFrom(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.MERCHANT_ID.eq(merchant)).fetchSingle();
        assertEquals("email", row.getChannel());
        assertEquals("ann@example.com", row.getRecipient());
        assertEquals("pending", row.getStatus());
        assertEquals("{\"link\": \"https://x/1\"}", row.getPayload().data());
    }

    @Test
    void two_senders_never_claim_the_same_notice() throws Exception {
        long merchant = TestMerchants.create(dsl, "outbox-claims");
        for (int i = 0; i < 3; i++) {
            outbox.add(dsl, new Notice(merchant, Notice.Channel.WEBHOOK, "return.approved", "merchant", "en", Map.of("n", i),
                    "claim:" + i, null, null), NOW);
        }
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<List<Outbox.Pending>> first = CompletableFuture.supplyAsync(() -> dsl.transactionResult(cfg -> {
            List<Outbox.Pending> mine = outbox.claim(DSL.using(cfg), Notice.Channel.WEBHOOK, 2);
            claimed.countDown();
            done.await(10, TimeUnit.SECONDS);
            outbox.finish(DSL.using(cfg), mine, true, NOW);
            return mine;
        }));
        assertTrue(claimed.await(10, TimeUnit.SECONDS));
        List<Outbox.Pending> second = dsl.transactionResult(cfg -> {
            List<Outbox.Pending> mine = outbox.claim(DSL.using(cfg), Notice.Channel.WEBHOOK, 10);
            outbox.finish(DSL.using(cfg), mine, false, NOW);
            return mine;
        });
        done.countDown();
        List<Outbox.Pending> firstClaims = first.get(10, TimeUnit.SECONDS);
        assertEquals(2, firstClaims.size());
        assertEquals(1, second.size(), "the locked two are skipped");
        assertTrue(firstClaims.stream().noneMatch(p -> p.id() == second.get(0).id()));
        var statuses = dsl.select(NOTIFICATION_OUTBOX.STATUS, DSL.count()).from(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.MERCHANT_ID.eq(merchant)).groupBy(NOTIFICATION_OUTBOX.STATUS)
                .orderBy(NOTIFICATION_OUTBOX.STATUS).fetch(r -> r.value1() + "=" + r.value2());
        assertEquals(List.of("cancelled=1", "sent=2"), statuses);
    }

    @Test
    void a_notice_says_what_it_is_and_why() {
        assertThrows(IllegalArgumentException.class, () -> Notice.staffEmail(1, "reset", "a@b.example", Map.of(), "k"));
        assertThrows(IllegalArgumentException.class, () -> Notice.staffEmail(1, "admin.password_reset", " ", Map.of(), "k"));
        assertThrows(IllegalArgumentException.class, () -> Notice.staffEmail(1, "admin.password_reset", "a@b.example", Map.of(), ""));
    }
}
