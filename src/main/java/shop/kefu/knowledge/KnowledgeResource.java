package shop.kefu.knowledge;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import shop.kefu.cluster.Cluster;
import shop.kefu.common.ApiError;
import shop.kefu.common.PageRequest;
import shop.kefu.common.Refusal;
import shop.kefu.security.Roles;

/** The editors' API: articles and a search for checking coverage. */
@Path("/api/kb")
@RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
public class KnowledgeResource {

    @Inject
    jakarta.enterprise.event.Event<FolderImported> imported;
    @Inject
    KnowledgeBase kb;
    @Inject
    KnowledgeConfig config;
    @Inject
    Cluster cluster;

    public record SearchHit(String articleId, String title, String category, double score, double cosine, int bm25Rank,
            int knnRank) {
    }

    /**
     * @param readAs the query as searched, with dialect words read as Mandarin ({@link Dialect}), product words typed as
     *               homophones put back ({@link Homophones}) and without what is typed around its words
     *               ({@link KnowledgeIndex#searched})
     * @param action what the bot would do with this question: {@code answer}, {@code clarify} or {@code handoff}
     */
    public record SearchResponse(String query, String readAs, double confidence, boolean wouldAnswer, String action, List<SearchHit> hits) {
    }

    /** An article as edited: its content and the version the edit started from (null: no check). */
    public record ArticleEdit(String id, String category, String title, List<String> questions, String answer, List<String> tags,
            Integer version) {
    }

    /** Which version to restore, and the version the editor was looking at (null: no check). */
    public record Restore(Integer version) {
    }

    @GET
    @Path("/articles")
    public RestResponse<List<ArticleView>> list(@QueryParam("category") String category, @QueryParam("tag") String tag,
            @QueryParam("q") String text, @QueryParam("limit") Integer limit, @QueryParam("after") String after, @Context UriInfo uri) {
        return kb.list(category, tag, text, PageRequest.of(limit, after)).response(uri);
    }

