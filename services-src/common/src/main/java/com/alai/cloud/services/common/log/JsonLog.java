package com.alai.cloud.services.common.log;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * A service's structured log, through SLF4J: a message plus fields, written as one JSON line by
 * {@link JsonLineEncoder} (see logback.xml). Callers never pass a body, a token or a secret as a field.
 */
public final class JsonLog {
    static {
        // Helidon logs through java.util.logging; routed here, its warnings become JSON lines like everyone's.
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    private final Logger logger;

    /** {@code service} names the logger, under "service." so logback.xml sets every service's level at once. */
    public JsonLog(String service) {
        this.logger = LoggerFactory.getLogger("service." + service);
    }

    public void info(String message, Map<String, ?> fields) {
        write(logger.atInfo(), message, fields);
    }

    public void warn(String message, Map<String, ?> fields) {
        write(logger.atWarn(), message, fields);
    }

    public void error(String message, Map<String, ?> fields) {
        write(logger.atError(), message, fields);
    }

    private static void write(LoggingEventBuilder event, String message, Map<String, ?> fields) {
        fields.forEach(event::addKeyValue);
        event.log(message);
    }
}
