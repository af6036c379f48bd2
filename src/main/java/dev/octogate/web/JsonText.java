package dev.octogate.web;

import java.util.Map;

/**
 * Writes the flat JSON objects Octogate answers with ({@code /api/me}, errors): string, number
 * and null values only. {@code /api/me} is on the hot path of every API client, and a JSON
 * library's generator costs more to set up than this takes to run. Reading GitHub's JSON stays
 * with JSON-B.
 */
final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    static String object(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder(32 + fields.size() * 32);
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, field.getKey());
            out.append(':');
            Object value = field.getValue();
            if (value == null) {
                out.append("null");
            } else if (value instanceof Long || value instanceof Integer) {
                out.append(((Number) value).longValue());
            } else {
                string(out, value.toString());
            }
        }
        return out.append('}').toString();
    }

    /** A JSON string; also escapes {@code <>&} and U+2028/9 so the text is safe inside HTML too. */
    static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!mustEscape(c)) {
                out.append(c);
                continue;
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            }
        }
        out.append('"');
    }

    private static boolean mustEscape(char c) {
        return c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029';
    }
}
