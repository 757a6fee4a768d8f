package com.alai.cloud.services.skills;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A real bare git repository written with JGit at test time, entry by entry, so it can hold what a checkout could
 * not make portably: symlinks pointing anywhere, a submodule (gitlink) without its repository, files of any bytes.
 */
final class TestRepository {
    record Node(FileMode mode, byte[] content, ObjectId gitlink) {
    }

    private final Map<String, Node> files = new LinkedHashMap<>();

    TestRepository file(String path, String text) {
        return file(path, text.getBytes(StandardCharsets.UTF_8));
    }

    TestRepository file(String path, byte[] content) {
        files.put(path, new Node(FileMode.REGULAR_FILE, content, null));
        return this;
    }

    TestRepository symlink(String path, String target) {
        files.put(path, new Node(FileMode.SYMLINK, target.getBytes(StandardCharsets.UTF_8), null));
        return this;
    }

    TestRepository submodule(String path, String commit) {
        files.put(path, new Node(FileMode.GITLINK, null, ObjectId.fromString(commit)));
        return this;
    }

    /** Creates a bare repository at {@code dir} (if needed) and commits the current files onto main; the commit id. */
    ObjectId commit(Path dir, String message) throws IOException {
        try (Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build()) {
            if (!repo.getObjectDatabase().exists()) {
                repo.create(true);
            }
            try (ObjectInserter inserter = repo.newObjectInserter()) {
                DirCache index = DirCache.newInCore();
                var builder = index.builder();
                for (var e : files.entrySet()) {
                    var entry = new DirCacheEntry(e.getKey());
                    entry.setFileMode(e.getValue().mode());
                    if (e.getValue().gitlink() != null) {
                        entry.setObjectId(e.getValue().gitlink());
                    } else {
                        entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, e.getValue().content()));
                        entry.setLength(e.getValue().content().length);
                    }
                    builder.add(entry);
                }
                builder.finish();
                var commit = new CommitBuilder();
                commit.setTreeId(index.writeTree(inserter));
                var who = new PersonIdent("Test", "test@example.invalid");
                commit.setAuthor(who);
                commit.setCommitter(who);
                commit.setMessage(message);
                ObjectId head = repo.resolve("refs/heads/main");
                if (head != null) {
                    commit.setParentId(head);
                }
                ObjectId id = inserter.insert(commit);
                inserter.flush();
                RefUpdate update = repo.updateRef("refs/heads/main");
                update.setNewObjectId(id);
                update.forceUpdate();
                repo.updateRef(Constants.HEAD).link("refs/heads/main");
                return id;
            }
        }
    }

    static ObjectId blobId(byte[] content) {
        try (var formatter = new ObjectInserter.Formatter()) {
            return formatter.idFor(Constants.OBJ_BLOB, content);
        }
    }
}
