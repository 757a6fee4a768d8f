package com.alai.cloud.deploy.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs a runbook's checks in order with the given variables; in local mode, cloud-only checks are skipped and said so. */
public final class Validator {
    private static final Map<String, CheckKind> KINDS = Map.of(
            "http", new HttpCheck(), "sql", new SqlCheck(), "write_visible", new WriteVisibleCheck(),
            "tcp", new NetworkCheck(), "dns", new NetworkCheck(), "command", new CommandCheck(),
            "healthy_for", new HealthyForCheck());

    private final Variables vars;
    private final boolean local;
    private final Consumer<String> progress;

    public Validator(Map<String, String> variables, boolean local, Consumer<String> progress) {
        this.vars = new Variables(variables);
        this.local = local;
        this.progress = progress;
    }

    public List<CheckResult> run(List<Check> checks) {
        var results = new ArrayList<CheckResult>();
        for (Check check : checks) {
            long start = System.nanoTime();
            CheckResult result;
            if (local && !check.local()) {
                result = new CheckResult(check.id(), check.kind(), CheckResult.Status.SKIPPED, 0,
                        "runs only against Azure (local: false)");
            } else {
                try {
                    String failure = KINDS.get(check.kind()).run(check, vars);
                    result = new CheckResult(check.id(), check.kind(), failure == null ? CheckResult.Status.PASS
                            : CheckResult.Status.FAIL, millis(start), failure == null ? "" : failure);
                } catch (Exception e) {
                    result = new CheckResult(check.id(), check.kind(), CheckResult.Status.ERROR, millis(start),
                            e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
            }
            progress.accept(String.format("  %-7s %-28s %6d ms  %s", result.status(), result.id(), result.millis(), result.message()));
            results.add(result);
        }
        return results;
    }

    public static boolean passed(List<CheckResult> results) {
        // Nothing run is nothing proven: at least one check must have passed.
        return results.stream().anyMatch(r -> r.status() == CheckResult.Status.PASS)
                && results.stream().noneMatch(r -> r.status() == CheckResult.Status.FAIL || r.status() == CheckResult.Status.ERROR);
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
