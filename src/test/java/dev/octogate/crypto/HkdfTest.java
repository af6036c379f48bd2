package dev.octogate.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 5869's own test vectors for HKDF-SHA256 (appendix A, cases 1 to 3). */
class HkdfTest {

    static final HexFormat HEX = HexFormat.of();

    @Test
    void basicTestCase() {
        byte[] okm = Hkdf.derive(HEX.parseHex("000102030405060708090a0b0c"), HEX.parseHex("0b".repeat(22)),
                HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                HEX.formatHex(okm));
    }

    @Test
    void longerInputsAndOutput() {
        StringBuilder ikm = new StringBuilder();
        StringBuilder salt = new StringBuilder();
        StringBuilder info = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            ikm.append(String.format("%02x", i));
            salt.append(String.format("%02x", 0x60 + i));
            info.append(String.format("%02x", 0xb0 + i));
        }
        byte[] okm = Hkdf.derive(HEX.parseHex(salt), HEX.parseHex(ikm), HEX.parseHex(info), 82);
        assertEquals("b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87",
                HEX.formatHex(okm));
    }

    @Test
    void emptySaltAndInfo() {
        byte[] okm = Hkdf.derive(new byte[0], HEX.parseHex("0b".repeat(22)), new byte[0], 42);
        assertEquals("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
                HEX.formatHex(okm));
    }
}
