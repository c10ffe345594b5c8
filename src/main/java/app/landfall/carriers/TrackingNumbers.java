package app.landfall.carriers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Names the carrier(s) a tracking number can belong to, checking check digits where a format has one. */
public final class TrackingNumbers {

    public record Candidate(String carrierCode, String service, String trackingUrl) {
    }

    public record Detection(String normalized, List<Candidate> candidates) {

        public Detection {
            candidates = List.copyOf(candidates);
        }

        public boolean unknown() {
            return candidates.isEmpty();
        }
    }

    private TrackingNumbers() {
    }

    /** All carriers the number is valid for; a number valid for several is left for the caller to choose. */
    public static Detection detect(String raw) {
        String normalized = normalize(raw);
        Set<String> carriersSeen = new LinkedHashSet<>();
        List<Candidate> candidates = new ArrayList<>();
        for (TrackingNumberFormats.Format format : TrackingNumberFormats.ALL) {
            if (!carriersSeen.contains(format.carrierCode()) && format.accepts(normalized)) {
                carriersSeen.add(format.carrierCode());
                candidates.add(new Candidate(format.carrierCode(), format.service().apply(normalized),
                        trackingUrl(format.carrierCode(), normalized)));
            }
        }
        return new Detection(normalized, candidates);
    }

    /** Upper case without spaces or dashes, as tracking numbers are stored. */
    public static String normalize(String raw) {
        return raw == null ? "" : raw.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static String trackingUrl(String carrierCode, String normalized) {
        return CarrierDirectory.byCode(carrierCode)
                .orElseThrow(() -> new IllegalStateException("Format names unknown carrier " + carrierCode))
                .trackingUrl(normalized);
    }
}
