package com.alai.cloud.stacks;

import com.alai.cloud.components.secrets.BwCliSecretSource;
import com.alai.cloud.components.secrets.ChainedSecretSource;
import com.alai.cloud.components.secrets.EnvSecretSource;
import com.alai.cloud.stacks.config.ConfigException;
import com.alai.cloud.stacks.config.EnvironmentSettings;
import com.alai.cloud.stacks.config.YamlConfigSource;
import com.alai.cloud.stacks.phases.Phase;
import com.alai.cloud.stacks.phases.PhaseCatalog;
import com.alai.cloud.stacks.phases.StackEnvironment;
import com.pulumi.Pulumi;
import java.nio.file.Path;
import java.util.List;

/** The entry point `pulumi up` runs: picks the phase program from the stack name. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Pulumi.run(ctx -> {
            String stack = ctx.stackName();
            String env = Phase.envOf(stack);
            Phase phase = Phase.ofStack(env, stack);
            EnvironmentSettings settings;
            try {
                settings = EnvironmentSettings.read(YamlConfigSource.load(Path.of("."), env, stack));
            } catch (ConfigException e) {
                ctx.log().error(e.getMessage());
                throw e;
            }
            var secrets = new ChainedSecretSource(List.of(EnvSecretSource.fromSystem(), BwCliSecretSource.fromSystem()));
            var environment = new StackEnvironment(settings, secrets, ctx.organizationName(), ctx.projectName(), true);
            PhaseCatalog.of(phase).define(ctx, environment);
        });
    }
}
