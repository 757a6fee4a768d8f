package com.alai.cloud.deploy.engine;

import com.alai.cloud.deploy.UsageException;
import com.alai.cloud.stacks.config.StackFile;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment every Pulumi command runs with. Two things a real run needs that a mock never does:
 * <ul>
 *   <li>the Java language host runs {@code java} from PATH (it ignores JAVA_HOME), so the JDK running this
 *       orchestrator (>= 21, picked by the launcher) goes first on PATH; a default JDK 17 would fail the program
 *       with UnsupportedClassVersionError;</li>
 *   <li>a self-managed backend (file://, azblob://, s3://, gs://) encrypts secrets with a passphrase unless the
 *       stack names another secrets provider, and the Automation API cannot prompt for it.</li>
 * </ul>
 */
public final class PulumiEnvironment {
    static final String PASSPHRASE = "PULUMI_CONFIG_PASSPHRASE";
    static final String PASSPHRASE_FILE = "PULUMI_CONFIG_PASSPHRASE_FILE";
    static final String BACKEND = "PULUMI_BACKEND_URL";

    private PulumiEnvironment() {
    }

    /** {@code base} with the running JDK first on PATH and the SDK's settings for small machines. */
    public static Map<String, String> of(Map<String, String> base) {
        var env = new LinkedHashMap<>(base);
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        String path = base.getOrDefault("PATH", "");
        env.put("PATH", path.isEmpty() ? javaBin : javaBin + File.pathSeparator + path);
        env.putIfAbsent("PULUMI_SKIP_UPDATE_CHECK", "true");
        // The Java SDK deadlocks on small machines under JDK 25 without an explicit common-pool parallelism.
        String options = base.getOrDefault("JAVA_TOOL_OPTIONS", "");
        if (!options.contains("ForkJoinPool.common.parallelism")) {
            env.put("JAVA_TOOL_OPTIONS", (options + " -Djava.util.concurrent.ForkJoinPool.common.parallelism="
                    + Math.max(2, Runtime.getRuntime().availableProcessors())).strip());
        }
        return Map.copyOf(env);
    }

    /** Refuses to run {@code stack} on a self-managed backend when nothing can encrypt its secrets. */
    public static void requireSecretsProvider(Map<String, String> env, Path projectDir, String stack) {
        String backend = env.getOrDefault(BACKEND, "");
        boolean selfManaged = backend.startsWith("file://") || backend.startsWith("azblob://")
                || backend.startsWith("s3://") || backend.startsWith("gs://");
        String provider = StackFile.read(StackFile.of(projectDir, stack)).root().path("secretsprovider").asText("");
        if (!selfManaged || env.containsKey(PASSPHRASE) || env.containsKey(PASSPHRASE_FILE)
                || (!provider.isEmpty() && !provider.startsWith("passphrase"))) {
            return;
        }
        throw new UsageException("the backend " + backend + " encrypts " + stack + "'s secrets with a passphrase: set "
                + PASSPHRASE + " or " + PASSPHRASE_FILE + " (e.g. " + PASSPHRASE_FILE
                + "=<(bw get password pulumi-passphrase)), or create the stack with --secrets-provider azurekeyvault://…");
    }
}
