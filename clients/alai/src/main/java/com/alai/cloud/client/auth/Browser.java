package com.alai.cloud.client.auth;

import com.alai.cloud.client.config.Environment;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Whatever takes the user to the issuer's login page: the system browser, or (in tests) an HTTP client. */
@FunctionalInterface
public interface Browser {
    /** Opens {@code url}; false when it could not, and the URL must be printed instead. */
    boolean open(URI url);

    /**
     * The system browser through the OS's own opener (open, xdg-open, rundll32), never AWT. Over SSH or on a Linux
     * without a display there is no browser to open: false, so the URL and the port-forward line are printed.
     */
    static Browser system(Environment env) {
        return url -> {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            List<String> command;
            if (os.contains("mac")) {
                command = List.of("open", url.toString());
            } else if (os.contains("win")) {
                command = List.of("rundll32", "url.dll,FileProtocolHandler", url.toString());
            } else {
                if (env.get("DISPLAY").isEmpty() && env.get("WAYLAND_DISPLAY").isEmpty()) {
                    return false;
                }
                command = List.of("xdg-open", url.toString());
            }
            if (env.get("SSH_CONNECTION").isPresent() && !os.contains("win")) {
                return false;
            }
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                return p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }
}
