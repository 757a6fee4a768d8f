package com.alai.cloud.services.skills.git;

import com.alai.cloud.services.skills.git.ContentException.Kind;
import com.alai.cloud.services.skills.git.Entry.Type;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * Reads the pinned commit's tree: resolves a path (following symlinks that stay inside the tree), lists a
 * directory, reads a file within a size limit. A symlink is resolved as the file system would resolve it in a
 * checkout, but against the tree itself: a target that is absolute or climbs above the root is refused, never read.
 */
public final class TreeReader {
    // Linux gives up after 40; a rules repository has no use for chains longer than a few.
    private static final int MAX_SYMLINK_HOPS = 16;
    private static final int MAX_LINK_BYTES = 4096;
    private final ObjectId root;
    private final String commit;
    private final long maxFileBytes;

    public TreeReader(PinnedRepository repository, long maxFileBytes) {
        this.root = repository.treeId();
        this.commit = repository.commitId().abbreviate(12).name();
        this.maxFileBytes = maxFileBytes;
    }

    public record Listed(Entry entry, Long size) {
    }

    public Entry resolve(ObjectReader reader, RepoPath asked) throws IOException {
        Deque<String> todo = new ArrayDeque<>(asked.segments());
        var at = new ArrayList<String>();
        Entry current = new Entry(RepoPath.ROOT, root, Type.DIRECTORY, FileMode.TREE.getBits());
        int hops = 0;
        while (!todo.isEmpty()) {
            String name = todo.removeFirst();
            if (current.type() != Type.DIRECTORY) {
                throw new ContentException(Kind.NOT_FOUND, current.path() + " is a file, not a directory (" + asked + ")");
            }
            Entry found = lookup(reader, current, name);
            switch (found.type()) {
                case SYMLINK -> {
                    if (++hops > MAX_SYMLINK_HOPS) {
                        throw new ContentException(Kind.SYMLINK_LOOP, asked + " passes more than " + MAX_SYMLINK_HOPS
                                + " symlinks");
                    }
                    List<String> target = target(at, readLink(reader, found), found);
                    for (int i = target.size() - 1; i >= 0; i--) {
                        todo.addFirst(target.get(i));
                    }
                    at.clear();
                    current = new Entry(RepoPath.ROOT, root, Type.DIRECTORY, FileMode.TREE.getBits());
                }
                case SUBMODULE -> throw new ContentException(Kind.SUBMODULE, found.path() + " is a submodule (commit "
                        + found.id().name() + "); only this repository's own content is served");
                case DIRECTORY, FILE -> {
                    at.add(name);
                    current = found;
                }
            }
        }
        return current;
    }

    public List<Listed> list(ObjectReader reader, Entry directory) throws IOException {
        requireType(directory, Type.DIRECTORY, "a directory");
        var entries = new ArrayList<Listed>();
        var parser = new CanonicalTreeParser(null, reader, directory.id());
        for (; !parser.eof(); parser.next()) {
            var entry = new Entry(directory.path().child(parser.getEntryPathString()), parser.getEntryObjectId(),
                    Type.of(parser.getEntryRawMode()), parser.getEntryRawMode());
            Long size = entry.type() == Type.FILE ? reader.getObjectSize(entry.id(), Constants.OBJ_BLOB) : null;
            entries.add(new Listed(entry, size));
        }
        return entries;
    }

    public byte[] read(ObjectReader reader, Entry file) throws IOException {
        requireType(file, Type.FILE, "a file");
        long size = reader.getObjectSize(file.id(), Constants.OBJ_BLOB);
        if (size > maxFileBytes) {
            throw new ContentException(Kind.TOO_LARGE, file.path() + " is " + size + " bytes; files over "
                    + maxFileBytes + " bytes are not served");
        }
        return reader.open(file.id(), Constants.OBJ_BLOB).getBytes();
    }

    private Entry lookup(ObjectReader reader, Entry directory, String name) throws IOException {
        var parser = new CanonicalTreeParser(null, reader, directory.id());
        for (; !parser.eof(); parser.next()) {
            if (parser.getEntryPathString().equals(name)) {
                return new Entry(directory.path().child(name), parser.getEntryObjectId(),
                        Type.of(parser.getEntryRawMode()), parser.getEntryRawMode());
            }
        }
        throw new ContentException(Kind.NOT_FOUND, "no " + directory.path().child(name) + " at commit " + commit);
    }

    private static String readLink(ObjectReader reader, Entry link) throws IOException {
        if (reader.getObjectSize(link.id(), Constants.OBJ_BLOB) > MAX_LINK_BYTES) {
            throw new ContentException(Kind.SYMLINK_ESCAPES, link.path() + " is a symlink with an oversize target");
        }
        return new String(reader.open(link.id(), Constants.OBJ_BLOB).getBytes(), StandardCharsets.UTF_8);
    }

    /** The link's target as a path from the root, resolved against the link's directory; refused if it leaves. */
    private static List<String> target(List<String> linkDirectory, String target, Entry link) {
        if (target.startsWith("/") || target.indexOf('\0') >= 0) {
            throw escapes(link, target);
        }
        var resolved = new ArrayList<>(linkDirectory);
        for (String segment : target.split("/")) {
            if (segment.equals("..")) {
                if (resolved.isEmpty()) {
                    throw escapes(link, target);
                }
                resolved.removeLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                resolved.add(segment);
            }
        }
        return resolved;
    }

    private static ContentException escapes(Entry link, String target) {
        String shown = target.length() > 200 ? target.substring(0, 200) + "…" : target;
        return new ContentException(Kind.SYMLINK_ESCAPES, link.path() + " is a symlink to '"
                + shown.replaceAll("\\p{Cntrl}", "?") + "', outside the repository");
    }

    private static void requireType(Entry entry, Type type, String what) {
        if (entry.type() != type) {
            throw new ContentException(Kind.WRONG_TYPE, (entry.path().isRoot() ? "the root" : entry.path().toString())
                    + " is not " + what);
        }
    }
}
