package com.alai.cloud.client.cli;

import com.alai.cloud.client.auth.TokenSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Log in to the profile's OIDC issuer (Entra External ID by default; B2C works the same).",
                "Authorization code with PKCE (S256), redirected to a listener on 127.0.0.1 on a free port (RFC 8252).",
                "Tokens go to the OS keyring when one answers within 3 s, else to a 0600 file with a warning;",
                "later commands refresh them silently."},
        footerHeading = "%nExamples:%n",
        footer = {"  alai login                   # opens the system browser",
                "  alai login --no-browser      # prints the URL and the ssh -L line for a browser on another machine",
                "  alai login --device          # device code (RFC 8628), where the issuer offers it",
                "  alai --profile work login"})
final class LoginCommand implements Runnable {
    @ParentCommand
    AlaiCommand root;

    @Option(names = "--no-browser", description = "print the login URL instead of opening a browser")
    boolean noBrowser;

    @Option(names = "--device", description = "use the device authorization grant (RFC 8628)")
    boolean device;

    @Option(names = "--timeout", defaultValue = "300", paramLabel = "SECONDS",
            description = "how long to wait for the browser's redirect (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Override
    public void run() {
        Context c = root.context;
        TokenSet tokens = c.logins().login(device, !noBrowser, c.browser, Duration.ofSeconds(timeoutSeconds),
                seconds -> Thread.sleep(seconds * 1000));
        var json = new LinkedHashMap<String, Object>();
        json.put("profile", c.profile().name());
        json.put("account", tokens.account());
        json.put("issuer", tokens.issuer());
        json.put("expiresAt", tokens.expiresAt());
        json.put("storedIn", c.logins().status().source());
        c.print(json, "Logged in as " + tokens.account() + " (profile " + c.profile().name() + ", issuer " + tokens.issuer()
                + ").\n");
    }
}
