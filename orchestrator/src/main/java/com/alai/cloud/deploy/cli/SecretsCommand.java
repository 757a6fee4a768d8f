package com.alai.cloud.deploy.cli;

import com.alai.cloud.components.secrets.EncryptedExport;
import com.alai.cloud.components.secrets.SecretNotFoundException;
import com.alai.cloud.components.secrets.SecretRef;
import com.alai.cloud.components.secrets.SecretSource;
import com.alai.cloud.deploy.ExitCode;
import com.alai.cloud.deploy.Project;
import com.alai.cloud.deploy.UsageException;
import com.alai.cloud.services.backup.BlobStore;
import com.alai.cloud.stacks.phases.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Phase 1 custody: every expected Bitwarden item resolves; encrypted exports are stored immutably and can be opened. */
@Command(name = "secrets", mixinStandardHelpOptions = true,
        description = "Bitwarden custody for phase 1. No command ever prints a secret value.",
        subcommands = {SecretsCommand.Inventory.class, SecretsCommand.Export.class, SecretsCommand.VerifyExport.class})
public final class SecretsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static char[] exportPassword() {
        String password = System.getenv("ALAI_EXPORT_PASSWORD");
        if (password != null && !password.isEmpty()) {
            return password.toCharArray();
        }
        var console = System.console();
        if (console == null) {
            throw new UsageException("set ALAI_EXPORT_PASSWORD (the export password; never pass it as an argument)");
        }
        return console.readPassword("export password: ");
    }

    @Command(name = "inventory", mixinStandardHelpOptions = true,
            description = {"Resolves every item in bitwardenExpectedItems (Pulumi.dev.yaml) through ALAI_SECRET_* variables",
                    "or the bw CLI (BW_SESSION) and reports which resolve — names only. Exit 1 if any does not."},
            footerHeading = "%nExamples:%n", footer = {"  export BW_SESSION=$(bw unlock --raw); alai-deploy secrets inventory"})
    static final class Inventory implements Callable<Integer> {
        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Project project = Project.locate();
            List<SecretRef> expected = project.settings("dev", Phase.SECRETS).secrets().expected();
            SecretSource source = Wiring.secrets();
            var result = new LinkedHashMap<String, String>();
            for (SecretRef ref : expected) {
                try {
                    source.resolve(ref);
                    result.put(ref.toString(), "resolves");
                } catch (SecretNotFoundException e) {
                    result.put(ref.toString(), "MISSING: " + e.getMessage());
                }
            }
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(JsonOut.pretty(result));
            } else {
                result.forEach((ref, state) -> out.printf("%-45s %s%n", ref, state));
            }
            return result.values().stream().allMatch("resolves"::equals) ? ExitCode.OK : ExitCode.CHECK_FAILED;
        }
    }

    @Command(name = "verify-export", mixinStandardHelpOptions = true,
            description = {"Opens a password-protected Bitwarden export offline (password from ALAI_EXPORT_PASSWORD or a",
                    "prompt), checks it decrypts and is intact, and lists the item names. Exit 1 when it does not open."},
            footerHeading = "%nExamples:%n", footer = {"  ALAI_EXPORT_PASSWORD=… alai-deploy secrets verify-export ~/system/backups/bw-export.json"})
    static final class VerifyExport implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file) || Files.size(file) > 256L * 1024 * 1024) {
                throw new UsageException(file + " is not a readable export (missing, or over 256 MiB)");
            }
            try {
                var contents = EncryptedExport.open(Files.readString(file), exportPassword());
                var out = spec.commandLine().getOut();
                out.printf("%s opens: %d items, %d folders%n", file, contents.items(), contents.folders());
                contents.names().forEach(name -> out.println("  " + name));
                return ExitCode.OK;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("alai-deploy: " + e.getMessage());
                return ExitCode.CHECK_FAILED;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Runs `bw export --format encrypted_json` (BW_SESSION, password from ALAI_EXPORT_PASSWORD), checks",
                    "the file opens, and stores it in the bitwarden-exports container (immutable for the configured days)",
                    "and, with --keep, in a local folder for the offline copy."},
            footerHeading = "%nExamples:%n", footer = {"  alai-deploy secrets export --endpoint https://stalaidevswcf1e081.blob.core.windows.net --keep ~/system/backups"})
    static final class Export implements Callable<Integer> {
        @Option(names = "--endpoint", description = "Blob endpoint; default: AZURE_STORAGE_CONNECTION_STRING.")
        String endpoint;

        @Option(names = "--keep", paramLabel = "DIR", description = "Also keep the encrypted file here.")
        Path keep;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            char[] password = exportPassword();
            Path tmp = Files.createTempFile("bw-export", ".json");
            try {
                var command = new ArrayList<>(List.of(System.getenv().getOrDefault("ALAI_BW_COMMAND", "bw"), "export",
                        "--format", "encrypted_json", "--output", tmp.toString(), "--nointeraction"));
                // bw takes the export password only as an argument (or a TTY prompt): it is visible in this machine's
                // process list while bw runs, and never logged or echoed by alai-deploy.
                command.addAll(List.of("--password", new String(password)));
                Process bw = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(bw.getInputStream().readAllBytes());
                if (!bw.waitFor(300, TimeUnit.SECONDS) || bw.exitValue() != 0) {
                    throw new UsageException("bw export failed: " + output.strip().lines().reduce((a, b) -> b).orElse("")
                            + " (is BW_SESSION set?)");
                }
                var contents = EncryptedExport.open(Files.readString(tmp), password);
                String name = "bw-export-" + Instant.now().toString().replace(':', '-') + ".json";
                BlobStore store = endpoint != null ? BlobStore.withIdentity(endpoint, "bitwarden-exports", System.getenv("AZURE_CLIENT_ID"))
                        : BlobStore.withConnectionString(requireConnectionString(), "bitwarden-exports");
                store.upload(name, tmp);
                if (keep != null) {
                    Files.createDirectories(keep);
                    Files.copy(tmp, keep.resolve(name));
                }
                spec.commandLine().getOut().printf("stored %s (%d items) in bitwarden-exports%n", name, contents.items());
                return ExitCode.OK;
            } finally {
                Files.deleteIfExists(tmp);
                java.util.Arrays.fill(password, '\0');
            }
        }

        private static String requireConnectionString() {
            String cs = System.getenv("AZURE_STORAGE_CONNECTION_STRING");
            if (cs == null || cs.isBlank()) {
                throw new UsageException("set AZURE_STORAGE_CONNECTION_STRING or pass --endpoint");
            }
            return cs;
        }
    }

}
