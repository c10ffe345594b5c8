package app.landfall.orders;

/** A postal address as a source gave it; any part may be null. {@code country} is ISO 3166-1 alpha-2. */
public record Address(String line1, String line2, String city, String region, String postalCode, String country) {
    public static final Address NONE = new Address(null, null, null, null, null, null);
}
