package io.tidemark.config.purge;

import io.tidemark.config.UserFolders;
import io.tidemark.core.purge.PurgeJournal;
import io.tidemark.core.purge.PurgePlan;
import io.tidemark.core.purge.PurgeState;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The resume journal in the user's data folder ({@code purge-journal/<plan id>.plan.json} and {@code .state.json}),
 * shared by the window and the command line: a purge that stopped (cancel, crash, lost connection) leaves both, and the
 * next purge of the same platform offers to resume it with its own cutoffs.
 */
public final class PurgeJournalFile implements PurgeJournal {

    private final Path folder;

    public PurgeJournalFile(Path folder) {
        this.folder = folder;
    }

    /** The journal of this user. */
    public static PurgeJournalFile of(UserFolders folders) {
        return new PurgeJournalFile(folders.data().resolve("purge-journal"));
    }

    @Override
    public void start(PurgePlan plan) {
        Path file = folder.resolve(safe(plan.id()) + ".plan.json");
        if (!Files.exists(file)) {
            PlanJson.write(plan, file);
        }
    }

    @Override
    public void save(PurgeState state) {
        PlanJson.writeAtomically(folder.resolve(safe(state.planId()) + ".state.json"), PlanJson.write(state));
    }

    @Override
    public Optional<PurgeState> load(String planId) {
        Path file = folder.resolve(safe(planId) + ".state.json");
        try {
            return Files.exists(file) ? Optional.of(PlanJson.readState(Files.readString(file, StandardCharsets.UTF_8))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<PurgePlan> unfinished(String platformKey) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, "*.plan.json")) {
            for (Path p : s) {
                PurgePlan plan = PlanJson.read(p);
                if (plan.platformKey().equals(platformKey)) {
                    return Optional.of(plan);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    @Override
    public void finish(String planId) {
        try {
            Files.deleteIfExists(folder.resolve(safe(planId) + ".plan.json"));
            Files.deleteIfExists(folder.resolve(safe(planId) + ".state.json"));
        } catch (IOException e) {
            // a leftover journal only offers a resume that finds nothing left to delete
        }
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9-]", "_");
    }
}
