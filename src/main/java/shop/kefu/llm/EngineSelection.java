package shop.kefu.llm;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

import shop.kefu.dialog.EmbeddedEngine;
import shop.kefu.dialog.TurnEngine;

/** The chat pipeline's engine: the LLM engine when {@code kefu.llm.enabled}, else the embedded one. */
@ApplicationScoped
public class EngineSelection {

    @Produces
    @ApplicationScoped
    TurnEngine engine(LlmConfig config, EmbeddedEngine embedded, LlmEngine llm) {
        return config.enabled() ? llm : embedded;
    }

    /** With LLM mode on, a missing endpoint setting stops the start instead of the first chat turn. */
    void start(@Observes StartupEvent event, LlmConfig config, LlmEngine llm) {
        if (config.enabled()) {
            llm.describe();
        }
    }
}
