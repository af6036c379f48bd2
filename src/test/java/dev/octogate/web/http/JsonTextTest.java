package dev.octogate.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void writesFieldsInOrderWithNumbersAndNulls() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("login", "octocat");
        fields.put("id", 583231L);
        fields.put("name", null);
        assertEquals("{\"login\":\"octocat\",\"id\":583231,\"name\":null}", JsonText.object(fields));
    }

    @Test
    void buildsAnObjectFieldByField() {
        assertEquals("{}", JsonText.object().end());
        assertEquals("{\"login\":\"octocat\",\"id\":-1,\"name\":null}",
                JsonText.object().field("login", "octocat").field("id", -1).field("name", null).end());
    }

    @Test
    void everyAwkwardCharacterSurvivesAJsonParser() {
        StringBuilder awkward = new StringBuilder("quote\" backslash\\ slash/ <script>&amp; \u2028\u2029 é ✓ 🐙");
        for (char c = 0; c < 0x20; c++) {
            awkward.append(c);
        }
        String json = JsonText.object(Map.of("name", awkward.toString()));
        JsonObject parsed = Json.createReader(new StringReader(json)).readObject();
        assertEquals(awkward.toString(), parsed.getString("name"));
        assertEquals(-1, json.indexOf('<'), "safe inside HTML too");
        assertEquals(-1, json.indexOf('\u2028'));
    }

    @Test
    void plainRunsAroundEscapesAreKeptWhole() {
        assertEquals("{\"a\":\"\",\"b\":\"\\\"x\\\"\",\"c\":\"one\\\\two\\nthree\"}",
                JsonText.object().field("a", "").field("b", "\"x\"").field("c", "one\\two\nthree").end());
        assertEquals("{\"url\":\"https://github.com/octocat?a=1\\u0026b=\\u003c2\\u003e\"}",
                JsonText.object().field("url", "https://github.com/octocat?a=1&b=<2>").end());
    }
}
