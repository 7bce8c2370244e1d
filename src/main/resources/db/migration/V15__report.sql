-- The managers' report (GET /api/reports/service) reads a date range of a long history through indexes,
-- so its cost follows the range, not the size of the history.

-- What the bot did with a shopper's message, set when the event is stored: 'answer' or 'clarify' on the
-- bot's reply (TurnStore), 'handoff' on a handoff event (EventLog); NULL on every other event. Events stored
-- before this migration stay NULL: the turn shares of older ranges cannot be recovered from the reply text.
ALTER TABLE chat_event ADD COLUMN outcome VARCHAR(16);
CREATE INDEX ix_chat_event_outcome ON chat_event (outcome, created_at);

-- Conversations and after-sales cases of a range are found by when they started.
CREATE INDEX ix_conversation_created ON conversation (created_at);
CREATE INDEX ix_aftersales_created ON aftersales (created_at);
