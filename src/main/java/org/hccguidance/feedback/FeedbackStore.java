package org.hccguidance.feedback;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plain JDBC over the Flyway schema; the same SQL runs on H2 and PostgreSQL. Stores no patient data:
 * a card is keyed by its uuid and linked to its hook instance, service, recommendation code and rule-set
 * version; feedback keeps the outcome, the override reason's coding, whether a comment was written (the
 * comment itself is free text that may name the patient, so it is not stored) and the times.
 */
@Repository
public class FeedbackStore {

    private final JdbcTemplate jdbc;

    public FeedbackStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A card as issued. */
    public record IssuedCard(String cardUuid, String serviceId, String hook, String hookInstance, String kind,
                             String recommendationCode, String indicator, String rulesetVersion, String clientIssuer,
                             Instant issuedAt) {
    }

    /** One feedback entry as received. */
    public record Feedback(String cardUuid, String serviceId, String outcome, String overrideSystem, String overrideCode,
                           String overrideDisplay, boolean hasUserComment, int acceptedSuggestions, Instant outcomeAt,
                           Instant receivedAt) {
    }

    /** Outcomes for one recommendation code on one rule-set version. */
    public record SummaryRow(String serviceId, String cardKind, String recommendationCode, String rulesetVersion,
                             long issued, long accepted, long overridden, Double overrideRate,
                             Map<String, Long> overrideReasons) {
    }

    @Transactional
    public void saveCards(List<IssuedCard> cards) {
        jdbc.batchUpdate("INSERT INTO cds_card (card_uuid, service_id, hook, hook_instance, card_kind, recommendation_code, "
                        + "indicator, ruleset_version, client_issuer, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                cards, cards.size(), (ps, c) -> {
                    ps.setString(1, c.cardUuid());
                    ps.setString(2, c.serviceId());
                    ps.setString(3, c.hook());
                    ps.setString(4, c.hookInstance());
                    ps.setString(5, c.kind());
                    ps.setString(6, c.recommendationCode());
                    ps.setString(7, c.indicator());
                    ps.setString(8, c.rulesetVersion());
                    ps.setString(9, c.clientIssuer());
                    ps.setObject(10, utc(c.issuedAt()));
                });
    }

    public Optional<IssuedCard> card(String cardUuid) {
        return jdbc.query("SELECT card_uuid, service_id, hook, hook_instance, card_kind, recommendation_code, indicator, "
                        + "ruleset_version, client_issuer, issued_at FROM cds_card WHERE card_uuid = ?",
                (rs, i) -> new IssuedCard(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getObject(10, OffsetDateTime.class).toInstant()), cardUuid).stream().findFirst();
    }

    /** Stores feedback entries; an entry already stored (same card, outcome and time) is not stored twice. */
    @Transactional
    public int saveFeedback(List<Feedback> entries) {
        int stored = 0;
        for (Feedback f : entries) {
            Integer already = jdbc.queryForObject("SELECT COUNT(*) FROM cds_feedback WHERE card_uuid = ? AND outcome = ? AND outcome_at = ?",
                    Integer.class, f.cardUuid(), f.outcome(), utc(f.outcomeAt()));
            if (already != null && already > 0) {
                continue;
            }
            try {
                stored += jdbc.update("INSERT INTO cds_feedback (card_uuid, service_id, outcome, override_system, override_code, "
                                + "override_display, has_user_comment, accepted_suggestions, outcome_at, received_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        f.cardUuid(), f.serviceId(), f.outcome(), f.overrideSystem(), f.overrideCode(), f.overrideDisplay(),
                        f.hasUserComment(), f.acceptedSuggestions(), utc(f.outcomeAt()), utc(f.receivedAt()));
            } catch (DuplicateKeyException e) {
                // A concurrent copy of the same entry won the race: it is stored once, as wanted.
            }
        }
        return stored;
    }

    /** Issued, accepted and overridden cards per service, card kind, recommendation code and rule-set version. */
    public List<SummaryRow> summary(Instant since) {
        Map<List<String>, long[]> counts = new LinkedHashMap<>();
        jdbc.query("SELECT c.service_id, c.card_kind, c.recommendation_code, c.ruleset_version, COUNT(*), "
                        + "SUM(CASE WHEN EXISTS (SELECT 1 FROM cds_feedback f WHERE f.card_uuid = c.card_uuid AND f.outcome = 'accepted') THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN EXISTS (SELECT 1 FROM cds_feedback f WHERE f.card_uuid = c.card_uuid AND f.outcome = 'overridden') THEN 1 ELSE 0 END) "
                        + "FROM cds_card c WHERE c.issued_at >= ? "
                        + "GROUP BY c.service_id, c.card_kind, c.recommendation_code, c.ruleset_version "
                        + "ORDER BY c.service_id, c.card_kind, c.recommendation_code, c.ruleset_version",
                rs -> {
                    counts.put(List.of(rs.getString(1), rs.getString(2), String.valueOf(rs.getString(3)), rs.getString(4)),
                            new long[]{rs.getLong(5), rs.getLong(6), rs.getLong(7)});
                }, utc(since));
        Map<List<String>, Map<String, Long>> reasons = new LinkedHashMap<>();
        jdbc.query("SELECT c.service_id, c.card_kind, c.recommendation_code, c.ruleset_version, f.override_code, COUNT(DISTINCT f.card_uuid) "
                        + "FROM cds_feedback f JOIN cds_card c ON c.card_uuid = f.card_uuid "
                        + "WHERE f.outcome = 'overridden' AND c.issued_at >= ? "
                        + "GROUP BY c.service_id, c.card_kind, c.recommendation_code, c.ruleset_version, f.override_code "
                        + "ORDER BY 6 DESC, 5",
                rs -> {
                    reasons.computeIfAbsent(List.of(rs.getString(1), rs.getString(2), String.valueOf(rs.getString(3)), rs.getString(4)),
                            k -> new LinkedHashMap<>()).put(rs.getString(5) == null ? "(no reason given)" : rs.getString(5), rs.getLong(6));
                }, utc(since));
        List<SummaryRow> out = new ArrayList<>();
        counts.forEach((key, c) -> out.add(new SummaryRow(key.get(0), key.get(1), key.get(2).equals("null") ? null : key.get(2),
                key.get(3), c[0], c[1], c[2], c[0] == 0 ? null : Math.round(1000.0 * c[2] / c[0]) / 1000.0,
                reasons.getOrDefault(key, Map.of()))));
        return out;
    }

    /**
     * Remembers a JWT id until it expires; false when it was already seen (a replay). Backed by the
     * database's primary key, so a replay is refused by every instance of the service sharing it.
     */
    public boolean rememberJwtId(String issuer, String jti, Instant expiresAt, Instant now) {
        if (Math.floorMod(jti.hashCode(), 64) == 0) {
            jdbc.update("DELETE FROM cds_jwt_seen WHERE expires_at < ?", utc(now));
        }
        try {
            jdbc.update("INSERT INTO cds_jwt_seen (issuer, jti, expires_at) VALUES (?, ?, ?)", issuer, jti, utc(expiresAt));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
