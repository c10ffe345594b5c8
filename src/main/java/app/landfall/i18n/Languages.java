package app.landfall.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which language a page is shown in, and how languages are named and written. */
public final class Languages {
    /** The languages we have translations for. */
    public static final List<String> SUPPORTED = List.of("en", "de", "fr", "es");

    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "fa", "ur");
    private static final Map<String, String> NATIVE_NAMES = Map.of(
            "en", "English", "de", "Deutsch", "fr", "Français", "es", "Español");

    private Languages() {
    }

    /**
     * The page language: the one asked for in the URL, else the one remembered in the cookie, else the
     * browser's preference, else the merchant's default, else the merchant's first language; always one
     * the merchant has enabled.
     */
    public static String choose(String query, String cookie, String acceptLanguage, List<String> enabled,
            String merchantDefault) {
        if (enabled == null || enabled.isEmpty()) {
            return "en";
        }
        return enabledMatch(query, enabled)
                .or(() -> enabledMatch(cookie, enabled))
                .or(() -> AcceptLanguage.preferred(acceptLanguage).stream()
                        .flatMap(language -> enabledMatch(language, enabled).stream()).findFirst())
                .or(() -> enabledMatch(merchantDefault, enabled))
                .orElse(enabled.get(0));
    }

    public static boolean isRightToLeft(String language) {
        return language != null && RIGHT_TO_LEFT.contains(primary(language));
    }

    /** The language's name in itself, for a language switcher; the code itself when we have none. */
    public static String nativeName(String language) {
        if (language == null) {
            return "";
        }
        return NATIVE_NAMES.getOrDefault(language.trim().toLowerCase(Locale.ROOT), language);
    }

    private static Optional<String> enabledMatch(String language, List<String> enabled) {
        if (language == null) {
            return Optional.empty();
        }
        String wanted = language.trim();
        return enabled.stream().filter(wanted::equalsIgnoreCase).findFirst().map(e -> e.toLowerCase(Locale.ROOT));
    }

    private static String primary(String language) {
        String lower = language.trim().toLowerCase(Locale.ROOT);
        int dash = lower.indexOf('-');
        return dash < 0 ? lower : lower.substring(0, dash);
    }
}
