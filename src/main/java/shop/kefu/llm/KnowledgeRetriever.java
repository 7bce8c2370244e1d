package shop.kefu.llm;

import java.util.List;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import shop.kefu.knowledge.KnowledgeBase;
import shop.kefu.knowledge.KnowledgeConfig;
import shop.kefu.knowledge.KnowledgeIndex;

/**
 * Retrieval augmentation from the same Lucene retriever as the embedded engine. Each article goes to
 * the model as "[KB:id] title / answer", so that the model can cite it and we can check the citation.
 * When nothing is even close (below the clarify threshold) the model gets no material at all.
 */
final class KnowledgeRetriever implements ContentRetriever {

    static final String ARTICLE_ID = "articleId";
    static final String TITLE = "title";
    static final String CONFIDENCE = "confidence";

    private final KnowledgeBase kb;
    private final KnowledgeConfig config;
    private final int limit;

    KnowledgeRetriever(KnowledgeBase kb, KnowledgeConfig config, int limit) {
        this.kb = kb;
        this.config = config;
        this.limit = limit;
    }

    @Override
    public List<Content> retrieve(Query query) {
        KnowledgeIndex.Result found = kb.search(kb.spelled(query.text()), limit);
        if (config.action(found) == KnowledgeConfig.Action.HANDOFF) {
            return List.of(); // nothing close enough to show the model: the same cut the embedded engine hands off at
        }
        return found.hits().stream().map(h -> {
            Metadata m = new Metadata().put(ARTICLE_ID, h.article().id()).put(TITLE, h.article().title());
            // the fused confidence belongs to the top hit; the others carry their own cosine as a weaker signal
            m.put(CONFIDENCE, h == found.top() ? found.confidence() : h.cosine());
            return Content.from(TextSegment.from("[KB:" + h.article().id() + "] " + h.article().title() + "\n" + h.article().answer(), m));
        }).toList();
    }
}
