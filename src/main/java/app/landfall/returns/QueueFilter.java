package app.landfall.returns;

import app.landfall.admin.PageCursor;
import app.landfall.web.AcceptedDates;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The returns queue's filters as the query string carries them, checked: a status, a reason code,
 * a range of days, and a search that is an RMA, an order number or an email. A value that makes no
 * sense is dropped with a message rather than answered with an error page.
 *
 * @param after  the keyset cursor of the page ({@code <epoch micros>.<id>} of the last row shown), or null for the first page
 */
public record QueueFilter(String status, String reason, LocalDate from, LocalDate to, String query, Search search, PageCursor after,
        List<String> problems) {

    public enum Search { NONE, RMA_OR_ORDER, EMAIL }

    /** Where the previous page ended: rows strictly older than this come next. */
    static QueueFilter parse(Function<String, String> param) {
        List<String> problems = new ArrayList<>();
        String status = blankToNull(param.apply("status"));
        if (status != null && ReturnStatus.of(status).isEmpty()) {
            problems.add("There is no status \"" + status + "\": showing every status.");
            status = null;
        }
        String reason = blankToNull(param.apply("reason"));
        if (reason != null && !reason.matches("[a-z0-9_]{1,40}")) {
            problems.add("There is no reason \"" + reason + "\": showing every reason.");
            reason = null;
        }
        LocalDate from = date(param.apply("from"), "from", problems);
        LocalDate to = date(param.apply("to"), "to", problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add("The end date is before the start date: showing from the start date on.");
            to = null;
        }
        String query = Optional.ofNullable(param.apply("q")).map(String::strip).orElse("");
        if (query.length() > 254) {
            problems.add("The search is too long: searching nothing.");
            query = "";
        }
        Search search = query.isEmpty() ? Search.NONE : query.contains("@") ? Search.EMAIL : Search.RMA_OR_ORDER;
        return new QueueFilter(status, reason, from, to, query, search, PageCursor.parse(param.apply("after")).orElse(null), List.copyOf(problems));
    }

    /** An RMA as people type it ("r7k3p9q", "R-7K3P9Q") in its stored form. */
    String rma() {
        return app.landfall.returns.RmaNumbers.normalize(query);
    }

    String email() {
        return query.toLowerCase(Locale.ROOT);
    }

    /** The query string of these filters (without the cursor), for links to other pages. */
    public String queryString() {
        StringBuilder out = new StringBuilder();
        append(out, "status", status);
        append(out, "reason", reason);
        append(out, "from", from == null ? null : from.toString());
        append(out, "to", to == null ? null : to.toString());
        append(out, "q", query.isEmpty() ? null : query);
        return out.toString();
    }

    private static void append(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append(out.isEmpty() ? "" : "&").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }


    private static LocalDate date(String raw, String name, List<String> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return AcceptedDates.clamp(LocalDate.parse(raw.strip()));
        } catch (DateTimeParseException e) {
            problems.add("\"" + raw.strip() + "\" is not a date (YYYY-MM-DD): the " + name + " date is ignored.");
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
