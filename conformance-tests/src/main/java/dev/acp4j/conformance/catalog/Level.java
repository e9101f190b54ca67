package dev.acp4j.conformance.catalog;

/** How much a requirement's failure counts. */
public enum Level {
    /** Normative in ACP v1 or JSON-RPC 2.0: a failure makes the run fail. */
    REQUIRED,
    /** Good practice: reported, never fails the run. */
    ADVISORY,
    /** The acp4j authentication profile's extensions: fails the run only with {@code --strict-extensions}. */
    EXTENSION
}
