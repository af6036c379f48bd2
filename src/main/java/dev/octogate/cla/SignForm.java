package dev.octogate.cla;

import java.util.Map;

/**
 * What the signing form sent, as typed.
 *
 * @param extra   the agreement's extra fields, by field name
 * @param version the version number the form showed, as sent
 */
public record SignForm(String name, String email, Map<String, String> extra, boolean agree, String version) {

    public SignForm {
        extra = Map.copyOf(extra);
    }

    public static SignForm empty() {
        return new SignForm("", "", Map.of(), false, "");
    }
}
