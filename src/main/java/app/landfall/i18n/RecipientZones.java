package app.landfall.i18n;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * The time zone a customer most likely lives in (for quiet hours, and for "today" and "late" on tracking pages), from the order's shipping address: a country with
 * one zone names it; the United States, Canada, Australia, Brazil and Mexico by their state or
 * province when the address has its usual code; anything else (an unknown country, a multi-zone
 * one without a known region) is the store's zone. A small table on purpose: quiet hours need the
 * hour of the evening, not the minute, and the order's phone is often missing or foreign
 * (libphonenumber's time zone mapper ships in a separate artifact and answers only "one of these").
 */
public final class RecipientZones {
    private static final Map<String, String> ONE_ZONE = Map.ofEntries(
            Map.entry("AT", "Europe/Vienna"), Map.entry("BE", "Europe/Brussels"), Map.entry("BG", "Europe/Sofia"),
            Map.entry("CH", "Europe/Zurich"), Map.entry("CY", "Asia/Nicosia"), Map.entry("CZ", "Europe/Prague"),
            Map.entry("DE", "Europe/Berlin"), Map.entry("DK", "Europe/Copenhagen"), Map.entry("EE", "Europe/Tallinn"),
            Map.entry("ES", "Europe/Madrid"), Map.entry("FI", "Europe/Helsinki"), Map.entry("FR", "Europe/Paris"),
            Map.entry("GB", "Europe/London"), Map.entry("GR", "Europe/Athens"), Map.entry("HR", "Europe/Zagreb"),
            Map.entry("HU", "Europe/Budapest"), Map.entry("IE", "Europe/Dublin"), Map.entry("IS", "Atlantic/Reykjavik"),
            Map.entry("IT", "Europe/Rome"), Map.entry("LI", "Europe/Vaduz"), Map.entry("LT", "Europe/Vilnius"),
            Map.entry("LU", "Europe/Luxembourg"), Map.entry("LV", "Europe/Riga"), Map.entry("MT", "Europe/Malta"),
            Map.entry("NL", "Europe/Amsterdam"), Map.entry("NO", "Europe/Oslo"), Map.entry("PL", "Europe/Warsaw"),
            Map.entry("PT", "Europe/Lisbon"), Map.entry("RO", "Europe/Bucharest"), Map.entry("SE", "Europe/Stockholm"),
            Map.entry("SI", "Europe/Ljubljana"), Map.entry("SK", "Europe/Bratislava"), Map.entry("UA", "Europe/Kyiv"),
            Map.entry("TR", "Europe/Istanbul"), Map.entry("IL", "Asia/Jerusalem"), Map.entry("AE", "Asia/Dubai"),
            Map.entry("IN", "Asia/Kolkata"), Map.entry("CN", "Asia/Shanghai"), Map.entry("HK", "Asia/Hong_Kong"),
            Map.entry("JP", "Asia/Tokyo"), Map.entry("KR", "Asia/Seoul"), Map.entry("SG", "Asia/Singapore"),
            Map.entry("TW", "Asia/Taipei"), Map.entry("TH", "Asia/Bangkok"), Map.entry("PH", "Asia/Manila"),
            Map.entry("MY", "Asia/Kuala_Lumpur"), Map.entry("NZ", "Pacific/Auckland"), Map.entry("ZA", "Africa/Johannesburg"),
            Map.entry("AR", "America/Argentina/Buenos_Aires"), Map.entry("CL", "America/Santiago"), Map.entry("CO", "America/Bogota"),
            Map.entry("PE", "America/Lima"));

    /** Multi-zone countries: the zone of a state or province, by its postal code; each country's capital zone is not assumed. */
    private static final Map<String, Map<String, String>> BY_REGION = Map.of(
            "US", regions("America/New_York", "CT DC DE FL GA IN KY MA MD ME MI NC NH NJ NY OH PA RI SC VA VT WV",
                    "America/Chicago", "AL AR IA IL KS LA MN MO MS ND NE OK SD TN TX WI",
                    "America/Denver", "CO MT NM UT WY ID", "America/Phoenix", "AZ",
                    "America/Los_Angeles", "CA NV OR WA", "America/Anchorage", "AK", "Pacific/Honolulu", "HI",
                    "America/Puerto_Rico", "PR"),
            "CA", regions("America/Toronto", "ON QC", "America/Halifax", "NS NB PE", "America/St_Johns", "NL",
                    "America/Winnipeg", "MB", "America/Regina", "SK", "America/Edmonton", "AB NT", "America/Vancouver", "BC",
                    "America/Whitehorse", "YT", "America/Iqaluit", "NU"),
            "AU", regions("Australia/Sydney", "NSW ACT", "Australia/Melbourne", "VIC", "Australia/Brisbane", "QLD",
                    "Australia/Adelaide", "SA", "Australia/Perth", "WA", "Australia/Hobart", "TAS", "Australia/Darwin", "NT"),
            "BR", regions("America/Sao_Paulo", "SP RJ MG ES PR SC RS GO DF BA SE AL PE PB RN CE PI MA PA AP TO",
                    "America/Manaus", "AM RR MT MS RO", "America/Rio_Branco", "AC"),
            "MX", regions("America/Mexico_City", "CDMX DF MEX JAL PUE GTO VER NLE MIC GRO OAX CHP TAB YUC CAM COA TAM SLP ZAC AGU QUE HID TLA MOR DUR COL",
                    "America/Cancun", "ROO", "America/Hermosillo", "SON", "America/Mazatlan", "SIN NAY BCS CHH",
                    "America/Tijuana", "BCN"));

    private RecipientZones() {
    }

    /** The recipient's zone for an order shipped to {@code country} ({@code region} as written, may be null), else {@code store}. */
    public static ZoneId of(String country, String region, ZoneId store) {
        if (country == null) {
            return store;
        }
        String c = country.strip().toUpperCase(Locale.ROOT);
        String one = ONE_ZONE.get(c);
        if (one != null) {
            return ZoneId.of(one);
        }
        Map<String, String> regions = BY_REGION.get(c);
        if (regions != null && region != null) {
            String r = region.strip().toUpperCase(Locale.ROOT);
            String zone = regions.get(r.startsWith(c + "-") ? r.substring(3) : r);
            if (zone != null) {
                return ZoneId.of(zone);
            }
        }
        return store;
    }

    private static Map<String, String> regions(String... zonesAndCodes) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < zonesAndCodes.length; i += 2) {
            for (String code : zonesAndCodes[i + 1].split(" ")) {
                map.put(code, zonesAndCodes[i]);
            }
        }
        return Map.copyOf(map);
    }
}
