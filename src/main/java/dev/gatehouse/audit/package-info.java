/** The append-only audit trail: what happened, who did it, from where; searchable by auditors and admins. */
package dev.gatehouse.audit;
