package com.alai.cloud.services.hivemind;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What Helidon itself logs (through java.util.logging) while a test runs: its escaped-exception warnings are the
 * multi-line stack traces the service must never produce.
 */
final class HelidonLog extends Handler implements AutoCloseable {
    private static final Logger HELIDON = Logger.getLogger("io.helidon");
    final List<LogRecord> warnings = new CopyOnWriteArrayList<>();

    static HelidonLog capture() {
        var log = new HelidonLog();
        HELIDON.addHandler(log);
        return log;
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(record);
        }
    }

    List<String> messages() {
        return warnings.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        HELIDON.removeHandler(this);
    }
}
