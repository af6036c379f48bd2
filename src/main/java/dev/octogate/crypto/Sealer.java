package dev.octogate.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals values for one purpose with AES-256-GCM: nobody without the key can read a sealed value,
 * and any change to it (or opening it for another purpose or another context) is refused. Sealed
 * with the first key; opened with whichever configured key sealed it, so that secrets can be
 * rotated without signing anyone out.
 *
 * <p>Format: {@code 'O' 'G'}, format version 1, a 4-byte key id (from the key, so that opening
 * tries the right key at once), a 12-byte random nonce, then the ciphertext with its 16-byte tag.
 */
public final class Sealer {

    private static final byte[] MAGIC = {'O', 'G', 1};
    private static final int KEY_ID_BYTES = 4;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Bytes a sealed value has beyond its content. */
    public static final int OVERHEAD = MAGIC.length + KEY_ID_BYTES + NONCE_BYTES + TAG_BITS / 8;

    private record Key(byte[] id, SecretKey key) {
    }

    private final byte[] purpose;
    private final List<Key> keys;
    private final SecureRandom random;
    /**
     * Ciphers for reuse: getting one costs more than sealing a session's value with it. A queue, not
     * a ThreadLocal, so that nothing of the app stays on the container's threads after undeploy.
     */
    private final Queue<Cipher> ciphers = new ConcurrentLinkedQueue<>();

    Sealer(String purpose, List<byte[]> keyBytes, SecureRandom random) {
        if (keyBytes.isEmpty()) {
            throw new IllegalArgumentException("at least one key");
        }
        this.purpose = purpose.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        this.keys = keyBytes.stream()
                .map(k -> new Key(Arrays.copyOf(Sha256.of(k), KEY_ID_BYTES), new SecretKeySpec(k, "AES")))
                .toList();
        this.random = random;
    }

    /** {@code content} sealed, bound to {@code context} (which opening must repeat, and which is not in the result). */
    public byte[] seal(byte[] content, byte[] context) {
        Key key = keys.get(0);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        Cipher cipher = null;
        try {
            cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, context);
            ByteBuffer out = ByteBuffer.allocate(MAGIC.length + KEY_ID_BYTES + NONCE_BYTES
                    + cipher.getOutputSize(content.length));
            out.put(MAGIC).put(key.id()).put(nonce);
            cipher.doFinal(ByteBuffer.wrap(content), out);
            return out.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has AES-GCM", e);
        } finally {
            release(cipher);
        }
    }

    /** The content, if {@code sealed} was sealed by this app for this purpose and context and not altered. */
    public Optional<byte[]> open(byte[] sealed, byte[] context) {
        int header = MAGIC.length + KEY_ID_BYTES + NONCE_BYTES;
        if (sealed == null || sealed.length < header + TAG_BITS / 8
                || !Arrays.equals(sealed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return Optional.empty();
        }
        for (Key key : keys) {
            if (Arrays.equals(sealed, MAGIC.length, MAGIC.length + KEY_ID_BYTES, key.id(), 0, KEY_ID_BYTES)) {
                byte[] nonce = Arrays.copyOfRange(sealed, MAGIC.length + KEY_ID_BYTES, header);
                Cipher cipher = null;
                try {
                    cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, context);
                    return Optional.of(cipher.doFinal(sealed, header, sealed.length - header));
                } catch (AEADBadTagException altered) {
                    return Optional.empty();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("every Java has AES-GCM", e);
                } finally {
                    release(cipher);
                }
            }
        }
        return Optional.empty(); // sealed with a key no longer configured
    }

    private Cipher cipher(int mode, Key key, byte[] nonce, byte[] context) throws GeneralSecurityException {
        Cipher cipher = ciphers.poll();
        if (cipher == null) {
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
        }
        cipher.init(mode, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(purpose);
        cipher.updateAAD(new byte[] {0}); // so that purpose and context cannot run into each other
        cipher.updateAAD(context);
        return cipher;
    }

    /**
     * A cipher goes back once its operation ended (init starts the next one afresh). The queue holds
     * at most as many as were ever in use at once.
     */
    private void release(Cipher cipher) {
        if (cipher != null) {
            ciphers.offer(cipher);
        }
    }

    @Override
    public String toString() {
        return "Sealer[" + new String(purpose, java.nio.charset.StandardCharsets.UTF_8) + ", " + keys.size() + " keys]";
    }
}
