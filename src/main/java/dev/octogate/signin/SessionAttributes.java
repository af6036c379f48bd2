package dev.octogate.signin;

import java.io.Serializable;

/**
 * The parts of a user's session the sign-in steps use. The web layer implements it over
 * {@code HttpSession}; tests use a map. Values are immutable and of JDK types, and every change is
 * a {@link #set}, so that session stores shared by several nodes see it.
 */
public interface SessionAttributes {

    Object get(String name);

    void set(String name, Serializable value);

    void remove(String name);

    /** The session's id, to tell sessions apart on this node; never logged. */
    String id();

    /** Gives the session a new id, keeping its contents (no session fixation). */
    void renewId();
}
