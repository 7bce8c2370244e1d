package shop.kefu.aftersales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.common.Exceptions;
import shop.kefu.common.Page;
import shop.kefu.common.PageRequest;
import shop.kefu.common.Refusal;
import shop.kefu.policy.ClaimKind;
import shop.kefu.policy.ClaimReason;
import shop.kefu.policy.ClaimRequest;
import shop.kefu.policy.Decision;
import shop.kefu.policy.OrderFacts;
import shop.kefu.policy.PolicyService;

/**
 * After-sales orders: eligibility through the policy engine, creation (once per order item and reason),
 * and the lifecycle. Every method takes the acting customer and only ever sees that customer's orders.
 */
@ApplicationScoped
public class AfterSalesService {

    @Inject
    OrderGateway orders;
    @Inject
    PolicyService policy;
    @Inject
    ObjectMapper json;
    @Inject
    AttachmentUses attachmentUses;
    @Inject
    AfterSalesMetrics metrics;

    public record Evaluation(Order order, Order.Item item, Decision decision) {
    }

    public record Created(AfterSalesOrder order, boolean duplicate) {
    }

    /** Thrown when the order or item does not exist for this customer (same answer for someone else's). */
    public static class UnknownOrderException extends RuntimeException {
        public UnknownOrderException(String message) {
            super(message, null, false, false);
        }
    }

    public Evaluation evaluate(String customerId, Claim claim) {
        return evaluate(customerId, claim, ownOrder(customerId, claim));
    }

    /** The shopper's own order holding the claimed item; another shopper's order looks exactly like a missing one. */
    private Order ownOrder(String customerId, Claim claim) {
        Order order = orders.find(customerId, claim.orderId())
                .orElseThrow(() -> new UnknownOrderException("没有找到订单 " + claim.orderId() + "。"));
        order.item(claim.sku()).orElseThrow(() -> new UnknownOrderException("订单 " + claim.orderId() + " 里没有这件商品。"));
        return order;
    }

    /**
     * What an earlier after-sales order on the item is worth against the next claim: the money it grants,
     * or, for a replacement or reship that grants none, the item itself (a new item was sent for it).
     */
    private static BigDecimal value(AfterSalesOrder a, Order.Item item) {
        boolean goods = a.kind.equals(ClaimKind.REPLACEMENT.wire()) || a.kind.equals(ClaimKind.RESHIP.wire());
        return goods && a.amount.signum() == 0 ? item.paid() : a.amount;
    }

