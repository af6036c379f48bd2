package dev.octogate.cla;

import dev.octogate.crypto.Sha256;
import java.util.HexFormat;

/**
 * An agreement text's hash: the lowercase hex SHA-256 of its UTF-8 bytes, line endings made
 * {@code \n} first. A receipt names it, so that anyone can check which exact text was signed.
 */
public final class TextHash {

    private TextHash() {
    }

    /** The text as it is kept and hashed: {@code \r\n} and lone {@code \r} become {@code \n}. */
    public static String normalize(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The hash of the normalised text. */
    public static String of(String text) {
        return HexFormat.of().formatHex(Sha256.of(normalize(text)));
    }
}
