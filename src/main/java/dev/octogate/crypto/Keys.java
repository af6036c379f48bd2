package dev.octogate.crypto;

import dev.octogate.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

/**
 * The app's keys: one per purpose, derived with HKDF-SHA256 from each configured secret (the first
 * seals, all open: rotation). Nodes with the same secrets derive the same keys, with nothing more
 * to share.
 */
public final class Keys {

    /** Keys of this app, version 1 of their derivation. */
    private static final byte[] SALT = "octogate keys v1".getBytes(StandardCharsets.UTF_8);
    /** Kept apart from keys derived from APP_SECRET, should one ever equal the client secret. */
    private static final byte[] FROM_CLIENT_SECRET = "from the GitHub client secret".getBytes(StandardCharsets.UTF_8);

    private final List<byte[]> secrets;
    private final byte[] salt;
    private final SecureRandom random = new SecureRandom();

    private Keys(List<byte[]> secrets, byte[] salt) {
        this.secrets = secrets;
        this.salt = salt;
    }

    /** From {@code APP_SECRET}'s secrets, the first sealing; else from the client secret. */
    public static Keys from(List<Secret> appSecrets, Secret clientSecret) {
        if (appSecrets.isEmpty()) {
            byte[] salt = new byte[SALT.length + FROM_CLIENT_SECRET.length];
            System.arraycopy(SALT, 0, salt, 0, SALT.length);
            System.arraycopy(FROM_CLIENT_SECRET, 0, salt, SALT.length, FROM_CLIENT_SECRET.length);
            return new Keys(List.of(clientSecret.value().getBytes(StandardCharsets.UTF_8)), salt);
        }
        return new Keys(appSecrets.stream().map(s -> s.value().getBytes(StandardCharsets.UTF_8)).toList(), SALT);
    }

    /** A sealer whose keys serve {@code purpose} only. */
    public Sealer sealer(String purpose) {
        byte[] info = purpose.getBytes(StandardCharsets.UTF_8);
        return new Sealer(purpose, secrets.stream().map(s -> Hkdf.derive(salt, s, info, 32)).toList(), random);
    }

    @Override
    public String toString() {
        return "Keys[" + secrets.size() + " secrets]";
    }
}
