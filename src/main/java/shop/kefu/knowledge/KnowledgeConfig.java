package shop.kefu.knowledge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kefu.kb")
public interface KnowledgeConfig {
    /** Folder the knowledge base is first loaded from (articles, synonyms.txt). Empty folder = empty KB. */
    @WithDefault("knowledge-base")
    String dir();

    /** Confidence at or above which the bot answers from an article (dev set: ≥95% of these are right). */
    @WithDefault("0.75")
    double answerThreshold();

    /** How many recent shopper questions keep their embedding (about 2.3 KiB each); 0 keeps none. */
    @WithDefault("2048")
    int questionCache();

    /** Below the answer threshold but at or above this, the bot asks which topic was meant. */
    @WithDefault("0.2")
    double clarifyThreshold();
}
