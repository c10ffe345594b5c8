package app.landfall.notifications;

/**
 * The moments of a return its shopper hears about, each switchable per channel in the store's
 * settings (email on, texts off: they cost the store). The code is the template's name after
 * {@code return.}. A submitted return that the store's rules leave for a person to review is in
 * status {@code requested}; its shopper reads "needs review" (what happens now and how long it may
 * take) rather than a bare "requested": every requested return is one waiting for review, since the
 * rules approve the others at once. {@link #EXPIRING_SOON} is no status: a background job sends it
 * a day or two before an approved return that was not sent expires.
 */
enum ReturnTrigger {
    NEEDS_REVIEW("needs_review", "Needs review", "Submitted; the store's rules leave it for a person to approve."),
    APPROVED("approved", "Approved", "With the drop-off code or the label."),
    REJECTED("rejected", "Rejected", "With the store's reason."),
    IN_TRANSIT("in_transit", "On its way back", "The carrier has the return parcel."),
    RECEIVED("received", "Received", "The parcel is back at the store."),
    REFUNDED("refunded", "Refunded", "With the amount."),
    CREDITED("credited", "Store credit issued", "With the amount."),
    EXCHANGED("exchanged", "Exchange sent", "The replacement is on its way."),
    EXPIRING_SOON("expiring_soon", "Expiring soon", "Approved but not sent, two days before it expires."),
    EXPIRED("expired", "Expired", "Not sent in time."),
    CANCELLED("cancelled", "Cancelled", "The shopper or the store cancelled it.");

    private final String code;
    private final String label;
    private final String hint;

    ReturnTrigger(String code, String label, String hint) {
        this.code = code;
        this.label = label;
        this.hint = hint;
    }

    String template() {
        return "return." + code;
    }

    String code() {
        return code;
    }

    String label() {
        return label;
    }

    String hint() {
        return hint;
    }

    /** The message a return's new status sends its shopper (a submitted return waiting for review reads "needs review"). */
    static java.util.Optional<ReturnTrigger> forStatus(String status) {
        String code = status.equals("requested") ? NEEDS_REVIEW.code : status;
        for (ReturnTrigger t : values()) {
            if (t.code.equals(code) && t != EXPIRING_SOON) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
}
