package com.alai.cloud.components.apps;

import com.alai.cloud.components.core.AlaiComponent;
import com.alai.cloud.components.core.Scope;
import com.alai.cloud.components.naming.Kind;
import com.pulumi.azurenative.app.Job;
import com.pulumi.azurenative.app.JobArgs;
import com.pulumi.azurenative.app.inputs.JobConfigurationArgs;
import com.pulumi.azurenative.app.inputs.JobConfigurationScheduleTriggerConfigArgs;
import com.pulumi.azurenative.app.inputs.JobTemplateArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** A Container Apps Job on a cron schedule (e.g. the nightly database dump), same container rules as apps. */
public final class ScheduledJob extends AlaiComponent {
    private static final Pattern CRON = Pattern.compile("(\\S+\\s+){4}\\S+");

    private final Output<String> id;

    public record Args(Scope scope, Output<String> environmentId, Output<String> identityId, String workload,
                       ContainerSpec spec, String cron, int timeoutSeconds, int retryLimit) {
        public Args {
            Objects.requireNonNull(spec, "spec");
            if (cron == null || !CRON.matcher(cron.strip()).matches()) {
                throw new IllegalArgumentException(workload + ": schedule '" + cron + "' is not a 5-field cron expression");
            }
            if (timeoutSeconds < 60) {
                throw new IllegalArgumentException(workload + ": timeout must be at least 60 s");
            }
        }
    }

    public ScheduledJob(String name, Args args, ComponentResourceOptions options) {
        super("ScheduledJob", name, options);
        Scope scope = args.scope();
        ContainerSpec spec = args.spec();
        var job = new Job(name, JobArgs.builder()
                .jobName(scope.naming().regional(Kind.CONTAINER_APP_JOB, args.workload()))
                .resourceGroupName(scope.resourceGroupName())
                .location(scope.location())
                .environmentId(args.environmentId())
                .identity(ContainerService.identity(args.identityId()))
                .configuration(JobConfigurationArgs.builder()
                        .triggerType("Schedule")
                        .scheduleTriggerConfig(JobConfigurationScheduleTriggerConfigArgs.builder()
                                .cronExpression(args.cron().strip())
                                .parallelism(1)
                                .replicaCompletionCount(1)
                                .build())
                        .replicaTimeout(args.timeoutSeconds())
                        .replicaRetryLimit(args.retryLimit())
                        .registries(spec.registries())
                        .secrets(spec.secrets())
                        .build())
                .template(JobTemplateArgs.builder()
                        .containers(List.of(spec.container(args.workload(), Probes.none(), 8080)))
                        .build())
                .tags(scope.tags())
                .build(), child());
        this.id = job.id();
        registerOutputs(Map.of("id", id));
    }

    public Output<String> id() {
        return id;
    }
}
