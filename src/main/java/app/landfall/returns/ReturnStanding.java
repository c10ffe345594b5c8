package app.landfall.returns;

import app.landfall.admin.AdminWords;
import java.util.Set;

/**
 * Where a return stands, in the words and badge tone the list and the return's own page both show,
 * so the two never disagree. A return resolved while its parcel is still on its way says so
 * ("Refunded before it arrived") rather than "Refunded" beside a parcel in transit; a parcel the
 * carrier delivered to the store that nobody has checked in yet is "Arrived, to check".
 */
record ReturnStanding(String words, String tone) {
    private static final Set<String> RESOLVED = Set.of("refunded", "credited", "exchanged");

    /**
     * @param status      the return's status code
     * @param received    whether the store marked its items received
     * @param parcelStatus the status of its return parcel, or null when it has none (kept items, in-store)
     */
    static ReturnStanding of(String status, boolean received, String parcelStatus) {
        String words = AdminWords.returnStatus(status);
        String tone = AdminWords.returnTone(status);
        if (RESOLVED.contains(status) && !received && parcelStatus != null && !parcelStatus.equals("Delivered")) {
            return new ReturnStanding(words + " before it arrived", tone);
        }
        if (status != null && (status.equals("in_transit") || status.equals("approved")) && "Delivered".equals(parcelStatus)) {
            return new ReturnStanding("Arrived, to check", "warning");
        }
        return new ReturnStanding(words, tone);
    }
}
