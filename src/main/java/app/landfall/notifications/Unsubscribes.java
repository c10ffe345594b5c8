package app.landfall.notifications;

import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.SHIPMENTS;

import app.landfall.auth.SignedLinks;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The links in shoppers' emails to their preferences page, {@code /u/{token}}. The token is a
 * {@link SignedLinks} link naming the store and the email it came in ({@code <store>.<notice>.<expiry>.<mac>}):
 * the page reads the address from that email's outbox row, so no address is written into a URL (or a
 * server's request log), and a changed digit anywhere opens nothing. No login and no cookie: the link
 * itself is the authority, as it is for the mail provider's one-click POST (RFC 8058).
 *
 * <p>Links last two years, not forever: a link copied into a forum years later should not still
 * change someone's settings, and an email older than that is rarely the one a person unsubscribes
 * from (every new email carries a fresh link). Staff emails ({@code admin.*}) carry no link and are
 * never suppressed: a password link must always arrive.
 */
final class Unsubscribes {
    static final Duration VALID_FOR = Duration.ofDays(730);
    private static final String PURPOSE = "unsubscribe";
    /** Templates of the kind a person may reasonably not want (RFC 8058 headers): in-transit updates, later the review request. */
    private static final Set<String> MARKETING = Set.of("shipment.in_transit", "shipment.review_request");

    private final DSLContext dsl;
    private final SignedLinks links;
    private final Supplier<String> siteUrl;

    Unsubscribes(DSLContext dsl, SignedLinks links, Supplier<String> siteUrl) {
        this.dsl = dsl;
        this.links = links;
        this.siteUrl = siteUrl;
    }

    /** The address and store a preferences link is for, and the order its email was about (null: none). */
    record Target(long merchantId, String address, Long orderId) {
    }

    /** Whether a template is to a shopper or customer (and so carries the link and may be suppressed). */
    static boolean toShopper(String template) {
        return !template.startsWith("admin.");
    }

    /** Whether a template gets {@code List-Unsubscribe} and {@code List-Unsubscribe-Post}. */
    static boolean marketing(String template) {
        return MARKETING.contains(template);
    }

    /** One store's suppression list keys an address like this: case does not make another mailbox in practice. */
    static String address(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** The preferences page's address for one email. */
    String url(long merchantId, long noticeId) {
        return siteUrl.get() + "/u/" + merchantId + "." + links.sign(PURPOSE, merchantId, noticeId, VALID_FOR);
    }

    /** The store and address a token names, if its signature holds, it has not expired and its email is still kept. */
    Optional<Target> verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 1 || dot > 18 || !token.substring(0, dot).matches("\\d+")) {
            return Optional.empty();
        }
        long merchantId = Long.parseLong(token.substring(0, dot));
        return links.verify(PURPOSE, merchantId, token.substring(dot + 1))
                .flatMap(noticeId -> dsl.select(NOTIFICATION_OUTBOX.RECIPIENT, DSL.coalesce(SHIPMENTS.ORDER_ID, RETURNS.ORDER_ID))
                        .from(NOTIFICATION_OUTBOX)
                        .leftJoin(SHIPMENTS).on(SHIPMENTS.MERCHANT_ID.eq(NOTIFICATION_OUTBOX.MERCHANT_ID))
                        .and(SHIPMENTS.ID.eq(NOTIFICATION_OUTBOX.SHIPMENT_ID))
                        .leftJoin(RETURNS).on(RETURNS.MERCHANT_ID.eq(NOTIFICATION_OUTBOX.MERCHANT_ID))
                        .and(RETURNS.ID.eq(NOTIFICATION_OUTBOX.RETURN_ID))
                        .where(NOTIFICATION_OUTBOX.MERCHANT_ID.eq(merchantId)).and(NOTIFICATION_OUTBOX.ID.eq(noticeId))
                        .and(NOTIFICATION_OUTBOX.CHANNEL.eq(Notice.Channel.EMAIL.code()))
                        .fetchOptional())
                .map(r -> new Target(merchantId, address(r.value1()), r.value2()));
    }
}
