package app.landfall.bench;

import static app.landfall.bench.ShipmentPlan.DAY;
import static app.landfall.bench.ShipmentPlan.HOUR;
import static org.jooq.impl.DSL.choose;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.when;

import app.landfall.tracking.ShipmentStatus;
import app.landfall.tracking.Substatus;
import java.util.Arrays;
import java.util.List;
import org.jooq.CaseConditionStep;
import org.jooq.CaseValueStep;
import org.jooq.CaseWhenStep;
import org.jooq.Condition;
import org.jooq.Field;

/** How the generated shipments spread over the statuses and substatuses, and how old they are. */
final class StatusMix {
    private StatusMix() {
    }

    /** Share of shipments in each status: mostly delivered or on their way, some of everything. */
    static double weight(ShipmentStatus status) {
        return switch (status) {
            case Pending -> 0.015;
            case InfoReceived -> 0.03;
            case InTransit -> 0.20;
            case OutForDelivery -> 0.04;
            case AttemptFail -> 0.02;
            case AvailableForPickup -> 0.02;
            case Delivered -> 0.62;
            case Exception -> 0.035;
            case Expired -> 0.02;
        };
    }

    /** How long before the run the newest event happened: from, to (seconds). */
    private static double[] lastEventAge(ShipmentStatus status) {
        return switch (status) {
            case Pending -> new double[] {0, 12 * HOUR};
            case InfoReceived, AttemptFail -> new double[] {0, 2 * DAY};
            case InTransit -> new double[] {0, 4 * DAY};
            case OutForDelivery -> new double[] {0, 10 * HOUR};
            case AvailableForPickup -> new double[] {0, 5 * DAY};
            case Delivered -> new double[] {HOUR / 2, 60 * DAY};
            case Exception -> new double[] {0, 20 * DAY};
            case Expired -> new double[] {30 * DAY, 60 * DAY};
        };
    }

    static Field<Double> lastEventAge(Field<String> status, Field<Double> r) {
        CaseValueStep<String> choose = choose(status);
        CaseWhenStep<String, Double> age = null;
        for (ShipmentStatus s : ShipmentStatus.values()) {
            double[] range = lastEventAge(s);
            Field<Double> value = inline(range[0]).plus(r.times(inline(range[1] - range[0])));
            age = age == null ? choose.when(inline(s.code()), value) : age.when(inline(s.code()), value);
        }
        return age;
    }

    static Field<String> pickStatus(Field<Double> r) {
        CaseConditionStep<String> pick = null;
        double cumulative = 0;
        for (ShipmentStatus s : ShipmentStatus.values()) {
            cumulative += weight(s);
            Condition below = r.lt(inline(cumulative));
            pick = pick == null ? when(below, inline(s.code())) : pick.when(below, inline(s.code()));
        }
        return pick.otherwise(inline(ShipmentStatus.Delivered.code()));
    }

    /** One of the status's substatuses, uniformly (null for Pending, which has none). */
    static Field<String> pickSubstatus(Field<String> status, Field<Double> r) {
        CaseValueStep<String> choose = choose(status);
        CaseWhenStep<String, String> pick = null;
        for (ShipmentStatus s : ShipmentStatus.values()) {
            List<String> substatuses = Substatus.of(s).stream().map(Substatus::code).toList();
            if (!substatuses.isEmpty()) {
                Field<String> value = Dice.pick(r, substatuses);
                pick = pick == null ? choose.when(inline(s.code()), value) : pick.when(inline(s.code()), value);
            }
        }
        return pick;
    }

    static List<Field<String>> codes(ShipmentStatus... statuses) {
        return Arrays.stream(statuses).<Field<String>>map(s -> inline(s.code())).toList();
    }
}
