package com.alai.cloud.services.common.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.common.log.JsonLineEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every JSON line the services of this JVM log while it is open, exactly as they reach stderr in production. */
public final class LogCapture implements AutoCloseable {
    // Every write wakes whoever awaits a line: a request's line is written after its response has gone out.
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream() {
        @Override
        public synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, len);
            notifyAll();
        }
    };
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    private final Logger root;

    private LogCapture() {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var encoder = new JsonLineEncoder();
        encoder.setContext(context);
        encoder.start();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(bytes);
        appender.setImmediateFlush(true);
        appender.start();
        root.addAppender(appender);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    public String text() {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** Each line parsed; a line that is not one JSON object fails the test. */
    public List<JsonNode> lines() {
        return text().lines().map(line -> {
            try {
                return Json.mapper().readTree(line);
            } catch (java.io.IOException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
            }
        }).toList();
    }

    /** The first line matching {@code wanted}, waiting up to {@code timeout} for it to be written. */
    public JsonNode await(java.util.function.Predicate<JsonNode> wanted, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (bytes) {
            while (true) {
                var match = lines().stream().filter(wanted).findFirst();
                if (match.isPresent()) {
                    return match.get();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no log line as wanted within " + timeout + "; the log:\n" + text());
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(bytes, left);
            }
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
