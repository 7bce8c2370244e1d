-- V19 began keeping every saved version of an article, but articles stored before it had none: on a
-- database upgraded from before V19, such an article had no history and its version could not be
-- restored until it was next saved. Each of them gets its current content as its first kept version.
INSERT INTO kb_article_revision (article_id, version, category, title, questions, tags, answer, deleted, changed_at, changed_by)
SELECT a.id, a.version, a.category, a.title, a.questions, a.tags, a.answer, FALSE, a.updated_at, a.updated_by
FROM kb_article a
WHERE NOT EXISTS (SELECT 1 FROM kb_article_revision r WHERE r.article_id = a.id);
