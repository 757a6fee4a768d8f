package com.alai.cloud.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a JDK tool (jdeps, jlink) or ldd and returns its output; a failure names the command. */
final class Processes {
    private Processes() {
    }

    static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new ImageException(command.get(0) + " failed: " + out.strip().lines().reduce((a, b) -> b).orElse(""));
            }
            return out;
        } catch (IOException e) {
            throw new ImageException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageException("interrupted running " + command.get(0), e);
        }
    }
}
