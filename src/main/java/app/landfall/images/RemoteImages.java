package app.landfall.images;

import static app.landfall.db.schema.Tables.REMOTE_IMAGES;

import app.landfall.auth.InstanceSecrets;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves images that live on other hosts (a store's product photos on its CDN, a logo URL in the
 * brand settings) from Landfall's own origin, so that opening a tracking page never tells a third
 * party who looked at it, and the pages can forbid other image hosts in their CSP.
 *
 * <p>Pages name such an image as {@code /img/<url>.<signature>} ({@link #src}); only URLs that
 * Landfall itself put on a page are signed, so this is not an open proxy. The first request fetches
 * the image (https only, from public addresses only, connecting to the address that was checked:
 * {@link PublicHttp}; no redirects, at most 5 MB, and only PNG, JPEG, GIF or WebP by content), keeps it in {@code remote_images} for a week, and later requests are served
 * from there; a failure is remembered for an hour.
 */
public final class RemoteImages {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteImages.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    static final int MAX_BYTES = 5_000_000;
    static final int MAX_URL_LENGTH = 2_000;
    static final Duration KEEP = Duration.ofDays(7);
    static final Duration RETRY_FAILED_AFTER = Duration.ofHours(1);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final DSLContext dsl;
    private final byte[] secret;
    private final Clock clock;
    private final boolean anyHost;
    private final PublicHttp http;
    private final Semaphore fetches = new Semaphore(4);

    RemoteImages(DSLContext dsl, byte[] secret, Clock clock, boolean anyHost) {
        this(dsl, secret, clock, anyHost, PublicHttp.create("landfall-images", anyHost, CONNECT_TIMEOUT));
    }

    /** {@code anyHost}: plain http too; {@code publicHttp}: which addresses may be fetched from, and how. */
    RemoteImages(DSLContext dsl, byte[] secret, Clock clock, boolean anyHost, PublicHttp publicHttp) {
        this.dsl = dsl;
        this.secret = secret.clone();
        this.clock = clock;
        this.anyHost = anyHost;
        this.http = publicHttp;
    }

    /**
     * @param anyHost also plain http and private addresses: only for development and tests, where
     *                the "remote" server runs on the same machine
     */
    public static RemoteImages load(DSLContext dsl, Clock clock, boolean anyHost) {
        return new RemoteImages(dsl, InstanceSecrets.load(dsl, "remote_images"), clock, anyHost);
    }

    /**
     * What a page puts in {@code src}: our own paths as they are, another host's https image as a
     * signed {@code /img/} path, and anything else (javascript:, data:, plain http) nothing.
     */
    public String src(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.trim();
        if (trimmed.startsWith("/") && !trimmed.startsWith("//") && !trimmed.startsWith("/\\")) {
            return trimmed;
        }
        boolean fetchable = trimmed.regionMatches(true, 0, "https://", 0, 8)
                || (anyHost && trimmed.regionMatches(true, 0, "http://", 0, 7));
        if (!fetchable || trimmed.length() > MAX_URL_LENGTH) {
            return null;
        }
        return "/img/" + B64.encodeToString(trimmed.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(mac(trimmed));
    }

    /** The URL a signed path names, if the signature is ours. */
    Optional<String> url(String signed) {
        int dot = signed.lastIndexOf('.');
        if (dot <= 0 || signed.length() > 3 * MAX_URL_LENGTH) {
            return Optional.empty();
        }
        try {
            String url = new String(Base64.getUrlDecoder().decode(signed.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] given = Base64.getUrlDecoder().decode(signed.substring(dot + 1));
            return MessageDigest.isEqual(given, mac(url)) ? Optional.of(url) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** GET /img/{signed} */
    public void serve(Context ctx) {
        Optional<String> url = url(ctx.pathParam("signed"));
        if (url.isEmpty()) {
            notFound(ctx);
            return;
        }
        byte[] hash = sha256(url.get());
        Stored image = stored(hash).filter(this::fresh).orElseGet(() -> fetchAndStore(url.get(), hash));
        if (image == null) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").header("Cache-Control", "no-store")
                    .contentType("text/plain; charset=utf-8").result("Busy fetching other images; try again in a moment.");
            return;
        }
        if (image.body() == null) {
            ctx.header("Cache-Control", "public, max-age=300");
            notFound(ctx);
            return;
        }
        String etag = "\"" + HexFormat.of().formatHex(hash, 0, 8) + "-" + image.fetchedAt().toEpochSecond() + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "public, max-age=86400");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(image.contentType()).result(image.body());
    }

    /**
     * Drops images nobody has opened for {@code unused}: a kept image is fetched again once a week
     * while pages show it, so an old {@code fetched_at} means no page asked for it since.
     */
    public int purge(Duration unused) {
        return dsl.deleteFrom(REMOTE_IMAGES)
                .where(REMOTE_IMAGES.FETCHED_AT.lt(OffsetDateTime.now(clock).minus(unused)))
                .execute();
    }

    private static void notFound(Context ctx) {
        ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8").result("No such image.");
    }

    record Stored(String contentType, byte[] body, String failure, OffsetDateTime fetchedAt) {
    }

    private Optional<Stored> stored(byte[] hash) {
        return dsl.select(REMOTE_IMAGES.CONTENT_TYPE, REMOTE_IMAGES.BODY, REMOTE_IMAGES.FAILURE, REMOTE_IMAGES.FETCHED_AT)
                .from(REMOTE_IMAGES).where(REMOTE_IMAGES.URL_HASH.eq(hash))
                .fetchOptional(r -> new Stored(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private boolean fresh(Stored s) {
        Duration age = Duration.between(s.fetchedAt().toInstant(), clock.instant());
        return age.compareTo(s.body() != null ? KEEP : RETRY_FAILED_AFTER) < 0;
    }

    /** Fetches the image and stores what came of it; null when too many fetches are running already. */
    private Stored fetchAndStore(String url, byte[] hash) {
        try {
            if (!fetches.tryAcquire(FETCH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        Fetched fetched;
        try {
            fetched = fetch(url);
        } finally {
            fetches.release();
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        if (fetched.failure() != null) {
            LOG.info("image {} not fetched: {}", url, fetched.failure());
            Optional<Stored> old = stored(hash).filter(s -> s.body() != null);
            if (old.isPresent()) { // keep showing the copy we have rather than nothing
                dsl.update(REMOTE_IMAGES).set(REMOTE_IMAGES.FETCHED_AT, now).where(REMOTE_IMAGES.URL_HASH.eq(hash)).execute();
                return new Stored(old.get().contentType(), old.get().body(), null, now);
            }
        }
        dsl.insertInto(REMOTE_IMAGES)
                .set(REMOTE_IMAGES.URL_HASH, hash)
                .set(REMOTE_IMAGES.URL, url)
                .set(REMOTE_IMAGES.CONTENT_TYPE, fetched.contentType())
                .set(REMOTE_IMAGES.BODY, fetched.body())
                .set(REMOTE_IMAGES.FAILURE, fetched.failure())
                .set(REMOTE_IMAGES.FETCHED_AT, now)
                .onConflict(REMOTE_IMAGES.URL_HASH).doUpdate()
                .set(REMOTE_IMAGES.CONTENT_TYPE, fetched.contentType())
                .set(REMOTE_IMAGES.BODY, fetched.body())
                .set(REMOTE_IMAGES.FAILURE, fetched.failure())
                .set(REMOTE_IMAGES.FETCHED_AT, now)
                .execute();
        return new Stored(fetched.contentType(), fetched.body(), fetched.failure(), now);
    }

    record Fetched(String contentType, byte[] body, String failure) {
        static Fetched failed(String why) {
            return new Fetched(null, null, why.length() > 300 ? why.substring(0, 300) : why);
        }
    }

    Fetched fetch(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Fetched.failed("not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !(anyHost && scheme.equals("http"))) {
            return Fetched.failed("only https images are fetched");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Fetched.failed("the URL names no host, or carries a user name");
        }
        try {
            // resolved, checked and connected to in one step: see PublicHttp
            PublicHttp.Answer answer = http.get(uri, Map.of("Accept", "image/png, image/jpeg, image/gif, image/webp",
                    "User-Agent", "Landfall image proxy"), MAX_BYTES, FETCH_TIMEOUT);
            if (answer.status() != 200) {
                return Fetched.failed("the server answered " + answer.status());
            }
            byte[] bytes = answer.body();
            if (bytes.length > MAX_BYTES) {
                return Fetched.failed("larger than " + MAX_BYTES / 1_000_000 + " MB");
            }
            return ImageType.of(bytes)
                    .map(type -> new Fetched(type.mediaType(), bytes, null))
                    .orElseGet(() -> Fetched.failed("not a PNG, JPEG, GIF or WebP image"));
        } catch (PublicHttp.NotPublic e) {
            return Fetched.failed("the host " + uri.getHost() + " is on a private network");
        } catch (UnknownHostException e) {
            return Fetched.failed("unknown host " + uri.getHost());
        } catch (IOException e) {
            return Fetched.failed("could not fetch it: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Fetched.failed("interrupted");
        }
    }

    private byte[] mac(String url) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(url.getBytes(StandardCharsets.UTF_8)), 16);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    private static byte[] sha256(String url) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
