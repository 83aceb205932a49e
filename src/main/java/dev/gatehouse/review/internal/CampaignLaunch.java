package dev.gatehouse.review.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.directory.AccessHolding;
import dev.gatehouse.directory.AccessInventory;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.InventoryOrder;
import dev.gatehouse.directory.InventoryScope;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.CampaignStatus;
import dev.gatehouse.review.CampaignMessage;
import dev.gatehouse.review.HowHeld;
import dev.gatehouse.review.ItemKind;
import dev.gatehouse.review.Population;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewCampaignLaunched;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.security.AsSystem;
import dev.gatehouse.shared.SystemActor;

/**
 * The review-launch task's step: snapshots a LAUNCHING campaign's items from the access inventory (and the
 * other kinds it reviews, {@link KindSnapshots}), gives each its first stage's reviewer, records the
 * population and makes the campaign ACTIVE (and, when the campaign sends a launch message, the launch as each
 * reviewer's digest of the day); an occurrence of a recurring campaign marks the items new since the previous
 * occurrence. All in one
 * transaction, so a crash leaves the campaign LAUNCHING with no items and the task's next run starts
 * over; it deletes any items it finds first all the same, and leaves a campaign that is no longer
 * LAUNCHING alone.
 */
@Component
public class CampaignLaunch {

    private static final Logger log = LoggerFactory.getLogger(CampaignLaunch.class);
    static final int BATCH = 1_000;

    private final CampaignRepository campaigns;
    private final ItemRepository items;
    private final DigestRepository digests;
    private final SeriesRepository series;
    private final KindSnapshots kinds;
    private final AccessInventory inventory;
    private final DirectoryLookup directory;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CampaignLaunch(CampaignRepository campaigns, ItemRepository items, DigestRepository digests,
                   SeriesRepository series, KindSnapshots kinds, AccessInventory inventory,
                   DirectoryLookup directory, PlatformTransactionManager transactions,
                   ApplicationEventPublisher events, Clock clock) {
        this.campaigns = campaigns;
        this.items = items;
        this.digests = digests;
        this.series = series;
        this.kinds = kinds;
        this.inventory = inventory;
        this.directory = directory;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
    }

    /** @return whether it launched the campaign now (false: not LAUNCHING, so someone else did or it was never asked) */
    public boolean launch(long campaignId) {
        return AsSystem.run(() -> transaction.execute(status -> {
            if (campaigns.lockStatus(campaignId).filter(s -> s == CampaignStatus.LAUNCHING).isEmpty()) {
                return false;
            }
            ReviewCampaign campaign = campaigns.find(campaignId).orElseThrow();
            int partial = items.deleteFor(campaignId);
            if (partial > 0) {
                log.info("Launch of review campaign {} starts over: {} items of an earlier run removed", campaignId, partial);
            }
            Instant at = clock.instant();
            if (campaign.kinds().contains(ItemKind.STANDING)) {
                snapshot(campaign, at);
            }
            snapshotOtherKinds(campaign, at);
            series.markNewSinceLastReview(campaignId);
            Population population = population(campaign, at);
            campaigns.active(campaignId, population);
            if (campaign.timing().sends(CampaignMessage.LAUNCH)) {
                digests.recordLaunch(campaignId, CampaignReminders.day(at), SystemActor.NAME, at);
            }
            events.publishEvent(new ReviewCampaignLaunched(campaignId, campaign.name(), campaigns.launchedBy(campaignId),
                    population, campaign.dueAt(), at));
            log.info("Review campaign {} launched: {} items, SHA-256 {}", campaignId, population.items(), population.sha256());
            return true;
        }));
    }

    private void snapshot(ReviewCampaign campaign, Instant at) {
        CampaignScope scope = campaign.scope();
        ReviewerResolution reviewers = new ReviewerResolution(directory, campaign.fallbackReviewerId());
        Map<String, String> ouPaths = new HashMap<>();
        List<ItemRepository.NewItem> batch = new ArrayList<>(BATCH);
        for (InventoryScope part : inventoryScopes(scope)) {
            inventory.each(part, InventoryOrder.BY_ACCOUNT, holding -> {
                if (!reviewed(holding, scope)) {
                    return;
                }
                ReviewItemRow.Access access = new ReviewItemRow.Access(holding.account().id(), holding.account().name(),
                        ouPaths.computeIfAbsent(holding.account().id(), id -> directory.account(id)
                                .map(AccountRow::ouPath).orElse("")),
                        holding.permissionSet().arn(), holding.permissionSet().name());
                boolean direct = holding.held().how() == AccessHolding.How.DIRECT;
                batch.add(new ItemRepository.NewItem(
                        new ReviewItemRow.Person(holding.person().userId(), holding.person().displayName()), access,
                        direct ? HowHeld.DIRECT : HowHeld.GROUP, direct ? "" : holding.held().principalId(),
                        holding.held().groupName(), holding.firstSeen(),
                        reviewers.reviewer(campaign.stages().get(0), new ReviewerResolution.Subject(
                                holding.person().userId(), access.accountId(), access.permissionSetArn()))));
                if (batch.size() == BATCH) {
                    items.insert(campaign.id(), batch, at);
                    batch.clear();
                }
            });
        }
        items.insert(campaign.id(), batch, at);
    }

