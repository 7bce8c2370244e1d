package shop.kefu.proactive;

import java.time.OffsetDateTime;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import shop.kefu.common.Exceptions;

/** Whether a shopper wants proactive messages: on unless they said "别再发了" or turned them off. */
@ApplicationScoped
public class Preferences {

    public boolean optedOut(String customerId) {
        return QuarkusTransaction.joiningExisting().call(() -> ProactivePref.<ProactivePref> findByIdOptional(customerId)
                .map(p -> p.optedOut).orElse(false));
    }

    /** Turns proactive messages off (true) or on again; a second call with the same value changes nothing. */
    public void setOptedOut(String customerId, boolean optedOut) {
        try {
            write(customerId, optedOut);
        } catch (RuntimeException e) {
            if (!Exceptions.constraintViolation(e)) {
                throw e;
            }
            write(customerId, optedOut); // the shopper's first choice made twice at once: the row exists now
        }
    }

    private static void write(String customerId, boolean optedOut) {
        QuarkusTransaction.requiringNew().run(() -> {
            ProactivePref p = ProactivePref.findById(customerId);
            if (p == null) {
                p = new ProactivePref();
                p.customerId = customerId;
                p.optedOut = optedOut;
                p.updatedAt = OffsetDateTime.now();
                p.persistAndFlush();
                return;
            }
            p.optedOut = optedOut;
            p.updatedAt = OffsetDateTime.now();
        });
    }
}
