package com.alai.cloud.components.naming;

import java.util.Map;

/** Short region codes used in names; an unknown region is refused rather than guessed. */
public final class Regions {
    private static final Map<String, String> ABBREVIATIONS = Map.of(
            "swedencentral", "swc",
            "westeurope", "weu",
            "northeurope", "neu",
            "norwayeast", "noe",
            "germanywestcentral", "gwc",
            "eastus", "eus",
            "eastus2", "eus2");

    private Regions() {
    }

    public static String abbreviation(String location) {
        String abbreviation = ABBREVIATIONS.get(location);
        if (abbreviation == null) {
            throw new IllegalArgumentException("location '" + location + "' has no short code; known: "
                    + ABBREVIATIONS.keySet().stream().sorted().toList());
        }
        return abbreviation;
    }
}