    /** Agents read an article too: the workspace inserts its answer into a reply. */
    @GET
    @Path("/articles/{id}")
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.AGENT })
    public ArticleView get(@PathParam("id") String id) {
        return kb.get(id).orElseThrow(() -> Refusal.notFound("No article '" + id + "'."));
    }

    @GET
    @Path("/articles/{id}/history")
    public List<ArticleHistory.Revision> history(@PathParam("id") String id) {
        return kb.history(id);
    }

    @POST
    @Path("/articles/{id}/history/{version}/restore")
    public ArticleView restore(@PathParam("id") String id, @PathParam("version") int version, Restore body, SecurityContext who) {
        ArticleView restored = kb.restore(id, version, body == null ? null : body.version(), who.getUserPrincipal().getName());
        changedOnEveryNode(id);
        return restored;
    }

    @POST
    @Path("/articles")
    public RestResponse<ArticleView> create(ArticleData article, SecurityContext who) {
        if (article == null) {
            throw Refusal.invalid("invalid_article", "The request body must be an article.");
        }
        ArticleView created = kb.create(article, who.getUserPrincipal().getName());
        changedOnEveryNode(created.id());
        return RestResponse.status(RestResponse.Status.CREATED, created);
    }

    @PUT
    @Path("/articles/{id}")
    public ArticleView update(@PathParam("id") String id, ArticleEdit article, SecurityContext who) {
        if (article == null) {
            throw Refusal.invalid("invalid_article", "The request body must be an article.");
        }
        if (article.id() != null && !article.id().equals(id)) {
            throw Refusal.invalid("id_mismatch", "The article id in the body differs from the one in the path.");
        }
        ArticleView updated = kb.update(new ArticleData(id, article.category(), article.title(), article.questions(), article.answer(),
                article.tags()), article.version(), who.getUserPrincipal().getName());
        changedOnEveryNode(id);
        return updated;
    }

    @DELETE
    @Path("/articles/{id}")
    public RestResponse<Void> delete(@PathParam("id") String id, SecurityContext who) {
        kb.delete(id, who.getUserPrincipal().getName());
        changedOnEveryNode(id);
        return RestResponse.noContent();
    }

    @GET
    @Path("/search")
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.AGENT })
    public SearchResponse search(@QueryParam("q") String q, @QueryParam("limit") Integer limit) {
        if (q == null || q.isBlank()) {
            throw Refusal.invalid("missing_query", "Parameter q is required.");
        }
        if (q.length() > 2000) {
            throw Refusal.invalid("query_too_long", "Parameter q must be at most 2000 characters.");
        }
        int n = limit == null ? 5 : limit;
        if (n < 1 || n > 50) {
            throw Refusal.invalid("invalid_limit", "Parameter limit must be between 1 and 50.");
        }
        String read = kb.spelled(q.strip()); // what the chat would read, so an editor sees why a result came
        KnowledgeIndex.Result r = kb.search(read, n);
        KnowledgeConfig.Action action = config.action(r);
        return new SearchResponse(q, r.searched(), round(r.confidence()), action == KnowledgeConfig.Action.ANSWER, action.name().toLowerCase(Locale.ROOT),
                r.hits().stream().map(h -> new SearchHit(h.article().id(), h.article().title(), h.article().category(),
                        round(h.score()), round(h.cosine()), h.bm25Rank(), h.knnRank())).toList());
    }

    @POST
    @Path("/import")
    public Map<String, Integer> reimport(SecurityContext who) {
        int n = kb.importFolder(who.getUserPrincipal().getName());
        imported.fire(new FolderImported(who.getUserPrincipal().getName())); // e.g. the understanding retrains
        cluster.publishAndAwait(KnowledgeFanOut.IMPORT, "", KnowledgeFanOut.IMPORT_WAIT); // the others re-read their folder and the database
        return Map.of("imported", n);
    }

    @Inject
    KnowledgeFiles files;

    /** A word list as saved: its text and the hash of the text it was edited from (null: no check). */
    public record FileEdit(String text, String hash) {
    }

    /** The word lists editors may change: synonyms.txt and the understanding's files. */
    @GET
    @Path("/files")
    public List<String> editableFiles() {
        return KnowledgeFiles.EDITABLE;
    }

    @GET
    @Path("/files/{path: .+}")
    public KnowledgeFiles.FileText file(@PathParam("path") String path) {
        return files.read(path);
    }

    @PUT
    @Path("/files/{path: .+}")
    public KnowledgeFiles.FileText saveFile(@PathParam("path") String path, FileEdit body, SecurityContext who) {
        if (body == null) {
            throw Refusal.invalid("invalid_file", "The body must be {\"text\":\"…\",\"hash\":\"…\"}.");
        }
        KnowledgeFiles.FileText saved = files.write(path, body.text(), body.hash(), who.getUserPrincipal().getName());
        // the folder is shared by the nodes (docs/operations.md): the others re-read its word lists and
        // rebuild their index from cached embeddings, as after an import
        cluster.publishAndAwait(KnowledgeFanOut.IMPORT, "", KnowledgeFanOut.IMPORT_WAIT);
        return saved;
    }

    /** Files of an uploaded zip at most, and their bytes once inflated. */
    private static final int ZIP_ENTRIES = 5000;
    private static final long ZIP_BYTES = 50L * 1024 * 1024;

    /** Every article as the knowledge-base folder's files ({@code category/id.md}), zipped. */
    @GET
    @Path("/export")
    @Produces("application/zip")
    public RestResponse<byte[]> export() {
        return RestResponse.ResponseBuilder.ok(ArticleFiles.zip(kb.all())).header("Content-Disposition", "attachment; filename=\"knowledge-base.zip\"")
                .build();
    }

    /**
     * Imports a zip of article files (as exported, or the knowledge-base folder zipped): with
     * {@code dryRun=true} only the report of what would change.
     */
    @POST
    @Path("/articles/bulk")
    @Consumes("application/zip")
    public KnowledgeBase.ImportReport bulk(byte[] zip, @QueryParam("dryRun") boolean dryRun, SecurityContext who) {
        if (zip == null || zip.length == 0) {
            throw Refusal.invalid("invalid_file", "The body must be a zip of article files.");
        }
        KnowledgeBase.ImportReport report = kb.importArticles(ArticleFiles.unzip(zip, ZIP_ENTRIES, ZIP_BYTES), dryRun,
                who.getUserPrincipal().getName());
        if (!dryRun) {
            cluster.publishAndAwait(KnowledgeFanOut.IMPORT, "", KnowledgeFanOut.IMPORT_WAIT); // the others re-read the database
        }
        return report;
    }

    @ServerExceptionMapper
    public RestResponse<ApiError> invalidFile(ArticleFiles.InvalidArticleException e) {
        return RestResponse.status(RestResponse.Status.BAD_REQUEST, new ApiError("invalid_file", e.getMessage()));
    }

    /**
     * The editor's response waits until every other node has the change in its index, so their next
     * search anywhere sees it (outside the knowledge base's lock: two nodes edited at once must not wait on each other).
     */
    private void changedOnEveryNode(String articleId) {
        cluster.publishAndAwait(KnowledgeFanOut.ARTICLE, articleId, KnowledgeFanOut.ARTICLE_WAIT);
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
