package shop.kefu.llm;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import shop.kefu.aftersales.AfterSalesOrder;
import shop.kefu.aftersales.AfterSalesService;
import shop.kefu.aftersales.AfterSalesTools;
import shop.kefu.aftersales.Claim;
import shop.kefu.aftersales.Order;
import shop.kefu.dialog.AfterSalesFlow;
import shop.kefu.dialog.DialogState.Flow;
import shop.kefu.dialog.HandoffReason;
import shop.kefu.policy.ClaimKind;
import shop.kefu.policy.ClaimReason;
import shop.kefu.policy.Decision;

/**
 * The after-sales tools as the model sees them, for one turn of one conversation. The customer is the
 * authenticated shopper of the conversation, fixed when this object is made: no argument the model
 * passes can name another customer, and an order of someone else reads exactly like a missing one.
 * Whether anything is granted is decided by the policy engine inside {@link AfterSalesService}, never
 * by the model. No tool changes anything: a request or visit the model asks for is only recorded here,
 * and taken up by the after-sales flow once the model has answered (a request then waits for the
 * shopper's own confirmation). Descriptions shown to the model come from prompts/llm-tools.properties.
 */
public class ShopperTools {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROPOSED = "尚未提交：系统会在你的回复后附上申请详情和「确认提交」按钮，顾客本人确认后才会提交。不要说已提交、已退款或已批准";
    private static final String EVIDENCE = "尚未提交：系统会在你的回复后请顾客上传照片，再附上申请详情和「确认提交」按钮";
    private static final String VISIT = "系统会在你的回复后登记预约，并把预约单号告诉顾客";
    // parameter descriptions shared by the claim tools
    private static final String ORDER = "订单号";
    private static final String SKU = "商品编号 sku，订单只有一件商品时可省略";
    private static final String KIND = "return|replacement|refund|reship";
    private static final String REASON = "spoiled|damaged|wrong_item|missing|quality|no_reason|price_drop";
    private static final String SHARE = "有问题的比例，0-1，例如坏了一半为 0.5";
    private static final String UNUSED = "商品是否未使用且包装完好";
    private static final String PHOTOS = "顾客上传的图片编号";

    private final AfterSalesTools tools;
    private final String customerId;
    private volatile HandoffReason handoff;
    private Flow request;
    private BigDecimal offered;

    ShopperTools(AfterSalesTools tools, String customerId) {
        this.tools = tools;
        this.customerId = customerId;
    }

    @Tool(name = "listMyOrders")
    public String listMyOrders() {
        return json(tools.myOrders(customerId).stream().map(ShopperTools::describe).toList());
    }

    @Tool(name = "getOrder")
    public String getOrder(@P(ORDER) String orderId) {
        return tools.order(customerId, orderId).map(o -> json(describe(o))).orElse(notFound(orderId));
    }

    @Tool(name = "checkEligibility")
    public String checkEligibility(@P(ORDER) String orderId, @P(value = SKU, required = false) String sku,
            @P(KIND) String kind, @P(REASON) String reason, @P(value = SHARE, required = false) Double share,
            @P(value = UNUSED, required = false) Boolean unused, @P(value = PHOTOS, required = false) List<String> photoIds) {
        Optional<Claim> claim = claim(orderId, sku, kind, reason, share, unused, photoIds);
        if (claim.isEmpty()) {
            return invalid(orderId, sku, kind, reason);
        }
        try {
            Decision d = tools.checkEligibility(customerId, claim.get()).decision();
            return json(decision(d));
        } catch (AfterSalesService.UnknownOrderException e) {
            return json(Map.of("error", e.getMessage()));
        }
    }

    /**
     * Only proposes: the request goes to the shopper as the after-sales flow's confirmation question
     * after the model's reply, and is created when the shopper confirms it, on the flow's own path. So no
     * number of calls, nor a turn we stop waiting for, can create anything.
     */
    @Tool(name = "proposeAfterSales")
    public String proposeAfterSales(@P(ORDER) String orderId, @P(value = SKU, required = false) String sku,
            @P(KIND) String kind, @P(REASON) String reason, @P(value = SHARE, required = false) Double share,
            @P(value = UNUSED, required = false) Boolean unused, @P(value = PHOTOS, required = false) List<String> photoIds) {
        Optional<Claim> claim = claim(orderId, sku, kind, reason, share, unused, photoIds);
        if (claim.isEmpty()) {
            return invalid(orderId, sku, kind, reason);
        }
        Claim c = claim.get();
        try {
            Optional<AfterSalesOrder> standing = tools.standing(customerId, c);
            if (standing.isPresent()) {
                return json(Map.of("proposed", false, "alreadyExists", true, "aftersalesId", standing.get().id, "status",
                        standing.get().status.name().toLowerCase(Locale.ROOT)));
            }
            Decision d = tools.checkEligibility(customerId, c).decision();
            Map<String, Object> out = decision(d);
            boolean proposed = d.outcome() != Decision.Outcome.REJECTED;
            if (proposed) {
                request(new Flow(null, c.orderId(), c.sku(), c.kind(), c.reason(), c.share(), unused, c.evidence(), null), d.amount());
            }
            out.put("proposed", proposed);
            if (proposed) {
                out.put("next", d.outcome() == Decision.Outcome.NEEDS_EVIDENCE ? EVIDENCE : PROPOSED);
            }
            return json(out);
        } catch (AfterSalesService.UnknownOrderException e) {
            return json(Map.of("error", e.getMessage()));
        }
    }

