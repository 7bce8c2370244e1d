-- Orders of the built-in store, after-sales orders, evidence attachments and service visits.
CREATE TABLE shop_order (
    order_id     VARCHAR(64)   PRIMARY KEY,
    customer_id  VARCHAR(64)   NOT NULL,
    category     VARCHAR(16)   NOT NULL,
    status       VARCHAR(24)   NOT NULL,
    -- JSON array of items: sku, name, qty, price, custom
    items        VARCHAR(20000) NOT NULL,
    delivered_at TIMESTAMP WITH TIME ZONE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_shop_order_customer ON shop_order (customer_id);

CREATE TABLE aftersales (
    id              VARCHAR(40)   PRIMARY KEY,
    order_id        VARCHAR(64)   NOT NULL,
    customer_id     VARCHAR(64)   NOT NULL,
    sku             VARCHAR(64)   NOT NULL,
    item_name       VARCHAR(200)  NOT NULL,
    qty             INTEGER       NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    reason          VARCHAR(24)   NOT NULL,
    amount          NUMERIC(12,2) NOT NULL,
    status          VARCHAR(24)   NOT NULL,
    decision_rule   VARCHAR(64)   NOT NULL,
    decision_reason VARCHAR(1000) NOT NULL,
    -- JSON array of attachment ids
    evidence        VARCHAR(2000) NOT NULL,
    -- JSON array of {status, at, note, by}
    history         VARCHAR(20000) NOT NULL,
    conversation_id VARCHAR(36),
    -- order|sku|reason while the request stands; NULL once rejected: one standing request per item and reason
    dedupe_key      VARCHAR(200),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_aftersales_dedupe UNIQUE (dedupe_key)
);
CREATE INDEX ix_aftersales_customer ON aftersales (customer_id);
CREATE INDEX ix_aftersales_status ON aftersales (status);

CREATE TABLE attachment (
    id           VARCHAR(40)  PRIMARY KEY,
    customer_id  VARCHAR(64)  NOT NULL,
    content_type VARCHAR(40)  NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    file_name    VARCHAR(200),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE service_visit (
    id          VARCHAR(40)  PRIMARY KEY,
    customer_id VARCHAR(64)  NOT NULL,
    order_id    VARCHAR(64)  NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    note        VARCHAR(1000),
    status      VARCHAR(16)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
