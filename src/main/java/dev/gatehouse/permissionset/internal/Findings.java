package dev.gatehouse.permissionset.internal;

import java.util.ArrayList;
import java.util.List;

import dev.gatehouse.permissionset.PolicyFinding;
import dev.gatehouse.permissionset.PolicyFinding.Severity;
import dev.gatehouse.permissionset.PolicyFinding.Source;

/** Gatehouse's own findings as the checks collect them, about one field of the spec. */
final class Findings {

    private final String field;
    private final List<PolicyFinding> found;

    Findings(String field, List<PolicyFinding> found) {
        this.field = field;
        this.found = found;
    }

    static Findings into(String field) {
        return new Findings(field, new ArrayList<>());
    }

    Findings about(String other) {
        return new Findings(other, found);
    }

    void error(String code, String message) {
        add(Severity.ERROR, 0, 0, code, message);
    }

    void error(PolicyNode at, String code, String message) {
        add(Severity.ERROR, at.line(), at.column(), code, message);
    }

    void error(PolicyNode.Entry at, String code, String message) {
        add(Severity.ERROR, at.line(), at.column(), code, message);
    }

    void add(Severity severity, int line, int column, String code, String message) {
        found.add(new PolicyFinding(severity, Source.GATEHOUSE, field, line, column, code, message));
    }

    void add(Severity severity, PolicyNode at, String code, String message) {
        add(severity, at.line(), at.column(), code, message);
    }

    List<PolicyFinding> list() {
        return found;
    }
}
