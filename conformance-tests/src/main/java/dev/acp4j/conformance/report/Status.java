package dev.acp4j.conformance.report;

/** A requirement's outcome in one run. */
public enum Status {
    PASS, FAIL, SKIP;

    /** FAIL outweighs PASS outweighs SKIP when several scenarios judge the same requirement. */
    int weight() {
        return switch (this) {
            case FAIL -> 2;
            case PASS -> 1;
            case SKIP -> 0;
        };
    }
}
