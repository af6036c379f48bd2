package dev.octogate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.config.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's settings table is the manual operators have: it must say what the declarations
 * say. Each declared setting has its row (system property, every environment variable in order,
 * its default or "required"), secrets say so, and the table lists nothing that is not declared.
 */
class SettingsTableTest {

    private static final Pattern CODE = Pattern.compile("`([^`]*)`");

    /** The rows of the README's "Settings" table, by system property: the other three columns. */
    static Map<String, List<String>> readmeRows() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## Settings\n");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : section.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.substring(1, line.length() - 1).split(" \\| ");
            assertEquals(4, cells.length, "four columns: " + line);
            Matcher property = CODE.matcher(cells[0]);
            assertTrue(property.find(), line);
            rows.put(property.group(1), List.of(cells[1].trim(), cells[2].trim(), cells[3].trim()));
        }
        return rows;
    }

    static List<String> code(String cell) {
        List<String> values = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    @Test
    void everyDeclaredSettingHasItsRowAndEveryRowIsDeclared() throws IOException {
        Map<String, List<String>> rows = readmeRows();
        List<String> declared = AppSettings.ALL.stream().map(Setting::property).toList();
        assertEquals(declared.stream().sorted().toList(), rows.keySet().stream().sorted().toList());
    }

    @Test
    void eachRowSaysWhatTheDeclarationSays() throws IOException {
        Map<String, List<String>> rows = readmeRows();
        for (Setting<?> setting : AppSettings.ALL) {
            List<String> row = rows.get(setting.property());
            String where = "README row of " + setting.property() + ": " + row;
            assertEquals(setting.environment(), code(row.get(0)), where);
            String documented = row.get(1);
            if (setting.isRequired()) {
                assertEquals("required", documented, where);
            } else if (setting.defaultValue().filter(d -> !d.isEmpty()).isPresent()) {
                assertEquals("`" + setting.defaultValue().get() + "`", documented, where);
            } else {
                assertTrue(!documented.isEmpty() && !documented.equals("required"), where);
            }
            if (setting.isSecret()) {
                assertTrue(row.get(2).contains("never logged or shown"), where);
            }
        }
    }
}
