package app.landfall.demo;

import app.landfall.demo.DemoRoutes.Zone;
import java.math.BigDecimal;
import java.util.List;

/** The towns the store's customers live in, with what an address and phone number look like there. */
final class DemoDestinations {

    /**
     * One town. {@code phone} is a pattern whose {@code #} become digits, within the ranges set
     * aside for fiction (555-01xx in North America, Ofcom's and ARCEP's drama numbers, ...).
     */
    record Destination(DemoPlace place, Zone zone, BigDecimal salesTax, String phone, List<String> streets) {
        boolean abroad() {
            return zone == Zone.ABROAD;
        }

        /** Streets come after the number in Germany, before it elsewhere. */
        String streetAddress(int number, String street) {
            return place.country().equals("DE") ? street + " " + number : number + " " + street;
        }
    }

    static final List<Destination> ALL = List.of(
            us("Austin", "TX", "78704", "America/Chicago", Zone.SOUTH, "0.0825", "512", "South Congress Ave", "Barton Springs Rd", "Annie St"),
            us("Denver", "CO", "80205", "America/Denver", Zone.MOUNTAIN, "0.0881", "303", "Gaylord St", "Race St", "E 26th Ave"),
            us("Boulder", "CO", "80302", "America/Denver", Zone.MOUNTAIN, "0.0885", "303", "Pearl St", "Mapleton Ave"),
            us("Portland", "OR", "97214", "America/Los_Angeles", Zone.NORTHWEST, "0", "503", "SE Belmont St", "SE Salmon St"),
            us("Seattle", "WA", "98103", "America/Los_Angeles", Zone.NORTHWEST, "0.1035", "206", "N 40th St", "Stone Way N"),
            us("Chicago", "IL", "60614", "America/Chicago", Zone.MIDWEST, "0.1025", "773", "N Halsted St", "W Armitage Ave"),
            us("Minneapolis", "MN", "55408", "America/Chicago", Zone.MIDWEST, "0.0903", "612", "Bryant Ave S", "W Lake St"),
            us("Madison", "WI", "53703", "America/Chicago", Zone.MIDWEST, "0.055", "608", "E Johnson St", "Williamson St"),
            us("Ann Arbor", "MI", "48104", "America/Detroit", Zone.MIDWEST, "0.06", "734", "S State St", "Packard St"),
            us("Brooklyn", "NY", "11215", "America/New_York", Zone.EAST, "0.08875", "718", "7th Ave", "Prospect Park W"),
            us("Boston", "MA", "02130", "America/New_York", Zone.EAST, "0.0625", "617", "Centre St", "South St"),
            us("Philadelphia", "PA", "19147", "America/New_York", Zone.EAST, "0.08", "215", "Christian St", "S 9th St"),
            us("Portland", "ME", "04101", "America/New_York", Zone.EAST, "0.055", "207", "Congress St", "Danforth St"),
            us("Asheville", "NC", "28801", "America/New_York", Zone.SOUTH, "0.07", "828", "Haywood St", "Montford Ave"),
            us("Atlanta", "GA", "30307", "America/New_York", Zone.SOUTH, "0.089", "404", "Euclid Ave NE", "Moreland Ave NE"),
            us("Nashville", "TN", "37206", "America/Chicago", Zone.SOUTH, "0.0925", "615", "Fatherland St", "Woodland St"),
            us("Salt Lake City", "UT", "84105", "America/Denver", Zone.MOUNTAIN, "0.0775", "801", "S 1100 E", "E 900 S"),
            us("Bozeman", "MT", "59715", "America/Denver", Zone.MOUNTAIN, "0", "406", "S Willson Ave", "W Babcock St"),
            us("San Francisco", "CA", "94110", "America/Los_Angeles", Zone.CALIFORNIA, "0.08625", "415", "Valencia St", "Guerrero St"),
            us("Los Angeles", "CA", "90026", "America/Los_Angeles", Zone.CALIFORNIA, "0.095", "213", "Sunset Blvd", "Echo Park Ave"),
            us("Phoenix", "AZ", "85004", "America/Phoenix", Zone.CALIFORNIA, "0.086", "602", "N 3rd St", "E Roosevelt St"),
            abroad("Berlin", "Berlin", "10437", "DE", "Europe/Berlin", "+49 30 23125###", "Kastanienallee", "Stargarder Straße"),
            abroad("München", "Bayern", "80469", "DE", "Europe/Berlin", "+49 89 99998###", "Fraunhoferstraße", "Baaderstraße"),
            abroad("Hamburg", "Hamburg", "22767", "DE", "Europe/Berlin", "+49 40 66969###", "Max-Brauer-Allee", "Große Bergstraße"),
            abroad("Paris", "Île-de-France", "75011", "FR", "Europe/Paris", "+33 1 99 00 ## ##", "Rue de la Roquette", "Rue Oberkampf"),
            abroad("Lyon", "Auvergne-Rhône-Alpes", "69001", "FR", "Europe/Paris", "+33 4 65 71 ## ##", "Rue des Capucins", "Rue Sainte-Catherine"),
            abroad("London", "England", "N1 2SA", "GB", "Europe/London", "+44 20 7946 0###", "Upper Street", "Liverpool Road"),
            abroad("Manchester", "England", "M4 1HQ", "GB", "Europe/London", "+44 161 496 0###", "Oldham Street", "Tib Street"),
            abroad("Toronto", "ON", "M6J 1H4", "CA", "America/Toronto", "+1 416-555-01##", "Queen St W", "Ossington Ave"),
            abroad("Vancouver", "BC", "V5T 1R8", "CA", "America/Vancouver", "+1 604-555-01##", "Main St", "E 10th Ave"));

    private DemoDestinations() {
    }

    static List<Destination> in(String country) {
        return ALL.stream().filter(d -> d.place().country().equals(country)).toList();
    }

    private static Destination us(String city, String state, String zip, String timezone, Zone zone,
            String salesTax, String areaCode, String... streets) {
        return new Destination(new DemoPlace(city, state, zip, "US", timezone), zone, new BigDecimal(salesTax),
                "+1 " + areaCode + "-555-01##", List.of(streets));
    }

    // duties and import VAT are the shopper's to pay on arrival, so no tax on the order
    private static Destination abroad(String city, String region, String postalCode, String country, String timezone,
            String phone, String... streets) {
        return new Destination(new DemoPlace(city, region, postalCode, country, timezone), Zone.ABROAD, BigDecimal.ZERO,
                phone, List.of(streets));
    }
}
