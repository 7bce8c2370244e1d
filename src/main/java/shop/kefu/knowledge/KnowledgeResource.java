package shop.kefu.knowledge;

import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestResponse;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import shop.kefu.cluster.Cluster;
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

    public record SearchResponse(String query, double confidence, boolean wouldAnswer, List<SearchHit> hits) {
    }

    @GET
    @Path("/articles")
    public RestResponse<List<ArticleData>> list(@QueryParam("category") String category, @QueryParam("limit") Integer limit,
            @QueryParam("after") String after, @Context UriInfo uri) {
        return kb.list(category, PageRequest.of(limit, after)).response(uri);
    }

    @GET
    @Path("/articles/{id}")
    public ArticleData get(@PathParam("id") String id) {
        return kb.get(id).orElseThrow(() -> Refusal.notFound("No article '" + id + "'."));
    }

    @POST
    @Path("/articles")
    public RestResponse<ArticleData> create(ArticleData article, SecurityContext who) {
        if (article == null) {
            throw Refusal.invalid("invalid_article", "The request body must be an article.");
        }
        ArticleData created = kb.create(article, who.getUserPrincipal().getName());
        changedOnEveryNode(created.id());
        return RestResponse.status(RestResponse.Status.CREATED, created);
    }

    @PUT
    @Path("/articles/{id}")
    public ArticleData update(@PathParam("id") String id, ArticleData article, SecurityContext who) {
        if (article == null) {
            throw Refusal.invalid("invalid_article", "The request body must be an article.");
        }
        if (article.id() != null && !article.id().equals(id)) {
            throw Refusal.invalid("id_mismatch", "The article id in the body differs from the one in the path.");
        }
        ArticleData updated = kb.update(new ArticleData(id, article.category(), article.title(), article.questions(), article.answer(),
                article.tags()), who.getUserPrincipal().getName());
        changedOnEveryNode(id);
        return updated;
    }

    @DELETE
    @Path("/articles/{id}")
    public RestResponse<Void> delete(@PathParam("id") String id) {
        kb.delete(id);
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
        KnowledgeIndex.Result r = kb.search(q.strip(), n);
        return new SearchResponse(q, round(r.confidence()), r.confidence() >= config.answerThreshold(),
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

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    public RestResponse<shop.kefu.common.ApiError> invalidFile(ArticleFiles.InvalidArticleException e) {
        return RestResponse.status(RestResponse.Status.BAD_REQUEST, new shop.kefu.common.ApiError("invalid_file", e.getMessage()));
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
