package app.landfall.notifications;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a store's own words may fill in ({@code {{order_number}}}), and in which messages: a parcel's
 * ({@link Kind#SHIPMENT}) or a return's ({@link Kind#RETURN}). The list the editor shows, and the
 * only names {@link WordsTemplate} accepts.
 */
enum Placeholder {
    CUSTOMER_FIRST_NAME("The customer's first name, as the order has it (empty when it has none)", "Alex", Kind.SHIPMENT, Kind.RETURN),
    ORDER_NUMBER("The order's number", "#1042", Kind.SHIPMENT, Kind.RETURN),
    STORE_NAME("The store's name, as its brand shows it", "Northwind", Kind.SHIPMENT, Kind.RETURN),
    STATUS("The status in words, in the message's language", "Out for delivery", Kind.SHIPMENT, Kind.RETURN),
    ITEMS("What the order (or the return) holds", "2 × Linen shirt, Canvas tote", Kind.SHIPMENT, Kind.RETURN),
    CARRIER("The carrier's name", "DHL", Kind.SHIPMENT),
    TRACKING_NUMBER("The carrier's tracking number", "00340434161234567890", Kind.SHIPMENT),
    TRACKING_LINK("The link to the parcel's tracking page", "https://…/t/…", Kind.SHIPMENT),
    ESTIMATED_DELIVERY("The expected delivery day or days (empty when there is no estimate)", "Tuesday, November 24", Kind.SHIPMENT),
    PICKUP_LOCATION("Where the parcel waits to be collected (pickup messages)", "Parcel shop, 12 High Street", Kind.SHIPMENT),
    PICKUP_DEADLINE("The last day to collect it (pickup messages)", "Friday, November 27", Kind.SHIPMENT),
    RETURN_NUMBER("The return's number", "R-1042-1", Kind.RETURN),
    RETURN_LINK("The link to the return's page", "https://…/r/…", Kind.RETURN),
    AMOUNT("The amount refunded or credited (refund and credit messages)", "€42.00", Kind.RETURN),
    REJECTION_REASON("Why the store did not accept the return (rejection messages)", "Worn items cannot be returned.", Kind.RETURN);

    /** Which messages a template belongs to. */
    enum Kind {
        SHIPMENT, RETURN;

        static Optional<Kind> of(String template) {
            return template.startsWith("shipment.") ? Optional.of(SHIPMENT)
                    : template.startsWith("return.") ? Optional.of(RETURN) : Optional.empty();
        }

        String words() {
            return this == SHIPMENT ? "parcel" : "return";
        }
    }

    private final String description;
    private final String example;
    private final List<Kind> kinds;

    Placeholder(String description, String example, Kind... kinds) {
        this.description = description;
        this.example = example;
        this.kinds = List.of(kinds);
    }

    /** {@code order_number}: as it is written between the braces. */
    String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    String description() {
        return description;
    }

    String example() {
        return example;
    }

    boolean in(Kind kind) {
        return kinds.contains(kind);
    }

    static Optional<Placeholder> byCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code().equals(code)).findFirst();
    }

    static List<Placeholder> of(Kind kind) {
        return Arrays.stream(values()).filter(p -> p.in(kind)).toList();
    }
}
