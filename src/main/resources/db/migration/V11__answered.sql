-- Whether the bot still owes a shopper message its answer. A message is stored and acknowledged before
-- the engine runs; if storing the reply then fails, the shopper resends the same id, and the resend
-- (a duplicate, never stored twice) is answered because this flag is still false. The flag is set in the
-- transaction that stores the reply, only if it was still false, so two attempts never both answer.
ALTER TABLE client_message ADD COLUMN answered BOOLEAN DEFAULT FALSE NOT NULL;
-- Messages stored before this migration were answered, or handled by an agent.
UPDATE client_message SET answered = TRUE;
