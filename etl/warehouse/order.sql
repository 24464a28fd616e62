-- posting_skills in skill order, run at every publish before the rollups (etl.warehouse.builder.finalise,
-- only when posting_skills is a table: a lake published as views keeps it in the lake).
-- Why: a skill filter (posting_id IN (SELECT posting_id FROM posting_skills WHERE skill IN (...))) then
-- reads only the row groups of that skill (DuckDB skips the others by their min/max) instead of every
-- row of a table ~9x the size of postings: on 1,000,000 generated postings 0.5 s instead of 1.5 s for
-- the most frequent skill (python -m bench pages, machine under load). Sorted in place (rows rewritten,
-- the table and its comments kept), so every reader of posting_skills keeps working; a load appends in
-- arrival order and the next publish puts the whole table in order again.
-- Sorted once per range of skills (etl.warehouse.builder.PIECE_MARKS), appended in skill order: the same order in
-- bounded memory (one sort of 12M rows failed at a 64MB limit).
CREATE OR REPLACE TEMP TABLE posting_skills_sorted AS
SELECT posting_id, skill, category FROM posting_skills
WHERE skill BETWEEN getvariable('skill_lo') AND getvariable('skill_hi')
ORDER BY skill, posting_id;
DELETE FROM posting_skills;
INSERT INTO posting_skills BY NAME SELECT * FROM posting_skills_sorted;
DROP TABLE posting_skills_sorted;

