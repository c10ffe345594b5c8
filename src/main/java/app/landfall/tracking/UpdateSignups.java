package app.landfall.tracking;

/**
 * Sign-ups for an order's parcel news from its tracking page. The notifications feature keeps and
 * sends them (it depends on this feature, so this one asks through this interface, handed in by
 * {@code Landfall}): the order's own address or number is on at once; any other gets a message to
 * confirm first (double opt-in) and hears nothing before.
 */
@FunctionalInterface
public interface UpdateSignups {
    /** {@code address}: what the person typed, an email address or a mobile number. */
    record Request(long merchantId, long orderId, long shipmentId, String address, String language) {
    }

    enum Result {
        /** The order's own address or number, or one already confirmed: updates go there from now on. */
        SUBSCRIBED,
        /** Another address or number: a message to confirm is on its way. */
        CONFIRMATION_SENT,
        INVALID_EMAIL,
        INVALID_PHONE,
        /** A mobile number, but the store sends no texts about parcels. */
        NO_TEXTS
    }

    Result subscribe(Request request);
}
