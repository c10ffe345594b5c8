package app.landfall.branding;

import app.landfall.i18n.Languages;
import java.util.List;

/**
 * The chrome of a merchant's public page: brand, language and the switcher to the others.
 * {@code home} is where "track another parcel" leads on this site ("/demo/track" or "/track").
 */
public record BrandedPage(Brand brand, String lang, List<LanguageLink> languages, String home) {

    public record LanguageLink(String code, String name, String url, boolean current) {
    }

    /** The page in {@code lang}, with links to itself ({@code self}) in the brand's other languages. */
    public static BrandedPage of(Brand brand, String lang, String self, String home) {
        String separator = self.contains("?") ? "&" : "?";
        List<LanguageLink> links = brand.pageLanguages().stream()
                .map(code -> new LanguageLink(code, Languages.nativeName(code), self + separator + "lang=" + code, code.equals(lang)))
                .toList();
        return new BrandedPage(brand, lang, links.size() > 1 ? links : List.of(), home);
    }

    public String dir() {
        return Languages.isRightToLeft(lang) ? "rtl" : "ltr";
    }
}
