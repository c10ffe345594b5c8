package app.landfall.i18n;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The languages an Accept-Language header (RFC 9110 §12.5.4) asks for, most wanted first. */
final class AcceptLanguage {
    // headers and lists beyond these sizes are abuse, not browsers; parsing them would only cost time
    static final int MAX_HEADER_LENGTH = 1_000;
    static final int MAX_ENTRIES = 30;
    private static final Pattern RANGE = Pattern.compile("\\*|([A-Za-z]{1,8})(-[A-Za-z0-9]{1,8})*");
    private static final Pattern WEIGHT = Pattern.compile("[qQ]=(0(\\.[0-9]{0,3})?|1(\\.0{0,3})?)");

    private AcceptLanguage() {
    }

    private record Wanted(String language, double weight) {
    }

    /**
     * Primary language subtags, lowercased, by falling weight (equal weights keep header order);
     * wildcards, entries with weight 0 and malformed entries left out.
     */
    static List<String> preferred(String header) {
        if (header == null || header.length() > MAX_HEADER_LENGTH) {
            return List.of();
        }
        List<Wanted> wanted = new ArrayList<>();
        int entries = 0;
        for (String element : header.split(",")) {
            if (element.isBlank()) {
                continue;
            }
            if (++entries > MAX_ENTRIES) {
                break;
            }
            Wanted parsed = parse(element);
            if (parsed != null && parsed.weight() > 0 && parsed.language() != null) {
                wanted.add(parsed);
            }
        }
        wanted.sort(Comparator.comparingDouble(Wanted::weight).reversed());
        return wanted.stream().map(Wanted::language).distinct().toList();
    }

    /** The entry's primary subtag (null for "*") and weight, or null when it is malformed. */
    private static Wanted parse(String element) {
        String[] parts = element.split(";", -1);
        if (parts.length > 2) {
            return null;
        }
        Matcher range = RANGE.matcher(parts[0].trim());
        if (!range.matches()) {
            return null;
        }
        double weight = 1;
        if (parts.length == 2) {
            Matcher q = WEIGHT.matcher(parts[1].trim());
            if (!q.matches()) {
                return null;
            }
            weight = Double.parseDouble(q.group(1));
        }
        String language = range.group(1) == null ? null : range.group(1).toLowerCase(Locale.ROOT);
        return new Wanted(language, weight);
    }
}
