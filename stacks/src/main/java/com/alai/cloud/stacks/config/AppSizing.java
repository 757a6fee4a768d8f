package com.alai.cloud.stacks.config;

/** Default size and replica bounds of every Container App (seed phase 2: 0.25 vCPU, 0.5 GiB, min 1). */
public record AppSizing(double cpu, String memory, int minReplicas, int maxReplicas) {
    static AppSizing read(SettingsReader in) {
        double cpu = in.decimal("appCpu", 0.25, 4.0);
        String memory = in.matching("appMemory", "\\d+(\\.\\d+)?Gi", "must look like 0.5Gi");
        int min = in.integer("appMinReplicas", 0, 30);
        int max = in.integer("appMaxReplicas", Math.max(1, min), 30);
        return new AppSizing(cpu, memory, min, max);
    }
}
