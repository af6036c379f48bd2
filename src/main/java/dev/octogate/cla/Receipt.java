package dev.octogate.cla;

import dev.octogate.store.AgreementVersion;
import dev.octogate.store.Signature;
import java.util.Map;

/**
 * A signature's receipt as plain text: {@code Key: value} lines, one blank line, then the exact
 * text signed, whose bytes hash to the {@code Text-SHA256} line.
 */
public final class Receipt {

    private Receipt() {
    }

    public static String text(Signature signature, AgreementVersion version) {
        StringBuilder out = new StringBuilder();
        line(out, "Signature-Id", signature.id());
        line(out, "Agreement", signature.agreementSlug());
        line(out, "Agreement-Title", signature.agreementTitle());
        line(out, "Version", Integer.toString(signature.version()));
        line(out, "Text-SHA256", signature.sha256());
        line(out, "GitHub-Login", signature.login());
        line(out, "GitHub-User-Id", Long.toString(signature.userId()));
        line(out, "Signed-At", signature.signedAt().toString());
        if (signature.revokedAt() != null) {
            line(out, "Revoked-At", signature.revokedAt().toString());
        }
        for (Map.Entry<String, String> field : signature.fields().entrySet()) {
            line(out, header(field.getKey()), field.getValue());
        }
        return out.append('\n').append(version.text()).toString();
    }

    /** {@code email} as {@code Email}, {@code company-name} as {@code Company-Name}. */
    public static String header(String field) {
        StringBuilder name = new StringBuilder();
        boolean upper = true;
        for (char c : field.toCharArray()) {
            name.append(upper ? Character.toUpperCase(c) : c);
            upper = c == '-';
        }
        return name.toString();
    }

    private static void line(StringBuilder out, String key, String value) {
        // Values are one line (the form refuses control characters); make sure of it anyway.
        out.append(key).append(": ").append(value.replaceAll("[\\r\\n]", " ")).append('\n');
    }
}
