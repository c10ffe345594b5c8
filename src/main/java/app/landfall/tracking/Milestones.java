package app.landfall.tracking;

import java.util.ArrayList;
import java.util.List;

/**
 * The progress bar on a tracking page: Ordered → Shipped → In transit → Out for delivery →
 * Delivered, plus where the parcel left the happy path (a failed attempt, a pickup point, an
 * exception, no news) shown as a branch after the last step it reached. A return parcel goes the
 * other way: Return started → Handed to the carrier → In transit → Out for delivery → Back at the store.
 */
public record Milestones(List<Step> steps, String branch) {
    static final List<String> NAMES = List.of("ordered", "shipped", "in_transit", "out_for_delivery", "delivered");
    static final List<String> RETURN_NAMES = List.of("return_started", "handed_over", "in_transit", "out_for_delivery", "returned");

    public enum State { DONE, CURRENT, UPCOMING }

    /** One step; {@code branchAfter} marks where the branch attaches. */
    public record Step(String name, State state, boolean branchAfter) {
        public String stateName() {
            return state.name().toLowerCase(java.util.Locale.ROOT);
        }

        /** For the template, as a map: see {@link TrackingView.Entry#asMap} for why. */
        java.util.Map<String, Object> asMap() {
            return java.util.Map.of("state", stateName(), "current", state == State.CURRENT, "branchAfter", branchAfter,
                    "nameKey", "milestone." + name, "stateKey", "milestone.state." + stateName());
        }
    }

    /** The steps as maps, for the template. */
    public List<java.util.Map<String, Object>> rows() {
        return steps.stream().map(Step::asMap).toList();
    }

    /** A status and substatus the shipment has had (its events, and its current state). */
    public record Reached(String status, String substatus) {
    }

    public static Milestones of(String status, String substatus, List<Reached> history) {
        return of(status, substatus, history, false);
    }

    public static Milestones of(String status, String substatus, List<Reached> history, boolean returnParcel) {
        List<String> names = returnParcel ? RETURN_NAMES : NAMES;
        int reached = 0;
        for (Reached r : history) {
            reached = Math.max(reached, step(r.status(), r.substatus()));
        }
        reached = Math.max(reached, step(status, substatus));
        String branch = isBranch(status) ? status : null;
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            State state = i < reached || (i == reached && branch != null) ? State.DONE
                    : i == reached ? State.CURRENT : State.UPCOMING;
            steps.add(new Step(names.get(i), state, branch != null && i == reached));
        }
        return new Milestones(List.copyOf(steps), branch);
    }

    /** The step a status proves the parcel reached; -1 for statuses that say nothing about progress. */
    static int step(String status, String substatus) {
        if (status == null) {
            return -1;
        }
        return switch (status) {
            case "Pending", "InfoReceived" -> 0;
            case "InTransit" -> "InTransit_PickedUp".equals(substatus) ? 1 : 2;
            // a pickup point is where the journey ends instead of the delivery round: it never went out for delivery
            case "AvailableForPickup" -> 2;
            case "OutForDelivery", "AttemptFail" -> 3;
            case "Delivered" -> 4;
            default -> -1;
        };
    }

    static boolean isBranch(String status) {
        return switch (status) {
            case "AttemptFail", "AvailableForPickup", "Exception", "Expired" -> true;
            default -> false;
        };
    }
}
