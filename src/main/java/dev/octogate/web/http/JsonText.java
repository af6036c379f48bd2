package dev.octogate.web.http;

import java.util.Map;

/**
 * Writes the flat JSON objects Octogate answers with ({@code /api/me}, errors): string, number
 * and null values only. {@code /api/me} is on the hot path of every API client, and a JSON
 * library's generator costs more to set up than this takes to run. Reading GitHub's JSON stays
 * with JSON-B.
 *
 * <pre>String json = JsonText.object().field("login", login).field("id", id).end();</pre>
 */
public final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder(192).append('{');

    private JsonText() {
    }

    /** A new object; add fields in the order they should appear, then {@link #end()}. */
    public static JsonText object() {
        return new JsonText();
    }

    /** The map's entries as one object, in the map's order; values are strings, numbers or null. */
    public static String object(Map<String, ?> fields) {
        JsonText json = object();
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            Object value = field.getValue();
            if (value instanceof Long || value instanceof Integer) {
                json.field(field.getKey(), ((Number) value).longValue());
            } else {
                json.field(field.getKey(), value == null ? null : value.toString());
            }
        }
        return json.end();
    }

    /** A string field; null is written as JSON null. */
    public JsonText field(String name, String value) {
        name(name);
        if (value == null) {
            out.append("null");
        } else {
            string(out, value);
        }
        return this;
    }

    public JsonText field(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    public JsonText field(String name, boolean value) {
        name(name);
        out.append(value);
        return this;
    }

    /** A field whose value is JSON already (an object or array this class wrote). */
    public JsonText raw(String name, String json) {
        name(name);
        out.append(json);
        return this;
    }

    /** JSON values (objects this class wrote) as one array. */
    public static String array(java.util.List<String> values) {
        StringBuilder array = new StringBuilder(values.size() * 128 + 2).append('[');
        for (int i = 0; i < values.size(); i++) {
            array.append(i == 0 ? "" : ",").append(values.get(i));
        }
        return array.append(']').toString();
    }

    public String end() {
        return out.append('}').toString();
    }

    private void name(String name) {
        if (out.length() > 1) {
            out.append(',');
        }
        string(out, name);
        out.append(':');
    }

    /** A JSON string; also escapes {@code <>&} and U+2028/9 so the text is safe inside HTML too. */
    static void string(StringBuilder out, String value) {
        out.append('"');
        int plain = 0; // start of the run of characters not yet written that need no escape
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!mustEscape(c)) {
                continue;
            }
            // Runs are copied whole: this is on every signed-in API call (/api/me).
            out.append(value, plain, i);
            plain = i + 1;
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
        out.append(value, plain, value.length()).append('"');
    }

    private static boolean mustEscape(char c) {
        return c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029';
    }
}
