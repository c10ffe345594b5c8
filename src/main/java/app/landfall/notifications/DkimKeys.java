package app.landfall.notifications;

import app.landfall.config.SecretKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * A store's DKIM keys, with the JDK only: an RSA 2048 pair is made here, its public half published by
 * the store in DNS, its private half kept sealed under LANDFALL_SECRET_KEY ({@link SecretKey#seal},
 * AES-256-GCM). The store's id is the associated data, so a row copied into another store's does not decrypt.
 */
final class DkimKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    DkimKeys(SecretKey secret) {
        this.key = secret;
    }

    /** A new pair: the public key (X.509 SubjectPublicKeyInfo, base64, as DNS wants it) and the sealed private key. */
    record Sealed(String publicKey, byte[] privateKeyEncrypted) {
    }

    Sealed generate(long merchantId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            KeyPair pair = generator.generateKeyPair();
            byte[] der = pair.getPrivate().getEncoded();
            try {
                return new Sealed(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), key.seal(der, associated(merchantId)));
            } finally {
                Arrays.fill(der, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is in every JDK", e);
        }
    }

    /** The private key, or an exception when it was sealed under another key or for another store. */
    RSAPrivateKey open(long merchantId, byte[] sealed) throws GeneralSecurityException {
        byte[] der = key.open(sealed, associated(merchantId));
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    private static String associated(long merchantId) {
        return "landfall dkim key of store " + merchantId;
    }

    /** The TXT record's name, {@code <selector>._domainkey.<domain>}. */
    static String recordName(String selector, String domain) {
        return selector + "._domainkey." + domain;
    }

    /** The TXT record's value. */
    static String recordValue(String publicKey) {
        return "v=DKIM1; k=rsa; p=" + publicKey;
    }
}
