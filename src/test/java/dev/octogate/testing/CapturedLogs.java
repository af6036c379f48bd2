package dev.octogate.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Collects what Octogate logs (java.util.logging under {@code dev.octogate}) while open. The
 * webapp's classes log to the same JDK-wide logger tree, so this sees the deployed WAR's lines.
 */
public final class CapturedLogs extends Handler implements AutoCloseable {

    private static final Logger ROOT = Logger.getLogger("dev.octogate");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public CapturedLogs() {
        setLevel(Level.ALL);
        ROOT.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    /** The formatted messages at or above {@code level}. */
    public List<String> messages(Level level) {
        return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue())
                .map(r -> r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()))
                .collect(Collectors.toList());
    }

    public List<String> all() {
        return messages(Level.ALL);
    }

    public void clear() {
        records.clear();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        ROOT.removeHandler(this);
    }
}
