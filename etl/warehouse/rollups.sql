-- Publish-time rollups: heavy aggregates computed once per load, not on every page view.
-- Why: the dashboard must answer in well under a second on a million postings. Counts by
-- skill x month x seniority x role family x country x work arrangement x source, and the
-- skill pairs behind the co-occurrence heatmap, are what the Skills and Overview pages ask
-- for most. The query layer (analytics/queries) reads these tables when the filters only
-- touch these dimensions and whole months (analytics.filters.rollup_ok), and the base
-- tables otherwise, so an answer never depends on which path was taken.
-- Each distinct combination of the rolled-up dimensions is a *cell* (a row of
-- rollup_postings_month, numbered by cell_id); the pair rollup keys its rows by cell_id, so
-- a filter is applied once to the small cell table and the large pair table is only read
-- for its cell_id, skill_a, skill_b and postings columns (about 3x faster than filtering six
-- text columns of millions of pair rows).
-- Idempotent: every statement replaces its table. Run after schema.sql and views.sql.

CREATE OR REPLACE TABLE rollup_postings_month AS
SELECT (row_number() OVER (ORDER BY posted_month, seniority, role_family, country, remote, source))::INTEGER
           AS cell_id, *
FROM (SELECT posted_month, seniority, role_family, country, remote, source, count(*)::BIGINT AS postings
      FROM postings
      GROUP BY ALL);
COMMENT ON TABLE rollup_postings_month IS 'Postings counted by month, seniority, role family, country, work arrangement and source (denominators for shares); rebuilt at every publish.';
COMMENT ON COLUMN rollup_postings_month.cell_id IS 'Number of this combination (a cell); rollup_skill_pairs refers to it.';
COMMENT ON COLUMN rollup_postings_month.posted_month IS 'First day of the posting month (postings.posted_month).';
COMMENT ON COLUMN rollup_postings_month.seniority IS 'Normalised seniority (postings.seniority).';
COMMENT ON COLUMN rollup_postings_month.role_family IS 'Role family (postings.role_family).';
COMMENT ON COLUMN rollup_postings_month.country IS 'Country, ISO 3166-1 alpha-2 (postings.country).';
COMMENT ON COLUMN rollup_postings_month.remote IS 'Work arrangement: remote, hybrid, onsite or NULL (postings.remote).';
COMMENT ON COLUMN rollup_postings_month.source IS 'Source of the posting (postings.source).';
COMMENT ON COLUMN rollup_postings_month.postings IS 'Number of postings in this combination.';

CREATE OR REPLACE TABLE rollup_skill_month AS
SELECT s.skill, s.category, p.posted_month, p.seniority, p.role_family, p.country, p.remote, p.source,
       count(*)::BIGINT AS postings
FROM posting_skills s
JOIN postings p USING (posting_id)
-- run once per range of skills (etl.warehouse.builder.PIECE_MARKS): the same rows, in bounded memory
WHERE s.skill BETWEEN getvariable('skill_lo') AND getvariable('skill_hi')
GROUP BY ALL;
COMMENT ON TABLE rollup_skill_month IS 'Postings asking for each skill, counted by month, seniority, role family, country, work arrangement and source; rebuilt at every publish.';
COMMENT ON COLUMN rollup_skill_month.skill IS 'Canonical skill name (skills.skill).';
COMMENT ON COLUMN rollup_skill_month.category IS 'The skill''s category (skills.category).';
COMMENT ON COLUMN rollup_skill_month.posted_month IS 'First day of the posting month.';
COMMENT ON COLUMN rollup_skill_month.seniority IS 'Normalised seniority.';
COMMENT ON COLUMN rollup_skill_month.role_family IS 'Role family.';
COMMENT ON COLUMN rollup_skill_month.country IS 'Country, ISO 3166-1 alpha-2.';
COMMENT ON COLUMN rollup_skill_month.remote IS 'Work arrangement: remote, hybrid, onsite or NULL.';
COMMENT ON COLUMN rollup_skill_month.source IS 'Source of the posting.';
COMMENT ON COLUMN rollup_skill_month.postings IS 'Number of postings in this combination that ask for the skill.';

-- The posting -> cell map, only while the pair rollup is built.
CREATE OR REPLACE TEMP TABLE rollup_posting_cell AS
SELECT p.posting_id, c.cell_id
FROM postings p
JOIN rollup_postings_month c
  ON c.posted_month IS NOT DISTINCT FROM p.posted_month AND c.seniority IS NOT DISTINCT FROM p.seniority
 AND c.role_family IS NOT DISTINCT FROM p.role_family AND c.country IS NOT DISTINCT FROM p.country
 AND c.remote IS NOT DISTINCT FROM p.remote AND c.source IS NOT DISTINCT FROM p.source;

CREATE OR REPLACE TABLE rollup_skill_pairs AS
SELECT pc.cell_id, a.skill AS skill_a, b.skill AS skill_b, count(*)::INTEGER AS postings
FROM posting_skills a
JOIN posting_skills b ON b.posting_id = a.posting_id AND a.skill < b.skill
JOIN rollup_posting_cell pc ON pc.posting_id = a.posting_id
WHERE a.category <> 'responsibility' AND b.category <> 'responsibility'
  AND a.skill BETWEEN getvariable('pair_lo') AND getvariable('pair_hi')  -- per skill range (PIECE_MARKS)
  AND b.skill > getvariable('pair_lo')  -- implied by a.skill < b.skill; skips b's row groups below it
