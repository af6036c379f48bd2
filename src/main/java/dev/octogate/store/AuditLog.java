package dev.octogate.store;

import java.util.List;
import java.util.function.Consumer;

/** The audit log, read: entries are added by the stores, in the transaction of what they record. */
public interface AuditLog {

    /** The newest entries, newest first. */
    List<AuditEntry> newest(int limit);

    /** Every entry, oldest first, read a few at a time. */
    void each(Consumer<AuditEntry> entry);
}
