package app.landfall.demo;

import java.time.ZoneId;

/** A real place on a parcel's way: the warehouse, a carrier hub, a shopper's town. */
record DemoPlace(String city, String region, String postalCode, String country, String timezone) {

    ZoneId zone() {
        return ZoneId.of(timezone);
    }

    /** How carrier scans name a place: "Hodgkins, IL, US" at home, "Leipzig, DE" abroad. */
    String location() {
        boolean regionInAddress = country.equals("US") || country.equals("CA");
        return regionInAddress ? city + ", " + region + ", " + country : city + ", " + country;
    }
}