GROUP BY ALL
ORDER BY skill_a, skill_b, pc.cell_id;
DROP TABLE rollup_posting_cell;
COMMENT ON TABLE rollup_skill_pairs IS 'Postings asking for both skills of a pair (skill_a < skill_b, responsibilities left out), counted per cell of rollup_postings_month (month, seniority, role family, country, work arrangement, source); rebuilt at every publish.';
COMMENT ON COLUMN rollup_skill_pairs.cell_id IS 'The cell (rollup_postings_month.cell_id): month, seniority, role family, country, work arrangement and source.';
COMMENT ON COLUMN rollup_skill_pairs.skill_a IS 'First skill of the pair (alphabetically smaller).';
COMMENT ON COLUMN rollup_skill_pairs.skill_b IS 'Second skill of the pair.';
COMMENT ON COLUMN rollup_skill_pairs.postings IS 'Number of postings in this cell that ask for both skills.';

-- The same pairs sorted by their second skill. Why: "every pair that holds skill X" (the Skills page under a
-- one-skill filter, analytics.queries.skills.GIVEN) then reads X's row groups here (skill_b = X) and in
-- rollup_skill_pairs (skill_a = X) instead of every row of rollup_skill_pairs: 4 ms instead of 58 ms of CPU
-- for the most frequent skill on 1,000,000 generated postings (5.6M pair rows).
CREATE OR REPLACE TABLE rollup_skill_pairs_b AS
SELECT skill_b, skill_a, cell_id, postings FROM rollup_skill_pairs
WHERE skill_b BETWEEN getvariable('pair_lo') AND getvariable('pair_hi')  -- per skill range (PIECE_MARKS)
ORDER BY skill_b, skill_a, cell_id;
COMMENT ON TABLE rollup_skill_pairs_b IS 'rollup_skill_pairs sorted by skill_b (the same rows), for reading every pair of one skill; rebuilt at every publish.';
COMMENT ON COLUMN rollup_skill_pairs_b.skill_b IS 'Second skill of the pair (alphabetically larger).';
COMMENT ON COLUMN rollup_skill_pairs_b.skill_a IS 'First skill of the pair.';
COMMENT ON COLUMN rollup_skill_pairs_b.cell_id IS 'The cell (rollup_postings_month.cell_id).';
COMMENT ON COLUMN rollup_skill_pairs_b.postings IS 'Number of postings in this cell that ask for both skills.';

