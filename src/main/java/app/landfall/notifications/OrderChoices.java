package app.landfall.notifications;

import static app.landfall.db.schema.Tables.ORDERS;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * What the preferences page offers for the order an email was about: the order's customer chooses
 * email, SMS and WhatsApp (those the store sends and the order has an address or number for); someone
 * who subscribed from the tracking page chooses their own subscription. Nothing is offered for an
 * email about no order, or to an address that is neither.
 */
final class OrderChoices {
    /** One channel's switch: its code (the form's value), where it goes, and whether it is on. */
    record Choice(String channel, String address, boolean on) {
    }

    record Choices(String orderNumber, List<Choice> channels) {
        public boolean none() {
            return channels.stream().noneMatch(Choice::on);
        }
    }

    private final OrderSubscriptions subscriptions;

    OrderChoices(OrderSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    Optional<Choices> of(DSLContext db, Unsubscribes.Target target) {
        if (target.orderId() == null) {
            return Optional.empty();
        }
        Record order = order(db, target);
        List<OrderSubscriptions.Subscription> rows = subscriptions.ofOrder(db, target.merchantId(), target.orderId());
        List<Choice> channels = new ArrayList<>();
        if (target.address().equals(order.get(ORDERS.CUSTOMER_EMAIL))) {
            Set<String> sent = storeChannels(db, target.merchantId());
            String phone = order.get(ORDERS.CUSTOMER_PHONE) == null ? "" : order.get(ORDERS.CUSTOMER_PHONE).strip();
            for (Notice.Channel channel : List.of(Notice.Channel.EMAIL, Notice.Channel.SMS, Notice.Channel.WHATSAPP)) {
                String address = channel == Notice.Channel.EMAIL ? target.address() : phone;
                if (!address.isEmpty() && sent.contains(channel.code())) {
                    boolean stopped = rows.stream().anyMatch(r -> r.customer() && r.channel() == channel && r.stopped());
                    channels.add(new Choice(channel.code(), address, !stopped));
                }
            }
        } else {
            rows.stream().filter(r -> !r.customer() && r.confirmed() && r.channel() == Notice.Channel.EMAIL
                            && r.address().equals(target.address()))
                    .forEach(r -> channels.add(new Choice(r.channel().code(), r.address(), !r.stopped())));
        }
        return channels.isEmpty() ? Optional.empty() : Optional.of(new Choices(order.get(ORDERS.ORDER_NUMBER), channels));
    }

    /** Writes the recipient's choice for every channel the page offered, in {@code tx}. */
    void save(DSLContext tx, Unsubscribes.Target target, Predicate<String> chosen, OffsetDateTime now) {
        Optional<Choices> offered = of(tx, target);
        if (offered.isEmpty()) {
            return;
        }
        List<OrderSubscriptions.Subscription> rows = subscriptions.ofOrder(tx, target.merchantId(), target.orderId());
        boolean customer = target.address().equals(order(tx, target).get(ORDERS.CUSTOMER_EMAIL));
        for (Choice choice : offered.get().channels()) {
            boolean on = chosen.test(choice.channel());
            Notice.Channel channel = Notice.Channel.of(choice.channel());
            if (customer) {
                subscriptions.setCustomer(tx, target.merchantId(), target.orderId(), channel, choice.address(), "en", on, now);
            } else {
                rows.stream().filter(r -> !r.customer() && r.channel() == channel && r.address().equals(choice.address()))
                        .forEach(r -> subscriptions.setSubscriber(tx, target.merchantId(), r.id(), on, now));
            }
        }
    }

    private static Record order(DSLContext db, Unsubscribes.Target target) {
        return db.select(ORDERS.CUSTOMER_EMAIL, ORDERS.CUSTOMER_PHONE, ORDERS.ORDER_NUMBER).from(ORDERS)
                .where(ORDERS.MERCHANT_ID.eq(target.merchantId())).and(ORDERS.ID.eq(target.orderId())).fetchSingle();
    }

    /** The channels on which the store tells customers about at least one moment. */
    private static Set<String> storeChannels(DSLContext db, long merchantId) {
        return NotificationTriggers.of(db, merchantId, List.of("email", "sms", "whatsapp")).entrySet().stream()
                .filter(e -> e.getValue()).map(e -> e.getKey().channel()).collect(Collectors.toSet());
    }
}
