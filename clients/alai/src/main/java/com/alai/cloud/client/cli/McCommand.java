package com.alai.cloud.client.cli;

import com.alai.cloud.client.config.Profile;
import com.alai.cloud.client.error.AlaiException;
import com.alai.cloud.client.http.Api;
import com.alai.cloud.client.mc.HttpMission;
import com.alai.cloud.client.mc.Mission;
import com.alai.cloud.client.mc.SqliteMission;
import com.alai.cloud.client.mc.Statuses;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "mc", mixinStandardHelpOptions = true,
        description = {"Mission Control tasks. With ALAI_MC_URL (or the profile's mcUrl) set, through mc-api;",
                "without it, on the local mission-control.db (ALAI_MC_DB, default ~/system/mission-control.db),",
                "with the same output. With a URL set, an API that does not answer is an error: never a silent",
                "fall-back to the file, which would split the data in two."},
        subcommands = {McCommands.ListTasks.class, McCommands.Show.class, McCommands.Add.class, McCommands.Update.class,
                McCommands.Done.class, McCommands.CommentOn.class, McCommands.Stats.class, McCommands.Watch.class})
final class McCommand implements Runnable {
    @ParentCommand
    AlaiCommand root;

    @Override
    public void run() {
        throw AlaiException.usage("name a subcommand: alai mc list|show|add|update|done|comment|stats|watch");
    }

    Context context() {
        return root.context;
    }

    Mission mission() {
        Context c = root.context;
        Profile profile = c.profile();
        if (profile.mcUrl() != null) {
            return new HttpMission(new Api(profile.mcUrl(), () -> c.logins().accessToken()));
        }
        return new SqliteMission(profile.mcDb(), c.env.clock());
    }

    static String status(String status) {
        if (status != null && !status.equals("any_open") && !Statuses.ALL.contains(status)) {
            throw AlaiException.usage("--status " + status + " must be one of " + Statuses.ALL);
        }
        return status;
    }
}
