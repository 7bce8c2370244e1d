package shop.kefu.llm;

import jakarta.enterprise.context.ApplicationScoped;
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
}
