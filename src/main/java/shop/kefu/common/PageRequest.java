package shop.kefu.common;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: at most {@code limit} items after the cursor {@code after} (null: from the start).
 * The one paging style of the API ({@code ?limit=&after=}, docs/api.md): lists answer a page, never
 * everything, so no request costs more than a page however long the list grows.
 */
public record PageRequest(int limit, String after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** From the query parameters; 400 {@code invalid_limit} outside 1 to {@code max}. */
    public static PageRequest of(Integer limit, String after, int defaultLimit, int max) {
        int n = limit == null ? defaultLimit : limit;
        if (n < 1 || n > max) {
            throw Refusal.invalid("invalid_limit", "Parameter limit must be between 1 and " + max + ".");
        }
        return new PageRequest(n, after == null || after.isBlank() ? null : after.strip());
    }

    public static PageRequest of(Integer limit, String after) {
        return of(limit, after, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** How many rows to read: one more than the page, to know whether another page follows. */
    public int fetch() {
        return limit + 1;
    }

    /** The page out of {@link #fetch()} rows; the next cursor is the last item's, if more followed. */
    public <T> Page<T> cut(List<T> fetched, Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, cursorOf.apply(items.get(limit - 1)));
    }
}
