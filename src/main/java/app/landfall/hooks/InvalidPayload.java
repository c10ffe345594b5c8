package app.landfall.hooks;

import java.util.List;
import java.util.Map;

/** A webhook body that is JSON but not the shape the provider documents; each error names a field path. */
final class InvalidPayload extends Exception {
    private final List<Map<String, String>> errors;

    InvalidPayload(List<Map<String, String>> errors) {
        super(errors.toString(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    /** Each {@code {"field": "msg.tracking_number", "message": "is required"}}. */
    List<Map<String, String>> errors() {
        return errors;
    }
}
