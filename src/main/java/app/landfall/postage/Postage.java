package app.landfall.postage;

import app.landfall.config.EasyPost;
import app.landfall.config.SecretKey;
import java.time.Clock;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Prepaid postage through a store's own carrier account (EasyPost): the account, kept with its key
 * sealed, and the API that buys labels. Returns asks it for a return label; Integrations connects it.
 */
public final class Postage {
    private final EasyPostApi api;
    private final CarrierAccounts accounts;

    public Postage(DSLContext dsl, Clock clock, EasyPost config, Optional<SecretKey> secret) {
        this.api = new EasyPostApi(config);
        this.accounts = new CarrierAccounts(dsl, clock, secret, api);
    }

    public CarrierAccounts accounts() {
        return accounts;
    }

    public EasyPostApi api() {
        return api;
    }
}
