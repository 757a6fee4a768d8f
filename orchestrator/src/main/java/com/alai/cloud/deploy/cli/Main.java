package com.alai.cloud.deploy.cli;

/** Entry point of the alai-deploy launcher. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(AlaiDeploy.run(args));
    }
}
