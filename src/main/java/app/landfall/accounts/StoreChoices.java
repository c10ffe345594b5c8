package app.landfall.accounts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The time zones and currencies an owner chooses from: the IANA regions' zones ("Europe/Berlin"),
 * grouped by region, and UTC; the ISO 4217 currencies Java knows that have minor units (no gold,
 * no fund codes). Anything not in these lists is refused.
 */
final class StoreChoices {
    private static final Set<String> REGIONS = Set.of("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia",
            "Europe", "Indian", "Pacific");
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.equals("UTC") || REGIONS.contains(z.substring(0, Math.max(0, z.indexOf('/'))))).collect(Collectors.toSet());

    private StoreChoices() {
    }

    record Option(String value, String label) {
    }

    record Group(String region, List<Option> options) {
    }

    static boolean isZone(String zone) {
        return ZONES.contains(zone);
    }

    static boolean isCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The zones by region, each labelled with its place and its offset now: "Berlin (UTC+01:00)". */
    static List<Group> zones(Instant now) {
        Map<String, List<Option>> byRegion = new TreeMap<>();
        for (String zone : ZONES) {
            String region = zone.equals("UTC") ? "Universal" : zone.substring(0, zone.indexOf('/'));
            String place = zone.equals("UTC") ? "UTC" : zone.substring(zone.indexOf('/') + 1).replace('_', ' ').replace("/", " – ");
            String offset = ZoneId.of(zone).getRules().getOffset(now).getId();
            byRegion.computeIfAbsent(region, r -> new ArrayList<>())
                    .add(new Option(zone, place + " (UTC" + (offset.equals("Z") ? "" : offset) + ")"));
        }
        List<Group> groups = new ArrayList<>();
        byRegion.forEach((region, options) -> {
            options.sort(Comparator.comparing(Option::label));
            groups.add(new Group(region, options));
        });
        return groups;
    }

    /** "EUR – Euro", by code. */
    static List<Option> currencies() {
        return Currency.getAvailableCurrencies().stream().filter(c -> isCurrency(c.getCurrencyCode()))
                .sorted(Comparator.comparing(Currency::getCurrencyCode))
                .map(c -> new Option(c.getCurrencyCode(), c.getCurrencyCode() + " – " + c.getDisplayName(Locale.ENGLISH)))
                .toList();
    }
}