-- A skill bitmap on postings, filled at every publish after the sort above: skill_bit numbers the skills by
-- frequency (the most asked-for first) as bit `bit` of word `word`, and postings.skill_bits_<word> has that
-- bit set when the posting asks for the skill (0 in every word for a posting without skills).
-- Why: a skill filter as a semi-join (posting_id IN (SELECT posting_id FROM posting_skills WHERE ...))
-- builds a hash table of every posting asking for the skill and probes it with every posting: about 70 ms
-- of CPU per query on 1,000,000 generated postings for the most frequent skill, on every query of every page
-- under a skill filter. The same test on the bitmap is an AND on an integer column (about 3 ms), and "any"
-- or "all" of several skills is one mask (analytics.filters.where). Eight words hold 512 skills (the
-- taxonomy has under 500); a skill beyond them has no bit and its filter stays the semi-join.
CREATE OR REPLACE TABLE skill_bit AS
SELECT skill, ((rank - 1) // 64)::INTEGER AS word, ((rank - 1) % 64)::INTEGER AS bit, category
FROM (SELECT skill, row_number() OVER (ORDER BY count(*) DESC, skill) AS rank,
             CASE WHEN count(DISTINCT category) = 1 AND count(category) = count(*) THEN any_value(category) END
                 AS category
      FROM posting_skills GROUP BY 1)
WHERE rank <= 512
ORDER BY rank;
COMMENT ON TABLE skill_bit IS 'The bit of each skill in postings.skill_bits_<word> (most frequent skills first; rebuilt at every publish).';
COMMENT ON COLUMN skill_bit.skill IS 'Canonical skill name (skills.skill).';
COMMENT ON COLUMN skill_bit.word IS 'Which column holds the bit: postings.skill_bits_<word> (0-7).';
COMMENT ON COLUMN skill_bit.bit IS 'The bit (0-63) in that column: skill_bits_<word> & (1 << bit) <> 0 when the posting asks for the skill.';
COMMENT ON COLUMN skill_bit.category IS 'The category of every posting_skills row of the skill (responsibility, language, ...); NULL when its rows differ.';
UPDATE postings SET skill_bits_0 = b.w0, skill_bits_1 = b.w1, skill_bits_2 = b.w2, skill_bits_3 = b.w3,
                    skill_bits_4 = b.w4, skill_bits_5 = b.w5, skill_bits_6 = b.w6, skill_bits_7 = b.w7
FROM (SELECT p.posting_id, coalesce(k.w0, 0) AS w0, coalesce(k.w1, 0) AS w1, coalesce(k.w2, 0) AS w2,
             coalesce(k.w3, 0) AS w3, coalesce(k.w4, 0) AS w4, coalesce(k.w5, 0) AS w5, coalesce(k.w6, 0) AS w6,
             coalesce(k.w7, 0) AS w7
      FROM postings p
      LEFT JOIN (SELECT s.posting_id,
                        bit_or(1::UBIGINT << m.bit) FILTER (WHERE m.word = 0) AS w0,
                        bit_or(1::UBIGINT << m.bit) FILTER (WHERE m.word = 1) AS w1,
                        bit_or(1::UBIGINT << m.bit) FILTER (WHERE m.word = 2) AS w2,
                        bit_or(1::UBIGINT << m.bit) FILTER (WHERE m.word = 3) AS w3,
                        bit_or(1::UBIGINT << m.bit) FILTER (WHERE m.word = 4) AS w4,
                        bit_or(1::UBIGINT << m.bit) FILTER (WHERE m.word = 5) AS w5,
                        bit_or(1::UBIGINT << m.bit) FILTER (WHERE m.word = 6) AS w6,
                        bit_or(1::UBIGINT << m.bit) FILTER (WHERE m.word = 7) AS w7
                 FROM posting_skills s JOIN skill_bit m USING (skill)
                 WHERE hash(s.posting_id) BETWEEN getvariable('posting_lo') AND getvariable('posting_hi')
                 GROUP BY 1) k USING (posting_id)
      -- per range of hash(posting_id) (etl.warehouse.builder.PIECE_MARKS: its groups are the postings)
      WHERE hash(p.posting_id) BETWEEN getvariable('posting_lo') AND getvariable('posting_hi')) b
WHERE postings.posting_id = b.posting_id;

-- The dated postings in date order, without their long texts (title, description, ...). Why: the charts of a
-- date range cut inside months read the whole months from the fine-cell rollups and the edge days (the cut
-- months' days inside the range) from postings (analytics.queries.detail.rows); postings are stored in load
-- order, so that read scanned every posting - measured slower than the base tables' one query (1,000,000
-- generated postings). Sorted by posted_date, the edge days are a few row groups that DuckDB finds by their
-- min/max. A copy rather than postings re-sorted in place: the texts are most of postings' bytes and only
-- the query layer's edge-day reads need the order. After the bitmap above, whose words it carries.
CREATE OR REPLACE TABLE postings_dated AS
SELECT * EXCLUDE (url, title, location_raw, salary_text, description, fingerprint, source_id)
FROM postings
WHERE posted_date IS NOT NULL
  AND posted_block(posted_date) BETWEEN getvariable('block_lo') AND getvariable('block_hi')  -- per range of day blocks (PIECE_MARKS)
ORDER BY posted_date, posting_id;
COMMENT ON TABLE postings_dated IS 'The dated postings sorted by posted_date, every column of postings but the texts (url, title, location_raw, salary_text, description, fingerprint, source_id); rebuilt at every publish. Read for the edge days of date ranges cut inside months.';

-- The dated postings with a plausible salary, only the columns a filter or a salary chart reads, sorted by role
-- family, seniority and date.
-- Why: the median salary over time under a skill filter that no rollup keeps by month (two skills, "all" of
-- several, a skill with a region) bins every matching salary: read from postings_dated that was a scan of
-- every dated posting (0.25-0.35 s on 10,000,000 generated postings); and the salary charts' edge days of a
-- range cut inside months (analytics.queries.detail.rows) read every edge posting, salaried or not. Here a
-- filter's role family and seniority select row groups by their min/max, the dates within them too, and the
-- rows are the salaried ones only. After the bitmap above, whose words it carries.
CREATE OR REPLACE TABLE postings_salaried AS
SELECT posting_id, posted_date, posted_month, seniority, role_family, country, remote, source, region, city,
       metro, language, experience_min, salary_plausible, salary_usd_mid, salary_currency, salary_period,
       floor(salary_usd_mid / 1000)::INTEGER AS salary_bin, COLUMNS('^skill_bits_[0-7]$')
FROM postings_dated
WHERE salary_plausible AND salary_usd_mid IS NOT NULL
  AND coalesce(role_family, chr(1114111)) || chr(0) || coalesce(seniority, chr(1114111))
      BETWEEN getvariable('family_lo') AND getvariable('family_hi')  -- PIECE_MARKS (FAMILY_KEY)
ORDER BY role_family, seniority, posted_date, posting_id;
-- Its columns' comments are postings' (copied at publish: etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE postings_salaried IS 'The dated postings with a plausible salary (salary_plausible and salary_usd_mid), sorted by role family, seniority and date: the columns filters and salary charts read; rebuilt at every publish.';
COMMENT ON COLUMN postings_salaried.salary_bin IS 'floor(salary_usd_mid / 1000): the $1,000 bin of the salary, as in the salary rollups (computed here once rather than per query).';

-- Postings counted by their skill set (the skill bitmap above) and the fields of rollup_postings_detail.
-- Why: under a skill filter (one skill, two, any or all), a region, a language or dates cut inside months
-- the Skills page joined posting_skills (about nine rows a posting) or scanned postings for every chart. A
-- skill filter is a bit test on these rows' words as on postings' (analytics.filters.where), and a chart
-- groups the rows by skill set - far fewer than postings - before it expands each set into its skills; the
-- other pages' counts under a skill filter are sums over the rows that pass the bit test. The
-- rows stop growing once every skill set of every cell occurs. Only a warehouse whose skills all have a
-- bit is read this way (analytics.queries.detail.sets_bits), for whole months only.
-- Here rather than in rollups.sql: it needs the bitmap above, which only stored tables get (a lake published
-- as views has neither: etl.warehouse.builder.sort_tables).
-- The cells and measures are rollup_postings_detail's, written once in cells.sql; the cell columns' comments
-- are copied from rollup_postings_detail at publish (etl.warehouse.builder.copy_cell_comments).
-- Per range of months (etl.warehouse.builder.PIECE_MARKS; undated last as the macro sorts them: a group is
-- about a posting, so one statement over every posting failed at 300,000 postings / 64MB).
CREATE OR REPLACE TABLE rollup_skill_sets AS FROM detail_cells(true)
WHERE coalesce(posted_month, DATE '9999-12-01') BETWEEN getvariable('month_lo') AND getvariable('month_hi')
ORDER BY posted_month, role_family, seniority;
COMMENT ON TABLE rollup_skill_sets IS 'Postings counted by skill set (postings.skill_bits_0..7) and month, seniority, role family, country, work arrangement, source, region, city, metro, language, degree, minimum years and salary band (the fields of rollup_postings_detail); rebuilt at every publish.';
COMMENT ON COLUMN rollup_skill_sets.skill_bits_0 IS 'The skill set, bits 0-63 (postings.skill_bits_0; skill_bit says which skill each bit is).';
COMMENT ON COLUMN rollup_skill_sets.skill_bits_1 IS 'The skill set, word 1 (postings.skill_bits_1).';
COMMENT ON COLUMN rollup_skill_sets.skill_bits_2 IS 'The skill set, word 2 (postings.skill_bits_2).';
COMMENT ON COLUMN rollup_skill_sets.skill_bits_3 IS 'The skill set, word 3 (postings.skill_bits_3).';
COMMENT ON COLUMN rollup_skill_sets.skill_bits_4 IS 'The skill set, word 4 (postings.skill_bits_4).';
COMMENT ON COLUMN rollup_skill_sets.skill_bits_5 IS 'The skill set, word 5 (postings.skill_bits_5).';
COMMENT ON COLUMN rollup_skill_sets.skill_bits_6 IS 'The skill set, word 6 (postings.skill_bits_6).';
COMMENT ON COLUMN rollup_skill_sets.skill_bits_7 IS 'The skill set, word 7 (postings.skill_bits_7).';
COMMENT ON COLUMN rollup_skill_sets.postings IS 'Number of postings with exactly this skill set in this combination.';

-- rollup_skill_sets by day block instead of month (dated postings only; cells.sql's posted_block), as
-- rollup_postings_blocks is for the fine cells: the whole blocks among the edge days of a range cut inside
-- months, so that the Skills page's charts (and the other pages' counts under a skill filter) read only the
-- days left at either end of them from postings_dated (analytics.queries.detail.rows).
CREATE OR REPLACE TABLE rollup_skill_sets_blocks AS FROM detail_cells(true, blocks := true)
WHERE posted_block BETWEEN getvariable('block_lo') AND getvariable('block_hi')  -- per range of blocks (PIECE_MARKS)
ORDER BY posted_block, role_family, seniority;
-- Its other columns' comments are rollup_skill_sets' and rollup_postings_blocks' (copied at publish:
-- etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_skill_sets_blocks IS 'rollup_skill_sets by day block (posted_block) and month, dated postings only; rebuilt at every publish.';

-- rollup_skill_sets without the month (dated and undated kept apart), as rollup_postings_no_month is for the
-- fine cells: 610,000 -> 26,000 rows on 10,000,000 generated postings, read by the charts that draw no month
-- under a skill filter without a date range (analytics.queries.detail.counts with monthly=False).
CREATE OR REPLACE TABLE rollup_skill_sets_no_month AS
SELECT posted_month IS NOT NULL AS dated, * EXCLUDE (posted_month, postings, salaried, with_salary, salary_floor),
       sum(postings)::BIGINT AS postings, sum(salaried)::BIGINT AS salaried,
       sum(with_salary)::BIGINT AS with_salary, min(salary_floor) AS salary_floor
FROM rollup_skill_sets
-- per range of role family, seniority, country and city (PIECE_MARKS: one role family and seniority's own
-- groups failed at 300,000 postings / 32MB), so city is the fourth sort key
WHERE coalesce(role_family, chr(1114111)) || chr(0) || coalesce(seniority, chr(1114111)) || chr(0)
      || coalesce(country, chr(1114111)) || chr(0) || coalesce(city, chr(1114111))
      BETWEEN getvariable('place_lo') AND getvariable('place_hi')  -- PIECE_MARKS (PLACE_KEY)
GROUP BY ALL
ORDER BY role_family, seniority, country, city;
-- Its other columns' comments are rollup_skill_sets' (copied at publish: etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_skill_sets_no_month IS 'rollup_skill_sets summed over the months (dated and undated postings kept apart); rebuilt at every publish.';
COMMENT ON COLUMN rollup_skill_sets_no_month.dated IS 'Whether these postings have a date (posted_month is not NULL).';

-- Plausible salaries in $1,000 bins by skill set (the bitmap above) and every field of rollup_salary_detail
-- but the month (seniority, role family, country, work arrangement, source, region, city, metro, language,
-- whole minimum years).
-- Why: under a skill filter no salary rollup answered, so the Salary page's medians and percentiles and the
-- Skills page's premium joined posting_skills to the salaried postings and sorted their salaries: 3.9-8.6 s
-- per chart on 10,000,000 generated postings. Here a skill filter is the bit test on these rows' words
-- (analytics.filters.where), salary by skill groups them by set and bin before it expands each set into its
-- skills, and the medians are read from the bins (analytics.queries.salary.binned_by: within one bin of the
-- exact figure, said in the captions). No month: with it the rows are about one per salaried posting on
-- generated data (a set, a month and a jittered salary nearly name one posting), without it they stop
-- growing once every set occurs (about 176,000 rows for 516,000 salaried postings at 1,000,000 postings).
-- So only views without a date range read it (analytics.queries.salary.salary_rows); dated and undated
-- postings are kept apart (as in rollup_salary_no_month) for the headline's dated period. The cells and
-- measures are rollup_salary_detail's, written once in cells.sql (salary_cells).
CREATE OR REPLACE TABLE rollup_salary_sets AS FROM salary_cells(true)
WHERE coalesce(role_family, chr(1114111)) || chr(0) || coalesce(seniority, chr(1114111))
      BETWEEN getvariable('family_lo') AND getvariable('family_hi')  -- PIECE_MARKS (FAMILY_KEY)
ORDER BY role_family, seniority, salary_bin;
-- Its other columns' comments are rollup_salary_detail's and rollup_skill_sets' (copied at publish:
-- etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_salary_sets IS 'Plausible salaries (salary_usd_mid) counted in $1,000 bins by skill set (postings.skill_bits_0..7) and seniority, role family, country, work arrangement, source, region, city, metro, language and whole minimum years (no month); rebuilt at every publish.';
COMMENT ON COLUMN rollup_salary_sets.dated IS 'Whether these postings have a date (posted_date is not NULL).';
COMMENT ON COLUMN rollup_salary_sets.postings IS 'Number of salaried postings with exactly this skill set in this bin and combination.';

-- rollups.sql's rollup_salary_stated_no_month by skill set: the postings with a plausible salary by skill set,
-- dated or not, the fields a filter names and the currency and period their salary was stated in. Why: under a
-- skill filter the Salary page's line on how the salaries were stated (analytics.queries.salary.stated_as)
-- counted postings (about 130 ms of CPU at 10,000,000 postings); here it is the bit test on these rows. No
-- month, as rollup_salary_sets: views without a date range only (detail.stated_rows).
CREATE OR REPLACE TABLE rollup_salary_stated_sets AS
SELECT posted_date IS NOT NULL AS dated, seniority, role_family, country, remote, source, region, city, metro,
       language, salary_currency, salary_period, COLUMNS('^skill_bits_[0-7]$'), count(*)::BIGINT AS postings
FROM postings
WHERE salary_plausible AND salary_usd_mid IS NOT NULL
  AND coalesce(role_family, chr(1114111)) || chr(0) || coalesce(seniority, chr(1114111)) || chr(0)
          || coalesce(country, chr(1114111)) || chr(0) || coalesce(city, chr(1114111))
          BETWEEN getvariable('place_lo') AND getvariable('place_hi')  -- PIECE_MARKS (PLACE_KEY)
GROUP BY ALL
ORDER BY role_family, seniority, country, city;
-- Its columns' comments are rollup_salary_stated_no_month's and rollup_skill_sets' (copied at publish:
-- etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_salary_stated_sets IS 'Postings with a plausible salary counted by skill set (postings.skill_bits_0..7), whether dated, seniority, role family, country, work arrangement, source, region, city, metro, language and the currency and period their salary was stated in; rebuilt at every publish.';
COMMENT ON COLUMN rollup_salary_stated_sets.postings IS 'Number of postings with a plausible salary and exactly this skill set in this combination.';

-- The block rollups (rollup_postings_blocks, rollup_salary_month_blocks, rollup_salary_skill_blocks below and
-- rollup_skill_sets_blocks above) and postings_dated are built once per range of day blocks, appended in block
-- order (etl.warehouse.builder.PIECE_MARKS: their groups or rows grow with the postings). They are built here, for stored tables only: their rows replace edge days that only
-- postings_dated and postings_salaried serve (a lake published as views reads a cut range from postings alone).

-- rollup_postings_detail by day block instead of month (the dated postings only; cells.sql's posted_block: days
-- 1-7, 8-14, 15-21, 22-28 and 29 to the end of each month). Why: a date range cut inside months reads its whole
-- months from rollup_postings_detail and the days of the months it cuts from the dated postings - 580,000
-- postings for the bench's range on 10,000,000 generated postings, read again by every chart (40-160 ms each).
-- The whole blocks among those days are rows here (analytics.filters.block_where), and only the days left at
-- either end of them (at most six) are read from postings_dated. Sorted by block, so that a cut month's blocks
-- are a read of a few row groups.
CREATE OR REPLACE TABLE rollup_postings_blocks AS FROM detail_cells(false, blocks := true)
WHERE posted_block BETWEEN getvariable('block_lo') AND getvariable('block_hi')  -- per range of blocks (PIECE_MARKS)
ORDER BY posted_block, role_family, seniority;
-- Its other columns' comments are rollup_postings_detail's (copied at publish: etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_postings_blocks IS 'rollup_postings_detail by day block (posted_block) and month, dated postings only; rebuilt at every publish.';
COMMENT ON COLUMN rollup_postings_blocks.posted_block IS 'First day of the posting''s day block: the 1st, 8th, 15th, 22nd or 29th of its month (blocks end on the 7th, 14th, 21st, 28th and the month''s last day).';

-- rollup_salary_skill_month by day block instead of month (dated postings only; cells.sql's posted_block). Why:
-- salary by skill and the premium under a range cut inside months read the edge days' salaried postings, grouped
-- by skill set and bin and each set expanded into its skills (850,000 rows joined and grouped for the bench's
-- range on 10,000,000 generated postings: most of those charts' time); the whole blocks among the edge days are
-- rows per skill here (analytics.queries.salary.months_binned), and only the days left at either end of them
-- are expanded. Sorted by block, so that a cut month's blocks are a read of a few row groups.
CREATE OR REPLACE TABLE rollup_salary_skill_blocks AS
SELECT s.skill, s.category, p.posted_month, posted_block(p.posted_date) AS posted_block, p.seniority,
       p.role_family, floor(p.salary_usd_mid / 1000)::INTEGER AS salary_bin, count(*)::BIGINT AS postings,
       min(p.salary_usd_mid) AS salary_lo, max(p.salary_usd_mid) AS salary_hi
FROM posting_skills s
JOIN postings p USING (posting_id)
WHERE p.salary_plausible AND p.salary_usd_mid IS NOT NULL AND p.posted_date IS NOT NULL
  AND posted_block(p.posted_date) BETWEEN getvariable('skillblock_lo') AND getvariable('skillblock_hi')  -- PIECE_MARKS
GROUP BY ALL
ORDER BY posted_block, role_family, seniority, skill, salary_bin;
-- Its other columns' comments are rollup_salary_skill_month's and rollup_postings_blocks' (copied at publish:
-- etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_salary_skill_blocks IS 'rollup_salary_skill_month by day block (posted_block) and month, dated postings only: plausible salaries in $1,000 bins per skill by seniority and role family; rebuilt at every publish.';

-- rollup_salary_month by day block instead of month (dated postings only; cells.sql's posted_block), as
-- rollup_postings_blocks is for the fine cells: the median salary over time under a range cut inside months reads
-- the whole blocks among its edge days here and only the days left at either end from postings_salaried.
CREATE OR REPLACE TABLE rollup_salary_month_blocks AS
SELECT posted_month, posted_block(posted_date) AS posted_block, seniority, role_family,
       floor(salary_usd_mid / 1000)::INTEGER AS salary_bin, count(*)::BIGINT AS postings,
       min(salary_usd_mid) AS salary_lo, max(salary_usd_mid) AS salary_hi
FROM postings
WHERE salary_plausible AND salary_usd_mid IS NOT NULL AND posted_date IS NOT NULL
  AND posted_block(posted_date) BETWEEN getvariable('block_lo') AND getvariable('block_hi')  -- PIECE_MARKS
GROUP BY ALL
ORDER BY posted_block, role_family, seniority, salary_bin;
-- Its other columns' comments are rollup_salary_month's and rollup_postings_blocks' (copied at publish:
-- etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_salary_month_blocks IS 'rollup_salary_month by day block (posted_block) and month, dated postings only: plausible salaries in $1,000 bins by seniority and role family; rebuilt at every publish.';

-- rollup_salary_places (rollups.sql) by day block instead of month (dated postings only; cells.sql's
-- posted_block): the Regions page's salary medians under a range cut inside months read the whole blocks among
-- its edge days here (17,000 rows a block on 10,000,000 generated postings against 50,000 salaried postings) and
-- only the days left at either end from postings_salaried (analytics.queries.detail.place_rows).
CREATE OR REPLACE TABLE rollup_salary_places_blocks AS
SELECT posted_month, posted_block(posted_date) AS posted_block, seniority, role_family, country, region, city,
       metro, floor(salary_usd_mid / 1000)::INTEGER AS salary_bin, count(*)::BIGINT AS postings,
       min(salary_usd_mid) AS salary_lo, max(salary_usd_mid) AS salary_hi
FROM postings
WHERE salary_plausible AND salary_usd_mid IS NOT NULL AND posted_date IS NOT NULL
  AND posted_block(posted_date) BETWEEN getvariable('block_lo') AND getvariable('block_hi')  -- PIECE_MARKS
GROUP BY ALL
ORDER BY posted_block, role_family, seniority;
-- Its other columns' comments are rollup_salary_detail's and rollup_postings_blocks' (copied at publish:
-- etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_salary_places_blocks IS 'rollup_salary_places by day block (posted_block) and month, dated postings only: plausible salaries in $1,000 bins by seniority, role family, country, region, city and metro; rebuilt at every publish.';

-- rollup_company_places (rollups.sql) by day block instead of month (dated postings only; cells.sql's
-- posted_block): the Regions page's comparison counts the distinct companies of a range cut inside months from
-- the whole blocks among its edge days here (49,000 rows a week on 10,000,000 generated postings against 96,000
-- postings) and only the days left at either end from postings_dated
-- (analytics.queries.detail.company_place_rows).
CREATE OR REPLACE TABLE rollup_company_places_blocks AS
SELECT company, posted_month, posted_block(posted_date) AS posted_block, seniority, role_family, country, region
FROM postings
WHERE posted_date IS NOT NULL
  AND posted_block(posted_date) BETWEEN getvariable('block_lo') AND getvariable('block_hi')  -- PIECE_MARKS
GROUP BY ALL
ORDER BY posted_block, role_family, seniority, country, company;
-- Its other columns' comments are rollup_company_months' and rollup_postings_blocks' (copied at publish:
-- etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_company_places_blocks IS 'rollup_company_places by day block (posted_block) and month, dated postings only: one row per company and combination of seniority, role family, country and region; rebuilt at every publish.';

-- rollup_postings_places (rollups.sql) by day block instead of month, from rollup_postings_blocks, and by day,
-- from postings_dated (dated postings only). Why: under a range cut inside months the Regions page's maps,
-- lists, work arrangement mix and comparison read the days left outside the whole blocks - five days, 70,000
-- postings for the bench's range on 10,000,000 generated postings - from postings_dated in every chart; by place
-- a day is about a twelfth of those rows (816,000 rows for 730 days; a block a tenth of rollup_postings_blocks').
-- Read by analytics.queries.detail.place_count_rows (rows: whole months, whole blocks, days left).
CREATE OR REPLACE TABLE rollup_postings_places_blocks AS
SELECT posted_month, posted_block, seniority, role_family, country, region, city, metro, remote, experience_min,
       sum(postings)::BIGINT AS postings, sum(salaried)::BIGINT AS salaried
FROM rollup_postings_blocks
GROUP BY ALL
ORDER BY posted_block, role_family, seniority;
-- Its other columns' comments are rollup_postings_detail's and rollup_postings_blocks' (copied at publish:
-- etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_postings_places_blocks IS 'rollup_postings_places by day block (posted_block) and month, dated postings only: postings by seniority, role family, country, region, city, metro, work arrangement and minimum years; rebuilt at every publish.';

CREATE OR REPLACE TABLE rollup_postings_places_days AS
SELECT posted_month, posted_date, seniority, role_family, country, region, city, metro, remote, experience_min,
       count(*)::BIGINT AS postings,
       count(*) FILTER (WHERE salary_plausible AND salary_usd_mid IS NOT NULL)::BIGINT AS salaried
FROM postings_dated
WHERE posted_block(posted_date) BETWEEN getvariable('block_lo') AND getvariable('block_hi')  -- PIECE_MARKS
GROUP BY ALL
ORDER BY posted_date, role_family, seniority;
-- Its other columns' comments are rollup_postings_detail's (copied at publish: etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_postings_places_days IS 'rollup_postings_places by day (posted_date) and month, dated postings only: postings by seniority, role family, country, region, city, metro, work arrangement and minimum years; rebuilt at every publish.';
COMMENT ON COLUMN rollup_postings_places_days.posted_date IS 'The posting date (postings.posted_date).';
