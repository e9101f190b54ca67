package dev.acp4j.conformance.report;

import dev.acp4j.conformance.catalog.Requirement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Collects verdicts, merging repeated judgements of a requirement. Thread-safe. */
public final class Verdicts {

    private final Map<String, Verdict> byId = new LinkedHashMap<>();

    public void pass(Requirement requirement, String reason) {
        add(new Verdict(requirement, Status.PASS, reason));
    }

    public void fail(Requirement requirement, String reason) {
        add(new Verdict(requirement, Status.FAIL, reason));
    }

    public void skip(Requirement requirement, String reason) {
        add(new Verdict(requirement, Status.SKIP, reason));
    }

    /** PASS when there are no problems; else FAIL with their count, {@code failInfix} and the first. */
    public void judge(Requirement requirement, List<String> problems, String passReason, String failInfix) {
        if (problems.isEmpty()) {
            pass(requirement, passReason);
        } else {
            fail(requirement, problems.size() + failInfix + problems.get(0));
        }
    }

    public synchronized void add(Verdict verdict) {
        byId.merge(verdict.requirement().id(), verdict, Verdict::merge);
    }

    public synchronized void addAll(Verdicts other) {
        other.snapshot().values().forEach(this::add);
    }

    public synchronized boolean has(Requirement requirement) {
        return byId.containsKey(requirement.id());
    }

    public synchronized Optional<Verdict> get(Requirement requirement) {
        return Optional.ofNullable(byId.get(requirement.id()));
    }

    public synchronized Map<String, Verdict> snapshot() {
        return new LinkedHashMap<>(byId);
    }
}
