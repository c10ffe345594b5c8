package app.landfall.branding;

import app.landfall.i18n.Languages;
import java.time.OffsetDateTime;
import java.util.List;

/** A storefront's look and voice on the public pages. */
public record Brand(
        long merchantId,
        long id,
        String name,
        String logoUrl,
        Palette palette,
        List<String> languages,
        String defaultLanguage,
        String supportEmail,
        String supportPhone,
        String supportUrl,
        List<Link> headerLinks,
        Marketing marketing,
        OffsetDateTime updatedAt) {

    public record Palette(String primary, String accent, String background, String text, String font) {
    }

    public record Link(String label, String url) {
    }

    public record Recommendation(String title, String imageUrl, String url, String price) {
    }

    /** The merchant's promotional block; every part is optional. */
    public record Marketing(String headline, String body, String bannerImageUrl, String bannerUrl,
            List<Recommendation> recommendations) {

        public boolean isEmpty() {
            return headline == null && body == null && bannerImageUrl == null && recommendations.isEmpty();
        }
    }

    /** How pages look for a merchant that has not set up a brand: Landfall's own colours. */
    public static Brand plain(long merchantId, String name) {
        return new Brand(merchantId, 0, name, null, PLAIN, List.of("en"), "en", null, null, null, List.of(),
                new Marketing(null, null, null, null, List.of()), OffsetDateTime.parse("2000-01-01T00:00:00Z"));
    }

    private static final Palette PLAIN = new Palette("#1f4e79", "#b35900", "#ffffff", "#1a1a1a", "system");

    /** The stylesheet with this brand's colours and font: one file per page, cached for a year. */
    public String stylesheet() {
        if (id == 0) {
            return "/static/css/landfall.css";
        }
        return "/brand/" + merchantId + "-" + id + "-" + BrandStyles.version(palette) + ".css";
    }

    /** The languages pages can be shown in: enabled by the merchant and translated by us. */
    public List<String> pageLanguages() {
        List<String> usable = languages.stream().filter(Languages.SUPPORTED::contains).toList();
        return usable.isEmpty() ? List.of("en") : usable;
    }

    public boolean hasSupportContact() {
        return supportEmail != null || supportPhone != null || supportUrl != null;
    }

    /** A phone number as a tel: link (digits and a leading +). */
    public String supportPhoneLink() {
        return supportPhone == null ? null : "tel:" + supportPhone.replaceAll("[^0-9+]", "");
    }
}
