package org.synlab.host.internal.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The commit checked out in the repository holding an experiment file ({@code git rev-parse HEAD}
 * run in the file's folder), so a stored run says which version of the file it ran. Empty when the
 * folder is not in a repository, the repository has no commit yet, or git is not installed.
 */
final class GitCommit {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");
    private static final long TIMEOUT_SECONDS = 5;

    private GitCommit() {
    }

    static Optional<String> of(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return Optional.empty();
        }
        ProcessBuilder pb = new ProcessBuilder("git", "rev-parse", "HEAD").directory(folder.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        try {
            Process git = pb.start();
            byte[] out = git.getInputStream().readAllBytes();
            if (!git.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return Optional.empty();
            }
            String head = new String(out, StandardCharsets.UTF_8).strip();
            return git.exitValue() == 0 && SHA.matcher(head).matches() ? Optional.of(head) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no git on the PATH
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
