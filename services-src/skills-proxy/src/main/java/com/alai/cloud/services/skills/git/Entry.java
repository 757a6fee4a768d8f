package com.alai.cloud.services.skills.git;

import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;

/** One entry of the pinned tree: where it is, its object id, what it is and its git mode. */
public record Entry(RepoPath path, ObjectId id, Type type, int mode) {
    public enum Type {
        FILE, DIRECTORY, SYMLINK, SUBMODULE;

        static Type of(int mode) {
            if (FileMode.TREE.equals(mode)) {
                return DIRECTORY;
            }
            if (FileMode.SYMLINK.equals(mode)) {
                return SYMLINK;
            }
            if (FileMode.GITLINK.equals(mode)) {
                return SUBMODULE;
            }
            return FILE;
        }
    }

    /** The mode as git prints it, e.g. {@code 100644}. */
    public String octalMode() {
        return String.format("%06o", mode);
    }
}