    @Tool(name = "listMyAfterSales")
    public String listMyAfterSales() {
        return json(tools.myAfterSales(customerId).stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("aftersalesId", a.id);
            m.put("orderId", a.orderId);
            m.put("item", a.itemName);
            m.put("kind", a.kind);
            m.put("status", a.status.name().toLowerCase(Locale.ROOT));
            m.put("amount", a.amount);
            m.put("createdAt", a.createdAt.toString());
            return m;
        }).toList());
    }

    /** Booked after the model's reply, through the after-sales flow like a visit asked for there. */
    @Tool(name = "bookVisit")
    public String bookVisit(@P(ORDER) String orderId, @P("install|repair") String kind) {
        if (!"install".equals(kind) && !"repair".equals(kind)) {
            return json(Map.of("error", "kind 只能是 install 或 repair"));
        }
        Optional<Order> order = orderId == null ? Optional.empty() : tools.order(customerId, orderId);
        if (order.isEmpty()) {
            return notFound(orderId);
        }
        if ("repair".equals(kind) && !order.get().items().isEmpty()) { // past the free period the flow books nothing: say so
            // the free period counts from the order's delivery and depends on its category only: any line tells it
            Decision cover = tools.repairCover(order.get(), order.get().items().get(0));
            if (cover.outcome() == Decision.Outcome.REJECTED) {
                return json(Map.of("booked", false, "rule", cover.rule(), "reason", cover.reason()));
            }
        }
        request(new Flow(kind, orderId, null, null, null, null, null, List.of(), null), null);
        return json(Map.of("requested", true, "next", VISIT));
    }

    @Tool(name = "handOffToHuman")
    public String handOffToHuman(@P("requested|upset|unsure") String why) {
        handoff = switch (why == null ? "" : why) {
            case "upset" -> HandoffReason.NEGATIVE_SENTIMENT;
            case "unsure" -> HandoffReason.LOW_CONFIDENCE;
            default -> HandoffReason.REQUESTED;
        };
        return json(Map.of("queued", true));
    }

    private synchronized void request(Flow f, BigDecimal amount) {
        request = f;
        offered = amount;
    }

    /** What the shopper asked for this turn, to be taken up by the after-sales flow after the reply; or null. */
    synchronized Flow request() {
        return request;
    }

    /** The amount the policy engine offered for the proposed request, if any: the only amount the reply may name. */
    synchronized List<BigDecimal> offered() {
        return offered == null ? List.of() : List.of(offered);
    }

    HandoffReason handoff() {
        return handoff;
    }

    /** The claim as the after-sales flow will settle it, or empty when a detail is missing or the order is not the shopper's. */
    private Optional<Claim> claim(String orderId, String sku, String kind, String reason, Double share, Boolean unused,
            List<String> photoIds) {
        ClaimKind k = parse(ClaimKind.class, kind);
        ClaimReason r = parse(ClaimReason.class, reason);
        if (orderId == null || k == null || r == null || r == ClaimReason.GOODWILL) {
            return Optional.empty(); // compensation is for agents only
        }
        Optional<Order> order = tools.order(customerId, orderId);
        if (order.isEmpty()) {
            return Optional.empty();
        }
        String item = sku;
        if (item == null || item.isBlank()) {
            List<Order.Item> items = order.get().items();
            item = items.size() == 1 ? items.get(0).sku() : null;
        }
        if (item == null) {
            return Optional.empty();
        }
        // as in the after-sales flow: an unanswered "unused?" counts as unused, and the flow asks it before a confirmation
        Claim claim = new Claim(orderId, item, k, r, share == null ? 1 : share, photoIds, !Boolean.FALSE.equals(unused));
        return Optional.of(AfterSalesFlow.settled(claim, order.get()));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String invalid(String orderId, String sku, String kind, String reason) {
        if (orderId != null && tools.order(customerId, orderId).isEmpty()) {
            return notFound(orderId);
        }
        return json(Map.of("error", "参数不完整或无效：需要订单号、商品 sku（订单有多件商品时）、kind 和 reason（取值见说明）；收到 orderId="
                + orderId + ", sku=" + sku + ", kind=" + kind + ", reason=" + reason));
    }

    private static String notFound(String orderId) {
        return json(Map.of("error", "没有找到订单 " + orderId + "（只能查询本人的订单）"));
    }

    private static Map<String, Object> decision(Decision d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("outcome", d.outcome().name().toLowerCase(Locale.ROOT));
        out.put("reason", d.reason());
        out.put("maxAmount", d.amount());
        return out;
    }

    private static Map<String, Object> describe(Order o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", o.orderId());
        m.put("category", o.category());
        m.put("status", o.status());
        m.put("deliveredAt", o.deliveredAt() == null ? null : o.deliveredAt().toString());
        m.put("items", o.items().stream().map(i -> Map.of("sku", i.sku(), "name", i.name(), "qty", i.qty(), "paid", i.paid(),
                "custom", i.custom())).toList());
        return m;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
