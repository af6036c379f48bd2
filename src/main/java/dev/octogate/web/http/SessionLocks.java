package dev.octogate.web.http;

/**
 * Locks for a session's read-modify-write steps on this node. Striped by session id: a fixed set of
 * plain objects, nothing stored in the session (locks are not serialisable) and nothing to clean up.
 */
public final class SessionLocks {

    private final Object[] stripes = new Object[256];

    public SessionLocks() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    Object forSession(String sessionId) {
        return stripes[Math.floorMod(sessionId.hashCode(), stripes.length)];
    }
}
