package shop.kefu.knowledge;

/**
 * The knowledge-base folder was re-imported (POST /api/kb/import): whatever else is read from it
 * (the understanding's examples and word lists) is read again, without this package knowing what.
 */
public record FolderImported(String by) {
}
