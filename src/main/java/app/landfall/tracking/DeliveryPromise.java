package app.landfall.tracking;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the page promises about arrival: the day it was delivered, else the carrier's estimate,
 * else a stored prediction (a day or a range), else the date the store promised; and whether the
 * parcel is late (past the store's promise, or past the estimate when the store promised nothing).
 */
public record DeliveryPromise(Kind kind, LocalDate from, LocalDate to, boolean late) {

    public enum Kind { DELIVERED, ESTIMATED, RANGE, PROMISED, NONE }

    /** Outcomes after which no arrival date means anything. */
    private static final Set<String> NO_ARRIVAL = Set.of("Exception_Lost", "Exception_ReturningToSender",
            "Exception_ReturnedToSender", "Exception_Refused", "Exception_Cancelled");

    public static DeliveryPromise of(String status, String substatus, LocalDate deliveredOn, LocalDate carrierEstimate,
            LocalDate predictedFrom, LocalDate predictedTo, LocalDate promised, LocalDate today) {
        if ("Delivered".equals(status) && deliveredOn != null) {
            return new DeliveryPromise(Kind.DELIVERED, deliveredOn, deliveredOn, false);
        }
        if ("Delivered".equals(status) || "Expired".equals(status) || (substatus != null && NO_ARRIVAL.contains(substatus))) {
            return new DeliveryPromise(Kind.NONE, null, null, false);
        }
        DeliveryPromise estimate;
        if (carrierEstimate != null) {
            estimate = new DeliveryPromise(Kind.ESTIMATED, carrierEstimate, carrierEstimate, false);
        } else if (predictedFrom != null && (predictedTo == null || predictedTo.equals(predictedFrom))) {
            estimate = new DeliveryPromise(Kind.ESTIMATED, predictedFrom, predictedFrom, false);
        } else if (predictedFrom != null) {
            estimate = new DeliveryPromise(Kind.RANGE, predictedFrom, predictedTo, false);
        } else if (promised != null) {
            estimate = new DeliveryPromise(Kind.PROMISED, promised, promised, false);
        } else {
            estimate = new DeliveryPromise(Kind.NONE, null, null, false);
        }
        LocalDate deadline = promised != null ? promised : estimate.to();
        boolean late = deadline != null && today.isAfter(deadline);
        return new DeliveryPromise(estimate.kind(), estimate.from(), estimate.to(), late);
    }
}