    /** Each kind the campaign reviews besides standing access, one snapshot method each ({@link KindSnapshots}). */
    private void snapshotOtherKinds(ReviewCampaign campaign, Instant at) {
        ReviewerResolution reviewers = new ReviewerResolution(directory, campaign.fallbackReviewerId());
        List<ItemRepository.NewItem> batch = new ArrayList<>(BATCH);
        Consumer<KindSnapshots.Found> add = found -> {
            batch.add(new ItemRepository.NewItem(found.person(), found.access(), found.held(), found.groupId(),
                    found.groupName(), Optional.empty(), reviewers.reviewer(campaign.stages().get(0),
                    new ReviewerResolution.Subject(found.person().userId(), found.access().accountId(),
                            found.access().permissionSetArn())), found.kind(), found.subjectId(), found.about()));
            if (batch.size() == BATCH) {
                items.insert(campaign.id(), batch, at);
                batch.clear();
            }
        };
        if (campaign.kinds().contains(ItemKind.ELIGIBILITY)) {
            kinds.eligibility(campaign, add);
        }
        if (campaign.kinds().contains(ItemKind.MEMBERSHIP)) {
            kinds.memberships(campaign, add);
        }
        if (campaign.kinds().contains(ItemKind.BREAK_GLASS)) {
            kinds.breakGlass(campaign, add);
        }
        items.insert(campaign.id(), batch, at);
    }

    /**
     * The inventory's dimensions combine with AND, while a campaign's OUs and accounts add up: one read
     * for the OUs and one for the accounts; an item both find is inserted once.
     */
    static List<InventoryScope> inventoryScopes(CampaignScope scope) {
        InventoryScope narrowed = new InventoryScope(Set.of(), Set.of(), scope.permissionSetArns(),
                scope.userIds(), scope.groupIds());
        if (scope.wholeOrganization()) {
            return List.of(narrowed);
        }
        List<InventoryScope> parts = new ArrayList<>();
        if (!scope.ouIds().isEmpty()) {
            parts.add(new InventoryScope(scope.ouIds(), Set.of(), narrowed.permissionSetArns(),
                    narrowed.userIds(), narrowed.groupIds()));
        }
        if (!scope.accountIds().isEmpty()) {
            parts.add(new InventoryScope(Set.of(), scope.accountIds(), narrowed.permissionSetArns(),
                    narrowed.userIds(), narrowed.groupIds()));
        }
        return parts;
    }

    /** Standing access only (a just-in-time grant ends by itself), minus the exclusions. */
    static boolean reviewed(AccessHolding holding, CampaignScope scope) {
        return switch (holding.held().how()) {
            case GRANT -> false;
            case DIRECT -> !scope.excludedPermissionSetArns().contains(holding.permissionSet().arn());
            case GROUP -> !scope.excludedPermissionSetArns().contains(holding.permissionSet().arn())
                    && !scope.excludedGroupIds().contains(holding.held().principalId());
        };
    }

    /** The counts and a SHA-256 over every item's key line, in the keys' byte order: the same items, the same hash. */
    private Population population(ReviewCampaign campaign, Instant at) {
        long campaignId = campaign.id();
        MessageDigest sha256 = sha256();
        int[] count = {0};
        items.keysInOrder(campaignId, key -> {
            sha256.update(key.line().getBytes(StandardCharsets.UTF_8));
            count[0]++;
        });
        Map<HowHeld, Integer> byHeld = items.countsByHeld(campaignId);
        Map<ItemKind, Integer> byKind = items.countsByKind(campaignId);
        return new Population(at, count[0], byHeld.getOrDefault(HowHeld.DIRECT, 0),
                byHeld.getOrDefault(HowHeld.GROUP, 0), HexFormat.of().formatHex(sha256.digest()), campaign.kinds(),
                byKind.getOrDefault(ItemKind.ELIGIBILITY, 0), byKind.getOrDefault(ItemKind.MEMBERSHIP, 0),
                byKind.getOrDefault(ItemKind.BREAK_GLASS, 0));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
