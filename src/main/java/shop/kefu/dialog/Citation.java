package shop.kefu.dialog;

/** A knowledge-base article a reply was built from. */
public record Citation(String articleId, String title) {
}
