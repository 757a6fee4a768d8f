package com.alai.cloud.client.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print the bash/zsh completion script (zsh through bashcompinit).",
        footerHeading = "%nExamples:%n",
        footer = {"  source <(alai completion)                          # this shell",
                "  alai completion > /etc/bash_completion.d/alai      # every bash",
                "  autoload -U +X bashcompinit && bashcompinit && source <(alai completion)   # zsh"})
final class CompletionCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        CommandLine root = spec.commandLine().getParent();
        spec.commandLine().getOut().print(AutoComplete.bash("alai", root));
        spec.commandLine().getOut().flush();
    }
}
