package dev.octogate.store;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON columns: ordered pairs as arrays ({@code [["name","Mona"],["email","…"]]}), since
 * {@code jsonb} keeps no key order and a receipt lists the fields in the form's order.
 */
final class Json {

    private Json() {
    }

    static String pairs(Map<String, String> values) {
        JsonArrayBuilder array = jakarta.json.Json.createArrayBuilder();
        values.forEach((k, v) -> array.add(jakarta.json.Json.createArrayBuilder().add(k).add(v)));
        return array.build().toString();
    }

    static Map<String, String> pairs(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        try (var reader = jakarta.json.Json.createReader(new StringReader(json))) {
            for (var pair : reader.readArray()) {
                JsonArray kv = pair.asJsonArray();
                values.put(kv.getString(0), kv.getString(1));
            }
        }
        return values;
    }

    static String fields(List<Agreement.ExtraField> fields) {
        JsonArrayBuilder array = jakarta.json.Json.createArrayBuilder();
        fields.forEach(f -> array.add(jakarta.json.Json.createArrayBuilder().add(f.name()).add(f.label())));
        return array.build().toString();
    }

    static List<Agreement.ExtraField> fields(String json) {
        List<Agreement.ExtraField> fields = new ArrayList<>();
        pairs(json).forEach((name, label) -> fields.add(new Agreement.ExtraField(name, label)));
        return fields;
    }
}
