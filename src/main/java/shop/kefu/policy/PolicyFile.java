package shop.kefu.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and validates the policy file; every problem names the file and line (or the missing key). */
public final class PolicyFile {

    static final Set<String> KEYS = Set.of("fresh.claim-window-hours", "fresh.evidence-required", "fresh.small-claim-limit",
            "fresh.no-reason-return", "appliance.no-reason-return-days", "appliance.quality-return-days",
            "appliance.quality-exchange-days", "appliance.price-protection-days", "appliance.warranty-days",
            "furniture.return-days", "furniture.quality-repair-days", "delay.free-shipping-hours", "delay.coupon-hours",
            "delay.coupon.fresh", "delay.coupon.appliance", "delay.coupon.furniture");

    private PolicyFile() {
    }

    public static class InvalidPolicyException extends RuntimeException {
        public InvalidPolicyException(String message) {
            super(message);
        }
    }

    public static Policy load(Path file) {
        try {
            return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the policy file " + file.toAbsolutePath(), e);
        }
    }

    static Policy parse(String name, List<String> lines) {
        Map<String, String> values = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq <= 0) {
                throw new InvalidPolicyException(name + ":" + (i + 1) + ": expected key=value");
            }
            String key = l.substring(0, eq).strip();
            if (!KEYS.contains(key)) {
                throw new InvalidPolicyException(name + ":" + (i + 1) + ": unknown key '" + key + "'");
            }
            values.put(key, l.substring(eq + 1).strip());
            lineOf.put(key, i + 1);
        }
        for (String key : KEYS) {
            if (!values.containsKey(key)) {
                throw new InvalidPolicyException(name + ": missing key '" + key + "'");
            }
        }
        Reader r = new Reader(name, values, lineOf);
        return new Policy(r.days("fresh.claim-window-hours"), r.bool("fresh.evidence-required"), r.money("fresh.small-claim-limit"),
                r.bool("fresh.no-reason-return"), r.days("appliance.no-reason-return-days"),
                r.days("appliance.quality-return-days"), r.days("appliance.quality-exchange-days"),
                r.days("appliance.price-protection-days"), r.days("appliance.warranty-days"), r.days("furniture.return-days"),
                r.days("furniture.quality-repair-days"),
                new Policy.Delay(r.days("delay.free-shipping-hours"), r.days("delay.coupon-hours"), r.money("delay.coupon.fresh"),
                        r.money("delay.coupon.appliance"), r.money("delay.coupon.furniture")));
    }

    private record Reader(String name, Map<String, String> values, Map<String, Integer> lineOf) {
        int days(String key) {
            try {
                int v = Integer.parseInt(values.get(key));
                if (v < 0 || v > 3650) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new InvalidPolicyException(where(key) + ": " + key + " must be a whole number from 0 to 3650");
            }
        }

        boolean bool(String key) {
            String v = values.get(key);
            if (!v.equals("true") && !v.equals("false")) {
                throw new InvalidPolicyException(where(key) + ": " + key + " must be true or false");
            }
            return Boolean.parseBoolean(v);
        }

        BigDecimal money(String key) {
            try {
                BigDecimal v = new BigDecimal(values.get(key));
                if (v.signum() < 0) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new InvalidPolicyException(where(key) + ": " + key + " must be an amount in yuan, 0 or more");
            }
        }

        private String where(String key) {
            return name + ":" + lineOf.get(key);
        }
    }
}
