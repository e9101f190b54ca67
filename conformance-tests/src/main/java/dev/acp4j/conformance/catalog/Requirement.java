package dev.acp4j.conformance.catalog;

/**
 * One checkable rule.
 *
 * @param id     stable identifier, used by {@code --only} and in reports
 * @param level  how a failure counts
 * @param source the spec section (or AUTH-PROFILE.md section) the rule comes from
 * @param checks what the harness does to check it, in one sentence
 */
public record Requirement(String id, Level level, String source, String checks) {
}
