-- The day block of a date: blocks split each month at days 1, 8, 15, 22 and 29 (days 1-7, 8-14, 15-21, 22-28
-- and 29 to the month's end), and a block is named by its first day. Why: a date range cut inside months reads
-- the days of the months it cuts (its edge days) as whole blocks from the block rollups and only the few days
-- left at either end (at most six) from the dated postings - analytics.filters.block_start is the same rule.
CREATE OR REPLACE TEMP MACRO posted_block(d) AS
    d - ((day(d) - 1) - 7 * least((day(d) - 1) // 7, 4))::INTEGER;

-- The fine cells: every field a filter or a non-skill chart groups by, counted once per combination.
-- Why one macro: rollup_postings_detail (rollups.sql) and rollup_skill_sets (order.sql: the same cells split
-- by skill set) must hold the same fields and measures, or a chart would answer differently depending on
-- which one the query layer picked (analytics.queries.detail). Both are made by this macro, so the list is
-- written once. ``skill_sets`` adds the skill bitmap words (postings.skill_bits_0..7, stored tables only);
-- ``blocks`` adds posted_block (the dated postings only: see posted_block above), for the day blocks of
-- rollup_postings_blocks and rollup_skill_sets_blocks; COLUMNS() also names salary_band so that its pattern
-- never matches nothing when both are false.
-- Temporary: it lives for the publishing connection only (etl.warehouse.builder.finalise runs this file
-- before order.sql and rollups.sql).
CREATE OR REPLACE TEMP MACRO detail_cells(skill_sets, blocks := false) AS TABLE
SELECT posted_month, seniority, role_family, country, remote, source, region, city, metro, language, degree,
       experience_min,
       COLUMNS(lambda c: c = 'salary_band' OR (skill_sets AND c LIKE 'skill_bits_%')
                         OR (blocks AND c = 'posted_block')),
       count(*)::BIGINT AS postings,
       count(*) FILTER (WHERE salary_plausible AND salary_usd_mid IS NOT NULL)::BIGINT AS salaried,
       count(salary_usd_mid)::BIGINT AS with_salary,
       min(salary_usd_mid) FILTER (WHERE salary_plausible) AS salary_floor
FROM (SELECT *, posted_block(posted_date) AS posted_block FROM postings
      WHERE NOT blocks OR posted_date IS NOT NULL)
GROUP BY ALL
ORDER BY posted_month, role_family, seniority;

-- The salary cells: plausible salaries in $1,000 bins by the fields rollup_salary_detail (rollups.sql) keeps,
-- the month among them, or - ``skill_sets`` - by skill set and whether dated instead of the month
-- (rollup_salary_sets, order.sql: with the month its rows were about one per salaried posting). Why one macro:
-- both must hold the same cells and measures (the Salary and Regions pages read either, by the filters).
-- Unordered here: each table sorts its rows for its own readers' zone maps.
CREATE OR REPLACE TEMP MACRO salary_cells(skill_sets) AS TABLE
SELECT COLUMNS(lambda c: c IN ('seniority', 'role_family', 'country', 'remote', 'source', 'region', 'city',
                               'metro', 'language', 'years', 'salary_bin')
                         OR (c = 'posted_month' AND NOT skill_sets)
                         OR (skill_sets AND (c = 'dated' OR c LIKE 'skill_bits_%'))),
       count(*)::BIGINT AS postings, min(salary_usd_mid) AS salary_lo, max(salary_usd_mid) AS salary_hi
FROM (SELECT *, posted_date IS NOT NULL AS dated, floor(experience_min)::INTEGER AS years,
             floor(salary_usd_mid / 1000)::INTEGER AS salary_bin
      FROM postings
      WHERE salary_plausible AND salary_usd_mid IS NOT NULL)
GROUP BY ALL;
