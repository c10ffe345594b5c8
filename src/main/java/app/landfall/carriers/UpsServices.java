package app.landfall.carriers;

import java.util.Map;

/** The service level UPS encodes in characters 9-10 of a 1Z number. */
final class UpsServices {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("01", "Next Day Air"),
            Map.entry("02", "2nd Day Air"),
            Map.entry("03", "Ground"),
            Map.entry("12", "3 Day Select"),
            Map.entry("13", "Next Day Air Saver"),
            Map.entry("15", "Next Day Air Early"),
            Map.entry("22", "Ground - Returns Plus, three pickup attempts"),
            Map.entry("42", "Ground - Signature Required"),
            Map.entry("44", "Next Day Air - Saturday Delivery"),
            Map.entry("66", "Worldwide Express"),
            Map.entry("72", "Ground - Collect on Delivery"),
            Map.entry("78", "Ground - Returns Plus, one pickup attempt"),
            Map.entry("90", "Ground - Returns, label mailed by UPS"));

    private UpsServices() {
    }

    /** Null when the code is not one we can name. */
    static String name(String code) {
        return NAMES.get(code);
    }
}
