package app.landfall.testing;

import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;

import app.landfall.Landfall;
import app.landfall.notifications.Notice;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jooq.impl.DSL;

/** Messages for integration tests, written and sent (or kept) the way the app does it. */
public final class TestMessages {
    private TestMessages() {
    }

    /**
     * A password-link email of the store, handed to the sender at once (so, without a mail server,
     * rendered and kept as unsent); returns its outbox id.
     */
    public static long rendered(Landfall landfall, long merchantId) {
        String key = "test:" + System.nanoTime();
        landfall.database().dsl().transaction(cfg -> landfall.notifications().outbox().add(DSL.using(cfg),
                Notice.staffEmail(merchantId, "admin.password_reset", "owner@shop.example",
                        Map.of("link", "https://shop.example/admin/password/reset/x"), key), OffsetDateTime.now()));
        landfall.notifications().sendEmails();
        return landfall.database().dsl().select(NOTIFICATION_OUTBOX.ID).from(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.MERCHANT_ID.eq(merchantId)).and(NOTIFICATION_OUTBOX.DEDUPE_KEY.eq(key))
                .fetchSingle(NOTIFICATION_OUTBOX.ID);
    }
}
