package shop.kefu.llm;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** LLM mode: any OpenAI-compatible chat completions endpoint (Qwen, DeepSeek, vLLM, Ollama). Off by default. */
@ConfigMapping(prefix = "kefu.llm")
public interface LlmConfig {
    /** When false the embedded engine answers every turn and no model is contacted. */
    @WithDefault("false")
    boolean enabled();

    /** Base URL of the endpoint, up to and including /v1 (e.g. https://dashscope.aliyuncs.com/compatible-mode/v1). */
    Optional<String> baseUrl();

    /** API key sent as a bearer token; local servers such as Ollama accept any value. */
    @WithDefault("none")
    String apiKey();

    @WithDefault("qwen-plus")
    String model();

    @WithDefault("0.2")
    double temperature();

    /** Longest a whole turn may take, tool calls included; after that the embedded engine answers. */
    @WithDefault("15s")
    Duration timeout();

    /** Turns talking to the model at once; a turn beyond this is answered by the embedded engine at once. */
    @WithDefault("16")
    int maxConcurrent();

    /** Messages kept in each conversation's memory (user, assistant and tool messages). */
    @WithDefault("20")
    int memoryMessages();

    /** Articles retrieved from the knowledge base for each turn. */
    @WithDefault("3")
    int articles();

    /** Tool calls the model may make in one turn. */
    @WithDefault("6")
    int maxToolCalls();

    /** How often the model memory of closed conversations is swept (closing by an agent deletes it at once). */
    @WithDefault("10m")
    Duration memorySweepEvery();
}
