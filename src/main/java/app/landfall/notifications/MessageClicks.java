package app.landfall.notifications;

import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.SHIPMENTS;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * GET /m/{code}: a click on the link in an email or a text. Counts it on the message (through
 * {@link Outbox}, the outbox's writer) and sends the reader on (303) to the page the message is
 * about. No cookie, no pixel, nothing about the reader is kept: only how many clicks and when.
 */
public final class MessageClicks {
    private final DSLContext dsl;
    private final Outbox outbox;
    private final ClickLinks links;
    private final Clock clock;
    private final Supplier<String> baseUrl;

    MessageClicks(DSLContext dsl, Outbox outbox, ClickLinks links, Clock clock, Supplier<String> baseUrl) {
        this.dsl = dsl;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** GET /m/{code} */
    public void follow(Context ctx) {
        long id = links.verify(ctx.pathParam("code")).orElseThrow(() -> new NotFoundResponse("No such link."));
        // counted and read in one transaction: a message whose page is gone counts nothing
        String target = dsl.transactionResult(cfg -> {
            DSLContext tx = org.jooq.impl.DSL.using(cfg);
            return outbox.recordClick(tx, id, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                    .flatMap(about -> page(tx, about)).orElseThrow(() -> new NotFoundResponse("No such link."));
        });
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.redirect(target, HttpStatus.SEE_OTHER);
    }

    /** The page a message is about: its parcel's tracking page, else its return's page. */
    private Optional<String> page(DSLContext tx, Outbox.About about) {
        if (about.shipmentId() != null) {
            return tx.select(SHIPMENTS.PUBLIC_TOKEN).from(SHIPMENTS)
                    .where(SHIPMENTS.MERCHANT_ID.eq(about.merchantId())).and(SHIPMENTS.ID.eq(about.shipmentId()))
                    .fetchOptional(SHIPMENTS.PUBLIC_TOKEN).map(token -> baseUrl.get() + "/t/" + token);
        }
        if (about.returnId() != null) {
            return tx.select(RETURNS.PUBLIC_TOKEN).from(RETURNS)
                    .where(RETURNS.MERCHANT_ID.eq(about.merchantId())).and(RETURNS.ID.eq(about.returnId()))
                    .fetchOptional(RETURNS.PUBLIC_TOKEN).map(token -> baseUrl.get() + "/r/" + token);
        }
        return Optional.empty();
    }
}
