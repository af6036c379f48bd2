package dev.octogate.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Collects the {@code java.util.logging} records of a logger and its children while open. The
 * logger is held strongly so that its handler stays attached.
 */
public final class LogCapture extends Handler implements AutoCloseable, AfterEachCallback {

    private final Logger logger;
    private final List<LogRecord> records = new ArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    /** Starts collecting what {@code name} and the loggers below it log. */
    public static LogCapture of(String name) {
        return new LogCapture(Logger.getLogger(name));
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    public synchronized List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** Each record as one string: its formatted message, then its exception chain's toString(). */
    public List<String> lines() {
        return messages(Level.ALL);
    }

    /** The formatted messages at or above {@code level}, each with its exception chain. */
    public List<String> messages(Level level) {
        SimpleFormatter formatter = new SimpleFormatter();
        return records().stream().filter(r -> r.getLevel().intValue() >= level.intValue()).map(record -> {
            StringBuilder line = new StringBuilder(formatter.formatMessage(record));
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(" | ").append(t);
            }
            return line.toString();
        }).toList();
    }

    /** Every line, as {@link #lines()}. */
    public List<String> all() {
        return lines();
    }

    public synchronized void clear() {
        records.clear();
    }

    /** Only the formatted messages. */
    public List<String> messages() {
        SimpleFormatter formatter = new SimpleFormatter();
        return records().stream().map(formatter::formatMessage).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }

    /** As a test's {@code @RegisterExtension} field, it stops collecting after each test. */
    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }
}
