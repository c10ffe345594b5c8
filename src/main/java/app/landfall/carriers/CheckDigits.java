package app.landfall.carriers;

/**
 * Check-digit algorithms as published in jkeen/tracking_number_data.
 * Positions are counted from 0 at the left of the payload.
 */
final class CheckDigits {

    private static final int[] S10_WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};

    private CheckDigits() {
    }

    /** Weighted sum modulo 10; letters count as UPS maps them (A=2, B=3, ... wrapping at 10). */
    static boolean mod10(String payload, char check, int evenPositionWeight, int oddPositionWeight) {
        int total = 0;
        for (int i = 0; i < payload.length(); i++) {
            int weight = i % 2 == 0 ? evenPositionWeight : oddPositionWeight;
            total += valueOf(payload.charAt(i)) * weight;
        }
        int remainder = total % 10;
        int expected = remainder == 0 ? 0 : 10 - remainder;
        return expected == digit(check);
    }

    /** FedEx Express: weighted sum, modulo 11, then modulo 10 (so a remainder of 10 gives 0). */
    static boolean weightedMod11(String payload, char check, int... weights) {
        int total = 0;
        for (int i = 0; i < payload.length(); i++) {
            total += digit(payload.charAt(i)) * weights[i % weights.length];
        }
        return total % 11 % 10 == digit(check);
    }

    static boolean mod7(String payload, char check) {
        return Long.parseLong(payload) % 7 == digit(check);
    }

    /** UPU S10: eight serial digits weighted 8,6,4,2,3,5,9,7; 11 - sum%11, with 10 -> 0 and 11 -> 5. */
    static boolean s10(String serial, char check) {
        int total = 0;
        for (int i = 0; i < S10_WEIGHTS.length; i++) {
            total += digit(serial.charAt(i)) * S10_WEIGHTS[i];
        }
        int expected = 11 - total % 11;
        if (expected == 10) {
            expected = 0;
        } else if (expected == 11) {
            expected = 5;
        }
        return expected == digit(check);
    }

    private static int valueOf(char c) {
        return Character.isDigit(c) ? digit(c) : (c - 3) % 10;
    }

    private static int digit(char c) {
        return c - '0';
    }
}
