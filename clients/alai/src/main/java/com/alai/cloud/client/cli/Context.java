package com.alai.cloud.client.cli;

import com.alai.cloud.client.auth.Browser;
import com.alai.cloud.client.auth.Logins;
import com.alai.cloud.client.config.ConfigFile;
import com.alai.cloud.client.config.Environment;
import com.alai.cloud.client.config.Profile;
import com.alai.cloud.client.http.Json;
import com.alai.cloud.client.out.Terminal;
import java.io.PrintWriter;

/** What every command runs with: the environment, its output streams, the browser, and the chosen profile. */
public final class Context {
    final Environment env;
    final PrintWriter out;
    final PrintWriter err;
    final Browser browser;
    final boolean interactive;
    String profileName;
    boolean json;
    private Profile profile;
    private Logins logins;

    public Context(Environment env, PrintWriter out, PrintWriter err, Browser browser, boolean interactive) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.browser = browser;
        this.interactive = interactive;
    }

    Profile profile() {
        if (profile == null) {
            profile = ConfigFile.resolve(env, profileName);
        }
        return profile;
    }

    Logins logins() {
        if (logins == null) {
            logins = new Logins(env, profile(), err);
        }
        return logins;
    }

    Terminal terminal() {
        return Terminal.of(env, interactive);
    }

    /** JSON to stdout with --json, else the human text. */
    void print(Object jsonValue, String human) {
        out.print(json ? Json.write(jsonValue) + "\n" : human);
        out.flush();
    }
}