    private Evaluation evaluate(String customerId, Claim claim, Order order) {
        Order.Item item = order.item(claim.sku()).orElseThrow();
        long evidence = ownedEvidence(customerId, claim.evidence()).size();
        BigDecimal claimed = QuarkusTransaction.joiningExisting().call(() -> AfterSalesOrder.<AfterSalesOrder> list(
                "orderId = ?1 and sku = ?2 and status <> ?3", order.orderId(), item.sku(), AfterSalesStatus.REJECTED)
                .stream().map(a -> value(a, item)).reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal amount = claim.reason() == ClaimReason.PRICE_DROP ? priceDifference(item)
                : claim.reason() == ClaimReason.GOODWILL ? (claim.compensation() == null ? BigDecimal.ZERO : claim.compensation())
                : item.paid().multiply(BigDecimal.valueOf(claim.share())).setScale(2, RoundingMode.HALF_UP);
        Decision d = policy.decide(new ClaimRequest(claim.kind(), claim.reason(), (int) evidence, claim.unused(), amount, claim.carrierReported()),
                new OrderFacts(order.category(), order.deliveredAt(), item.custom(), item.paid(), claimed));
        return new Evaluation(order, item, d);
    }

    /** The attachment ids that exist and belong to this customer; others never count as evidence. */
    public List<String> ownedEvidence(String customerId, List<String> ids) {
        return QuarkusTransaction.joiningExisting().call(() -> ids.stream()
                .filter(id -> Attachment.<Attachment> findByIdOptional(id).filter(a -> a.customerId.equals(customerId)).isPresent())
                .toList());
    }

    private static BigDecimal priceDifference(Order.Item item) {
        if (item.currentPrice() == null || item.currentPrice().compareTo(item.price()) >= 0) {
            return BigDecimal.ZERO;
        }
        return item.price().subtract(item.currentPrice()).multiply(BigDecimal.valueOf(item.qty()));
    }

    /**
     * Creates the after-sales order if the policy allows it. The same item and reason again returns the
     * standing order instead of a second one, whatever is retried or resent.
     */
    public Optional<Created> create(String customerId, Claim claim, String conversationId, String by) {
        Order order = ownOrder(customerId, claim);
        Optional<AfterSalesOrder> standing = standing(key(claim));
        if (standing.isPresent()) {
            return standing.map(a -> new Created(a, true)); // a resend: no need to ask the policy again
        }
        return decide(customerId, claim, order, conversationId, by).created();
    }

    /** The policy's decision on a claim, and the order it created or found standing (empty when refused). */
    public record Submission(Decision decision, Optional<Created> created) {
    }

    /**
     * {@link #create}, with the decision it was made on: the policy is evaluated once. The evaluation
     * (which reads what was already claimed on the item) and the insert happen in one transaction under
     * the item's row of claim_lock: a second claim on the item waits, then sees the first.
     */
    public Submission submit(String customerId, Claim claim, String conversationId, String by) {
        return decide(customerId, claim, ownOrder(customerId, claim), conversationId, by);
    }

    /**
     * Evaluates and, if allowed, inserts, holding the item's claim_lock row: claims on one item (twins
     * with the same reason included) are decided one after the other, each seeing what the others stored.
     */
    private Submission decide(String customerId, Claim claim, Order order, String conversationId, String by) {
        String key = key(claim);
        ensureLockRow(claim);
        Submission decided = QuarkusTransaction.requiringNew().call(() -> {
            AfterSalesOrder.getEntityManager()
                    .createNativeQuery("SELECT order_id FROM claim_lock WHERE order_id = ?1 AND sku = ?2 FOR UPDATE")
                    .setParameter(1, claim.orderId()).setParameter(2, claim.sku()).getResultList();
            Evaluation e = evaluate(customerId, claim, order);
            Optional<AfterSalesOrder> standing = AfterSalesOrder.<AfterSalesOrder> find("dedupeKey", key).firstResultOptional();
            if (standing.isPresent()) {
                return new Submission(e.decision(), standing.map(a -> new Created(a, true)));
            }
            if (!e.decision().allowsCreation()) {
                return new Submission(e.decision(), Optional.empty());
            }
            return new Submission(e.decision(), Optional.of(new Created(insert(customerId, claim, e, key, conversationId, by), false)));
        });
        metrics.decided(claim, order, by, decided);
        return decided;
    }

    /**
     * The item's claim_lock row, created by the first claim on it (a racing creator's duplicate is fine).
     * Called only once the item is known to be the shopper's: made-up ids never reach the table.
     */
    private static void ensureLockRow(Claim claim) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                var em = AfterSalesOrder.getEntityManager();
                boolean present = !em.createNativeQuery("SELECT order_id FROM claim_lock WHERE order_id = ?1 AND sku = ?2")
                        .setParameter(1, claim.orderId()).setParameter(2, claim.sku()).getResultList().isEmpty();
                if (!present) {
                    em.createNativeQuery("INSERT INTO claim_lock (order_id, sku) VALUES (?1, ?2)")
                            .setParameter(1, claim.orderId()).setParameter(2, claim.sku()).executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            if (!Exceptions.constraintViolation(e)) {
                throw e;
            }
        }
    }

    private AfterSalesOrder insert(String customerId, Claim claim, Evaluation e, String key, String conversationId, String by) {
        OffsetDateTime now = OffsetDateTime.now();
        AfterSalesOrder a = new AfterSalesOrder();
        a.id = "AS" + now.toLocalDate().toString().replace("-", "") + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        a.orderId = e.order().orderId();
        a.customerId = customerId;
        a.sku = e.item().sku();
        a.itemName = e.item().name();
        a.qty = e.item().qty();
        a.kind = claim.kind().wire();
        a.reason = claim.reason().name().toLowerCase();
        a.amount = e.decision().amount();
        a.status = e.decision().outcome() == Decision.Outcome.APPROVED ? AfterSalesStatus.APPROVED : AfterSalesStatus.UNDER_REVIEW;
        a.decisionRule = e.decision().rule();
        a.decisionReason = e.decision().reason();
        List<String> evidence = ownedEvidence(customerId, claim.evidence());
        a.evidence = write(evidence);
        a.history = write(List.of(Map.of("status", AfterSalesStatus.REQUESTED.name(), "at", now.toString(), "by", by,
                "note", "申请" + claim.kind().label + "：" + claim.reason().label + (claim.carrierReported() ? "（承运商上报，免照片）" : "")),
                Map.of("status", a.status.name(), "at", now.toString(), "by", "policy",
                        "note", e.decision().reason())));
        a.conversationId = conversationId;
        a.dedupeKey = key;
        a.createdAt = a.updatedAt = now;
        a.persistAndFlush();
        attachmentUses.record(conversationId, evidence); // evidence is kept, whether or not it was sent in a message
        return a;
    }

