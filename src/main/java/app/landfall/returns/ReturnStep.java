package app.landfall.returns;

import java.util.Locale;

/** The steps of the shopper's return wizard, in order; each is a page of its own. */
enum ReturnStep {
    ITEMS, REASON, RESOLUTION, METHOD, REVIEW;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    int number() {
        return ordinal() + 1;
    }

    String view() {
        return "returns/" + code();
    }

    ReturnStep next() {
        return values()[Math.min(ordinal() + 1, values().length - 1)];
    }

    /** The step before, or null on the first. */
    ReturnStep previous() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }

    static ReturnStep of(String code) {
        for (ReturnStep step : values()) {
            if (step.code().equals(code)) {
                return step;
            }
        }
        return null;
    }

    /** The step that asks for a form field ("qty_12", "reason_12", "resolution"…). */
    static ReturnStep asking(String field) {
        String kind = field.contains("_") && field.substring(field.lastIndexOf('_') + 1).matches("\\d+")
                ? field.substring(0, field.lastIndexOf('_')) : field;
        return switch (kind) {
            case "reason", "comment", "photo" -> REASON;
            case "resolution", "variant" -> RESOLUTION;
            case "method" -> METHOD;
            default -> ITEMS; // items, item_, qty_
        };
    }
}
