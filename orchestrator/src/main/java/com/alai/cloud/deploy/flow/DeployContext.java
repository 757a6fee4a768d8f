package com.alai.cloud.deploy.flow;

import com.alai.cloud.deploy.engine.StackEngine;
import com.alai.cloud.deploy.journal.FileJournal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/** Everything an operation runs against, wired once by the command. */
public record DeployContext(String env, StackEngine engine, FileJournal journal, Path checkpoints, Preflight preflight,
                            PhaseValidator validator, String commit, Clock clock, Consumer<String> progress,
                            StepHook hook) {
}
