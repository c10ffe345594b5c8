package app.landfall.tracking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The checkpoint list as people read it. The same scan reported by two sources (AfterShip and
 * EasyPost, say) differs in wording and seconds, so both are stored; the page shows it once.
 */
final class Timeline {
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");
    static final Duration SAME_SCAN = Duration.ofMinutes(10);

    private Timeline() {
    }

    /** Events newest first, minus those with the status, substatus and place of a kept one within 10 minutes. */
    static List<TrackingQueries.Event> withoutNearDuplicates(List<TrackingQueries.Event> newestFirst) {
        List<TrackingQueries.Event> kept = new ArrayList<>();
        for (TrackingQueries.Event event : newestFirst) {
            boolean repeat = kept.stream().anyMatch(k -> sameScan(k, event));
            if (!repeat) {
                kept.add(event);
            }
        }
        return kept;
    }

    private static boolean sameScan(TrackingQueries.Event a, TrackingQueries.Event b) {
        return a.status().equals(b.status()) // cheapest tests first: most pairs differ in status or time
                && Objects.equals(a.substatus(), b.substatus())
                && Duration.between(b.occurredAt(), a.occurredAt()).abs().compareTo(SAME_SCAN) <= 0
                && place(a).equals(place(b));
    }

    private static String place(TrackingQueries.Event e) {
        return e.location() == null ? "" : NOT_LETTER_OR_DIGIT.matcher(e.location().toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
