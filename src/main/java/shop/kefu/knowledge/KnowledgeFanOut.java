package shop.kefu.knowledge;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import shop.kefu.cluster.ClusterMessage;

/**
 * Applies the editors' changes made on another node to this node's index: an article as the database
 * now holds it, or after a folder import (or a gap in the link between nodes) synonyms, articles and,
 * through {@link FolderImported}, the understanding's training.
 */
@ApplicationScoped
class KnowledgeFanOut {

    static final String ARTICLE = "kb.article";
    static final String IMPORT = "kb.import";
    /** An article is indexed in milliseconds; a folder import rebuilds the whole index (seconds: docs/benchmarks.md). */
    static final Duration ARTICLE_WAIT = Duration.ofSeconds(10);
    static final Duration IMPORT_WAIT = Duration.ofMinutes(2);

    @Inject
    KnowledgeBase kb;
    @Inject
    Event<FolderImported> imported;

    /** Last among the observers of a message: a rebuild takes seconds, and live views must not wait behind it. */
    void changedElsewhere(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) ClusterMessage m) {
        if (ARTICLE.equals(m.topic())) {
            kb.refresh(m.payload());
        } else if (m.is(IMPORT)) { // a folder import or a saved word list
            kb.reload();
            imported.fire(new FolderImported("another node"));
        }
    }
}
