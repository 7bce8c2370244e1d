package shop.kefu.dialog;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shop.kefu.aftersales.AfterSalesOrder;
import shop.kefu.aftersales.AfterSalesTools;
import shop.kefu.aftersales.Order;

/** "我的订单到哪了" and "我的退款到哪了": the shopper's own orders and after-sales orders, in plain words. */
@ApplicationScoped
public class StatusReplies {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");
    private static final Map<String, String> ORDER_STATUS = Map.of("created", "已下单", "paid", "已付款", "shipped", "已发货",
            "delivered", "已签收", "cancelled", "已取消");

    @Inject
    AfterSalesTools tools;
    @Inject
    Replies replies;

    public TurnResult orders(Turn turn, DialogState state) {
        List<Order> orders = tools.myOrders(turn.customerId());
        if (orders.isEmpty()) {
            return TurnResult.say(replies.text("orders.none"), 1.0).withState(state.json());
        }
        String lines = orders.stream().limit(5).map(o -> "· " + o.orderId() + " "
                + o.items().stream().map(Order.Item::name).collect(Collectors.joining("、")) + "："
                + ORDER_STATUS.getOrDefault(o.status(), o.status())
                + (o.deliveredAt() != null ? "（" + WHEN.format(o.deliveredAt()) + " 签收）" : ""))
                .collect(Collectors.joining("\n"));
        return TurnResult.say(replies.text("orders.list", Map.of("orders", lines)), 1.0).withState(state.json());
    }

    /** @param none the reply when the shopper has no after-sales order, or null for the plain "none yet" */
    public TurnResult aftersales(Turn turn, DialogState state, java.util.function.Supplier<TurnResult> none) {
        List<AfterSalesOrder> mine = tools.myAfterSales(turn.customerId());
        if (mine.isEmpty()) {
            TurnResult instead = none.get();
            return instead != null ? instead : TurnResult.say(replies.text("aftersales.none"), 1.0).withState(state.json());
        }
        String lines = mine.stream().limit(5).map(a -> "· " + a.id + " " + a.itemName + " " + kindLabel(a.kind) + " ¥"
                + a.amount.toPlainString() + "：" + a.status.label + next(a)).collect(Collectors.joining("\n"));
        return TurnResult.say(replies.text("aftersales.list", Map.of("items", lines)), 1.0).withState(state.json());
    }

    private static String kindLabel(String kind) {
        return switch (kind) {
            case "refund" -> "退款";
            case "return" -> "退货";
            case "replacement" -> "换货";
            default -> "补发";
        };
    }

    private static String next(AfterSalesOrder a) {
        return switch (a.status) {
            case UNDER_REVIEW -> "，售后专员会在24小时内审核";
            case APPROVED -> "refund".equals(a.kind) ? "，退款将原路退回，一般1-3个工作日到账" : "，我们会尽快安排";
            case PICKUP_SCHEDULED -> "，快递员会上门取件";
            case RECEIVED -> "，退货已到仓，5个工作日内完成处理";
            case REFUNDED -> "，款项已原路退回";
            default -> "";
        };
    }
}
