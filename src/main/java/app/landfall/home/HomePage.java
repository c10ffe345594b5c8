package app.landfall.home;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The front door, and the pages later issues fill in. */
public final class HomePage {
    private final Supplier<Optional<?>> demo;

    /** {@code demo}: the demo store's links when the demo is installed (shown on the front door), else empty. */
    public HomePage(Supplier<Optional<?>> demo) {
        this.demo = demo;
    }

    public void show(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("demo", demo.get().orElse(null));
        ctx.render("home/index", model);
    }
}
