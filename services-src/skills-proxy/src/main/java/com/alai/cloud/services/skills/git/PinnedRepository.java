package com.alai.cloud.services.skills.git;

import com.alai.cloud.services.common.config.ConfigError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FileUtils;

/**
 * The repository opened read-only at its pinned commit: either a repository on this file system (baked into the
 * image, or a working copy) or one cloned at start from a URL. Everything is read from the object database; no
 * working tree is checked out, so nothing a commit contains can touch the file system.
 */
public final class PinnedRepository implements AutoCloseable {
    private final Repository repository;
    private final RevCommit commit;

    private PinnedRepository(Repository repository, RevCommit commit) {
        this.repository = repository;
        this.commit = commit;
    }

    /** Opens {@code source} (variable {@code SKILLS_REPO}) and finds {@code commit} (variable {@code SKILLS_COMMIT}). */
    public static PinnedRepository open(RepositorySource source, String commit, Path cloneInto) {
        Repository repository = source.remote() ? cloneBare(source, cloneInto) : openLocal(source);
        try (var walk = new RevWalk(repository)) {
            return new PinnedRepository(repository, walk.parseCommit(ObjectId.fromString(commit)));
        } catch (MissingObjectException e) {
            repository.close();
            throw new ConfigError("SKILLS_COMMIT", commit + " is not a commit in " + source.display());
        } catch (IOException e) {
            repository.close();
            throw new ConfigError("SKILLS_COMMIT", "cannot read " + commit + " in " + source.display() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // JGit reports a blob or tree id given as the commit as an IncorrectObjectTypeException (an IOException)
            // but some corruptions as unchecked errors; either way the service must not start.
            repository.close();
            throw e;
        }
    }

    private static Repository openLocal(RepositorySource source) {
        Path dir = Path.of(source.location());
        if (!Files.isDirectory(dir)) {
            throw new ConfigError("SKILLS_REPO", source.display() + " is not a directory");
        }
        // A working copy's .git, or the directory itself when bare; never a parent's repository.
        Path gitDir = Files.isDirectory(dir.resolve(".git")) ? dir.resolve(".git") : dir;
        var builder = new FileRepositoryBuilder().setMustExist(true).setGitDir(gitDir.toFile());
        try {
            return builder.build();
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigError("SKILLS_REPO", source.display() + " is not a git repository (" + e.getMessage() + ")");
        }
    }

    private static Repository cloneBare(RepositorySource source, Path cloneInto) {
        try {
            // A restarted container may find its previous clone: it is ours, and a clone needs an empty directory.
            if (Files.exists(cloneInto)) {
                FileUtils.delete(cloneInto.toFile(), FileUtils.RECURSIVE);
            }
            Files.createDirectories(cloneInto.getParent());
            return Git.cloneRepository()
                    .setURI(source.location())
                    .setBare(true)
                    .setCloneAllBranches(true)
                    .setDirectory(cloneInto.toFile())
                    .call()
                    .getRepository();
        } catch (GitAPIException | IOException e) {
            throw new ConfigError("SKILLS_REPO", "cannot clone " + source.display() + ": " + e.getMessage());
        }
    }

    public ObjectId commitId() {
        return commit.getId();
    }

    public ObjectId treeId() {
        return commit.getTree().getId();
    }

    public Instant committedAt() {
        return commit.getCommitterIdent().getWhenAsInstant();
    }

    public String subject() {
        return commit.getShortMessage();
    }

    /** A reader for one request: JGit's readers are not thread-safe, the repository is. */
    public ObjectReader newReader() {
        return repository.newObjectReader();
    }

    @Override
    public void close() {
        repository.close();
    }
}
