package com.alai.cloud.client.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "logout", mixinStandardHelpOptions = true,
        description = "Forget the profile's login (keyring entry and token file). ALAI_TOKEN, if set, is not touched.",
        footerHeading = "%nExamples:%n", footer = {"  alai logout", "  alai --profile work logout --json"})
final class LogoutCommand implements Runnable {
    @ParentCommand
    AlaiCommand root;

    @Override
    public void run() {
        Context c = root.context;
        boolean had = c.logins().logout();
        c.print(Map.of("profile", c.profile().name(), "loggedOut", had),
                had ? "Logged out of profile " + c.profile().name() + ".\n" : "Profile " + c.profile().name() + " was not logged in.\n");
    }
}