    public Optional<AfterSalesOrder> standing(String customerId, Claim claim) {
        return standing(key(claim)).filter(a -> a.customerId.equals(customerId));
    }

    private static String key(Claim claim) {
        return claim.orderId() + "|" + claim.sku() + "|" + claim.reason();
    }

    private Optional<AfterSalesOrder> standing(String key) {
        return QuarkusTransaction.requiringNew().call(() -> AfterSalesOrder.<AfterSalesOrder> find("dedupeKey", key).firstResultOptional());
    }

    /** The customer's most recent after-sales orders (newest first), for the bot's answers. */
    public List<AfterSalesOrder> recent(String customerId, int n) {
        return of(customerId, new PageRequest(n, null)).items();
    }

    /** A page of the customer's after-sales orders, newest first. */
    public Page<AfterSalesOrder> of(String customerId, PageRequest page) {
        return page(page, "customerId = :who", Parameters.with("who", customerId));
    }

    /** A page of all after-sales orders (of one status, unless null), newest first. */
    public Page<AfterSalesOrder> withStatus(AfterSalesStatus status, PageRequest page) {
        return status == null ? page(page, "1 = 1", new Parameters()) : page(page, "status = :status", Parameters.with("status", status));
    }

    /** Newest first; the cursor is the id of the last order seen, and ties on the time are broken by id. */
    private static Page<AfterSalesOrder> page(PageRequest page, String filter, Parameters params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String where = filter;
            if (page.after() != null) {
                AfterSalesOrder last = AfterSalesOrder.<AfterSalesOrder> findByIdOptional(page.after())
                        .orElseThrow(() -> Refusal.invalid("invalid_cursor", "Parameter after names no after-sales order."));
                where += " and (createdAt < :at or (createdAt = :at and id < :id))";
                params.and("at", last.createdAt).and("id", last.id);
            }
            List<AfterSalesOrder> rows = AfterSalesOrder.<AfterSalesOrder> find(where + " order by createdAt desc, id desc", params)
                    .range(0, page.fetch() - 1).list();
            return page.cut(rows, a -> a.id);
        });
    }

    /** Who created the case: the first entry of its history ("bot" for the bot's own claims). */
    private String createdBy(AfterSalesOrder a) {
        List<Map<String, String>> history = read(a.history);
        return history.isEmpty() ? null : history.get(0).get("by");
    }

    public Optional<AfterSalesOrder> find(String id) {
        return QuarkusTransaction.requiringNew().call(() -> AfterSalesOrder.<AfterSalesOrder> findByIdOptional(id));
    }

    /**
     * A staff step in the lifecycle; refused if the lifecycle does not allow it. Approving a case under
     * review takes a reviewer (a supervisor or an admin), and never the one who created the case: the
     * review exists because the amount is above what one agent may grant alone.
     */
    public AfterSalesOrder transition(String id, AfterSalesStatus next, String note, String by, boolean reviewer) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AfterSalesOrder a = AfterSalesOrder.<AfterSalesOrder> findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                    .orElseThrow(() -> Refusal.notFound("No after-sales order '" + id + "'."));
            if (!a.status.canMoveTo(next)) {
                throw Refusal.conflict("invalid_transition", "An after-sales order that is " + a.status + " cannot become " + next + ".");
            }
            if (a.status == AfterSalesStatus.UNDER_REVIEW && next == AfterSalesStatus.APPROVED) {
                if (!reviewer) {
                    throw new Refusal(Refusal.Kind.FORBIDDEN, "supervisor_required", "Approving a case under review takes a supervisor.");
                }
                if (by.equals(createdBy(a))) {
                    throw new Refusal(Refusal.Kind.FORBIDDEN, "own_case", "A case you created is approved by another supervisor.");
                }
            }
            a.status = next;
            if (next == AfterSalesStatus.REJECTED) {
                a.dedupeKey = null; // the shopper may ask again, e.g. with better evidence
            }
            List<Map<String, String>> history = new ArrayList<>(read(a.history));
            history.add(Map.of("status", next.name(), "at", OffsetDateTime.now().toString(), "by", by, "note", note == null ? "" : note));
            a.history = write(history);
            a.updatedAt = OffsetDateTime.now();
            return a;
        });
    }

    public List<Map<String, String>> history(AfterSalesOrder a) {
        return read(a.history);
    }

    public List<String> evidence(AfterSalesOrder a) {
        try {
            return json.readValue(a.evidence, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, String>> read(String history) {
        try {
            return json.readValue(history, new TypeReference<List<Map<String, String>>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
