package shop.kefu.llm;

import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.UserMessage;

/** The LangChain4j AI service: one shopper message in, the reply with its sources and tool calls out. */
interface Assistant {
    Result<String> chat(@MemoryId String conversationId, @UserMessage String message);
}
