package dev.gatehouse.security.internal;

import static dev.gatehouse.db.Tables.MFA_ATTEMPT;
import static dev.gatehouse.db.Tables.MFA_FACTOR;
import static dev.gatehouse.db.Tables.MFA_RECOVERY_CODE;
import static dev.gatehouse.db.Tables.MFA_VERIFICATION;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.gatehouse.security.MfaFactor;
import dev.gatehouse.security.MfaMethod;

/**
 * Second factors, recovery codes, wrong-code counts and step-ups. Every subject is stored in lower
 * case, as sign-in names compare.
 */
@Repository
public class MfaRepository {

    /** An enrolled authenticator app; its secret as stored, encrypted ({@link TotpSecrets} opens it). */
    public record StoredTotp(long id, String subject, String storedSecret, long lastStep) {
    }

    /** An enrolled WebAuthn credential. */
    public record StoredCredential(long id, String credentialId, byte[] credential, long signCount) {
    }

    /** How long a step-up is kept: longer than any freshness window may be. */
    public static final Duration KEPT = Duration.ofDays(1);

    private final DSLContext db;

    MfaRepository(DSLContext db) {
        this.db = db;
    }

    public List<MfaFactor> factors(String subject) {
        return db.selectFrom(MFA_FACTOR).where(MFA_FACTOR.SUBJECT.eq(key(subject))).orderBy(MFA_FACTOR.ID)
                .fetch(r -> new MfaFactor(r.getId(), r.getKind(), r.getLabel(),
                        r.getCreatedAt().toInstant(), Optional.ofNullable(r.getLastUsedAt())
                        .map(OffsetDateTime::toInstant)));
    }

    /** The directory name the person had when they last enrolled a factor; empty when they have none. */
    public Optional<String> directoryUserName(String subject) {
        return db.select(MFA_FACTOR.DIRECTORY_USER_NAME).from(MFA_FACTOR).where(MFA_FACTOR.SUBJECT.eq(key(subject)))
                .orderBy(MFA_FACTOR.ID.desc()).limit(1).fetchOptional(MFA_FACTOR.DIRECTORY_USER_NAME);
    }

    public List<StoredTotp> totps(String subject) {
        return totps(MFA_FACTOR.SUBJECT.eq(key(subject)));
    }

    /** Every authenticator app of everyone, for encrypting their secrets again. */
    List<StoredTotp> allTotps() {
        return totps(DSL.noCondition());
    }

    /** Stores a TOTP secret in a new form, unless it changed since it was read; @return whether it was stored */
    boolean replaceTotpSecret(long factorId, String before, String after) {
        return db.update(MFA_FACTOR).set(MFA_FACTOR.TOTP_SECRET, after)
                .where(MFA_FACTOR.ID.eq(factorId), MFA_FACTOR.TOTP_SECRET.eq(before)).execute() == 1;
    }

