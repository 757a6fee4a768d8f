package com.alai.cloud.client.cli;

import com.alai.cloud.client.error.Exit;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "alai", mixinStandardHelpOptions = true, versionProvider = AlaiCommand.Version.class,
        description = "The ALAI thin client: log in, then Mission Control and HiveMind from any machine.",
        subcommands = {LoginCommand.class, LogoutCommand.class, AuthCommand.class, TokenCommand.class,
                McCommand.class, HiveCommand.class, CompletionCommand.class},
        footerHeading = "%n",
        footer = {"Examples:",
                "  alai login                      # browser login (PKCE); --no-browser over SSH, --device where offered",
                "  alai mc list                    # open tasks: ALAI_MC_URL's API, else ~/system/mission-control.db",
                "  alai mc add 'Rotate the key' --assignee kelsey --json",
                "  ALAI_TOKEN=$(alai token) curl -H \"Authorization: Bearer $ALAI_TOKEN\" \"$ALAI_MC_URL/stats\"",
                "",
                "Configuration: $XDG_CONFIG_HOME/alai/config.yaml (named profiles; see `alai auth status --help`),",
                "overridden by ALAI_PROFILE, ALAI_ISSUER, ALAI_CLIENT_ID, ALAI_MC_URL, ALAI_HIVE_URL, ALAI_MC_DB, ALAI_TOKEN.",
                "NO_COLOR turns colour off.",
                "",
                "Exit codes:"})
final class AlaiCommand implements Runnable {
    final Context context;

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "the config file's profile to use (default: ALAI_PROFILE, else the file's `profile`, else default)")
    void profile(String name) {
        context.profileName = name;
    }

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "print JSON instead of a table")
    void json(boolean json) {
        context.json = json;
    }

    AlaiCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw com.alai.cloud.client.error.AlaiException.usage("name a command; `alai --help` lists them");
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            var props = new Properties();
            try (InputStream in = AlaiCommand.class.getResourceAsStream("/alai-version.properties")) {
                if (in != null) {
                    props.load(in);
                }
            }
            return new String[] {"alai " + props.getProperty("version", "unknown") + " (Java " + Runtime.version() + ")"};
        }
    }
}
