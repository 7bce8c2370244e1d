package shop.kefu.llm;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.rag.DefaultRetrievalAugmentor;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.injector.DefaultContentInjector;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import shop.kefu.aftersales.AfterSalesTools;
import shop.kefu.dialog.AfterSalesFlow;
import shop.kefu.dialog.Citation;
import shop.kefu.dialog.DialogState;
import shop.kefu.dialog.EmbeddedEngine;
import shop.kefu.dialog.Turn;
import shop.kefu.dialog.TurnEngine;
import shop.kefu.dialog.TurnPath;
import shop.kefu.dialog.TurnResult;
import shop.kefu.knowledge.KnowledgeBase;
import shop.kefu.knowledge.KnowledgeConfig;

/**
 * The LLM engine: a LangChain4j AI service over an OpenAI-compatible endpoint, grounded in the
 * knowledge base, acting only through {@link ShopperTools}, whose requests the after-sales flow takes up
 * after the reply (nothing is created before the shopper confirms). Every way it can go wrong ends in a normal
 * reply: input guard → embedded engine (injection) or a privacy notice (personal data); a model that is
 * slow, busy, failing or malformed, or a reply that fails the output guard → the embedded engine
 * answers that turn, counted in {@code kefu_llm_fallbacks_total{reason}}.
 */
@ApplicationScoped
@Typed(LlmEngine.class)
public class LlmEngine implements TurnEngine {

    private static final Logger LOG = Logger.getLogger(LlmEngine.class);

    @Inject
    LlmConfig config;
    @Inject
    LlmPrompts prompts;
    @Inject
    EmbeddedEngine embedded;
    @Inject
    AfterSalesFlow flow;
    @Inject
    AfterSalesTools afterSales;
    @Inject
    KnowledgeBase kb;
    @Inject
    KnowledgeConfig kbConfig;
    @Inject
    DatabaseMemoryStore memory;
    @Inject
    MeterRegistry metrics;

    private final InputGuard input = new InputGuard();
    private final OutputGuard output = new OutputGuard();
    private ChatModel model;
    /** Bounded: a turn that finds every thread talking to the model is answered by the embedded engine. */
    private ExecutorService calls;
    private Map<ToolSpecification, Method> toolMethods;

    @PostConstruct
    void start() {
        if (!config.enabled()) {
            return;
        }
        String url = config.baseUrl().orElseThrow(() -> new IllegalStateException(
                "kefu.llm.enabled=true needs kefu.llm.base-url (an OpenAI-compatible endpoint, e.g. http://localhost:11434/v1)"));
        model = OpenAiChatModel.builder().baseUrl(url).apiKey(config.apiKey()).modelName(config.model())
                .temperature(config.temperature()).timeout(config.timeout()).maxRetries(0).build();
        toolMethods = toolMethods(prompts);
        calls = new ThreadPoolExecutor(config.maxConcurrent(), config.maxConcurrent(), 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                Thread.ofPlatform().daemon().name("llm-", 0).factory());
        LOG.infof("LLM mode: model %s at %s (timeout %s, at most %d turns at once)", config.model(), url, config.timeout(),
                config.maxConcurrent());
    }

    /** The model this engine talks to (creating the engine checks the configuration). */
    String describe() {
        return config.model() + " at " + config.baseUrl().orElse("?");
    }

    @PreDestroy
    void stop() {
        if (calls != null) {
            calls.shutdownNow();
        }
    }

