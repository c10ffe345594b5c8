package app.landfall.demo;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Tracking numbers in each carrier's real format with valid check digits, so that carrier
 * detection and validation treat the demo parcels like real ones. Never issues one twice.
 */
final class DemoTrackingNumbers {
    /** One UPS account and one USPS mailer id, as a real store would have. */
    private static final String UPS_SHIPPER = "A8W617";
    private static final String USPS_MAILER = "108962745";

    private final Random random;
    private final Set<String> issued = new HashSet<>();

    DemoTrackingNumbers(Random random) {
        this.random = random;
    }

    /** A fresh number for the carrier's service (see {@link #service}). */
    String next(String carrier, String service) {
        String number;
        do {
            number = switch (carrier) {
                case "ups" -> ups(service.equals("UPS 2nd Day Air") ? "02" : "03");
                case "fedex" -> fedex();
                case "usps" -> usps(service.equals("Priority Mail") ? "9205" : "9400");
                case "dhl" -> dhl();
                default -> throw new IllegalArgumentException("no demo numbers for " + carrier);
            };
        } while (!issued.add(number));
        return number;
    }

    /** The service a store like ours books most with each carrier. */
    static String service(String carrier, boolean express) {
        return switch (carrier) {
            case "ups" -> express ? "UPS 2nd Day Air" : "UPS Ground";
            case "fedex" -> express ? "FedEx 2Day" : "FedEx Home Delivery";
            case "usps" -> express ? "Priority Mail" : "USPS Ground Advantage";
            case "dhl" -> "DHL Express Worldwide";
            default -> throw new IllegalArgumentException(carrier);
        };
    }

    /** 1Z, 6-character shipper account, 2-digit service, 7-digit package id, check digit. */
    private String ups(String serviceCode) {
        String body = UPS_SHIPPER + serviceCode + digits(7);
        return "1Z" + body + upsCheckDigit(body);
    }

    /** 12 digits: 11-digit serial (Express and Ground both use these now) and a check digit. */
    private String fedex() {
        String body = "7" + digits(10);
        return body + fedexCheckDigit(body);
    }

    /** IMpb: application id + service type (9400 Ground Advantage, 9205 Priority), mailer id, serial. */
    private String usps(String prefix) {
        String body = prefix + "1" + USPS_MAILER + digits(7);
        return body + uspsCheckDigit(body);
    }

    /** DHL Express waybill: 9 digits and a mod-7 check digit. */
    private String dhl() {
        String body = (1 + random.nextInt(9)) + digits(8);
        return body + dhlCheckDigit(body);
    }

    private String digits(int count) {
        StringBuilder s = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }

    /**
     * UPS mod 10 over the 15 characters after "1Z": letters count as (letter - 'A' + 2) mod 10,
     * characters at even 1-based positions count double, and the check digit tops the sum up to a
     * multiple of ten.
     */
    static int upsCheckDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : (c - 'A' + 2) % 10;
            sum += i % 2 == 1 ? 2 * value : value;
        }
        return (10 - sum % 10) % 10;
    }

    /** FedEx 12-digit: weights 1, 3, 7 repeating from the right, sum mod 11, then mod 10. */
    static int fedexCheckDigit(String body) {
        int[] weights = {1, 3, 7};
        int sum = 0;
        for (int k = 0; k < body.length(); k++) {
            sum += (body.charAt(body.length() - 1 - k) - '0') * weights[k % 3];
        }
        return sum % 11 % 10;
    }

    /** USPS IMpb mod 10: weights 3 and 1 alternating from the right, topped up to a multiple of ten. */
    static int uspsCheckDigit(String body) {
        int sum = 0;
        for (int k = 0; k < body.length(); k++) {
            sum += (body.charAt(body.length() - 1 - k) - '0') * (k % 2 == 0 ? 3 : 1);
        }
        return (10 - sum % 10) % 10;
    }

    /** DHL Express: the serial mod 7. */
    static int dhlCheckDigit(String body) {
        return (int) (Long.parseLong(body) % 7);
    }

    /** Whether the number has its carrier's shape and check digit (the shapes issued above). */
    static boolean isValid(String carrier, String number) {
        String body = number.substring(0, number.length() - 1);
        int check = number.charAt(number.length() - 1) - '0';
        return switch (carrier) {
            case "ups" -> number.matches("1Z[0-9A-Z]{15}[0-9]") && upsCheckDigit(body.substring(2)) == check;
            case "fedex" -> number.matches("[0-9]{12}") && fedexCheckDigit(body) == check;
            case "usps" -> number.matches("9[0-9]{21}") && uspsCheckDigit(body) == check;
            case "dhl" -> number.matches("[0-9]{10}") && dhlCheckDigit(body) == check;
            default -> false;
        };
    }
}