    private List<StoredTotp> totps(Condition condition) {
        return db.select(MFA_FACTOR.ID, MFA_FACTOR.SUBJECT, MFA_FACTOR.TOTP_SECRET, MFA_FACTOR.TOTP_LAST_STEP)
                .from(MFA_FACTOR).where(condition, MFA_FACTOR.KIND.eq(MfaMethod.TOTP)).orderBy(MFA_FACTOR.ID)
                .fetch(r -> new StoredTotp(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public List<StoredCredential> credentials(String subject) {
        return db.select(MFA_FACTOR.ID, MFA_FACTOR.CREDENTIAL_ID, MFA_FACTOR.CREDENTIAL, MFA_FACTOR.SIGN_COUNT)
                .from(MFA_FACTOR)
                .where(MFA_FACTOR.SUBJECT.eq(key(subject)), MFA_FACTOR.KIND.eq(MfaMethod.WEBAUTHN))
                .fetch(r -> new StoredCredential(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** @param storedSecret the secret as {@link TotpSecrets#seal} encrypted it */
    public long insertTotp(String subject, String directoryUserName, String label, String storedSecret,
                           long usedStep, Instant at) {
        return db.insertInto(MFA_FACTOR)
                .set(MFA_FACTOR.SUBJECT, key(subject))
                .set(MFA_FACTOR.DIRECTORY_USER_NAME, directoryUserName)
                .set(MFA_FACTOR.KIND, MfaMethod.TOTP)
                .set(MFA_FACTOR.LABEL, label)
                .set(MFA_FACTOR.TOTP_SECRET, storedSecret)
                .set(MFA_FACTOR.TOTP_LAST_STEP, usedStep)
                .set(MFA_FACTOR.CREATED_AT, utc(at))
                .returning(MFA_FACTOR.ID).fetchOne(MFA_FACTOR.ID);
    }

    public long insertCredential(String subject, String directoryUserName, String label, String credentialId,
                                 byte[] credential, long signCount, Instant at) {
        return db.insertInto(MFA_FACTOR)
                .set(MFA_FACTOR.SUBJECT, key(subject))
                .set(MFA_FACTOR.DIRECTORY_USER_NAME, directoryUserName)
                .set(MFA_FACTOR.KIND, MfaMethod.WEBAUTHN)
                .set(MFA_FACTOR.LABEL, label)
                .set(MFA_FACTOR.CREDENTIAL_ID, credentialId)
                .set(MFA_FACTOR.CREDENTIAL, credential)
                .set(MFA_FACTOR.SIGN_COUNT, signCount)
                .set(MFA_FACTOR.CREATED_AT, utc(at))
                .returning(MFA_FACTOR.ID).fetchOne(MFA_FACTOR.ID);
    }

    public boolean credentialExists(String credentialId) {
        return db.fetchExists(MFA_FACTOR, MFA_FACTOR.CREDENTIAL_ID.eq(credentialId));
    }

    /**
     * Marks a TOTP step used, if it is later than every step used before: the same code, or an older
     * one, is refused even when two nodes check it at once.
     */
    public boolean useStep(long factorId, long step, Instant at) {
        return db.update(MFA_FACTOR).set(MFA_FACTOR.TOTP_LAST_STEP, step).set(MFA_FACTOR.LAST_USED_AT, utc(at))
                .where(MFA_FACTOR.ID.eq(factorId), MFA_FACTOR.TOTP_LAST_STEP.lt(step)).execute() == 1;
    }

    /** Records a WebAuthn use and its new signature counter, unless another use got there first. */
    public boolean useCredential(long factorId, long previousCount, long signCount, Instant at) {
        return db.update(MFA_FACTOR).set(MFA_FACTOR.SIGN_COUNT, signCount).set(MFA_FACTOR.LAST_USED_AT, utc(at))
                .where(MFA_FACTOR.ID.eq(factorId), MFA_FACTOR.SIGN_COUNT.eq(previousCount)).execute() == 1;
    }

    /** @return the removed factor's label, if it was the person's */
    public Optional<String> delete(String subject, long factorId) {
        return db.deleteFrom(MFA_FACTOR).where(MFA_FACTOR.ID.eq(factorId), MFA_FACTOR.SUBJECT.eq(key(subject)))
                .returning(MFA_FACTOR.LABEL).fetchOptional(MFA_FACTOR.LABEL);
    }

    /** Removes every factor, recovery code, wrong-code count and step-up of the person; @return factors removed. */
    public int deleteAll(String subject) {
        String key = key(subject);
        db.deleteFrom(MFA_RECOVERY_CODE).where(MFA_RECOVERY_CODE.SUBJECT.eq(key)).execute();
        db.deleteFrom(MFA_ATTEMPT).where(MFA_ATTEMPT.SUBJECT.eq(key)).execute();
        db.deleteFrom(MFA_VERIFICATION).where(MFA_VERIFICATION.SUBJECT.eq(key)).execute();
        return db.deleteFrom(MFA_FACTOR).where(MFA_FACTOR.SUBJECT.eq(key)).execute();
    }

    public void replaceRecoveryCodes(String subject, List<String> hashes) {
        db.deleteFrom(MFA_RECOVERY_CODE).where(MFA_RECOVERY_CODE.SUBJECT.eq(key(subject))).execute();
        var insert = db.insertInto(MFA_RECOVERY_CODE, MFA_RECOVERY_CODE.SUBJECT, MFA_RECOVERY_CODE.CODE_HASH);
        hashes.forEach(hash -> insert.values(key(subject), hash));
        insert.execute();
    }

    /** Uses a recovery code once; @return false when it is unknown or was used. */
    public boolean useRecoveryCode(String subject, String hash, Instant at) {
        return db.update(MFA_RECOVERY_CODE).set(MFA_RECOVERY_CODE.USED_AT, utc(at))
                .where(MFA_RECOVERY_CODE.SUBJECT.eq(key(subject)), MFA_RECOVERY_CODE.CODE_HASH.eq(hash),
                        MFA_RECOVERY_CODE.USED_AT.isNull()).execute() == 1;
    }

    public int recoveryCodesLeft(String subject) {
        return db.fetchCount(MFA_RECOVERY_CODE, MFA_RECOVERY_CODE.SUBJECT.eq(key(subject)),
                MFA_RECOVERY_CODE.USED_AT.isNull());
    }

    /** Until when step-up is locked for the person, if it is now. */
    public Optional<Instant> lockedUntil(String subject, Instant now) {
        return db.select(MFA_ATTEMPT.LOCKED_UNTIL).from(MFA_ATTEMPT).where(MFA_ATTEMPT.SUBJECT.eq(key(subject)))
                .fetchOptional(MFA_ATTEMPT.LOCKED_UNTIL).map(OffsetDateTime::toInstant).filter(now::isBefore);
    }

    /**
     * Counts a wrong code; the {@code maxFailures}-th in a row locks step-up for {@code lockout}. A lock
     * that has run out starts the count again.
     *
     * @return until when step-up is now locked, if this failure locked it
     */
    public Optional<Instant> recordFailure(String subject, int maxFailures, Duration lockout, Instant now) {
        String key = key(subject);
        db.insertInto(MFA_ATTEMPT).set(MFA_ATTEMPT.SUBJECT, key).set(MFA_ATTEMPT.FAILURES, 0)
                .onConflictDoNothing().execute();
        var attempt = db.selectFrom(MFA_ATTEMPT).where(MFA_ATTEMPT.SUBJECT.eq(key)).forUpdate().fetchOne();
        boolean lockOver = attempt.getLockedUntil() != null && !now.isBefore(attempt.getLockedUntil().toInstant());
        int failures = (lockOver ? 0 : attempt.getFailures()) + 1;
        Optional<Instant> lockedUntil = failures >= maxFailures ? Optional.of(now.plus(lockout)) : Optional.empty();
        db.update(MFA_ATTEMPT)
                .set(MFA_ATTEMPT.FAILURES, failures >= maxFailures ? 0 : failures)
                .set(MFA_ATTEMPT.LOCKED_UNTIL, lockedUntil.map(MfaRepository::utc).orElse(null))
                .where(MFA_ATTEMPT.SUBJECT.eq(key)).execute();
        return lockedUntil;
    }

    public void clearFailures(String subject) {
        db.deleteFrom(MFA_ATTEMPT).where(MFA_ATTEMPT.SUBJECT.eq(key(subject))).execute();
    }

    /** Records a step-up for the sign-in, and drops step-ups older than {@link #KEPT}. */
    public void verified(String signInId, String subject, MfaMethod method, Instant at) {
        db.deleteFrom(MFA_VERIFICATION).where(MFA_VERIFICATION.VERIFIED_AT.lt(utc(at.minus(KEPT))))
                .execute();
        db.insertInto(MFA_VERIFICATION)
                .set(MFA_VERIFICATION.SIGN_IN_ID, signInId)
                .set(MFA_VERIFICATION.SUBJECT, key(subject))
                .set(MFA_VERIFICATION.VERIFIED_AT, utc(at))
                .set(MFA_VERIFICATION.FACTOR, method)
                .onConflict(MFA_VERIFICATION.SIGN_IN_ID).doUpdate()
                .set(MFA_VERIFICATION.VERIFIED_AT, utc(at))
                .set(MFA_VERIFICATION.FACTOR, method)
                .execute();
    }

    public Optional<Instant> verifiedAt(String signInId) {
        return db.select(MFA_VERIFICATION.VERIFIED_AT).from(MFA_VERIFICATION)
                .where(MFA_VERIFICATION.SIGN_IN_ID.eq(signInId))
                .fetchOptional(MFA_VERIFICATION.VERIFIED_AT).map(OffsetDateTime::toInstant);
    }

    static String key(String subject) {
        return subject.strip().toLowerCase();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
