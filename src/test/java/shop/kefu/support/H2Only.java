package shop.kefu.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test of something only the embedded H2 database has, skipped (with the reason given) when the suite
 * runs on PostgreSQL ({@link TestDatabase}). Evaluated before the application starts, so a skipped class
 * with a profile of its own costs no start.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(H2Only.OnH2.class)
public @interface H2Only {

    /** Why the test means nothing on PostgreSQL. */
    String value();

    class OnH2 implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (!TestDatabase.postgres()) {
                return ConditionEvaluationResult.enabled("H2");
            }
            String why = context.getTestClass().map(c -> c.getAnnotation(H2Only.class)).map(H2Only::value).orElse("");
            return ConditionEvaluationResult.disabled("H2 only: " + why);
        }
    }
}
