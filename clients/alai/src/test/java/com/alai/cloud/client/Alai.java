package com.alai.cloud.client;

import com.alai.cloud.client.auth.Browser;
import com.alai.cloud.client.cli.Context;
import com.alai.cloud.client.cli.Main;
import com.alai.cloud.client.config.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * `alai` run in this JVM as a user would run it: its own config directory, environment and clock, and what it
 * printed and exited with.
 */
public final class Alai {
    public record Run(int exit, String out, String err) {
    }

    /** A clock the test moves forward, to reach a token's expiry without waiting for it. */
    public static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        public void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    public final Map<String, String> env = new HashMap<>();
    public final MovableClock clock = new MovableClock();
    public final Path configHome;
    public Browser browser = url -> {
        throw new AssertionError("no browser expected, asked to open " + url);
    };

    public Alai(Path home) {
        this.configHome = home.resolve("config");
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", configHome.toString());
        // No keyring tool on this PATH: the tests see the file store, whatever the machine has.
        env.put("PATH", home.resolve("no-keyring").toString());
        env.put("ALAI_ISSUER", Cloud.INSTANCE.issuerUrl());
        env.put("ALAI_CLIENT_ID", Cloud.CLIENT_ID);
    }

    public Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var context = new Context(new Environment(env, clock), new PrintWriter(out), new PrintWriter(err), browser, false);
        int exit = Main.run(args, context);
        return new Run(exit, out.toString(), err.toString());
    }

    public Path tokenFile(String profile) {
        return configHome.resolve("alai").resolve("tokens-" + profile + ".json");
    }
}
