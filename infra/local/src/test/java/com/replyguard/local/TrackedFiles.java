package com.replyguard.local;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The repository's files as a clone holds them, for the checks that read the whole repository. */
final class TrackedFiles {
    private TrackedFiles() {
    }

    /**
     * What git tracks, or, outside a git work tree (an exported copy), every file but build output,
     * installed packages and git's own.
     */
    static List<Path> of(Path root) throws Exception {
        Process git = new ProcessBuilder("git", "ls-files", "-z").directory(root.toFile()).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<Path> files = new ArrayList<>();
        if (git.waitFor() == 0) {
            for (String name : out.split("\0")) {
                if (!name.isEmpty()) {
                    files.add(root.resolve(name));
                }
            }
            return files;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(Files::isRegularFile).filter(p -> {
                String rel = root.relativize(p).toString().replace('\\', '/');
                return !rel.startsWith(".git/") && !rel.contains("node_modules/") && !rel.contains("/target/")
                        && !rel.startsWith("target/");
            }).forEach(files::add);
        }
        return files;
    }
}
