package app.landfall.notifications;

import static app.landfall.db.schema.Tables.EMAIL_SENDING_DOMAINS;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;

/** The only writer of {@code email_sending_domains}: a store's DKIM domain, selector and sealed key. */
final class SendingDomains {
    record Domain(String domain, String selector, String publicKey, byte[] privateKeyEncrypted, OffsetDateTime createdAt) {
        String recordName() {
            return DkimKeys.recordName(selector, domain);
        }

        String recordValue() {
            return DkimKeys.recordValue(publicKey);
        }
    }

    static Optional<Domain> of(DSLContext dsl, long merchantId) {
        return dsl.selectFrom(EMAIL_SENDING_DOMAINS).where(EMAIL_SENDING_DOMAINS.MERCHANT_ID.eq(merchantId))
                .fetchOptional(r -> new Domain(r.getDomain(), r.getSelector(), r.getPublicKey(), r.getPrivateKeyEncrypted(),
                        r.getCreatedAt()));
    }

    /** Sets the store's domain, selector and a new key pair, replacing any it had. */
    static void save(DSLContext tx, long merchantId, String domain, String selector, DkimKeys.Sealed key, OffsetDateTime now) {
        tx.insertInto(EMAIL_SENDING_DOMAINS)
                .set(EMAIL_SENDING_DOMAINS.MERCHANT_ID, merchantId)
                .set(EMAIL_SENDING_DOMAINS.DOMAIN, domain)
                .set(EMAIL_SENDING_DOMAINS.SELECTOR, selector)
                .set(EMAIL_SENDING_DOMAINS.PUBLIC_KEY, key.publicKey())
                .set(EMAIL_SENDING_DOMAINS.PRIVATE_KEY_ENCRYPTED, key.privateKeyEncrypted())
                .set(EMAIL_SENDING_DOMAINS.CREATED_AT, now)
                .set(EMAIL_SENDING_DOMAINS.UPDATED_AT, now)
                .onConflict(EMAIL_SENDING_DOMAINS.MERCHANT_ID).doUpdate()
                .set(EMAIL_SENDING_DOMAINS.DOMAIN, domain)
                .set(EMAIL_SENDING_DOMAINS.SELECTOR, selector)
                .set(EMAIL_SENDING_DOMAINS.PUBLIC_KEY, key.publicKey())
                .set(EMAIL_SENDING_DOMAINS.PRIVATE_KEY_ENCRYPTED, key.privateKeyEncrypted())
                .set(EMAIL_SENDING_DOMAINS.CREATED_AT, now)
                .set(EMAIL_SENDING_DOMAINS.UPDATED_AT, now)
                .execute();
    }

    static boolean remove(DSLContext tx, long merchantId) {
        return tx.deleteFrom(EMAIL_SENDING_DOMAINS).where(EMAIL_SENDING_DOMAINS.MERCHANT_ID.eq(merchantId)).execute() == 1;
    }

    /**
     * Whether mail from {@code from} may carry this domain's signature: only when the sender address
     * is on the domain (or a subdomain of it), so the signature aligns with the From a reader sees
     * (DMARC) and a store can never sign for an address it was not given.
     */
    static boolean aligned(String from, String domain) {
        String host = from.substring(from.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
        return host.equals(domain) || host.endsWith("." + domain);
    }
}
