package com.replyguard.dynalite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Finds the repository root (the folder with template.yaml and infra/), wherever a build or test runs. */
public final class ProjectLayout {
    public static final String HOME_PROPERTY = "replyguard.home";

    private ProjectLayout() {
    }

    public static Path root() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            return requireRoot(Paths.get(home).toAbsolutePath().normalize());
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            if (isRoot(dir)) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the ReplyGuard repository (template.yaml and infra/dynalite) above "
                + Paths.get("").toAbsolutePath() + "; set -D" + HOME_PROPERTY + "=<repository root>");
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("infra/dynalite"));
    }

    private static Path requireRoot(Path dir) {
        if (!isRoot(dir)) {
            throw new IllegalStateException(dir + " is not the ReplyGuard repository root (no template.yaml / infra/dynalite)");
        }
        return dir;
    }

    public static Path template() {
        return root().resolve("template.yaml");
    }

    public static Path dynaliteDir() {
        return root().resolve("infra/dynalite");
    }
}
