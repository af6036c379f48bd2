package dev.octogate.web.http;

/**
 * What a page shows: a record whose template (under {@code src/main/jte}) has it as its one
 * parameter. Templates escape every value by context, so a page record holds plain text, never HTML.
 */
public interface Page {

    /** The template's name, such as {@code "signin/home.jte"}. */
    String template();
}
