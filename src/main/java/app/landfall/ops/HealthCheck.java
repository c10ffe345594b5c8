package app.landfall.ops;

import app.landfall.db.Database;
import io.javalin.http.Context;

/** GET /health: 200 while PostgreSQL answers, 503 when it does not. */
public final class HealthCheck {
    private final Database database;

    public HealthCheck(Database database) {
        this.database = database;
    }

    record Health(String status, String database) {
    }

    public void show(Context ctx) {
        boolean up = database.isUp();
        ctx.header("Cache-Control", "no-store")
                .status(up ? 200 : 503)
                .json(new Health(up ? "ok" : "degraded", up ? "up" : "down"));
    }
}
