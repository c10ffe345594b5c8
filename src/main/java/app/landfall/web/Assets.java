package app.landfall.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one script a page loads: htmx followed by our few lines for what htmx cannot do (copying a
 * tracking number). Served under a content hash, so browsers may cache it for a year.
 */
public final class Assets {
    static final String HTMX = "META-INF/resources/webjars/htmx.org/2.0.10/dist/htmx.min.js";
    static final String OURS = "static/js/landfall.js";

    private final byte[] script;
    private final String scriptPath;

    public Assets() {
        ByteArrayOutputStream bundle = new ByteArrayOutputStream();
        bundle.writeBytes(read(HTMX));
        bundle.writeBytes("\n;\n".getBytes(StandardCharsets.UTF_8));
        bundle.writeBytes(read(OURS));
        script = bundle.toByteArray();
        scriptPath = "/assets/app-" + hash(script) + ".js";
    }

    /** Where pages load the script from. */
    public String script() {
        return scriptPath;
    }

    /** GET /assets/{file}: only the current bundle exists. */
    public void serve(Context ctx) {
        if (!ctx.path().equals(scriptPath)) {
            throw new NotFoundResponse();
        }
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.contentType("text/javascript; charset=utf-8").result(script);
    }

    static String hash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
