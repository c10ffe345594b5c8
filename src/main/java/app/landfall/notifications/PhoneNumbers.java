package app.landfall.notifications;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * A phone number as a shopper typed it ("0151 2345 6789", "+1 (415) 555-2671") made into E.164
 * ("+4915123456789"), reading a number without a country code as one of the order's country. A
 * number that cannot take a text is refused with a reason a merchant can act on.
 */
final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** Why a number cannot be texted. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param region the order's country (ISO 3166 alpha-2), or null when unknown: then only a number
     *               written with its country code (+…) can be read
     */
    static String e164(String raw, String region) {
        String shown = raw == null ? "" : raw.strip();
        if (shown.isEmpty() || shown.length() > 40 || !shown.matches("[0-9+()./\\- \\u00a0]+")) {
            throw new Invalid("\"" + abbreviate(shown) + "\" is not a phone number.");
        }
        String defaultRegion = region != null && UTIL.getSupportedRegions().contains(region) ? region : "ZZ";
        PhoneNumber number;
        try {
            number = UTIL.parse(shown, defaultRegion);
        } catch (NumberParseException e) {
            throw new Invalid(switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> shown.startsWith("+") || shown.startsWith("00")
                        ? "\"" + shown + "\" has a country code that does not exist."
                        : "\"" + shown + "\" has no country code (+…) and the order has no country to read it in.";
                case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> "\"" + shown + "\" is too short to be a phone number.";
                case TOO_LONG -> "\"" + shown + "\" is too long to be a phone number.";
                default -> "\"" + shown + "\" is not a phone number.";
            });
        }
        if (!UTIL.isValidNumber(number)) {
            String where = UTIL.getRegionCodeForCountryCode(number.getCountryCode());
            throw new Invalid("\"" + shown + "\" is not a valid number" + ("ZZ".equals(where) ? "." : " in " + where + "."));
        }
        if (UTIL.getNumberType(number) == PhoneNumberType.FIXED_LINE) {
            throw new Invalid("\"" + shown + "\" is a landline number, which cannot receive texts.");
        }
        return UTIL.format(number, PhoneNumberFormat.E164);
    }

    private static String abbreviate(String raw) {
        String oneLine = raw.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() > 40 ? oneLine.substring(0, 40) + "…" : oneLine;
    }
}
