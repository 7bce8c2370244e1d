-- When each agent last showed a sign of life: a /ws/agent connection open (written when it opens, closes,
-- and on every presence sweep while it stays open) or a call to the agent REST API. Presence lives in the
-- database, not in one JVM's memory, so an agent who works only through REST counts as present, and
-- after a restart the conversations of agents who never came back are found and returned to the queue.
CREATE TABLE agent_presence (
    agent_id  VARCHAR(64)  PRIMARY KEY,
    name      VARCHAR(100) NOT NULL,
    last_seen TIMESTAMP WITH TIME ZONE NOT NULL
);
