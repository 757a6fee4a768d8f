package com.alai.cloud.deploy.engine;

import com.pulumi.automation.AutomationException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A crash mid-apply leaves the stack locked: a self-managed backend keeps the dead process's lock file, and the
 * stack refuses every later update with "the stack is currently locked by N lock(s)". A lock whose owner is a
 * process on this host that no longer runs can only be stale, so it is cancelled and the command retried once. A lock
 * held by a live process, or by another host, is never touched: the error names its owner.
 */
final class StaleLocks {
    /** One lock line of the engine's own message: "…: created by user@host (pid 123) at 2026-…". */
    private static final Pattern OWNER = Pattern.compile("created by (\\S+?)@(\\S+) \\(pid (\\d+)\\)");
    private static final String LOCKED = "the stack is currently locked by";

    interface Command<T> {
        T run() throws AutomationException;
    }

    record Owner(String user, String host, long pid) {
        boolean deadOnThisHost(String thisHost) {
            return host.equals(thisHost) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        }
    }

    private final Consumer<String> cancel;

    StaleLocks(Consumer<String> cancel) {
        this.cancel = cancel;
    }

    <T> T retryOnce(String stack, Command<T> command) throws AutomationException {
        try {
            return command.run();
        } catch (AutomationException e) {
            String message = String.valueOf(e.getMessage());
            if (!message.contains(LOCKED)) {
                throw e;
            }
            List<Owner> owners = owners(message);
            String thisHost = hostname();
            if (owners.isEmpty() || !owners.stream().allMatch(o -> o.deadOnThisHost(thisHost))) {
                throw new EngineException(stack + " is locked by " + (owners.isEmpty() ? "another update" : owners)
                        + "; wait for it to finish, or if that process is gone, run `pulumi cancel -s " + stack + "`", e);
            }
            cancel.accept(stack);
            return command.run();
        }
    }

    static List<Owner> owners(String message) {
        var owners = new ArrayList<Owner>();
        Matcher m = OWNER.matcher(message);
        while (m.find()) {
            owners.add(new Owner(m.group(1), m.group(2), Long.parseLong(m.group(3))));
        }
        return owners;
    }

    /** The name Pulumi records in a lock: os.Hostname(), which is the kernel's node name. */
    static String hostname() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (java.io.IOException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException unknown) {
                return "";
            }
        }
    }
}
