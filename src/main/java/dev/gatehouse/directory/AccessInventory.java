package dev.gatehouse.directory;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.directory.internal.InventoryRepository;
import dev.gatehouse.security.AdminOrAuditor;

/**
 * Who has what, and how: each person's effective access per (account, permission set) in a scope,
 * held directly, through a group (one row per group) or by an active just-in-time grant, as the last
 * sync, Gatehouse's own writes since and the access module's grants say. One query per page or stream;
 * admins and auditors only.
 */
@Service
@Transactional(readOnly = true)
@AdminOrAuditor
public class AccessInventory {

    private final InventoryRepository repository;

    AccessInventory(InventoryRepository repository) {
        this.repository = repository;
    }

    /** One page in the order's stable sequence; offsets past the end give an empty page. */
    public List<AccessHolding> page(InventoryScope scope, InventoryOrder order, int offset, int limit) {
        return repository.page(scope, order, offset, limit);
    }

    /**
     * One page for a directory screen: rows whose account (name or id), permission set, person (name or
     * user name) or group contains the page's search text, sorted by ACCOUNT, PERMISSION_SET, PERSON or
     * GROUP (how it is held: directly, through groups by name, then just-in-time).
     */
    public List<AccessHolding> page(InventoryScope scope, DirectoryPage page) {
        return repository.page(scope, page);
    }

    public long count(InventoryScope scope) {
        return repository.count(scope);
    }

    /** Every row in the scope, handed over one by one from a database cursor: memory stays flat at any size. */
    public void each(InventoryScope scope, InventoryOrder order, Consumer<AccessHolding> each) {
        repository.each(scope, order, each);
    }
}
