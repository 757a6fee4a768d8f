package com.alai.cloud.client.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Print an access token for scripts (as `gh auth token` does): ALAI_TOKEN when set, else the",
                "stored login's, refreshed first when it is about to expire. Exit 4 when there is no usable login."},
        footerHeading = "%nExamples:%n",
        footer = {"  curl -H \"Authorization: Bearer $(alai token)\" \"$ALAI_MC_URL/tasks\""})
final class TokenCommand implements Runnable {
    @ParentCommand
    AlaiCommand root;

    @Override
    public void run() {
        Context c = root.context;
        String token = c.logins().accessToken();
        c.print(Map.of("accessToken", token), token + "\n");
    }
}
