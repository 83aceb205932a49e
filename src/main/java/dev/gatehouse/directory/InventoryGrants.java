package dev.gatehouse.directory;

import java.time.OffsetDateTime;

import org.jooq.Record4;
import org.jooq.Record9;
import org.jooq.Select;

/**
 * What the access module contributes to the access inventory, as queries over its own tables, so that
 * the inventory stays one SQL query per page while no module reads another's tables.
 */
public interface InventoryGrants {

    /**
     * Access that just-in-time grants hold now, one row per (user, account, permission set), the grant
     * that ends first: user id, account id, permission-set ARN, grant id, request id, ends at, and the
     * holder's, account's and permission set's names as the request recorded them.
     */
    Select<Record9<String, String, String, Long, Long, OffsetDateTime, String, String, String>> holdingAccess();

    /** The assignments Gatehouse created: account id, permission-set ARN, principal type, principal id. */
    Select<Record4<String, String, String, String>> createdByGatehouse();
}
