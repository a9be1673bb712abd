-- Why the clinician chose a stage ahead of the suggestion (clinical reference §9: impact work before
-- 12 weeks after the birth, or while the red flags are not asked, needs a reason kept with the visit).
-- Not part of record format v1: export leaves it out.
ALTER TABLE visit ADD COLUMN stage_reason VARCHAR(8000);

-- §8 rule 4 now caps a visit whose red flags were not asked at BUILD. visit.suggested_stage keeps the
-- suggestion for the visit lists; a stored IMPACT_PREP or WALK_RUN there came from rules 5 and 6, so
-- with red flags not asked the suggestion is now exactly BUILD.
UPDATE visit SET suggested_stage = 'BUILD'
WHERE red_flags_asked = FALSE AND suggested_stage IN ('IMPACT_PREP', 'WALK_RUN');
