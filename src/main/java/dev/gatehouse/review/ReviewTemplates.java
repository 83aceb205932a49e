package dev.gatehouse.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.review.internal.TemplateRepository;
import dev.gatehouse.security.AdminOnly;
import dev.gatehouse.security.AdminOrAuditor;
import dev.gatehouse.security.CurrentUser;

/**
 * Campaign templates: admins save a campaign's settings (scope, exclusions, stages, fallback, due-date
 * policy, timing, recurrence and its length) under a name, start a new campaign's dialog from one, rename
 * and delete them; auditors read them. Every change is audited. A template is checked as a campaign is
 * ({@link ReviewCampaigns#create}), when saved from settings and again when a campaign is created from it.
 */
@Service
@Transactional(readOnly = true)
@AdminOrAuditor
public class ReviewTemplates {

    private final TemplateRepository templates;
    private final ReviewCampaigns campaigns;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReviewTemplates(TemplateRepository templates, ReviewCampaigns campaigns, CurrentUser currentUser,
                    ApplicationEventPublisher events, Clock clock) {
        this.templates = templates;
        this.campaigns = campaigns;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** By name. */
    public List<CampaignTemplate> templates() {
        return templates.all();
    }

    public CampaignTemplate template(long templateId) {
        return templates.find(templateId).orElseThrow(() -> new ReviewProblem("No such template."));
    }

    /** A new campaign's draft from the template, due its number of days from today, for the campaign dialog. */
    public CampaignDraft draft(long templateId) {
        return template(templateId).draft(clock.instant());
    }

    /** Saves the campaign's settings as a template; its length runs from its launch (or, for a draft, now). */
    @Transactional
    @AdminOnly
    public CampaignTemplate saveAsTemplate(long campaignId, String name) {
        ReviewCampaign campaign = campaigns.campaign(campaignId);
        Instant start = campaign.population().map(Population::launchedAt).orElse(clock.instant());
        return save(name(name), CampaignTemplate.Settings.of(campaign.draft(), start), campaignId);
    }

    /** Saves settings as a template, checked as a new campaign due in {@code reviewDays} would be. */
    @Transactional
    @AdminOnly
    public CampaignTemplate save(String name, CampaignTemplate.Settings settings) {
        String checked = name(name);
        campaigns.check(new CampaignTemplate(0, checked, settings, "", clock.instant()).draft(clock.instant()));
        return save(checked, settings, 0);
    }

    @Transactional
    @AdminOnly
    public CampaignTemplate rename(long templateId, String name) {
        CampaignTemplate template = template(templateId);
        String checked = name(name);
        if (checked.equals(template.name())) {
            return template;
        }
        unused(checked);
        templates.rename(templateId, checked);
        events.publishEvent(new ReviewTemplateChanged(templateId, ReviewTemplateChanged.Change.RENAMED, checked,
                template.name(), 0, currentUser.require().displayName(), clock.instant()));
        return template(templateId);
    }

    @Transactional
    @AdminOnly
    public void delete(long templateId) {
        CampaignTemplate template = template(templateId);
        templates.delete(templateId);
        events.publishEvent(new ReviewTemplateChanged(templateId, ReviewTemplateChanged.Change.DELETED,
                template.name(), template.name(), 0, currentUser.require().displayName(), clock.instant()));
    }

    private CampaignTemplate save(String name, CampaignTemplate.Settings settings, long fromCampaign) {
        unused(name);
        if (settings.reviewDays() < 1 || settings.reviewDays() > ReviewTiming.LONGEST_SCHEDULE) {
            throw new ReviewProblem("reviewDays", "A template's campaigns run 1 to " + ReviewTiming.LONGEST_SCHEDULE
                    + " days from start to due date.");
        }
        String by = currentUser.require().displayName();
        long id = templates.insert(name, settings, by, clock.instant());
        events.publishEvent(new ReviewTemplateChanged(id, ReviewTemplateChanged.Change.SAVED, name, name,
                fromCampaign, by, clock.instant()));
        return template(id);
    }

    private static String name(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new ReviewProblem("templateName", "Give the template a name.");
        }
        if (stripped.length() > ReviewCampaigns.NAME_LENGTH) {
            throw new ReviewProblem("templateName", "The name is at most " + ReviewCampaigns.NAME_LENGTH
                    + " characters; this one has " + stripped.length() + ".");
        }
        return stripped;
    }

    private void unused(String name) {
        if (templates.named(name).isPresent()) {
            throw new ReviewProblem("templateName", "A template named \"" + name + "\" exists already: choose another "
                    + "name.");
        }
    }
}
