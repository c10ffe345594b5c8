package app.landfall.home;

import app.landfall.demo.DemoLinks;
import app.landfall.merchants.Merchants;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;

/** The front door, and the pages later issues fill in. */
public final class HomePage {
    private final DSLContext dsl;
    private final Merchants merchants;
    public HomePage(DSLContext dsl, Merchants merchants) {
        this.dsl = dsl;
        this.merchants = merchants;
    }

    public void show(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("demo", DemoLinks.find(dsl, "").orElse(null));
        ctx.render("home/index", model);
    }
}
