package com.alai.cloud.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The host's shared libraries a runtime loads (per ldd), so the image can start from scratch. */
final class NativeLibs {
    private NativeLibs() {
    }

    static List<Path> of(Path runtime) {
        var binaries = new ArrayList<String>(List.of("ldd", runtime.resolve("bin/java").toString()));
        try (var files = Files.walk(runtime.resolve("lib"))) {
            files.filter(p -> p.toString().endsWith(".so")).sorted().forEach(p -> binaries.add(p.toString()));
        } catch (IOException e) {
            throw new ImageException("cannot list " + runtime, e);
        }
        var libs = new TreeSet<String>();
        for (String line : Processes.run(binaries).lines().toList()) {
            String text = line.strip();
            String path = text.contains("=>") ? text.substring(text.indexOf("=>") + 2).strip().split(" ")[0]
                    : text.split(" ")[0];
            if (path.startsWith("/") && !path.startsWith(runtime.toString()) && Files.exists(Path.of(path))) {
                libs.add(path);
            }
        }
        return libs.stream().map(Path::of).toList();
    }
}
