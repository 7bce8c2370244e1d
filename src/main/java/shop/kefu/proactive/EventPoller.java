package shop.kefu.proactive;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.aftersales.HttpOrderGateway.OrderSystemException;
import shop.kefu.aftersales.OrderSystemHttp;
import shop.kefu.aftersales.OrdersConfig;
import shop.kefu.common.Refusal;

/**
 * For an order system that cannot push: reads its event feed page by page and hands each event to the
 * same {@link ProactiveEvents#accept} as {@code POST /api/events}. Events are idempotent by id, so two
 * nodes polling at once, or a page read again after a failure, send nothing twice. The cursor advances
 * only past a page whose every event was handled or refused as bad (a bad event is logged, never retried).
 */
@ApplicationScoped
public class EventPoller {

    private static final Logger LOG = Logger.getLogger(EventPoller.class);
    private static final String SOURCE = "order-system";
    private static final int MAX_PAGES = 20;

    /** One page of the feed. */
    public record Page(List<ShopperEvent> events, String next) {
    }

    private static final TypeReference<Page> PAGE = new TypeReference<>() {
    };

    @Inject
    ProactiveConfig config;
    @Inject
    OrdersConfig orders;
    @Inject
    ProactiveEvents events;
    @Inject
    ObjectMapper json;

    private OrderSystemHttp orderSystem;

    @PostConstruct
    void connect() {
        orderSystem = new OrderSystemHttp(orders.key().orElse(null), orders.timeout(), json);
    }

    @Scheduled(every = "${kefu.proactive.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        config.pollUrl().ifPresent(url -> {
            try {
                poll(URI.create(url));
            } catch (RuntimeException e) {
                LOG.warnf("Polling the order system's events failed (tried again in %s): %s", config.pollEvery(), e.toString());
            }
        });
    }

    /** Reads the feed from the stored cursor until it is empty (at most 20 pages a run); returns the events handled. */
    public int poll(URI feed) {
        int handled = 0;
        for (int i = 0; i < MAX_PAGES; i++) {
            String after = cursor();
            Page page = fetch(feed, after);
            if (page.events() == null || page.events().isEmpty()) {
                return handled;
            }
            for (ShopperEvent e : page.events()) {
                try {
                    events.accept(e);
                    handled++;
                } catch (Refusal r) {
                    LOG.warnf("Event %s from the order system's feed refused: %s %s", e == null ? null : e.eventId(), r.code(), r.getMessage());
                }
            }
            if (page.next() == null || page.next().equals(after)) {
                return handled;
            }
            advance(page.next());
        }
        return handled;
    }

    private Page fetch(URI feed, String after) {
        URI uri = after == null ? feed
                : URI.create(feed + (feed.getRawQuery() == null ? "?" : "&") + "after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
        // a feed that is not there (404) is as wrong as one that fails: the poll is tried again, nothing is skipped
        return orderSystem.get(uri, PAGE, "event page")
                .orElseThrow(() -> new OrderSystemException("The order system's event feed answered 404 for " + uri, null));
    }

    private static String cursor() {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(ProactiveCursor.<ProactiveCursor> findById(SOURCE))
                .map(c -> c.position).orElse(null));
    }

    private static void advance(String next) {
        QuarkusTransaction.requiringNew().run(() -> {
            ProactiveCursor c = ProactiveCursor.findById(SOURCE);
            if (c == null) {
                c = new ProactiveCursor();
                c.source = SOURCE;
                c.position = next;
                c.updatedAt = OffsetDateTime.now();
                c.persist();
                return;
            }
            c.position = next;
            c.updatedAt = OffsetDateTime.now();
        });
    }
}
