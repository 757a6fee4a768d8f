package com.alai.cloud.components.naming;

/** Resource kinds with their CAF abbreviation and Azure's naming limits. */
public enum Kind {
    RESOURCE_GROUP("rg", 90, false, true),
    LOG_ANALYTICS("log", 63, false, true),
    APPS_ENVIRONMENT("cae", 60, false, true),
    CONTAINER_APP("ca", 32, false, true),
    CONTAINER_APP_JOB("caj", 32, false, true),
    MANAGED_IDENTITY("id", 128, false, true),
    CONTAINER_REGISTRY("cr", 50, true, false),
    STORAGE_ACCOUNT("st", 24, true, false),
    POSTGRES_SERVER("psql", 63, true, true);

    private final String abbreviation;
    private final int maxLength;
    private final boolean globallyUnique;
    private final boolean hyphens;

    Kind(String abbreviation, int maxLength, boolean globallyUnique, boolean hyphens) {
        this.abbreviation = abbreviation;
        this.maxLength = maxLength;
        this.globallyUnique = globallyUnique;
        this.hyphens = hyphens;
    }

    public String abbreviation() {
        return abbreviation;
    }

    public boolean globallyUnique() {
        return globallyUnique;
    }

    boolean hyphens() {
        return hyphens;
    }

    String checkLength(String name) {
        if (name.length() > maxLength) {
            throw new IllegalArgumentException(
                    "name '" + name + "' is " + name.length() + " characters; Azure allows " + maxLength + " for " + this);
        }
        return name;
    }
}