    @Override
    public TurnResult respond(Turn turn) {
        if (embedded.owns(turn)) {
            // e.g. the confirmation of a request the model proposed: the model hears how it ended
            return remembered(turn, embedded.respond(turn));
        }
        switch (input.check(turn.text())) {
            case INJECTION -> {
                return fallback(turn, "injection", false);
            }
            case PERSONAL_DATA -> {
                metrics.counter("kefu.llm.guarded", "reason", "personal_data").increment();
                return embedded.respond(turn); // the privacy notice; the masked text is not worth a model call
            }
            case OK -> {
            }
        }
        ShopperTools tools = new ShopperTools(afterSales, turn.customerId());
        TurnMemory turnMemory = new TurnMemory(memory);
        Assistant assistant = assistant(tools, turnMemory);
        Future<Result<String>> call;
        try {
            call = calls.submit(() -> assistant.chat(turn.conversationId(), userMessage(turn)));
        } catch (RejectedExecutionException e) {
            return fallback(turn, "busy", true);
        }
        Result<String> result;
        try {
            result = call.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandon(call, turnMemory, turn);
            return fallback(turn, "timeout", true);
        } catch (ExecutionException e) {
            abandon(call, turnMemory, turn);
            LOG.warnf("Model call failed on conversation %s: %s", turn.conversationId(), e.getCause().toString());
            return fallback(turn, "error", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(call, turnMemory, turn);
            return fallback(turn, "error", true);
        }
        Map<String, Content> sources = sources(result.sources());
        boolean usedTools = !result.toolExecutions().isEmpty();
        Optional<String> failed = output.check(turn.text(), result.content(), sources.keySet(), tools.offered(), usedTools);
        if (failed.isPresent()) {
            LOG.warnf("Model reply on conversation %s failed the output guard: %s", turn.conversationId(), failed.get());
            turnMemory.rollback(turn.conversationId());
            return fallback(turn, "guardrail_output", true);
        }
        metrics.counter("kefu.llm.turns", "outcome", "answered").increment();
        return reply(turn, result.content(), sources, usedTools, tools);
    }

    private TurnResult reply(Turn turn, String text, Map<String, Content> sources, boolean usedTools, ShopperTools tools) {
        List<Citation> citations = new ArrayList<>();
        double confidence = usedTools ? 1.0 : 0.5;
        for (String id : OutputGuard.citations(text)) {
            Content c = sources.get(id);
            if (c != null) {
                citations.add(new Citation(id, c.textSegment().metadata().getString(KnowledgeRetriever.TITLE)));
                if (citations.size() == 1 && !usedTools) {
                    confidence = c.textSegment().metadata().getDouble(KnowledgeRetriever.CONFIDENCE);
                }
            }
        }
        String shown = OutputGuard.CITATION.matcher(text).replaceAll("").strip();
        if (tools.handoff() != null || tools.request() == null) {
            return new TurnResult(shown, confidence, citations, List.of(), List.of(), tools.handoff(), turn.dialogState()).on(TurnPath.LLM);
        }
        // What the model asked for goes through the after-sales flow: the shopper sees the policy's own
        // terms and confirms them with the flow's button; the model's words come first.
        TurnResult next = flow.propose(turn, DialogState.parse(turn.dialogState()), tools.request());
        return new TurnResult(shown + "\n" + next.text(), confidence, citations, next.quickReplies(), next.actions(), next.handoff(),
                next.dialogState(), next.form(), TurnPath.LLM);
    }

    /**
     * The embedded engine answers this turn. The exchange is added to the model's memory so the next
     * turn has the context, except after an injection attempt, which the model should never read.
     */
    private TurnResult fallback(Turn turn, String reason, boolean remember) {
        metrics.counter("kefu.llm.fallbacks", "reason", reason).increment();
        metrics.counter("kefu.llm.turns", "outcome", "fallback").increment();
        TurnResult r = embedded.respond(turn).on(TurnPath.FALLBACK);
        return remember ? remembered(turn, r) : r;
    }

    /** Adds an exchange the model did not answer to its memory, so the next turn has the context. */
    private TurnResult remembered(Turn turn, TurnResult r) {
        try {
            ChatMemory window = window(turn.conversationId(), memory);
            window.add(UserMessage.from(userMessage(turn)));
            window.add(AiMessage.from(r.text()));
        } catch (RuntimeException e) {
            LOG.warnf("Could not record an embedded turn in the memory of %s: %s", turn.conversationId(), e.toString());
        }
        return r;
    }

    /**
     * Stops a call we no longer wait for from writing memory; its reply, if any, is dropped. Its tools
     * changed nothing: what they recorded for the flow is dropped with them.
     */
    private static void abandon(Future<?> call, TurnMemory turnMemory, Turn turn) {
        turnMemory.rollback(turn.conversationId());
        call.cancel(true);
    }

    private static String userMessage(Turn turn) {
        return turn.attachments().isEmpty() ? turn.text()
                : turn.text() + "\n（顾客上传了图片，图片编号：" + String.join("、", turn.attachments()) + "）";
    }

    /** Article id → the content given to the model this turn. */
    private static Map<String, Content> sources(List<Content> contents) {
        Map<String, Content> out = new LinkedHashMap<>();
        for (Content c : contents == null ? List.<Content> of() : contents) {
            String id = c.textSegment().metadata().getString(KnowledgeRetriever.ARTICLE_ID);
            if (id != null) {
                out.putIfAbsent(id, c);
            }
        }
        return out;
    }

    private Assistant assistant(ShopperTools tools, TurnMemory turnMemory) {
        return AiServices.builder(Assistant.class)
                .chatModel(model)
                .systemMessageProvider(id -> prompts.system())
                .chatMemoryProvider(id -> window(id, turnMemory))
                .tools(toolMap(tools))
                .hallucinatedToolNameStrategy(request -> ToolExecutionResultMessage.from(request,
                        "没有名为 " + request.name() + " 的工具"))
                .maxSequentialToolsInvocations(config.maxToolCalls())
                .retrievalAugmentor(DefaultRetrievalAugmentor.builder()
                        .contentRetriever(new KnowledgeRetriever(kb, kbConfig, config.articles()))
                        .contentInjector(new DefaultContentInjector(prompts.retrieval()))
                        .build())
                .storeRetrievedContentInChatMemory(false)
                .build();
    }

    /** A conversation's memory: the last {@code memory-messages} messages, tool calls kept with their results. */
    private ChatMemory window(Object conversationId, ChatMemoryStore store) {
        return MessageWindowChatMemory.builder().id(conversationId).maxMessages(config.memoryMessages()).chatMemoryStore(store).build();
    }

    /** The @Tool methods of {@link ShopperTools}, bound to this turn's object. */
    private Map<ToolSpecification, ToolExecutor> toolMap(ShopperTools tools) {
        Map<ToolSpecification, ToolExecutor> out = new LinkedHashMap<>();
        toolMethods.forEach((spec, method) -> out.put(spec, new DefaultToolExecutor(tools, method)));
        return out;
    }

    /** Tool specifications (descriptions from prompts/, checked at start) and their methods, read once. */
    private static Map<ToolSpecification, Method> toolMethods(LlmPrompts prompts) {
        Map<ToolSpecification, Method> out = new LinkedHashMap<>();
        for (Method m : ShopperTools.class.getMethods()) {
            if (m.isAnnotationPresent(Tool.class)) {
                ToolSpecification spec = ToolSpecifications.toolSpecificationFrom(m);
                out.put(spec.toBuilder().description(prompts.tool(spec.name())).build(), m);
            }
        }
        return out;
    }
}
