package app.landfall.notifications;

import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;

import app.landfall.admin.OverviewSection;
import app.landfall.admin.Week;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The messages on the admin overview: those that failed and nobody has sent again (a resend puts
 * one back in the queue, so it leaves this count). The same rows as the Messages list filtered by
 * "Failed"; found by a partial index on failed messages, so a long log costs nothing.
 */
final class MessagesOverview implements OverviewSection {
    private final DSLContext dsl;

    MessagesOverview(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<Attention> attention(long merchantId) {
        int failed = dsl.fetchCount(NOTIFICATION_OUTBOX, NOTIFICATION_OUTBOX.MERCHANT_ID.eq(merchantId)
                .and(NOTIFICATION_OUTBOX.STATUS.in(MessageStatus.FAILED.stored()))
                .and(NOTIFICATION_OUTBOX.CHANNEL.ne(Notice.Channel.WEBHOOK.code())));
        return List.of(new Attention(failed, failed == 1 ? "Failed message" : "Failed messages",
                "Customers did not get these emails or texts. Open one to see why, and send it again.",
                "/admin/messages?status=" + MessageStatus.FAILED.code()));
    }

    @Override
    public List<Chart> week(long merchantId, Week week) {
        return List.of();
    }
}
