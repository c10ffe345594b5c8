package app.landfall.api;

import app.landfall.web.Json;
import app.landfall.web.JsonFields;
import app.landfall.web.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What every API handler does with a request body and with the errors it finds. */
final class Requests {
    private static final ObjectMapper JSON = Json.mapper();

    /** As docs/api.md describes them: times with their offset, dates without a time. */
    static final JsonFields.Format<OffsetDateTime> TIME = new JsonFields.Format<>(40, OffsetDateTime::parse,
            "must be an ISO-8601 time with offset, e.g. 2026-11-23T14:05:00Z");
    static final JsonFields.Format<LocalDate> DATE = new JsonFields.Format<>(10, LocalDate::parse, "must be a date such as 2026-11-23");

    private Requests() {
    }

    /** The parsed body, or null after answering 400. */
    static JsonNode jsonBody(Context ctx) {
        try {
            JsonNode body = JSON.readTree(ctx.bodyAsBytes());
            if (body == null || body.isMissingNode()) {
                Problem.of(400, "Bad Request", "The body is empty; send a JSON object.").respond(ctx);
                return null;
            }
            return body;
        } catch (IOException e) {
            Problem.of(400, "Bad Request", "The body is not valid JSON (UTF-8).").respond(ctx);
            return null;
        }
    }

    /** 422 with one entry per bad field; nothing was written. */
    static void invalid(Context ctx, String detail, List<Map<String, String>> errors) {
        Problem.of(422, "Unprocessable Content", detail).with("errors", errors).respond(ctx);
    }

    /** A positive id from the path, or null after answering 400. */
    static Long id(Context ctx, String what) {
        String raw = ctx.pathParam("id");
        if (raw.matches("[1-9][0-9]{0,17}")) {
            return Long.parseLong(raw);
        }
        Problem.of(400, "Bad Request", "The " + what + " id must be a positive whole number.")
                .with("errors", List.of(Map.of("field", "id", "message", "must be a positive whole number")))
                .respond(ctx);
        return null;
    }
}
