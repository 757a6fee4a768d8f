package com.alai.cloud.deploy.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** kind: command — argv (no shell), expect exitCode (default 0), timeoutSeconds (default 60). */
final class CommandCheck implements CheckKind {
    @Override
    public String run(Check check, Variables vars) throws Exception {
        if (!(check.spec().get("argv") instanceof List<?> argv) || argv.isEmpty()) {
            return "argv must be a non-empty list";
        }
        var command = new ArrayList<String>();
        argv.forEach(a -> command.add(vars.expand(a)));
        Map<String, Object> expect = CheckKind.map(check.spec().get("expect"));
        int wanted = ((Number) expect.getOrDefault("exitCode", 0)).intValue();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long timeout = CheckKind.number(check, "timeoutSeconds", 60).longValue();
        if (!process.waitFor(timeout, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return command.get(0) + " did not finish within " + timeout + " s";
        }
        return process.exitValue() == wanted ? null : command.get(0) + " exited " + process.exitValue() + ", expected " + wanted;
    }
}
