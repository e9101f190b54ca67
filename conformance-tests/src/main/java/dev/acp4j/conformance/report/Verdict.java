package dev.acp4j.conformance.report;

import dev.acp4j.conformance.catalog.Requirement;

/** The judgement on one requirement, with a one-line reason. */
public record Verdict(Requirement requirement, Status status, String reason) {

    public Verdict {
        reason = oneLine(reason);
    }

    /** Combines two judgements of the same requirement: the weightier status wins, reasons of equal weight join. */
    public Verdict merge(Verdict other) {
        if (other.status.weight() > status.weight()) {
            return other;
        }
        if (other.status.weight() < status.weight() || other.reason.equals(reason)) {
            return this;
        }
        return new Verdict(requirement, status, reason + "; " + other.reason);
    }

    private static String oneLine(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return flat.length() <= 300 ? flat : flat.substring(0, 297) + "...";
    }
}
