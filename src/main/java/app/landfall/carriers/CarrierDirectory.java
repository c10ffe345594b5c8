package app.landfall.carriers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The carriers Landfall knows: names, text badges and public tracking pages. */
public final class CarrierDirectory {

    /** {@code trackingUrlTemplate} holds {@code {number}} where the tracking number goes. */
    public record Carrier(String code, String displayName, String badgeText, String badgeColor, String trackingUrlTemplate) {

        public String trackingUrl(String trackingNumber) {
            // URLEncoder targets form bodies; %20 keeps a space valid in a path segment too.
            String encoded = URLEncoder.encode(trackingNumber, StandardCharsets.UTF_8).replace("+", "%20");
            return trackingUrlTemplate.replace("{number}", encoded);
        }
    }

    private static final List<Carrier> CARRIERS = List.of(
            new Carrier("ups", "UPS", "UPS", "#351C15", "https://www.ups.com/track?tracknum={number}"),
            new Carrier("fedex", "FedEx", "FedEx", "#4D148C", "https://www.fedex.com/fedextrack/?trknbr={number}"),
            new Carrier("usps", "USPS", "USPS", "#333366", "https://tools.usps.com/go/TrackConfirmAction?tLabels={number}"),
            new Carrier("dhl", "DHL Express", "DHL", "#FFCC00", "https://www.dhl.com/en/express/tracking.html?AWB={number}"),
            new Carrier("upu", "Postal service", "POST", "#2E5E8C", "https://www.17track.net/en/track?nums={number}"),
            new Carrier("amazon", "Amazon Logistics", "AMZL", "#FF9900", "https://track.amazon.com/tracking/{number}"),
            new Carrier("ontrac", "OnTrac", "OT", "#0B4C8C", "https://www.ontrac.com/tracking/?number={number}"));

    private CarrierDirectory() {
    }

    public static Optional<Carrier> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        return CARRIERS.stream().filter(carrier -> carrier.code().equals(wanted)).findFirst();
    }

    public static List<Carrier> all() {
        return CARRIERS;
    }
}
