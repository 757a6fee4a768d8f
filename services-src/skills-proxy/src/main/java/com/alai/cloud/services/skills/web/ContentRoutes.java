package com.alai.cloud.services.skills.web;

import com.alai.cloud.services.common.auth.Access;
import com.alai.cloud.services.common.http.Request;
import com.alai.cloud.services.common.http.Response;
import com.alai.cloud.services.common.http.Routes;
import com.alai.cloud.services.skills.git.ContentException;
import com.alai.cloud.services.skills.git.Entry;
import com.alai.cloud.services.skills.git.PinnedRepository;
import com.alai.cloud.services.skills.git.RepoPath;
import com.alai.cloud.services.skills.git.TreeReader;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;

/** The read API over the pinned commit: the commit itself, directory listings and raw files. */
public final class ContentRoutes {
    /** The scope (or app role) a caller needs. */
    public static final String SCOPE = "skills:read";
    // The repository is content, not this service's pages: a browser must never run what it serves.
    private static final String SANDBOX = "default-src 'none'; sandbox";
    private final PinnedRepository repository;
    private final TreeReader tree;
    private final Caching caching;

    public ContentRoutes(PinnedRepository repository, long maxFileBytes) {
        this.repository = repository;
        this.tree = new TreeReader(repository, maxFileBytes);
        this.caching = new Caching(repository.commitId());
    }

    public record Commit(String commit, String tree, Instant committedAt, String subject) {
    }

    public record Listing(String commit, String path, String id, List<Item> entries) {
    }

    public record Item(String name, String path, String type, String mode, String id, Long size) {
    }

    public Routes routes() {
        Access read = Access.scope(SCOPE).orRole(SCOPE);
        return new Routes()
                .get("/v1/commit", read, this::commit)
                .get("/v1/tree", read, r -> tree(r, RepoPath.ROOT))
                .getRestOfPath("/v1/tree/{path}", read, r -> tree(r, path(r)))
                .getRestOfPath("/v1/raw/{path}", read, this::raw);
    }

    private Response commit(Request request) throws IOException {
        var body = new Commit(repository.commitId().name(), repository.treeId().name(), repository.committedAt(),
                repository.subject());
        return cached(request, repository.commitId(), false, () -> Response.json(200, body));
    }

    private Response tree(Request request, RepoPath path) throws IOException {
        boolean immutable = caching.addressedByCommit(request);
        try (ObjectReader reader = repository.newReader()) {
            Entry directory = tree.resolve(reader, path);
            var items = tree.list(reader, directory).stream().map(l -> new Item(l.entry().path().name(),
                    l.entry().path().toString(), l.entry().type().name().toLowerCase(java.util.Locale.ROOT),
                    l.entry().octalMode(), l.entry().id().name(), l.size())).toList();
            var listing = new Listing(repository.commitId().name(), directory.path().toString(),
                    directory.id().name(), items);
            return cached(request, directory.id(), immutable, () -> Response.json(200, listing));
        } catch (ContentException e) {
            throw Problems.of(e);
        }
    }

    private Response raw(Request request) throws IOException {
        RepoPath path = path(request);
        boolean immutable = caching.addressedByCommit(request);
        try (ObjectReader reader = repository.newReader()) {
            Entry file = tree.resolve(reader, path);
            return cached(request, file.id(), immutable, () -> {
                byte[] content = tree.read(reader, file);
                return new Response(200, ContentTypes.of(file.path().name(), content), content,
                        Map.of("Content-Security-Policy", SANDBOX));
            });
        } catch (ContentException e) {
            throw Problems.of(e);
        }
    }

    private interface Body {
        Response build() throws IOException;
    }

    private Response cached(Request request, ObjectId id, boolean immutable, Body body) throws IOException {
        Map<String, String> headers = caching.headers(id, immutable);
        if (Caching.notModified(request, id)) {
            return new Response(304, null, new byte[0], headers);
        }
        Response built = body.build();
        var merged = new LinkedHashMap<>(headers);
        merged.putAll(built.headers());
        return new Response(built.status(), built.contentType(), built.body(), merged);
    }

    private static RepoPath path(Request request) {
        try {
            return RepoPath.parse(request.pathParam("path"));
        } catch (ContentException e) {
            throw Problems.of(e);
        }
    }
}
