-- The editor console (issue 19): every article carries a version, so two editors saving the same article
-- cannot overwrite each other silently (a save names the version it was edited from), and every saved
-- version is kept, so an article's history can be read and an earlier version restored.
ALTER TABLE kb_article ADD COLUMN version INTEGER DEFAULT 1 NOT NULL;

-- One row per saved version of an article: what it said, who saved it and when. A deletion is a version too
-- (deleted = TRUE, the content it had), so a deleted article can be restored.
CREATE TABLE kb_article_revision (
    article_id VARCHAR(64)    NOT NULL,
    version    INTEGER        NOT NULL,
    category   VARCHAR(16)    NOT NULL,
    title      VARCHAR(200)   NOT NULL,
    questions  VARCHAR(20000) NOT NULL,
    tags       VARCHAR(4000)  NOT NULL,
    answer     VARCHAR(10000) NOT NULL,
    deleted    BOOLEAN        DEFAULT FALSE NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by VARCHAR(64),
    PRIMARY KEY (article_id, version)
);
