package dev.gatehouse.audit;

import java.util.OptionalLong;

/**
 * What an entry is about, beyond its subject text, in fields the audit screen filters and links by;
 * each empty when it does not apply.
 *
 * @param person       the person the entry concerns (the requester, the grant's holder, who signed in)
 * @param requestId    the access request the entry belongs to
 * @param awsRequestId AWS's id for the request of an AWS write
 */
public record AuditSubjects(String accountId, String permissionSet, String person, OptionalLong requestId,
                            String awsRequestId) {

    public static final AuditSubjects NONE = new AuditSubjects("", "", "", OptionalLong.empty(), "");

    public AuditSubjects {
        accountId = accountId == null ? "" : accountId;
        permissionSet = permissionSet == null ? "" : permissionSet;
        person = person == null ? "" : person;
        awsRequestId = awsRequestId == null ? "" : awsRequestId;
    }

    public AuditSubjects account(String id) {
        return new AuditSubjects(id, permissionSet, person, requestId, awsRequestId);
    }

    public AuditSubjects permissionSetNamed(String name) {
        return new AuditSubjects(accountId, name, person, requestId, awsRequestId);
    }

    public AuditSubjects concerning(String name) {
        return new AuditSubjects(accountId, permissionSet, name, requestId, awsRequestId);
    }

    public AuditSubjects request(long id) {
        return new AuditSubjects(accountId, permissionSet, person, OptionalLong.of(id), awsRequestId);
    }

    public AuditSubjects awsRequest(String id) {
        return new AuditSubjects(accountId, permissionSet, person, requestId, id);
    }
}
