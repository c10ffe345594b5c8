package app.landfall.notifications;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The quiet hours and review request form as typed: kept as strings so a mistake is shown with what
 * was typed, and read into a {@link NotificationTiming.Timing} or a message per field that says how
 * to fix it. Pure.
 */
record TimingForm(boolean quietOn, String start, String end, Set<String> exempt, boolean reviewOn, String reviewDays,
        Map<String, String> errors) {

    /** A moment that may go out in quiet hours: a checkbox of the form. */
    record Option(String value, String id, String label, boolean checked) {
    }

    TimingForm {
        exempt = Set.copyOf(exempt);
        errors = Map.copyOf(errors);
    }

    static TimingForm of(NotificationTiming.Timing timing) {
        return new TimingForm(timing.quiet().on(), timing.quiet().start().toString(), timing.quiet().end().toString(), timing.exempt(),
                timing.reviewAfterDays() != null,
                String.valueOf(timing.reviewAfterDays() == null ? NotificationTiming.DEFAULT_REVIEW_DAYS : timing.reviewAfterDays()),
                Map.of());
    }

    /** As posted: {@code quiet_hours}, {@code quiet_start}, {@code quiet_end}, {@code exempt} (each ticked), {@code review}, {@code review_days}. */
    static TimingForm posted(String quietOn, String start, String end, List<String> exempt, String reviewOn, String reviewDays) {
        return new TimingForm("on".equals(quietOn), trim(start), trim(end), new LinkedHashSet<>(exempt), "on".equals(reviewOn),
                trim(reviewDays), Map.of());
    }

    /** The form with its mistakes, field by field (empty when it can be saved). */
    TimingForm checked() {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalTime from = time(start);
        LocalTime to = time(end);
        if (from == null) {
            errors.put("quiet_start", "Enter the start of quiet hours as a time of day, like 21:00.");
        }
        if (to == null) {
            errors.put("quiet_end", "Enter the end of quiet hours as a time of day, like 08:00.");
        }
        if (from != null && from.equals(to)) {
            errors.put("quiet_end", "Quiet hours must end at another time than they start.");
        }
        Set<String> known = new LinkedHashSet<>(NotificationTiming.EXEMPTABLE.stream().map(ShipmentTrigger::template).toList());
        if (!known.containsAll(exempt)) {
            errors.put("exempt", "One of the moments sent is not one that can go out in quiet hours. Choose again.");
        }
        if (reviewOn && days() == null) {
            errors.put("review_days", "Enter a whole number of days from 0 to 30.");
        }
        return new TimingForm(quietOn, start, end, exempt, reviewOn, reviewDays, errors);
    }

    boolean ok() {
        return errors.isEmpty();
    }

    /** The timing to save; only for a form without errors. */
    NotificationTiming.Timing timing() {
        return new NotificationTiming.Timing(new QuietHours(quietOn, time(start), time(end)), exempt, reviewOn ? days() : null);
    }

    /** Public: the page template calls it. */
    public List<Option> options() {
        return NotificationTiming.EXEMPTABLE.stream()
                .map(t -> new Option(t.template(), "exempt-" + t.code(), t.label(), exempt.contains(t.template()))).toList();
    }

    private Integer days() {
        try {
            int days = Integer.parseInt(reviewDays);
            return days >= 0 && days <= 30 ? days : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalTime time(String text) {
        if (text == null || !text.matches("\\d{1,2}:\\d{2}(:00)?")) {
            return null;
        }
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
