package app.landfall.demo;

import java.time.Clock;
import org.jooq.DSLContext;

/** Seeds the demo store on first start against an empty database. */
public final class DemoData {
    public static final String SLUG = "demo";
    public static final String OWNER_PASSWORD = "landfall-demo";

    private DemoData() {
    }

    public static boolean seedIfEmpty(DSLContext dsl, Clock clock) {
        return false;
    }
}
