package com.alai.cloud.services.skills.git;

import java.util.ArrayList;
import java.util.List;

/**
 * A path inside the repository's tree, as a client may name it: relative, slash-separated, no {@code .} or {@code ..}
 * segment, no empty segment, no NUL, control character or backslash. The check runs on the decoded path, so a
 * percent-encoded {@code %2e%2e%2f} is refused like the plain one. The root is the empty path.
 */
public record RepoPath(List<String> segments) {
    public static final RepoPath ROOT = new RepoPath(List.of());
    private static final int MAX_LENGTH = 4096;

    public RepoPath {
        segments = List.copyOf(segments);
    }

    public static RepoPath parse(String path) {
        if (path == null || path.isEmpty()) {
            return ROOT;
        }
        if (path.length() > MAX_LENGTH) {
            throw bad("the path is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw bad("the path holds a control character (" + (c == 0 ? "NUL" : String.format("U+%04X", (int) c)) + ")");
            }
            if (c == '\\') {
                throw bad("the path holds a backslash; separate segments with '/'");
            }
        }
        if (path.startsWith("/")) {
            throw bad("'" + printable(path) + "' is absolute; name a path relative to the repository's root");
        }
        var segments = new ArrayList<String>();
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw bad("'" + printable(path) + "' has a '" + segment + "' segment; paths stay inside the repository");
            }
            if (segment.isEmpty()) {
                throw bad("'" + printable(path) + "' has an empty segment");
            }
            segments.add(segment);
        }
        return new RepoPath(segments);
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    public String name() {
        return isRoot() ? "" : segments.getLast();
    }

    public RepoPath child(String name) {
        var more = new ArrayList<>(segments);
        more.add(name);
        return new RepoPath(more);
    }

    @Override
    public String toString() {
        return String.join("/", segments);
    }

    private static ContentException bad(String detail) {
        return new ContentException(ContentException.Kind.BAD_PATH, detail);
    }

    // Paths are echoed in problem details; never echo raw control characters into a client's terminal or a log.
    private static String printable(String path) {
        return path.length() > 200 ? path.substring(0, 200) + "…" : path;
    }
}
