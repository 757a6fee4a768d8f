package com.alai.cloud.stacks.phases;

import java.util.List;

/** Every phase's program, in phase order. */
public final class PhaseCatalog {
    private static final List<PhaseProgram> PROGRAMS = List.of(
            new FoundationPhase(), new SecretsPhase(), new ControlPlanePhase(), new AgentsPhase(),
            new ClientAuthPhase(), new DataPlanePhase(), new DecommissionPhase());

    private PhaseCatalog() {
    }

    public static List<PhaseProgram> all() {
        return PROGRAMS;
    }

    public static PhaseProgram of(Phase phase) {
        return PROGRAMS.get(phase.number());
    }
}
