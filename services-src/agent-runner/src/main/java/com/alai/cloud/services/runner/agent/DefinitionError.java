package com.alai.cloud.services.runner.agent;

/** A definition file that cannot be used, named with what is wrong in it. */
public final class DefinitionError extends RuntimeException {
    public DefinitionError(String file, String problem) {
        super(file + ": " + problem);
    }
}
