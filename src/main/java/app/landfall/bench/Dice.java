package app.landfall.bench;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.floor;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.when;

import java.util.List;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

/** The random numbers in [0, 1) rolled once per shipment, and choices made with them. */
final class Dice {
    static final List<String> NAMES = List.of("status", "substatus", "events", "age", "gap", "lead", "eta",
            "dest", "items", "product_1", "product_2", "price_1", "price_2", "quantity", "carrier", "first_name", "last_name");

    private Dice() {
    }

    static Field<Double> r(String die) {
        if (!NAMES.contains(die)) {
            throw new IllegalArgumentException("no die " + die);
        }
        return field(name("r_" + die), SQLDataType.DOUBLE);
    }

    /** One of the values, uniformly, by a random number in [0, 1). */
    static Field<String> pick(Field<Double> r, List<String> values) {
        CaseConditionStep<String> pick = null;
        for (int i = 0; i < values.size() - 1; i++) {
            Condition below = r.lt(inline((i + 1.0) / values.size()));
            pick = pick == null ? when(below, inline(values.get(i))) : pick.when(below, inline(values.get(i)));
        }
        return pick == null ? inline(values.get(0)) : pick.otherwise(inline(values.get(values.size() - 1)));
    }

    /** 0 .. size - 1, uniformly, by a random number in [0, 1). */
    static Field<Integer> index(Field<Double> r, int size) {
        return floor(r.times(inline((double) size))).cast(SQLDataType.INTEGER);
    }
}
