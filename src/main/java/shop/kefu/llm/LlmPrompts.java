package shop.kefu.llm;

import java.nio.file.Path;
import java.util.Properties;

import dev.langchain4j.model.input.PromptTemplate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.common.DataFiles;
import shop.kefu.dialog.PromptsConfig;
import shop.kefu.dialog.Replies;

/** The LLM mode's prompts, from the prompts/ folder (or the packaged copy): system prompt, RAG template, tool descriptions. */
@ApplicationScoped
public class LlmPrompts {

    @Inject
    PromptsConfig prompts;

    private String system;
    private PromptTemplate retrieval;
    private Properties tools;

    @PostConstruct
    void load() {
        system = file("llm-system.txt");
        retrieval = PromptTemplate.from(file("llm-rag.txt"));
        tools = Replies.read(prompts.dir(), "llm-tools.properties");
    }

    private String file(String name) {
        return DataFiles.read(Path.of(prompts.dir(), name), "prompts/" + name).strip();
    }

    String system() {
        return system;
    }

    PromptTemplate retrieval() {
        return retrieval;
    }

    /** The description of a tool, which must exist in llm-tools.properties. */
    String tool(String name) {
        String d = tools.getProperty(name);
        if (d == null || d.isBlank()) {
            throw new IllegalStateException("prompts/llm-tools.properties has no description for tool '" + name + "'");
        }
        return d.strip();
    }
}
