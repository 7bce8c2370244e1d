-- Knowledge-base articles (the source of truth once imported) and cached phrasing embeddings.
CREATE TABLE kb_article (
    id         VARCHAR(64)   PRIMARY KEY,
    category   VARCHAR(16)   NOT NULL,
    title      VARCHAR(200)  NOT NULL,
    -- JSON arrays of strings
    questions  VARCHAR(20000) NOT NULL,
    tags       VARCHAR(4000)  NOT NULL,
    answer     VARCHAR(10000) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(64)
);

-- Embeddings by content hash, so a restart rebuilds the index without re-running the model.
CREATE TABLE kb_embedding (
    text_hash VARCHAR(64)   PRIMARY KEY,
    vector    VARCHAR(4000) NOT NULL
);
