package com.alai.cloud.deploy.validate;

import java.util.Map;

/** kind: healthy_for — url answers 200 on every poll for `seconds`, polling every intervalSeconds (default 10). */
final class HealthyForCheck implements CheckKind {
    @Override
    public String run(Check check, Variables vars) throws Exception {
        double seconds = CheckKind.number(check, "seconds", 60).doubleValue();
        double interval = CheckKind.number(check, "intervalSeconds", 10).doubleValue();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int polls = 0;
        do {
            HttpCheck.Outcome outcome = HttpCheck.send(Map.of("url", check.spec().get("url"),
                    "headers", check.spec().getOrDefault("headers", Map.of())), vars, 10);
            polls++;
            if (outcome.status() != 200) {
                return "poll " + polls + " answered " + outcome.status();
            }
            Thread.sleep((long) (interval * 1000));
        } while (System.nanoTime() < end);
        return null;
    }
}
