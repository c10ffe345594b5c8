package app.landfall.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Field;

/** Column -> value pairs, so that an INSERT ... SELECT reads as a list of assignments. */
final class Assignments {
    private final Map<Field<?>, Field<?>> values = new LinkedHashMap<>();

    <T> Assignments set(Field<T> column, Field<T> value) {
        values.put(column, value);
        return this;
    }

    List<Field<?>> columns() {
        return new ArrayList<>(values.keySet());
    }

    List<Field<?>> values() {
        return new ArrayList<>(values.values());
    }
}
