package app.landfall.hooks;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;
import java.util.regex.Pattern;

/** ISO 3166-1 country codes: providers write alpha-3 (AfterShip) or alpha-2; Landfall stores alpha-2. */
final class Countries {
    private static final Pattern ALPHA2 = Pattern.compile("[A-Z]{2}");
    private static final Set<String> ALPHA2_CODES = Set.of(Locale.getISOCountries());
    private static final Map<String, String> BY_ALPHA3 = byAlpha3();

    private Countries() {
    }

    private static Map<String, String> byAlpha3() {
        Map<String, String> map = new HashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            try {
                String alpha3 = new Locale("", alpha2).getISO3Country();
                if (!alpha3.isEmpty()) {
                    map.put(alpha3, alpha2);
                }
            } catch (MissingResourceException e) {
                // the JDK has no alpha-3 for this code: it simply cannot be converted
            }
        }
        return Map.copyOf(map);
    }

    /**
     * The alpha-2 code for an alpha-3 code ({@code USA} → {@code US}); an alpha-2 code that is
     * already one is kept. Case is ignored. Null for anything else (unknown codes, names, blanks).
     */
    static String alpha2(String code) {
        if (code == null) {
            return null;
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (upper.length() == 3) {
            return BY_ALPHA3.get(upper);
        }
        return upper.length() == 2 && ALPHA2_CODES.contains(upper) ? upper : null;
    }

    /** The code if it is written as an alpha-2 code ({@code [A-Z]{2}}), else null. */
    static String strictAlpha2(String code) {
        return code != null && ALPHA2.matcher(code).matches() ? code : null;
    }
}
