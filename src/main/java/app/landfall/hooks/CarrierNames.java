package app.landfall.hooks;

import java.util.Locale;
import java.util.Map;

/**
 * Each provider's name for a carrier, as a Landfall carrier code (the carrier directory's ups,
 * fedex, usps, dhl, amazon, ontrac) or, where the provider's own code is usable as one, that code;
 * null means "not known": the tracking number decides.
 */
final class CarrierNames {
    /** AfterShip slugs (https://www.aftership.com/couriers) that are carriers of the directory. */
    private static final Map<String, String> AFTERSHIP = Map.of(
            "ups", "ups",
            "fedex", "fedex",
            "usps", "usps",
            // "dhl" is DHL Express; dhl-global-mail, dhl-germany, ... are other networks and keep their slug
            "dhl", "dhl",
            "amazon", "amazon",
            "ontrac", "ontrac");

    private CarrierNames() {
    }

    /**
     * An AfterShip slug: the directory's carriers by name, any {@code amazon…} slug (amazon-shipping,
     * amazon-fba-us, …) as amazon, other valid slugs kept as they are; AfterShip's own
     * {@code unrecognized} (it could not tell the carrier) and invalid slugs are null.
     */
    static String fromAfterShip(String slug) {
        if (slug == null) {
            return null;
        }
        String s = slug.strip().toLowerCase(Locale.ROOT);
        if (AFTERSHIP.containsKey(s)) {
            return AFTERSHIP.get(s);
        }
        if (s.startsWith("amazon")) {
            return "amazon";
        }
        return s.equals("unrecognized") || !PayloadFormats.isCarrierSlug(s) ? null : s;
    }

    /**
     * An EasyPost carrier name (UPS, UPSDAP, USPS, FedEx, FedExDefault, FedExSmartPost, DHLExpress,
     * DHLeCommerce, AmazonShipping, AmazonMws, OnTrac, …): by the brand it starts with; any other name
     * lower-cased ({@code CanadaPost} → {@code canadapost}) when that is a valid slug.
     */
    static String fromEasyPost(String name) {
        if (name == null) {
            return null;
        }
        String s = name.strip().toLowerCase(Locale.ROOT);
        String brand = brand(s);
        if (brand != null) {
            return brand;
        }
        return PayloadFormats.isCarrierSlug(s) ? s : null;
    }

    /**
     * A Shopify {@code tracking_company} (UPS, USPS, FedEx, DHL Express, DHL eCommerce, Amazon,
     * Amazon Logistics US, OnTrac, …). Shopify's list is long and its names are free text for
     * "Other" carriers, so anything that is not one of the directory's brands is null.
     */
    static String fromShopify(String company) {
        if (company == null) {
            return null;
        }
        return brand(company.strip().toLowerCase(Locale.ROOT));
    }

    /** The directory carrier a lower-cased provider name belongs to, by its leading brand. */
    private static String brand(String s) {
        String compact = s.replaceAll("[\\s_.-]", "");
        if (compact.startsWith("usps")) {
            return "usps";
        }
        if (compact.startsWith("ups")) {
            return "ups";
        }
        if (compact.startsWith("fedex")) {
            return "fedex";
        }
        if (compact.startsWith("dhl")) {
            return "dhl";
        }
        if (compact.startsWith("amazon")) {
            return "amazon";
        }
        if (compact.startsWith("ontrac")) {
            return "ontrac";
        }
        return null;
    }
}
