package shop.kefu.aftersales;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** Chooses the order source by configuration (kefu.orders.gateway). */
@ApplicationScoped
public class OrderGatewayProducer {

    @Inject
    OrdersConfig config;
    @Inject
    BuiltInOrders builtIn;
    @Inject
    ObjectMapper json;

    @Produces
    @ApplicationScoped
    OrderGateway gateway() {
        return switch (config.gateway()) {
            case "builtin" -> builtIn;
            case "http" -> new HttpOrderGateway(config.url().orElseThrow(() -> new IllegalStateException(
                    "kefu.orders.gateway=http needs kefu.orders.url")), config.key().orElse(""), config.timeout(), json);
            default -> throw new IllegalStateException("kefu.orders.gateway must be builtin or http, not " + config.gateway());
        };
    }

    public boolean isBuiltIn() {
        return "builtin".equals(config.gateway());
    }
}
