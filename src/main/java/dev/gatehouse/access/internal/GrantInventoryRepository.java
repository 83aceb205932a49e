package dev.gatehouse.access.internal;

import static dev.gatehouse.db.Tables.ACCESS_ASSIGNMENT;
import static dev.gatehouse.db.Tables.ACCESS_GRANT;
import static dev.gatehouse.db.Tables.ACCESS_REQUEST;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.jooq.Record4;
import org.jooq.Record9;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.gatehouse.access.GrantStatus;
import dev.gatehouse.directory.InventoryGrants;

/** The access module's part of the directory's access inventory: its grants and its ledger of assignments. */
@Repository
class GrantInventoryRepository implements InventoryGrants {

    private static final List<GrantStatus> HOLDING = Arrays.stream(GrantStatus.values())
            .filter(GrantStatus::holdsAccess).toList();

    @Override
    public Select<Record9<String, String, String, Long, Long, OffsetDateTime, String, String, String>> holdingAccess() {
        // Overlapping grants on one triple hold one assignment: the one that ends first speaks for it.
        return DSL.selectDistinct(ACCESS_GRANT.USER_ID, ACCESS_GRANT.ACCOUNT_ID, ACCESS_GRANT.PERMISSION_SET_ARN,
                        ACCESS_GRANT.ID, ACCESS_GRANT.REQUEST_ID, ACCESS_GRANT.ENDS_AT, ACCESS_REQUEST.REQUESTER_NAME,
                        ACCESS_REQUEST.ACCOUNT_NAME, ACCESS_REQUEST.PERMISSION_SET_NAME)
                .on(ACCESS_GRANT.USER_ID, ACCESS_GRANT.ACCOUNT_ID, ACCESS_GRANT.PERMISSION_SET_ARN)
                .from(ACCESS_GRANT)
                .join(ACCESS_REQUEST).on(ACCESS_REQUEST.ID.eq(ACCESS_GRANT.REQUEST_ID))
                .where(ACCESS_GRANT.STATUS.in(HOLDING))
                .orderBy(ACCESS_GRANT.USER_ID, ACCESS_GRANT.ACCOUNT_ID, ACCESS_GRANT.PERMISSION_SET_ARN,
                        ACCESS_GRANT.ENDS_AT, ACCESS_GRANT.ID);
    }

    @Override
    public Select<Record4<String, String, String, String>> createdByGatehouse() {
        return DSL.select(ACCESS_ASSIGNMENT.ACCOUNT_ID, ACCESS_ASSIGNMENT.PERMISSION_SET_ARN,
                        ACCESS_ASSIGNMENT.PRINCIPAL_TYPE, ACCESS_ASSIGNMENT.PRINCIPAL_ID)
                .from(ACCESS_ASSIGNMENT)
                .where(ACCESS_ASSIGNMENT.OWNED);
    }
}
