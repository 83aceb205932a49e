package dev.gatehouse.permissionset;

/**
 * One thing to fix or consider in a permission set definition, as the editor shows it beside the field.
 *
 * @param field   the {@link PermissionSetSpec} component it is about: "name", "inlinePolicy", "tags", ...
 * @param line    the 1-based line in the inline policy, 0 when the finding is not about a line
 * @param column  the 1-based column on that line, 0 when not about a line
 * @param code    a stable identifier of the rule, e.g. {@code NAME_TOO_LONG} or Access Analyzer's issue code
 * @param message what is wrong and what to do, for a person
 */
public record PolicyFinding(Severity severity, Source source, String field, int line, int column, String code,
        String message) {

    /** IAM Access Analyzer's finding types, so its findings and Gatehouse's sort and show alike. */
    public enum Severity {
        /** AWS refuses the definition as it is. */
        ERROR,
        /** AWS accepts it, and it grants more than it may look like it does. */
        SECURITY_WARNING,
        /** AWS accepts it, and something about it is likely a mistake. */
        WARNING,
        /** A way to write the same thing better. */
        SUGGESTION
    }

    public enum Source { GATEHOUSE, ACCESS_ANALYZER }

    public boolean blocksSaving() {
        return severity == Severity.ERROR;
    }
}
