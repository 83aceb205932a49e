package dev.gatehouse.review.internal;

import static dev.gatehouse.db.Tables.REVIEW_TEMPLATE;
import static dev.gatehouse.review.internal.CampaignRepository.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.gatehouse.db.tables.records.ReviewTemplateRecord;
import dev.gatehouse.review.CampaignTemplate;

/** Campaign templates: a name and the settings as JSON (CampaignTemplate.Settings), written only here. */
@Repository
public class TemplateRepository {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final DSLContext db;

    TemplateRepository(DSLContext db) {
        this.db = db;
    }

    public long insert(String name, CampaignTemplate.Settings settings, String by, Instant at) {
        return db.insertInto(REVIEW_TEMPLATE).set(REVIEW_TEMPLATE.NAME, name)
                .set(REVIEW_TEMPLATE.SETTINGS, write(settings)).set(REVIEW_TEMPLATE.SAVED_BY, by)
                .set(REVIEW_TEMPLATE.SAVED_AT, utc(at)).returning(REVIEW_TEMPLATE.ID).fetchOne().getId();
    }

    public Optional<CampaignTemplate> find(long id) {
        return db.selectFrom(REVIEW_TEMPLATE).where(REVIEW_TEMPLATE.ID.eq(id)).fetchOptional(TemplateRepository::template);
    }

    public Optional<CampaignTemplate> named(String name) {
        return db.selectFrom(REVIEW_TEMPLATE).where(REVIEW_TEMPLATE.NAME.eq(name))
                .fetchOptional(TemplateRepository::template);
    }

    /** By name. */
    public List<CampaignTemplate> all() {
        return db.selectFrom(REVIEW_TEMPLATE).orderBy(REVIEW_TEMPLATE.NAME, REVIEW_TEMPLATE.ID)
                .fetch(TemplateRepository::template);
    }

    public void rename(long id, String name) {
        db.update(REVIEW_TEMPLATE).set(REVIEW_TEMPLATE.NAME, name).where(REVIEW_TEMPLATE.ID.eq(id)).execute();
    }

    public boolean delete(long id) {
        return db.deleteFrom(REVIEW_TEMPLATE).where(REVIEW_TEMPLATE.ID.eq(id)).execute() == 1;
    }

    private static CampaignTemplate template(ReviewTemplateRecord r) {
        try {
            return new CampaignTemplate(r.getId(), r.getName(),
                    JSON.readValue(r.getSettings(), CampaignTemplate.Settings.class), r.getSavedBy(),
                    r.getSavedAt().toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Template " + r.getId() + " has unreadable settings", e);
        }
    }

    private static String write(CampaignTemplate.Settings settings) {
        try {
            return JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Template settings could not be written", e);
        }
    }
}
