package com.alai.cloud.services.skills.git;

/**
 * Why a path cannot be served. The git layer says what is wrong; the web layer decides the HTTP status, in one place
 * ({@code web.Problems}).
 */
public final class ContentException extends RuntimeException {
    public enum Kind {
        /** Not a relative path inside the tree: {@code ..}, absolute, NUL or another control character, empty segment. */
        BAD_PATH,
        NOT_FOUND,
        /** A directory was asked for and the path is a file, or a file was asked for and it is a directory. */
        WRONG_TYPE,
        SYMLINK_ESCAPES,
        SYMLINK_LOOP,
        SUBMODULE,
        TOO_LARGE
    }

    private final Kind kind;

    public ContentException(Kind kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
