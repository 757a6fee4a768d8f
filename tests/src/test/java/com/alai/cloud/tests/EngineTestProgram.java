package com.alai.cloud.tests;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.StackReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A provider-free Pulumi program the real engine runs in the flow tests: components with a child, config, a secret,
 * outputs, and a StackReference from a phase stack to the foundation stack. With {@code holdFile} set it stops
 * mid-update (after its components are registered) until that file exists, so a test can kill the engine there.
 */
public final class EngineTestProgram {
    private EngineTestProgram() {
    }

    /** A component with a child component: what the real phase programs' building blocks look like to the engine. */
    static final class Bundle extends ComponentResource {
        final Output<String> label;

        Bundle(String name, String label) {
            super("alai:test:Bundle", name, ComponentResourceOptions.Empty);
            new ComponentResource("alai:test:Part", name + "-part", ComponentResourceOptions.builder().parent(this).build());
            this.label = Output.of(label);
            registerOutputs(Map.of("label", this.label));
        }
    }

    public static void main(String[] args) {
        Pulumi.run(EngineTestProgram::define);
    }

    static void define(Context ctx) {
        var config = ctx.config();
        String greeting = config.require("greeting");
        var bundle = new Bundle("bundle", greeting);
        ctx.export("greeting", bundle.label);
        ctx.export("token", config.requireSecret("token"));
        // `images` is a mapping (undeclared in Pulumi.yaml, as in the real project); exported as SERVICE=IMAGE text.
        Map<?, ?> images = config.getObject("images", Map.class).orElse(Map.of());
        ctx.export("images", Output.of(images.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .sorted().collect(java.util.stream.Collectors.joining(","))));
        if (!ctx.stackName().equals("dev")) {
            var foundation = new StackReference("organization/" + ctx.projectName() + "/dev");
            ctx.export("fromFoundation", foundation.output("greeting").applyValue(String::valueOf));
        }
        config.get("holdFile").filter(f -> !f.isBlank()).ifPresent(EngineTestProgram::holdUntil);
    }

    private static void holdUntil(String file) {
        try {
            Files.writeString(Path.of(file + ".reached"), "");
            for (int i = 0; i < 1200 && !Files.exists(Path.of(file)); i++) {
                Thread.sleep(100);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
