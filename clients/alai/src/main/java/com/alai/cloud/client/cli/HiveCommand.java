package com.alai.cloud.client.cli;

import com.alai.cloud.client.error.AlaiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "hive", mixinStandardHelpOptions = true, description = "HiveMind pub/sub (ALAI_HIVE_URL): topics, pub, sub.",
        subcommands = {})
final class HiveCommand implements Runnable {
    @ParentCommand
    AlaiCommand root;

    @Override
    public void run() {
        throw AlaiException.usage("name a subcommand: alai hive topics|pub|sub");
    }
}
