package dev.gatehouse.review.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.DirectorySynced;
import dev.gatehouse.directory.OuRow;
import dev.gatehouse.directory.SyncStatus;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.CampaignTemplate;
import dev.gatehouse.review.DueDatePolicy;
import dev.gatehouse.review.ItemKind;
import dev.gatehouse.review.Recurrence;
import dev.gatehouse.review.ReviewTemplates;
import dev.gatehouse.review.ReviewTiming;
import dev.gatehouse.review.ReviewerStage;
import dev.gatehouse.security.AsSystem;
import dev.gatehouse.shared.ConditionalOnMode;
import dev.gatehouse.shared.GatehouseMode;

/**
 * Demo mode only: after a successful sync, adds the "Quarterly production review" template (the Production
 * OU, managers then account owners, Jordan as fallback, undecided items kept and flagged) unless a
 * template of that name exists, so the demo has a review to start and no campaign running by itself.
 * Saved through {@link ReviewTemplates} as Gatehouse, so it is checked and audited like an admin's.
 */
@Component
@ConditionalOnMode(GatehouseMode.DEMO)
@ConditionalOnProperty(name = "gatehouse.reviews.demo-template", havingValue = "true", matchIfMissing = true)
class DemoReviewTemplate {

    static final String NAME = "Quarterly production review";
    private static final Logger log = LoggerFactory.getLogger(DemoReviewTemplate.class);

    private final ReviewTemplates templates;
    private final TemplateRepository stored;
    private final DirectoryLookup directory;

    DemoReviewTemplate(ReviewTemplates templates, TemplateRepository stored, DirectoryLookup directory) {
        this.templates = templates;
        this.stored = stored;
        this.directory = directory;
    }

    @ApplicationModuleListener
    void on(DirectorySynced event) {
        if (event.run().status() == SyncStatus.SUCCEEDED) {
            addUnlessPresent();
        }
    }

    /** @return whether it added the template now */
    boolean addUnlessPresent() {
        return AsSystem.run(this::add);
    }

    private boolean add() {
        if (stored.named(NAME).isPresent()) {
            return false;
        }
        Optional<OuRow> production = directory.findOrganizationalUnits("Production", 20).stream()
                .filter(ou -> ou.name().equals("Production"))
                .min(Comparator.comparingInt(ou -> ou.path().length()));
        Optional<UserRow> jordan = directory.findUsers("jordan.kim", 5).stream()
                .filter(user -> user.userName().equals("jordan.kim")).findFirst();
        if (production.isEmpty() || jordan.isEmpty()) {
            log.warn("The demo organization lacks the Production OU or Jordan; no demo review template added.");
            return false;
        }
        CampaignTemplate.Settings settings = new CampaignTemplate.Settings(
                "Every quarter: is each person's standing access to production still needed? Managers decide "
                        + "first, then the account's owner.",
                CampaignScope.ous(Set.of(production.get().id())),
                List.of(ReviewerStage.manager(), ReviewerStage.accountOwner()), jordan.get().id(), 14,
                DueDatePolicy.KEEP_AND_FLAG, ReviewTiming.defaults(), Recurrence.QUARTERLY,
                Set.of(ItemKind.STANDING));
        templates.save(NAME, settings);
        log.info("Demo mode: added the review template \"{}\".", NAME);
        return true;
    }
}
