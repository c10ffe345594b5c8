package app.landfall.postage;

import static app.landfall.db.schema.Tables.CARRIER_ACCOUNTS;

import app.landfall.config.SecretKey;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Each store's EasyPost account: the API key sealed under LANDFALL_SECRET_KEY (the store's id bound in),
 * the carriers it allows for return labels and the parcel it assumes. The one writer of
 * {@code carrier_accounts}; the key leaves only through {@link #forBuying}.
 */
public final class CarrierAccounts {
    /** The carriers offered as checkboxes, by EasyPost's names. */
    public static final List<String> CARRIERS = List.of("USPS", "UPS", "FedEx", "DHLExpress", "CanadaPost");

    private final DSLContext dsl;
    private final Clock clock;
    private final Optional<SecretKey> secret;
    private final EasyPostApi api;

    CarrierAccounts(DSLContext dsl, Clock clock, Optional<SecretKey> secret, EasyPostApi api) {
        this.dsl = dsl;
        this.clock = clock;
        this.secret = secret;
        this.api = api;
    }

    /** What the admin shows: never the key, only its last 4 characters. */
    public record Summary(String keyEnd, boolean testMode, List<String> carriers, Parcel parcel) {
    }

    public record Parcel(BigDecimal weightOz, BigDecimal lengthIn, BigDecimal widthIn, BigDecimal heightIn) {
        public static final Parcel DEFAULT = new Parcel(new BigDecimal("16.0"), new BigDecimal("12.0"), new BigDecimal("9.0"),
                new BigDecimal("4.0"));
    }

    /** What buying a label needs. */
    public record Account(String apiKey, List<String> carriers, Parcel parcel) {
        @Override
        public String toString() {
            return "Account[key hidden, carriers=" + carriers + "]";
        }
    }

    /** Whether keys can be kept at all (LANDFALL_SECRET_KEY is set). */
    public boolean canStoreKeys() {
        return secret.isPresent();
    }

    public Optional<Summary> summary(long merchantId) {
        return dsl.selectFrom(CARRIER_ACCOUNTS).where(CARRIER_ACCOUNTS.MERCHANT_ID.eq(merchantId)).fetchOptional(r -> new Summary(
                r.getApiKeyLast4(), r.getTestMode(), List.of(r.getAllowedCarriers()),
                new Parcel(r.getParcelWeightOz(), r.getParcelLengthIn(), r.getParcelWidthIn(), r.getParcelHeightIn())));
    }

    /** The account with its key opened, or empty when none is connected or the key cannot be opened (another LANDFALL_SECRET_KEY). */
    public Optional<Account> forBuying(long merchantId) {
        var r = dsl.selectFrom(CARRIER_ACCOUNTS).where(CARRIER_ACCOUNTS.MERCHANT_ID.eq(merchantId)).fetchOne();
        if (r == null || secret.isEmpty()) {
            return Optional.empty();
        }
        try {
            String key = new String(secret.get().open(r.getApiKeySealed(), context(merchantId)), StandardCharsets.UTF_8);
            return Optional.of(new Account(key, List.of(r.getAllowedCarriers()),
                    new Parcel(r.getParcelWeightOz(), r.getParcelLengthIn(), r.getParcelWidthIn(), r.getParcelHeightIn())));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    public boolean connected(long merchantId) {
        return dsl.fetchExists(CARRIER_ACCOUNTS, CARRIER_ACCOUNTS.MERCHANT_ID.eq(merchantId));
    }

    /**
     * Saves the account. A new key (non-null) is checked with EasyPost first (outside any transaction)
     * and refused with EasyPost's reason; without one, only the carriers and parcel change.
     *
     * @return a problem to show beside the key field, or empty when saved
     */
    public Optional<String> save(long merchantId, String newKey, List<String> carriers, Parcel parcel, Consumer<DSLContext> audit) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String[] allowed = carriers.stream().filter(CARRIERS::contains).distinct().toArray(String[]::new);
        if (newKey == null) {
            return dsl.transactionResult(cfg -> {
                DSLContext tx = DSL.using(cfg);
                int changed = tx.update(CARRIER_ACCOUNTS).set(CARRIER_ACCOUNTS.ALLOWED_CARRIERS, allowed)
                    .set(CARRIER_ACCOUNTS.PARCEL_WEIGHT_OZ, parcel.weightOz()).set(CARRIER_ACCOUNTS.PARCEL_LENGTH_IN, parcel.lengthIn())
                    .set(CARRIER_ACCOUNTS.PARCEL_WIDTH_IN, parcel.widthIn()).set(CARRIER_ACCOUNTS.PARCEL_HEIGHT_IN, parcel.heightIn())
                    .set(CARRIER_ACCOUNTS.UPDATED_AT, now)
                    .where(CARRIER_ACCOUNTS.MERCHANT_ID.eq(merchantId)).execute();
                if (changed != 1) {
                    return Optional.of("Enter your EasyPost API key.");
                }
                audit.accept(tx);
                return Optional.<String>empty();
            });
        }
        if (secret.isEmpty()) {
            return Optional.of("Landfall cannot store an API key: LANDFALL_SECRET_KEY is not set on the server.");
        }
        try {
            api.verify(newKey);
        } catch (EasyPostApi.Failure e) {
            return Optional.of(e.getMessage());
        }
        byte[] sealed = secret.get().seal(newKey.getBytes(StandardCharsets.UTF_8), context(merchantId));
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            tx.insertInto(CARRIER_ACCOUNTS)
                .set(CARRIER_ACCOUNTS.MERCHANT_ID, merchantId)
                .set(CARRIER_ACCOUNTS.API_KEY_SEALED, sealed).set(CARRIER_ACCOUNTS.API_KEY_LAST4, newKey.substring(newKey.length() - 4))
                .set(CARRIER_ACCOUNTS.TEST_MODE, newKey.startsWith("EZTK"))
                .set(CARRIER_ACCOUNTS.ALLOWED_CARRIERS, allowed)
                .set(CARRIER_ACCOUNTS.PARCEL_WEIGHT_OZ, parcel.weightOz()).set(CARRIER_ACCOUNTS.PARCEL_LENGTH_IN, parcel.lengthIn())
                .set(CARRIER_ACCOUNTS.PARCEL_WIDTH_IN, parcel.widthIn()).set(CARRIER_ACCOUNTS.PARCEL_HEIGHT_IN, parcel.heightIn())
                .set(CARRIER_ACCOUNTS.CONNECTED_AT, now).set(CARRIER_ACCOUNTS.UPDATED_AT, now)
                .onConflict(CARRIER_ACCOUNTS.MERCHANT_ID).doUpdate()
                .set(CARRIER_ACCOUNTS.API_KEY_SEALED, sealed).set(CARRIER_ACCOUNTS.API_KEY_LAST4, newKey.substring(newKey.length() - 4))
                .set(CARRIER_ACCOUNTS.TEST_MODE, newKey.startsWith("EZTK"))
                .set(CARRIER_ACCOUNTS.ALLOWED_CARRIERS, allowed)
                .set(CARRIER_ACCOUNTS.PARCEL_WEIGHT_OZ, parcel.weightOz()).set(CARRIER_ACCOUNTS.PARCEL_LENGTH_IN, parcel.lengthIn())
                .set(CARRIER_ACCOUNTS.PARCEL_WIDTH_IN, parcel.widthIn()).set(CARRIER_ACCOUNTS.PARCEL_HEIGHT_IN, parcel.heightIn())
                .set(CARRIER_ACCOUNTS.UPDATED_AT, now)
                .execute();
            audit.accept(tx);
        });
        return Optional.empty();
    }

    /** Forgets the account and its key; labels already bought stay. */
    public void disconnect(long merchantId, Consumer<DSLContext> audit) {
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            if (tx.deleteFrom(CARRIER_ACCOUNTS).where(CARRIER_ACCOUNTS.MERCHANT_ID.eq(merchantId)).execute() == 1) {
                audit.accept(tx);
            }
        });
    }

    private static String context(long merchantId) {
        return "landfall easypost key of store " + merchantId;
    }
}
