package app.landfall.hooks;

import app.landfall.web.JsonFields;
import java.util.List;
import java.util.Map;

/** A webhook body that is JSON but not the shape the provider documents; each error names a field path. */
final class InvalidPayload extends Exception {
    private final List<Map<String, String>> errors;

    InvalidPayload(List<Map<String, String>> errors) {
        super(errors.toString(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    /** Refuses the payload when reading it found anything wrong. */
    static void throwIfAny(JsonFields read) throws InvalidPayload {
        if (!read.ok()) {
            throw new InvalidPayload(read.errors());
        }
    }

    /** Each {@code {"field": "msg.tracking_number", "message": "is required"}}. */
    List<Map<String, String>> errors() {
        return errors;
    }
}
