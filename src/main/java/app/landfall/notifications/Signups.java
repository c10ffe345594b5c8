package app.landfall.notifications;

import static app.landfall.db.schema.Tables.ORDERS;

import app.landfall.auth.SignedLinks;
import app.landfall.tracking.UpdateSignups;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * "Get updates by email or text" on the tracking page. The order's own address or number is on at
 * once; another one is kept unconfirmed and sent a message with a signed link ({@link #confirmUrl}),
 * and only once it is followed ({@link SubscriptionConfirmations}) does it get the order's news. The
 * request and its confirmation message are written in one transaction.
 */
final class Signups implements UpdateSignups {
    static final String PURPOSE = "order-updates";
    /** Long enough to find the message tomorrow; short enough that an old forwarded one opens nothing. */
    static final Duration CONFIRM_WITHIN = Duration.ofDays(3);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+");

    private final DSLContext dsl;
    private final Clock clock;
    private final Outbox outbox;
    private final OrderSubscriptions subscriptions;
    private final SignedLinks links;
    private final Supplier<String> siteUrl;

    Signups(DSLContext dsl, Clock clock, Outbox outbox, OrderSubscriptions subscriptions, SignedLinks links, Supplier<String> siteUrl) {
        this.dsl = dsl;
        this.clock = clock;
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.links = links;
        this.siteUrl = siteUrl;
    }

    @Override
    public Result subscribe(Request request) {
        Record order = dsl.select(ORDERS.CUSTOMER_EMAIL, ORDERS.CUSTOMER_PHONE, ORDERS.SHIPPING_COUNTRY, ORDERS.ORDER_NUMBER)
                .from(ORDERS).where(ORDERS.MERCHANT_ID.eq(request.merchantId())).and(ORDERS.ID.eq(request.orderId()))
                .fetchSingle();
        String typed = request.address() == null ? "" : request.address().strip();
        Notice.Channel channel;
        String address;
        String own;
        if (typed.contains("@")) {
            if (typed.length() > 254 || !EMAIL.matcher(typed).matches()) {
                return Result.INVALID_EMAIL;
            }
            channel = Notice.Channel.EMAIL;
            address = Unsubscribes.address(typed);
            own = address.equals(order.get(ORDERS.CUSTOMER_EMAIL)) ? address : null;
        } else {
            try {
                address = PhoneNumbers.e164(typed, order.get(ORDERS.SHIPPING_COUNTRY));
            } catch (PhoneNumbers.Invalid e) {
                return Result.INVALID_PHONE;
            }
            if (!NotificationTriggers.of(dsl, request.merchantId(), java.util.List.of("sms")).containsValue(true)) {
                return Result.NO_TEXTS;
            }
            channel = Notice.Channel.SMS;
            own = ownNumber(order.get(ORDERS.CUSTOMER_PHONE), order.get(ORDERS.SHIPPING_COUNTRY), address);
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        if (own != null) { // the order's own: no one else's inbox to protect
            String kept = own;
            dsl.transaction(cfg -> subscriptions.subscribeCustomer(DSL.using(cfg), request.merchantId(), request.orderId(), channel, kept,
                    request.language(), now));
            return Result.SUBSCRIBED;
        }
        String to = address;
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            OrderSubscriptions.Subscription s = subscriptions.request(tx, request.merchantId(), request.orderId(), channel, to,
                    request.language(), now);
            if (s.confirmed() && !s.stopped()) {
                return Result.SUBSCRIBED;
            }
            outbox.add(tx, new Notice(request.merchantId(), channel, "subscription.confirm", to, request.language(),
                    Map.of("link", confirmUrl(request.merchantId(), s.id()), "order", order.get(ORDERS.ORDER_NUMBER)),
                    "subscription:" + s.id() + ":confirm:" + now.toEpochSecond(), request.shipmentId(), null), now);
            return Result.CONFIRMATION_SENT;
        });
    }

    /** The order's own number as the order has it, when it is the number typed (else null). */
    private static String ownNumber(String orderPhone, String country, String typedE164) {
        if (orderPhone == null || orderPhone.isBlank()) {
            return null;
        }
        try {
            return PhoneNumbers.e164(orderPhone, country).equals(typedE164) ? orderPhone.strip() : null;
        } catch (PhoneNumbers.Invalid e) {
            return null;
        }
    }

    String confirmUrl(long merchantId, long subscriptionId) {
        return siteUrl.get() + "/s/" + merchantId + "." + links.sign(PURPOSE, merchantId, subscriptionId, CONFIRM_WITHIN);
    }
}
