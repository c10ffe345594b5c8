package app.landfall.demo;

import java.util.List;
import java.util.Map;

/** Where the store ships from and the carrier facilities its parcels pass through on the way. */
final class DemoRoutes {
    /** The region a parcel is bound for; each carrier routes a region through its own hubs. */
    enum Zone { EAST, SOUTH, MIDWEST, MOUNTAIN, CALIFORNIA, NORTHWEST, ABROAD }

    private static final String EASTERN = "America/New_York";
    private static final String CENTRAL = "America/Chicago";
    private static final String MOUNTAIN = "America/Denver";
    private static final String PACIFIC = "America/Los_Angeles";

    static final DemoPlace WAREHOUSE = us("Williston", "VT", "05495", EASTERN);

    private static final Map<String, DemoPlace> ORIGIN_FACILITIES = Map.of(
            "ups", us("South Burlington", "VT", "05403", EASTERN),
            "fedex", us("Colchester", "VT", "05446", EASTERN),
            "usps", us("White River Junction", "VT", "05001", EASTERN),
            "dhl", us("South Burlington", "VT", "05403", EASTERN));

    private static final DemoPlace HODGKINS = us("Hodgkins", "IL", "60525", CENTRAL);
    private static final DemoPlace MEMPHIS = us("Memphis", "TN", "38118", CENTRAL);
    private static final DemoPlace FOREST_PARK = us("Forest Park", "IL", "60130", CENTRAL);
    private static final DemoPlace SALT_LAKE_CITY = us("Salt Lake City", "UT", "84104", MOUNTAIN);

    private static final Map<String, Map<Zone, List<DemoPlace>>> HUBS = Map.of(
            "ups", Map.of(
                    Zone.EAST, List.of(us("Secaucus", "NJ", "07094", EASTERN)),
                    Zone.SOUTH, List.of(us("Atlanta", "GA", "30336", EASTERN)),
                    Zone.MIDWEST, List.of(HODGKINS),
                    Zone.MOUNTAIN, List.of(HODGKINS, SALT_LAKE_CITY),
                    Zone.CALIFORNIA, List.of(HODGKINS, us("Ontario", "CA", "91761", PACIFIC)),
                    Zone.NORTHWEST, List.of(HODGKINS, SALT_LAKE_CITY)),
            "fedex", Map.of(
                    Zone.EAST, List.of(us("Newark", "NJ", "07114", EASTERN)),
                    Zone.SOUTH, List.of(MEMPHIS),
                    Zone.MIDWEST, List.of(us("Indianapolis", "IN", "46241", "America/Indiana/Indianapolis")),
                    Zone.MOUNTAIN, List.of(MEMPHIS, us("Denver", "CO", "80239", MOUNTAIN)),
                    Zone.CALIFORNIA, List.of(MEMPHIS, us("Oakland", "CA", "94621", PACIFIC)),
                    Zone.NORTHWEST, List.of(MEMPHIS, us("Portland", "OR", "97218", PACIFIC))),
            "usps", Map.of(
                    Zone.EAST, List.of(us("Springfield", "MA", "01152", EASTERN)),
                    Zone.SOUTH, List.of(us("Palmetto", "GA", "30268", EASTERN)),
                    Zone.MIDWEST, List.of(FOREST_PARK),
                    Zone.MOUNTAIN, List.of(FOREST_PARK, us("Denver", "CO", "80266", MOUNTAIN)),
                    Zone.CALIFORNIA, List.of(FOREST_PARK, us("Bell", "CA", "90201", PACIFIC)),
                    Zone.NORTHWEST, List.of(FOREST_PARK, us("Federal Way", "WA", "98003", PACIFIC))),
            "dhl", Map.of(
                    Zone.ABROAD, List.of(us("Hebron", "KY", "41048", EASTERN))));

    /** DHL's arrival hub in each destination country, where customs clears the parcel. */
    private static final Map<String, DemoPlace> GATEWAYS = Map.of(
            "DE", new DemoPlace("Leipzig", "Sachsen", "04435", "DE", "Europe/Berlin"),
            "FR", new DemoPlace("Roissy-en-France", "Île-de-France", "95700", "FR", "Europe/Paris"),
            "GB", new DemoPlace("East Midlands", "England", "DE74 2TR", "GB", "Europe/London"),
            "CA", new DemoPlace("Mississauga", "ON", "L5P 1B2", "CA", "America/Toronto"));

    private DemoRoutes() {
    }

    /** The carrier's facility near the warehouse: first scan out, last stop before a return arrives. */
    static DemoPlace originFacility(String carrier) {
        return ORIGIN_FACILITIES.get(carrier);
    }

    static List<DemoPlace> hubs(String carrier, Zone zone) {
        List<DemoPlace> hubs = HUBS.get(carrier).get(zone);
        if (hubs == null) {
            throw new IllegalArgumentException(carrier + " does not serve " + zone + " in the demo");
        }
        return hubs;
    }

    static DemoPlace gateway(String country) {
        return GATEWAYS.get(country);
    }

    private static DemoPlace us(String city, String state, String zip, String timezone) {
        return new DemoPlace(city, state, zip, "US", timezone);
    }
}
