package com.alai.cloud.client.cli;

import com.alai.cloud.client.auth.Logins;
import com.alai.cloud.client.config.ConfigFile;
import com.alai.cloud.client.error.AlaiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "auth", mixinStandardHelpOptions = true, description = "Inspect the login.",
        subcommands = AuthCommand.Status.class)
final class AuthCommand implements Runnable {
    @ParentCommand
    AlaiCommand root;

    @Override
    public void run() {
        throw AlaiException.usage("name a subcommand: alai auth status");
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Show the account, the issuer, when the access token expires and where the login is stored.",
                    "Exit 4 when not logged in."},
            footerHeading = "%nThe config file ($XDG_CONFIG_HOME/alai/config.yaml):%n",
            footer = {"  profile: work", "  profiles:", "    work:",
                    "      issuer: https://alaiauth.ciamlogin.com/alaiauth.onmicrosoft.com/v2.0",
                    "      clientId: 11111111-2222-3333-4444-555555555555",
                    "      scopes: [openid, profile, offline_access, api://alai-control-plane/.default]",
                    "      mcUrl: https://mc-api.<env>.azurecontainerapps.io",
                    "      hiveUrl: https://hivemind-api.<env>.azurecontainerapps.io",
                    "      mcDb: ~/system/mission-control.db   # used when mcUrl is unset",
                    "", "Examples:", "  alai auth status", "  alai auth status --json"})
    static final class Status implements Runnable {
        @ParentCommand
        AuthCommand auth;

        @Override
        public void run() {
            Context c = auth.root.context;
            Logins.Status s = c.logins().status();
            String human;
            if (!s.loggedIn()) {
                human = "Profile " + s.profile() + ": not logged in (issuer " + c.profile().issuer() + "). Run `alai login`.\n";
            } else if ("ALAI_TOKEN".equals(s.source())) {
                human = "Profile " + s.profile() + ": using the token in ALAI_TOKEN (the stored login is ignored).\n";
            } else {
                boolean expired = !s.expiresAt().isAfter(c.env.clock().instant());
                human = "Profile " + s.profile() + " (" + ConfigFile.path(c.env) + ")\n"
                        + "  account:  " + s.account() + "\n"
                        + "  issuer:   " + s.issuer() + "\n"
                        + "  expires:  " + s.expiresAt() + (expired ? " (expired" + (s.refreshable() ? "; refreshed on next use)" : ")") : "") + "\n"
                        + "  refresh:  " + (s.refreshable() ? "yes" : "no (log in again when it expires)") + "\n"
                        + "  stored:   " + s.source() + "\n";
            }
            c.print(s, human);
            if (!s.loggedIn()) {
                throw new AlaiException(com.alai.cloud.client.error.Exit.AUTH_REQUIRED, "not logged in");
            }
        }
    }
}
