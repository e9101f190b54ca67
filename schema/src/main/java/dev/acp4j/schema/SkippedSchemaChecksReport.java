package dev.acp4j.schema;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says in the build output how many checks against the official ACP schema were skipped because
 * the schema was not found: one {@code [WARNING]} line at the end of a module's test run, none
 * when nothing was skipped. A check counts when its test was aborted (an assumption) with a
 * reason that names {@value #REASON}, the phrase every such assumption uses. Registered as a JUnit
 * Platform listener (META-INF/services) for every test run that has this module on its class path.
 */
public final class SkippedSchemaChecksReport implements TestExecutionListener {

    /** The phrase in the reason of every assumption that skips a check for want of the official schema. */
    public static final String REASON = "official ACP schema";

    private final AtomicInteger skipped = new AtomicInteger();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED && test.isTest()
                && result.getThrowable().map(Throwable::getMessage).filter(m -> m.contains(REASON)).isPresent()) {
            skipped.incrementAndGet();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        int count = skipped.getAndSet(0);
        if (count > 0) {
            String property = System.getProperty(OfficialSchema.PROPERTY);
            System.out.println("[WARNING] " + count + " checks against the " + REASON + " were SKIPPED: "
                    + (property != null ? property + " does not exist" : "not found") + ". Point -D"
                    + OfficialSchema.PROPERTY + "=PATH at its schema.json (e.g. ../shared/acp-schema/v1/schema.json).");
        }
    }
}