-- The skill counts and pairs for the pages' default fields only (month, seniority and role family): the same
-- rows as rollup_skill_month and rollup_skill_pairs summed over every other field of the cells.
-- Why: the Skills page's default view, a seniority or a range of whole months read rollup_skill_month (666,000
-- rows on 10,000,000 generated postings) for its top skills, trend, movers and responsibilities, and the
-- pairs chart read 755,000 of rollup_skill_pairs' 6.2M rows (its top skills' pairs in every chosen cell):
-- 50-150 ms each. Summed over country, work arrangement and source (which these filters do not name) they
-- are a few tens of thousands of rows, and one pair's rows a read of its row groups. Read when the filters
-- name no skill and no list field but seniority and role family (analytics.queries.skills.level_tables);
-- any other filter reads the full rollups.
CREATE OR REPLACE TABLE rollup_skill_month_level AS
SELECT skill, category, posted_month, seniority, role_family, sum(postings)::BIGINT AS postings
FROM rollup_skill_month
GROUP BY ALL
ORDER BY posted_month, role_family, seniority, skill;
-- Its other columns' comments are rollup_skill_month's (copied at publish: etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_skill_month_level IS 'rollup_skill_month summed over every field but the skill, month, seniority and role family; rebuilt at every publish.';

CREATE OR REPLACE TABLE rollup_skill_pairs_level AS
SELECT r.skill_a, r.skill_b, c.posted_month, c.seniority, c.role_family, sum(r.postings)::BIGINT AS postings
FROM rollup_skill_pairs r
JOIN rollup_postings_month c USING (cell_id)
WHERE r.skill_a BETWEEN getvariable('pair_lo') AND getvariable('pair_hi')  -- per skill range (PIECE_MARKS)
GROUP BY ALL
ORDER BY skill_a, skill_b, posted_month, role_family, seniority;
-- Its skill and count columns' comments are rollup_skill_pairs' (copied at publish: builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_skill_pairs_level IS 'rollup_skill_pairs summed over every field of the cells but the month, seniority and role family: postings asking for both skills of a pair (skill_a < skill_b, responsibilities left out); rebuilt at every publish.';
COMMENT ON COLUMN rollup_skill_pairs_level.posted_month IS 'First day of the posting month (NULL: undated).';
COMMENT ON COLUMN rollup_skill_pairs_level.seniority IS 'Normalised seniority.';
COMMENT ON COLUMN rollup_skill_pairs_level.role_family IS 'Role family.';
COMMENT ON COLUMN rollup_skill_pairs_level.postings IS 'Number of postings of this month, seniority and role family that ask for both skills.';

-- Salary histograms in $1,000 bins of salary_usd_mid (plausible salaries only), for all salaried postings
-- (skill NULL) and per skill (responsibilities left out), by seniority, role family, country, work
-- arrangement and source - no month, so only filters without a date range use them.
-- Why: per-skill salary medians and percentiles were the slowest figures of the dashboard (an exact
-- median per skill sorts every salaried posting-skill row: 2.8 s on 1M generated postings under load).
-- Read from these bins (analytics.queries.salary.binned), each posting's salary is placed evenly inside its
-- bin and percentiles are interpolated between those places as quantile_cont does between the salaries:
-- each figure is within one bin ($1,000) of the exact one, and the charts' captions say so (tests compare
-- them with the exact answers).
CREATE OR REPLACE TABLE rollup_salary_bins AS
SELECT NULL::VARCHAR AS skill, seniority, role_family, country, remote, source,
       floor(salary_usd_mid / 1000)::INTEGER AS salary_bin, count(*)::BIGINT AS postings,
       min(salary_usd_mid) AS salary_lo, max(salary_usd_mid) AS salary_hi
FROM postings
WHERE salary_plausible AND salary_usd_mid IS NOT NULL
GROUP BY ALL
ORDER BY salary_bin;
-- The per-skill rows appended after the NULL ones, per range of skills in skill order (PIECE_MARKS: they group
-- the skill rows, and one statement over all of them failed at 300,000 postings / 72MB): the order of
-- ORDER BY skill NULLS FIRST, salary_bin over the whole table.
INSERT INTO rollup_salary_bins
SELECT s.skill, p.seniority, p.role_family, p.country, p.remote, p.source,
       floor(p.salary_usd_mid / 1000)::INTEGER AS salary_bin, count(*)::BIGINT AS postings,
       min(p.salary_usd_mid) AS salary_lo, max(p.salary_usd_mid) AS salary_hi
FROM posting_skills s
JOIN postings p USING (posting_id)
WHERE p.salary_plausible AND p.salary_usd_mid IS NOT NULL AND s.category <> 'responsibility'
  AND s.skill BETWEEN getvariable('skill_lo') AND getvariable('skill_hi')  -- per skill range (PIECE_MARKS)
GROUP BY ALL
ORDER BY skill, salary_bin;
COMMENT ON TABLE rollup_salary_bins IS 'Plausible salaries (salary_usd_mid) counted in $1,000 bins, for all salaried postings (skill NULL) and per skill (responsibilities left out), by seniority, role family, country, work arrangement and source; rebuilt at every publish.';
COMMENT ON COLUMN rollup_salary_bins.skill IS 'The skill asked for (skills.skill); NULL for all salaried postings.';
COMMENT ON COLUMN rollup_salary_bins.seniority IS 'Normalised seniority.';
COMMENT ON COLUMN rollup_salary_bins.role_family IS 'Role family.';
COMMENT ON COLUMN rollup_salary_bins.country IS 'Country, ISO 3166-1 alpha-2.';
COMMENT ON COLUMN rollup_salary_bins.remote IS 'Work arrangement: remote, hybrid, onsite or NULL.';
COMMENT ON COLUMN rollup_salary_bins.source IS 'Source of the posting.';
COMMENT ON COLUMN rollup_salary_bins.salary_bin IS 'floor(salary_usd_mid / 1000): the bin [1000 * salary_bin, 1000 * (salary_bin + 1)) USD per year.';
COMMENT ON COLUMN rollup_salary_bins.postings IS 'Number of salaried postings (asking for the skill) in this bin and combination.';
COMMENT ON COLUMN rollup_salary_bins.salary_lo IS 'The smallest of their salaries (USD per year): figures read from the bin stay between salary_lo and salary_hi, so a bin of equal salaries gives them exactly.';
COMMENT ON COLUMN rollup_salary_bins.salary_hi IS 'The largest of their salaries (USD per year).';

-- Postings in fine cells: every field a filter or a non-skill chart groups by (month, seniority, role family,
-- country, work arrangement, source, region, city, metro, language, degree, minimum years, salary band).
-- Why: the Regions, Salary, Experience and Data pages and the Overview's monthly counts scanned postings on
-- every view (30-140 ms each on 1,000,000 generated postings, ten times that on 10,000,000); their counts,
-- shares and years are sums over these rows instead, which are far fewer than postings (they stop growing
-- once every combination occurs). Minimum years are kept as values, so their quartiles are exact (counted
-- per value). The query layer (analytics.queries.detail) reads them for whole months and no skill filter.
-- The cells and measures are written once, in cells.sql (rollup_skill_sets splits the same cells by skill set).
-- Per range of month, role family and seniority (PIECE_MARKS: 113,155 groups for 300,000 generated postings,
-- and one statement over all of them failed at 32MB), appended in the macro's order.
CREATE OR REPLACE TABLE rollup_postings_detail AS FROM detail_cells(false)
WHERE coalesce(posted_month, DATE '9999-12-01')::VARCHAR || chr(0) || coalesce(role_family, chr(1114111)) || chr(0)
      || coalesce(seniority, chr(1114111))
      BETWEEN getvariable('monthlevel_lo') AND getvariable('monthlevel_hi')  -- PIECE_MARKS (MONTH_LEVEL_KEY)
ORDER BY posted_month, role_family, seniority;
COMMENT ON TABLE rollup_postings_detail IS 'Postings counted by month, seniority, role family, country, work arrangement, source, region, city, metro, language, degree, minimum years and salary band; rebuilt at every publish.';
COMMENT ON COLUMN rollup_postings_detail.posted_month IS 'First day of the posting month (NULL: undated).';
COMMENT ON COLUMN rollup_postings_detail.seniority IS 'Normalised seniority.';
COMMENT ON COLUMN rollup_postings_detail.role_family IS 'Role family.';
COMMENT ON COLUMN rollup_postings_detail.country IS 'Country, ISO 3166-1 alpha-2.';
COMMENT ON COLUMN rollup_postings_detail.remote IS 'Work arrangement: remote, hybrid, onsite or NULL.';
COMMENT ON COLUMN rollup_postings_detail.source IS 'Source of the posting.';
COMMENT ON COLUMN rollup_postings_detail.region IS 'Region, ISO 3166-2 (postings.region).';
COMMENT ON COLUMN rollup_postings_detail.city IS 'City (postings.city).';
COMMENT ON COLUMN rollup_postings_detail.metro IS 'US metro area (postings.metro).';
COMMENT ON COLUMN rollup_postings_detail.language IS 'Language of the posting text, ISO 639-1 (postings.language).';
COMMENT ON COLUMN rollup_postings_detail.degree IS 'Minimum degree asked (postings.degree).';
COMMENT ON COLUMN rollup_postings_detail.experience_min IS 'Minimum years of experience asked (postings.experience_min), as a value.';
COMMENT ON COLUMN rollup_postings_detail.salary_band IS 'Salary band (postings.salary_band).';
COMMENT ON COLUMN rollup_postings_detail.postings IS 'Number of postings in this combination.';
COMMENT ON COLUMN rollup_postings_detail.salaried IS 'Of them, postings with a plausible salary (salary_plausible and salary_usd_mid).';
COMMENT ON COLUMN rollup_postings_detail.with_salary IS 'Of them, postings with any salary_usd_mid (plausible or not).';
COMMENT ON COLUMN rollup_postings_detail.salary_floor IS 'The smallest plausible salary_usd_mid among them (USD per year).';

-- Plausible salaries in $1,000 bins by the same fine cells (no degree or band; whole minimum years instead of
-- values). Why: the median salaries per country, state, city, metro, level, month and years scanned and
-- sorted postings' salaries on every view; read from these bins (analytics.queries.salary.binned_by) each
-- is within one bin ($1,000) of the exact figure, as rollup_salary_bins' per-skill figures are. The cells and
-- measures are written once in cells.sql (salary_cells; rollup_salary_sets splits them by skill set).
CREATE OR REPLACE TABLE rollup_salary_detail AS FROM salary_cells(false)
WHERE coalesce(posted_month, DATE '9999-12-01')::VARCHAR || chr(0) || coalesce(role_family, chr(1114111)) || chr(0)
      || coalesce(seniority, chr(1114111))
      BETWEEN getvariable('monthlevel_lo') AND getvariable('monthlevel_hi')  -- PIECE_MARKS (MONTH_LEVEL_KEY)
ORDER BY posted_month, role_family, seniority;
COMMENT ON TABLE rollup_salary_detail IS 'Plausible salaries (salary_usd_mid) counted in $1,000 bins by month, seniority, role family, country, work arrangement, source, region, city, metro, language and whole minimum years; rebuilt at every publish.';
COMMENT ON COLUMN rollup_salary_detail.posted_month IS 'First day of the posting month (NULL: undated).';
COMMENT ON COLUMN rollup_salary_detail.seniority IS 'Normalised seniority.';
COMMENT ON COLUMN rollup_salary_detail.role_family IS 'Role family.';
COMMENT ON COLUMN rollup_salary_detail.country IS 'Country, ISO 3166-1 alpha-2.';
COMMENT ON COLUMN rollup_salary_detail.remote IS 'Work arrangement: remote, hybrid, onsite or NULL.';
COMMENT ON COLUMN rollup_salary_detail.source IS 'Source of the posting.';
COMMENT ON COLUMN rollup_salary_detail.region IS 'Region, ISO 3166-2.';
COMMENT ON COLUMN rollup_salary_detail.city IS 'City.';
COMMENT ON COLUMN rollup_salary_detail.metro IS 'US metro area.';
COMMENT ON COLUMN rollup_salary_detail.language IS 'Language of the posting text, ISO 639-1.';
COMMENT ON COLUMN rollup_salary_detail.years IS 'floor(experience_min): whole minimum years asked (NULL: not stated).';
COMMENT ON COLUMN rollup_salary_detail.salary_bin IS 'floor(salary_usd_mid / 1000): the bin [1000 * salary_bin, 1000 * (salary_bin + 1)) USD per year.';
COMMENT ON COLUMN rollup_salary_detail.postings IS 'Number of salaried postings in this bin and combination.';
COMMENT ON COLUMN rollup_salary_detail.salary_lo IS 'The smallest of their salaries (USD per year; see rollup_salary_bins.salary_lo).';
COMMENT ON COLUMN rollup_salary_detail.salary_hi IS 'The largest of their salaries (USD per year).';

-- Plausible salaries in $1,000 bins per skill (every category) by month, seniority and role family only.
-- Why: the median salary over time under one chosen skill, and salary by skill and the premium under a date
-- range, had no rollup (rollup_salary_sets and rollup_salary_bins have no month): they sorted the salaries
-- of every posting asking for a skill, 0.5-8 s on 10,000,000 generated postings. One skill's rows are a read
-- of its row groups (sorted by skill), a few tens of thousands of rows on generated data; the pages' default
-- filters (seniority, role family, dates) stay answerable, while more fields (country, source, ...) would
-- multiply the rows (three times at 1,000,000 postings) and leave such filters to postings. Read by
-- analytics.queries.salary (over_time, months_binned).
CREATE OR REPLACE TABLE rollup_salary_skill_month AS
SELECT s.skill, s.category, p.posted_month, p.seniority, p.role_family,
       floor(p.salary_usd_mid / 1000)::INTEGER AS salary_bin,
       count(*)::BIGINT AS postings, min(p.salary_usd_mid) AS salary_lo, max(p.salary_usd_mid) AS salary_hi
FROM posting_skills s
JOIN postings p USING (posting_id)
WHERE p.salary_plausible AND p.salary_usd_mid IS NOT NULL
  AND s.skill BETWEEN getvariable('skill_lo') AND getvariable('skill_hi')  -- per skill range (PIECE_MARKS)
GROUP BY ALL
ORDER BY s.skill, p.posted_month, salary_bin;
COMMENT ON TABLE rollup_salary_skill_month IS 'Plausible salaries (salary_usd_mid) of the postings asking for each skill, counted in $1,000 bins by month, seniority and role family; rebuilt at every publish.';
COMMENT ON COLUMN rollup_salary_skill_month.skill IS 'The skill asked for (skills.skill), any category.';
COMMENT ON COLUMN rollup_salary_skill_month.category IS 'The category of its posting_skills rows (responsibility, language, ...).';
COMMENT ON COLUMN rollup_salary_skill_month.posted_month IS 'First day of the posting month (NULL: undated).';
COMMENT ON COLUMN rollup_salary_skill_month.seniority IS 'Normalised seniority.';
COMMENT ON COLUMN rollup_salary_skill_month.role_family IS 'Role family.';
COMMENT ON COLUMN rollup_salary_skill_month.salary_bin IS 'floor(salary_usd_mid / 1000): the bin [1000 * salary_bin, 1000 * (salary_bin + 1)) USD per year.';
COMMENT ON COLUMN rollup_salary_skill_month.postings IS 'Number of salaried postings asking for the skill in this bin and combination.';
COMMENT ON COLUMN rollup_salary_skill_month.salary_lo IS 'The smallest of their salaries (USD per year; see rollup_salary_bins.salary_lo).';
COMMENT ON COLUMN rollup_salary_skill_month.salary_hi IS 'The largest of their salaries (USD per year).';

-- rollup_salary_detail without the month: the same bins summed over every month, dated or not kept apart.
-- Why: a view without a date range (the default, and any single filter but dates) read every month's bins to
-- draw one median per country, state, city, metro or compared area: 2.0M rows per chart on 10,000,000
-- generated postings (about 140 ms each, five charts on the Regions page); summed over the months they are
-- several times fewer. Read by analytics.queries.detail.salary_rows for views without a date range.
CREATE OR REPLACE TABLE rollup_salary_no_month AS
SELECT posted_month IS NOT NULL AS dated, seniority, role_family, country, remote, source, region, city, metro,
       language, years, salary_bin, sum(postings)::BIGINT AS postings, min(salary_lo) AS salary_lo,
       max(salary_hi) AS salary_hi
FROM rollup_salary_detail
GROUP BY ALL
ORDER BY role_family, seniority, country;
-- Its other columns' comments are rollup_salary_detail's (copied at publish: etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_salary_no_month IS 'rollup_salary_detail summed over the months (dated and undated postings kept apart): plausible salaries in $1,000 bins by seniority, role family, country, work arrangement, source, region, city, metro, language and whole minimum years; rebuilt at every publish.';
COMMENT ON COLUMN rollup_salary_no_month.dated IS 'Whether these postings have a date (posted_month is not NULL).';

-- rollup_salary_detail summed over the fields the Regions page neither draws nor the default filters name (work
-- arrangement, source, language, years): the bins by month, seniority, role family, country, region, city and
-- metro. Why: under a date range the page's five salary medians (countries, states, cities, metros, the
-- comparison) each read the range's months of rollup_salary_detail - 82,000 rows a month on 10,000,000 generated
-- postings, most of each chart's time -, here 27,000. Read by analytics.queries.detail.place_rows when the
-- filters name no other field (no work arrangement, source, language or skill); its day-block copy
-- (rollup_salary_places_blocks, order.sql) holds a cut range's edge days.
CREATE OR REPLACE TABLE rollup_salary_places AS
SELECT posted_month, seniority, role_family, country, region, city, metro, salary_bin,
       sum(postings)::BIGINT AS postings, min(salary_lo) AS salary_lo, max(salary_hi) AS salary_hi
FROM rollup_salary_detail
WHERE coalesce(posted_month, DATE '9999-12-01')::VARCHAR || chr(0) || coalesce(role_family, chr(1114111)) || chr(0)
      || coalesce(seniority, chr(1114111))
      BETWEEN getvariable('monthlevel_lo') AND getvariable('monthlevel_hi')  -- PIECE_MARKS (MONTH_LEVEL_KEY)
GROUP BY ALL
ORDER BY posted_month, role_family, seniority;
-- Its other columns' comments are rollup_salary_detail's (copied at publish: etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_salary_places IS 'rollup_salary_detail summed over every field but the month, seniority, role family, country, region, city and metro: plausible salaries in $1,000 bins; rebuilt at every publish.';

-- rollup_postings_detail summed over the fields the Regions page's maps, lists, work arrangement mix and comparison
-- neither draw nor the default filters name (source, language, degree, salary band): postings by month,
-- seniority, role family, country, region, city, metro, work arrangement and minimum years. Why: under a date
-- range each of those charts read the range's months of rollup_postings_detail (13,000 rows a month on
-- 10,000,000 generated postings) and, for a range cut inside months, its day blocks and the days left from
-- postings_dated; here a month is about 1,200 rows, and its day-block and day copies
-- (rollup_postings_places_blocks, rollup_postings_places_days, order.sql) hold the edge days. Read by
-- analytics.queries.detail.place_count_rows when the filters name no source, language or skill.
CREATE OR REPLACE TABLE rollup_postings_places AS
SELECT posted_month, seniority, role_family, country, region, city, metro, remote, experience_min,
       sum(postings)::BIGINT AS postings, sum(salaried)::BIGINT AS salaried
FROM rollup_postings_detail
GROUP BY ALL
ORDER BY posted_month, role_family, seniority;
-- Its other columns' comments are rollup_postings_detail's (copied at publish: etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_postings_places IS 'rollup_postings_detail summed over every field but the month, seniority, role family, country, region, city, metro, work arrangement and minimum years; rebuilt at every publish.';

-- rollup_postings_detail without the month: the same cells summed over every month, dated or not kept apart.
-- Why: a view without a date range read every month's cells (310,000 rows on 10,000,000 generated postings)
-- for each of the Regions page's charts; summed over the months they are 13,000. Read by the charts that draw
-- no month (analytics.queries.detail.counts with monthly=False) for views without a date range.
CREATE OR REPLACE TABLE rollup_postings_no_month AS
SELECT posted_month IS NOT NULL AS dated, seniority, role_family, country, remote, source, region, city, metro,
       language, degree, experience_min, salary_band, sum(postings)::BIGINT AS postings,
       sum(salaried)::BIGINT AS salaried, sum(with_salary)::BIGINT AS with_salary,
       min(salary_floor) AS salary_floor
FROM rollup_postings_detail
GROUP BY ALL
ORDER BY role_family, seniority, country;
-- Its other columns' comments are rollup_postings_detail's (copied at publish: etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_postings_no_month IS 'rollup_postings_detail summed over the months (dated and undated postings kept apart); rebuilt at every publish.';
COMMENT ON COLUMN rollup_postings_no_month.dated IS 'Whether these postings have a date (posted_month is not NULL).';

-- The salary bins by month or by skill for the pages' default fields only (seniority and role family): the
-- same bins as rollup_salary_detail and rollup_salary_bins summed over every other field.
-- Why: the default view, a seniority or a date range reads the median salary over time, salary by skill and
-- the premium from those (2.0M and 784,000 rows on 10,000,000 generated postings, 150-200 ms of CPU each);
-- summed over the fields no filter chose they are 79,000 and 105,000 rows. Read when the filters name no other
-- field (analytics.queries.salary: over_time, binned); a filter on any other field reads the full bins.
CREATE OR REPLACE TABLE rollup_salary_month AS
SELECT posted_month, seniority, role_family, salary_bin, sum(postings)::BIGINT AS postings,
       min(salary_lo) AS salary_lo, max(salary_hi) AS salary_hi
FROM rollup_salary_detail
GROUP BY ALL
ORDER BY posted_month, role_family, seniority, salary_bin;
-- Its other columns' comments are rollup_salary_detail's (copied at publish: etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_salary_month IS 'rollup_salary_detail summed over every field but the month, seniority and role family: plausible salaries in $1,000 bins; rebuilt at every publish.';
-- The same bins by month for the fields a sidebar filter names beside the levels and keeps in the cell rollups
-- (country, work arrangement, source): rollup_salary_detail summed over region, city, metro, language and years.
-- Why: under a country, work arrangement or source filter the median salary over time read rollup_salary_detail
-- (2.0M rows on 10,000,000 generated postings; 1.2M after a country and the default levels, grouped by month and
-- bin: 65-75 ms of CPU, the Salary page's largest chart under those filters); here 880,000 rows, sorted by
-- country and level so that a country's rows are its row groups. Read by analytics.queries.salary.over_time
-- (month_bins) when the filters name no other field (no region, language or skill); a range cut inside months
-- reads its edge days from postings_salaried, as for rollup_salary_detail.
CREATE OR REPLACE TABLE rollup_salary_month_cells AS
SELECT posted_month, seniority, role_family, country, remote, source, salary_bin, sum(postings)::BIGINT AS postings,
       min(salary_lo) AS salary_lo, max(salary_hi) AS salary_hi
FROM rollup_salary_detail
GROUP BY ALL
ORDER BY country, role_family, seniority, source, posted_month, salary_bin;
-- Its other columns' comments are rollup_salary_detail's (copied at publish: etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_salary_month_cells IS 'rollup_salary_detail summed over every field but the month, seniority, role family, country, work arrangement and source: plausible salaries in $1,000 bins; rebuilt at every publish.';

-- How the plausible salaries were stated (currency and period) by the fields a filter names but the skills:
-- the salaried postings counted by month, seniority, role family, country, work arrangement, source, region,
-- city, metro, language, currency and period. Why: the Salary page's line on the currency and period mix
-- (analytics.queries.salary.stated_as) read postings on every new view (about 130 ms of CPU at 10,000,000
-- postings, the only Salary query without a rollup); a currency follows the country, so the cells barely
-- outnumber the places'. Read as rollup_salary_detail is (whole months here, the edge days of a cut range
-- from postings_salaried); rollup_salary_stated_no_month below for views without a date range.
CREATE OR REPLACE TABLE rollup_salary_stated AS
SELECT posted_month, seniority, role_family, country, remote, source, region, city, metro, language,
       salary_currency, salary_period, count(*)::BIGINT AS postings
FROM postings
WHERE salary_plausible AND salary_usd_mid IS NOT NULL
GROUP BY ALL
ORDER BY posted_month, role_family, seniority;
-- Its other columns' comments are rollup_salary_detail's and postings' (copied at publish:
-- etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_salary_stated IS 'Postings with a plausible salary counted by month, seniority, role family, country, work arrangement, source, region, city, metro, language and the currency and period their salary was stated in; rebuilt at every publish.';
COMMENT ON COLUMN rollup_salary_stated.postings IS 'Number of postings with a plausible salary in this combination.';

CREATE OR REPLACE TABLE rollup_salary_stated_no_month AS
SELECT posted_month IS NOT NULL AS dated, seniority, role_family, country, remote, source, region, city, metro,
       language, salary_currency, salary_period, sum(postings)::BIGINT AS postings
FROM rollup_salary_stated
GROUP BY ALL
ORDER BY role_family, seniority, country;
COMMENT ON TABLE rollup_salary_stated_no_month IS 'rollup_salary_stated summed over the months (dated and undated postings kept apart); rebuilt at every publish.';
COMMENT ON COLUMN rollup_salary_stated_no_month.dated IS 'Whether these postings have a date (posted_month is not NULL).';

CREATE OR REPLACE TABLE rollup_salary_bins_level AS
SELECT skill, seniority, role_family, salary_bin, sum(postings)::BIGINT AS postings, min(salary_lo) AS salary_lo,
       max(salary_hi) AS salary_hi
FROM rollup_salary_bins
GROUP BY ALL
ORDER BY skill NULLS FIRST, role_family, seniority, salary_bin;
-- Its other columns' comments are rollup_salary_bins' (copied at publish: etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_salary_bins_level IS 'rollup_salary_bins summed over every field but the skill, seniority and role family: plausible salaries in $1,000 bins for all salaried postings (skill NULL) and per skill; rebuilt at every publish.';

-- The companies behind the postings, by every field a filter names but the month and the skills, with the
-- first and last posting date of each combination.
-- Why: "how many companies" is a count of distinct names, which sums of counts cannot give: the Overview's
-- headline and the region comparison counted them over postings on every view (0.7 s per count on
-- 10,000,000 generated postings, the headline 2.7 s in all). Counted over these rows instead - one per
-- company and combination, far fewer than postings - the answer is the same exact number; the first and
-- last dates give the headline's period without reading postings. Views with a date range or a skill filter
-- still count over postings (analytics.queries.detail.company_rows).
CREATE OR REPLACE TABLE rollup_company_cells AS
SELECT company, posted_date IS NOT NULL AS dated, seniority, role_family, country, remote, source, region,
       language, min(posted_date) AS first_date, max(posted_date) AS last_date
FROM postings
GROUP BY ALL
ORDER BY role_family, seniority, country, company;
COMMENT ON TABLE rollup_company_cells IS 'One row per company and combination of date presence, seniority, role family, country, work arrangement, source, region and language, with the combination''s first and last posting date; rebuilt at every publish.';
COMMENT ON COLUMN rollup_company_cells.company IS 'Employer name as posted (postings.company; NULL when not given).';
COMMENT ON COLUMN rollup_company_cells.dated IS 'Whether these postings have a date (posted_date is not NULL).';
COMMENT ON COLUMN rollup_company_cells.seniority IS 'Normalised seniority.';
COMMENT ON COLUMN rollup_company_cells.role_family IS 'Role family.';
COMMENT ON COLUMN rollup_company_cells.country IS 'Country, ISO 3166-1 alpha-2.';
COMMENT ON COLUMN rollup_company_cells.remote IS 'Work arrangement: remote, hybrid, onsite or NULL.';
COMMENT ON COLUMN rollup_company_cells.source IS 'Source of the posting.';
COMMENT ON COLUMN rollup_company_cells.region IS 'Region, ISO 3166-2.';
COMMENT ON COLUMN rollup_company_cells.language IS 'Language of the posting text, ISO 639-1.';
COMMENT ON COLUMN rollup_company_cells.first_date IS 'The earliest posted_date of these postings (NULL when undated).';
COMMENT ON COLUMN rollup_company_cells.last_date IS 'The latest posted_date of these postings (NULL when undated).';


-- rollup_company_cells per skill asked for (every category): one row per skill, company and combination.
-- Why: under a skill filter the headline's and the region comparison's distinct companies were counted over
-- postings (the comparison 440-470 ms, the headline about 1 s on 10,000,000 generated postings). A company
-- has a posting asking for one of the chosen skills in a combination exactly when it has a row here for one
-- of them, so under "any" of the skills (or one skill) a count of distinct companies over the chosen skills'
-- rows equals the count over postings; sorted by skill, one skill's rows are a read of its row groups.
-- "All" of several skills cannot be read this way (two rows of a company need not be the same posting) and
-- stays on postings, as do date ranges (no month here). Read by analytics.queries.detail.company_rows.
CREATE OR REPLACE TABLE rollup_company_skills AS
SELECT s.skill, p.company, p.posted_date IS NOT NULL AS dated, p.seniority, p.role_family, p.country, p.remote,
       p.source, p.region, p.language, min(p.posted_date) AS first_date, max(p.posted_date) AS last_date
FROM posting_skills s
JOIN postings p USING (posting_id)
WHERE s.skill BETWEEN getvariable('skill_lo') AND getvariable('skill_hi')  -- per skill range (PIECE_MARKS)
GROUP BY ALL
ORDER BY skill, role_family, seniority, country, company;
-- Its other columns' comments are rollup_company_cells' (copied at publish: etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_company_skills IS 'rollup_company_cells per skill: one row per skill asked for, company and combination of date presence, seniority, role family, country, work arrangement, source, region and language, with the first and last posting date of the postings asking for the skill; rebuilt at every publish.';
COMMENT ON COLUMN rollup_company_skills.skill IS 'The skill asked for (posting_skills.skill), any category.';

-- The companies by month: one row per company, month (NULL: undated) and combination of the fields a filter
-- names but the skills. Why: the headline under a date range counts distinct companies in the chosen period
-- and the one of the same length before it (1.6-1.8 s over postings on 10,000,000 generated postings); the
-- whole months of each period are rows here, the edge days of months they cut come from postings_dated
-- (analytics.queries.detail.rows), so the count is exact. Read by analytics.queries.overview.kpis.
CREATE OR REPLACE TABLE rollup_company_months AS
SELECT company, posted_month, seniority, role_family, country, remote, source, region, language
FROM postings
WHERE coalesce(posted_month, DATE '9999-12-01')::VARCHAR || chr(0) || coalesce(role_family, chr(1114111)) || chr(0)
      || coalesce(seniority, chr(1114111))
      BETWEEN getvariable('monthlevel_lo') AND getvariable('monthlevel_hi')  -- PIECE_MARKS (MONTH_LEVEL_KEY)
GROUP BY ALL
ORDER BY posted_month, role_family, seniority, country, company;
-- Its other columns' comments are rollup_company_cells' (copied at publish: etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_company_months IS 'One row per company, month and combination of seniority, role family, country, work arrangement, source, region and language; rebuilt at every publish.';
COMMENT ON COLUMN rollup_company_months.posted_month IS 'First day of the posting month (NULL: undated).';

-- rollup_company_months summed over the fields the Regions page's comparison neither groups by nor the default
-- filters name (work arrangement, source, language): one row per company, month, seniority, role family,
-- country and region. Why: under a date range the comparison's distinct companies per area read the range's
-- months of rollup_company_months (145,000 rows a month on 10,000,000 generated postings, 84,000 here) and
-- joined them to the areas on "country or region"; here, with the whole day blocks of a cut range's edge days
-- from the block copy (rollup_company_places_blocks, order.sql), that count took about 30 against 50 ms. Read by
-- analytics.queries.detail.company_place_rows when the filters name no work arrangement, source, language or
-- skill.
CREATE OR REPLACE TABLE rollup_company_places AS
SELECT company, posted_month, seniority, role_family, country, region
FROM rollup_company_months
GROUP BY ALL
ORDER BY posted_month, role_family, seniority, country, company;
-- Its other columns' comments are rollup_company_months' (copied at publish: etl.warehouse.builder.COMMENTS_FROM).
COMMENT ON TABLE rollup_company_places IS 'One row per company, month and combination of seniority, role family, country and region; rebuilt at every publish.';
