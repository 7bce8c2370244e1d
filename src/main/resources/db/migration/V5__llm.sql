-- LLM mode: each conversation's bounded chat memory (LangChain4j messages as JSON).
CREATE TABLE llm_memory (
    conversation_id VARCHAR(64) PRIMARY KEY,
    messages        TEXT        NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
