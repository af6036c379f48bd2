package dev.octogate.signin;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link SessionAttributes} test double over a {@link HashMap}. Every access is synchronized on the map so that concurrent tests exercise the code under test's
 * own locking, not a data race in the double.
 */
public final class MapSession implements SessionAttributes {

    private final Map<String, Object> attributes = new HashMap<>();
    private final String baseId;
    private int renewals;

    public MapSession() {
        this("session");
    }

    public MapSession(String baseId) {
        this.baseId = baseId;
    }

    @Override
    public Object get(String name) {
        synchronized (attributes) {
            return attributes.get(name);
        }
    }

    @Override
    public void set(String name, Serializable value) {
        synchronized (attributes) {
            attributes.put(name, value);
        }
    }

    @Override
    public void remove(String name) {
        synchronized (attributes) {
            attributes.remove(name);
        }
    }

    /** A copy of every attribute, for assertions. */
    public Map<String, Object> snapshot() {
        synchronized (attributes) {
            return Map.copyOf(attributes);
        }
    }

    @Override
    public synchronized String id() {
        return baseId + "-" + renewals;
    }

    @Override
    public synchronized void renewId() {
        renewals++;
    }

    /** How many times {@link #renewId()} was called. */
    public synchronized int renewals() {
        return renewals;
    }

}
