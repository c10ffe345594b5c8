package app.landfall.ops;

import app.landfall.db.Database;
import io.javalin.http.Context;
import java.util.Map;

/** GET /health: 200 while PostgreSQL answers, 503 when it does not. */
public final class HealthCheck {
    private final Database database;

    public HealthCheck(Database database) {
        this.database = database;
    }

    public void show(Context ctx) {
        boolean up = database.isUp();
        ctx.header("Cache-Control", "no-store")
                .status(up ? 200 : 503)
                .json(Map.of("status", up ? "ok" : "degraded", "database", up ? "up" : "down"));
    }
}
