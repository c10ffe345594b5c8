package app.landfall.carriers;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Every tracking-number format Landfall recognises, most specific first.
 * Regexes, check-digit rules and test numbers follow jkeen/tracking_number_data.
 */
final class TrackingNumberFormats {

    record Format(String carrierCode, Pattern pattern, Predicate<String> valid, Function<String, String> service) {

        boolean accepts(String normalized) {
            return pattern.matcher(normalized).matches() && valid.test(normalized);
        }
    }

    private static final Pattern USPS_IMPB = Pattern.compile("(?:420\\d{5})?(\\d{19}|\\d{23}|9[1-5]\\d{19}|9[1-5]\\d{23})\\d");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    static final List<Format> ALL = List.of(
            format("ups", "1Z[A-Z0-9]{16}",
                    n -> CheckDigits.mod10(n.substring(2, 17), n.charAt(17), 1, 2),
                    n -> UpsServices.name(n.substring(8, 10))),
            format("fedex", "100\\d{31}|96\\d{32}",
                    n -> CheckDigits.weightedMod11(n.substring(20, 33), n.charAt(33), 1, 7, 3),
                    n -> n.startsWith("96") ? "FedEx Ground" : "FedEx Express"),
            format("fedex", "96\\d{20}",
                    n -> CheckDigits.mod10(n.substring(7, 21), n.charAt(21), 1, 3),
                    n -> "FedEx Ground"),
            format("fedex", "(?:92)?\\d{20}",
                    TrackingNumberFormats::validFedExSmartPost,
                    n -> "FedEx Ground Economy"),
            format("fedex", "\\d{18}",
                    n -> CheckDigits.mod10(n.substring(0, 17), n.charAt(17), 3, 1),
                    n -> "FedEx Ground"),
            format("fedex", "\\d{15}",
                    n -> CheckDigits.mod10(n.substring(0, 14), n.charAt(14), 1, 3),
                    n -> "FedEx Ground"),
            format("fedex", "\\d{12}",
                    n -> CheckDigits.weightedMod11(n.substring(0, 11), n.charAt(11), 3, 1, 7),
                    n -> "FedEx Express"),
            format("usps", "420\\d{9}(?:9[2-5])?\\d{20}",
                    n -> CheckDigits.mod10(n.substring(12, n.length() - 1), last(n), 3, 1),
                    n -> null),
            format("usps", USPS_IMPB.pattern(),
                    TrackingNumberFormats::validUspsImpb,
                    n -> null),
            format("usps", "\\d{20}",
                    n -> CheckDigits.mod10(n.substring(0, 19), n.charAt(19), 3, 1),
                    n -> null),
            format("upu", "[A-Z]{2}\\d{9}[A-Z]{2}",
                    n -> CheckDigits.s10(n.substring(2, 10), n.charAt(10)) && COUNTRIES.contains(n.substring(11)),
                    TrackingNumberFormats::postalService),
            format("dhl", "\\d{10,11}",
                    n -> CheckDigits.mod7(n.substring(0, n.length() - 1), last(n)),
                    n -> "DHL Express"),
            format("amazon", "TBA\\d{12}", n -> true, n -> null),
            format("ontrac", "[CD]\\d{14}", TrackingNumberFormats::validOnTrac, n -> null));

    private TrackingNumberFormats() {
    }

    private static Format format(String carrierCode, String regex, Predicate<String> valid,
            Function<String, String> service) {
        return new Format(carrierCode, Pattern.compile(regex), valid, service);
    }

    // The SmartPost check digit is computed as if the serial carried the 92 application identifier.
    private static boolean validFedExSmartPost(String n) {
        String serial = n.substring(n.length() - 20, n.length() - 1);
        return CheckDigits.mod10(withPrefix(serial, "92", "92"), last(n), 3, 1);
    }

    // Without its 9x application identifier an IMpb serial is checked as if it were 91.
    private static boolean validUspsImpb(String n) {
        var matcher = USPS_IMPB.matcher(n);
        if (!matcher.matches()) {
            return false;
        }
        String serial = matcher.group(1);
        return CheckDigits.mod10(serial.matches("9[1-5].*") ? serial : "91" + serial, last(n), 3, 1);
    }

    // OnTrac's letter stands for a digit in the check: C as 4, D as 5.
    private static boolean validOnTrac(String n) {
        String letterDigit = n.charAt(0) == 'C' ? "4" : "5";
        return CheckDigits.mod10(withPrefix(n.substring(1, 14), letterDigit, letterDigit), last(n), 1, 2);
    }

    private static String withPrefix(String serial, String unlessStartsWith, String prefix) {
        return serial.startsWith(unlessStartsWith) ? serial : prefix + serial;
    }

    private static char last(String n) {
        return n.charAt(n.length() - 1);
    }

    private static String postalService(String n) {
        return switch (n.charAt(0)) {
            case 'E' -> "EMS";
            case 'C' -> "Parcel post";
            case 'H' -> "Parcel post (e-commerce)";
            case 'L' -> "Letter post express";
            case 'R' -> "Registered mail";
            case 'V' -> "Insured mail";
            default -> null;
        };
    }
}
