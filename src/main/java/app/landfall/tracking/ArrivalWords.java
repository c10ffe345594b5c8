package app.landfall.tracking;

import app.landfall.i18n.LocalFormat;
import app.landfall.i18n.Messages;
import java.util.Locale;

/** An {@link Arrival} in words: the line under a parcel's status, on its page and on the order page. */
public final class ArrivalWords {
    private ArrivalWords() {
    }

    /**
     * "Estimated delivery: Tuesday, November 24"; "Arriving today: Monday, November 23"; "Ready for pickup since …";
     * {@code late}: what the parcel is late against, else null. Null when nothing is known.
     */
    public record Promise(String label, String text, String iso, String late) {
        public boolean isLate() {
            return late != null;
        }
    }

    static Promise of(Arrival a, Locale locale, LocalFormat format, boolean returnParcel) {
        // past the date with no new one, the lateness is how long it has been ("2 days past…"), not a new date's delay
        String kind = a.kind() == Arrival.Kind.OVERDUE ? "promise.overdue." : "promise.late.";
        String late = a.lateness() == null ? null : Messages.text(locale,
                kind + (a.lateness().basis() == Arrival.Basis.PROMISED ? "promised" : "estimate"), a.lateness().days());
        String iso = a.from() == null ? null : a.from().toString();
        return switch (a.kind()) {
            case NONE -> null;
            case DELIVERED -> new Promise(t(locale, returnParcel ? "promise.return.delivered" : "promise.delivered"),
                    format.day(a.from()), iso, null);
            // "Arriving today" names the day too: an email read tomorrow, or a screenshot, still says which day it was
            case TODAY -> new Promise(t(locale, returnParcel ? "promise.return.today" : "promise.today"), format.day(a.from()), iso, late);
            case PICKUP -> a.from() != null ? new Promise(t(locale, "promise.pickup"), format.day(a.from()), iso, null)
                    : a.to() != null ? new Promise(t(locale, "promise.pickup_by"), format.day(a.to()), a.to().toString(), null) : null;
            case ESTIMATED -> new Promise(t(locale, returnParcel ? "promise.return.estimated" : "promise.estimated"),
                    format.day(a.from()), iso, late);
            case PROMISED -> new Promise(t(locale, "promise.promised"), format.day(a.from()), iso, late);
            case RANGE -> new Promise(t(locale, returnParcel ? "promise.return.estimated" : "promise.estimated"),
                    Messages.text(locale, "promise.range", format.day(a.from()), format.day(a.to())), iso, late);
            // the date has passed: it is not "expected" any more, and no new one is known
            case OVERDUE -> new Promise(t(locale, "promise.overdue"), t(locale, "promise.overdue.text"), null, late);
        };
    }

    private static String t(Locale locale, String key) {
        return Messages.text(locale, key);
    }
}
