package shop.kefu.aftersales;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestResponse;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import shop.kefu.common.Page;
import shop.kefu.common.PageRequest;
import shop.kefu.common.Refusal;
import shop.kefu.security.Roles;

/** Orders and after-sales orders over REST: shoppers see their own; staff see all; admins add orders. */
@Path("/api")
public class OrderResources {

    @Inject
    OrderGateway orders;
    @Inject
    BuiltInOrders builtIn;
    @Inject
    OrderGatewayProducer gateways;
    @Inject
    AfterSalesService aftersales;

    public record NewItem(@NotNull @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}") String sku, @NotNull @Size(min = 1, max = 200) String name,
            @Min(1) @Max(9999) int qty, @NotNull @DecimalMin("0.00") BigDecimal price, boolean custom,
            @DecimalMin("0.00") BigDecimal currentPrice) {
    }

    public record NewOrder(@NotNull @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}") String orderId,
            @NotNull @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}") String customerId,
            @NotNull @Pattern(regexp = "fresh|appliance|furniture") String category,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull NewItem> items,
            @NotNull @Pattern(regexp = "created|paid|shipped|delivered|cancelled") String status,
            OffsetDateTime deliveredAt) {
    }

    public record AfterSalesView(String id, String orderId, String customerId, String kind, String reason,
            List<Map<String, Object>> items, BigDecimal amount, String status, String statusLabel, Map<String, String> decision,
            List<String> evidence, OffsetDateTime createdAt, List<Map<String, String>> history) {
    }

    public record Transition(@NotNull AfterSalesStatus status, @Size(max = 1000) String note) {
    }

    @POST
    @Path("/admin/orders")
    @RolesAllowed(Roles.ADMIN)
    public RestResponse<Order> addOrder(@Valid @NotNull NewOrder o) {
        if (!gateways.isBuiltIn()) {
            throw Refusal.conflict("not_builtin", "Orders come from the shop's order system; the built-in store is off.");
        }
        if ("delivered".equals(o.status()) && o.deliveredAt() == null) {
            throw Refusal.invalid("missing_delivered_at", "A delivered order needs deliveredAt.");
        }
        Order order = new Order(o.orderId(), o.customerId(), o.category(), o.items().stream()
                .map(i -> new Order.Item(i.sku(), i.name(), i.qty(), i.price(), i.custom(), i.currentPrice())).toList(),
                o.status(), o.deliveredAt());
        if (!builtIn.add(order)) {
            throw Refusal.conflict("exists", "Order '" + o.orderId() + "' already exists.");
        }
        return RestResponse.status(RestResponse.Status.CREATED, order);
    }

    @GET
    @Path("/me/orders")
    @RolesAllowed(Roles.SHOPPER)
    public List<Order> myOrders(SecurityContext who) {
        return orders.ordersOf(who.getUserPrincipal().getName());
    }

    @GET
    @Path("/me/aftersales")
    @RolesAllowed(Roles.SHOPPER)
    public RestResponse<List<AfterSalesView>> myAfterSales(SecurityContext who, @QueryParam("limit") Integer limit,
            @QueryParam("after") String after, @Context UriInfo uri) {
        return views(aftersales.of(who.getUserPrincipal().getName(), PageRequest.of(limit, after)), uri);
    }

    @GET
    @Path("/aftersales")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    public RestResponse<List<AfterSalesView>> all(@QueryParam("status") String status, @QueryParam("limit") Integer limit,
            @QueryParam("after") String after, @Context UriInfo uri) {
        AfterSalesStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = AfterSalesStatus.valueOf(status.strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("invalid_status", "Unknown status '" + status + "'.");
            }
        }
        return views(aftersales.withStatus(s, PageRequest.of(limit, after)), uri);
    }

    private RestResponse<List<AfterSalesView>> views(Page<AfterSalesOrder> page, UriInfo uri) {
        return new Page<>(page.items().stream().map(this::view).toList(), page.next()).response(uri);
    }

    @GET
    @Path("/aftersales/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    public AfterSalesView one(@PathParam("id") String id) {
        return aftersales.find(id).map(this::view).orElseThrow(() -> Refusal.notFound("No after-sales order '" + id + "'."));
    }

    @POST
    @Path("/aftersales/{id}/transition")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    public AfterSalesView transition(@PathParam("id") String id, @Valid @NotNull Transition t, SecurityContext who) {
        return view(aftersales.transition(id, t.status(), t.note(), who.getUserPrincipal().getName(),
                who.isUserInRole(Roles.SUPERVISOR) || who.isUserInRole(Roles.ADMIN)));
    }

    AfterSalesView view(AfterSalesOrder a) {
        return new AfterSalesView(a.id, a.orderId, a.customerId, a.kind, a.reason,
                List.of(Map.of("sku", a.sku, "name", a.itemName, "qty", a.qty)), a.amount, a.status.name().toLowerCase(),
                a.status.label, Map.of("rule", a.decisionRule, "reason", a.decisionReason), aftersales.evidence(a), a.createdAt,
                aftersales.history(a));
    }
}
