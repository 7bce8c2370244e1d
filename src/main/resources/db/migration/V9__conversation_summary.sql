-- The agents' summary of a conversation, folded from its events as they come (handoff/Summaries):
-- building the queue reads only the events since the last fold, never whole logs.
CREATE TABLE conversation_summary (
    conversation_id VARCHAR(36)   PRIMARY KEY,
    -- the last event folded in
    through_seq     BIGINT        NOT NULL,
    -- the folded summary (JSON); bounded: quotes are cut, orders and answers capped
    folded          VARCHAR(8000) NOT NULL
);
