-- WeChat customer-service message push (docs/wechat.md). Portable SQL: runs on H2 and PostgreSQL.

-- Every push WeChat delivered, keyed by MsgId (or FromUserName:CreateTime for events). The primary key
-- is the de-duplication: WeChat retries a push three times, and a retry reaching another node, or this
-- node after a restart, must be dropped too. The raw message is kept until it is processed, so a push
-- answered "success" is not lost when the service stops before handling it (the sweep picks it up).
CREATE TABLE wechat_inbox (
    dedupe_key   VARCHAR(160)  PRIMARY KEY,
    openid       VARCHAR(128)  NOT NULL,
    message      VARCHAR(20000) NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE,
    attempts     INTEGER       NOT NULL
);
CREATE INDEX ix_wechat_inbox_pending ON wechat_inbox (processed_at, received_at);

-- A WeChat user: the shopper they are, and what WeChat lets us send them. WeChat allows at most
-- kefu.wechat.replies-per-message (5) messages within kefu.wechat.reply-window (48 h) of the user's last
-- message; held_reason says why replies are waiting (window_closed, quota) until the next message.
CREATE TABLE wechat_user (
    openid          VARCHAR(128) PRIMARY KEY,
    customer_id     VARCHAR(64)  NOT NULL,
    session_from    VARCHAR(1000),
    last_message_at TIMESTAMP WITH TIME ZONE,
    sent_since      INTEGER      NOT NULL,
    held_reason     VARCHAR(32),
    last_error      VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A conversation reached through WeChat: how far its log has been sent to the user (every reply after
-- delivered_seq is still owed), and the quick replies last offered, which the user answers by number.
CREATE TABLE wechat_conversation (
    conversation_id VARCHAR(36)  PRIMARY KEY REFERENCES conversation (id),
    openid          VARCHAR(128) NOT NULL,
    delivered_seq   BIGINT       NOT NULL,
    quick_replies   VARCHAR(4000),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_wechat_conversation_openid ON wechat_conversation (openid);

-- The access_token of the send API, shared by every node: refreshed under this row's lock by one node
-- shortly before it expires, so the nodes do not invalidate each other's tokens.
CREATE TABLE wechat_token (
    name         VARCHAR(32)  PRIMARY KEY,
    access_token VARCHAR(1000),
    expires_at   TIMESTAMP WITH TIME ZONE
);
INSERT INTO wechat_token (name) VALUES ('access_token');
