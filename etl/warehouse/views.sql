-- Views made for analysis: the shapes researchers ask for most, documented like the tables.
-- Why a file of views: the SQL page, `python -m analytics sql` and the example queries read
-- these names, so a question such as "which skills do senior developer postings ask for,
-- by month and region" is one short SELECT instead of a three-table join everyone rewrites.
-- The loader runs this file after schema.sql at every publish; every statement is
-- idempotent (CREATE OR REPLACE), and because CREATE OR REPLACE drops the comments, the
-- COMMENT ON statements follow each view so they are written again every time.
-- DuckDB keeps COMMENT ON COLUMN for view columns (duckdb_columns().comment), so the
-- schema browser shows a description for every view column as it does for tables.

CREATE OR REPLACE VIEW senior_software_postings AS
SELECT
    posting_id,
    source,
    title,
    company,
    posted_date,
    posted_month,
    seniority,
    experience_min,
    experience_max,
    degree,
    CASE WHEN salary_plausible THEN salary_usd_min END AS salary_usd_min,
    CASE WHEN salary_plausible THEN salary_usd_max END AS salary_usd_max,
    CASE WHEN salary_plausible THEN salary_usd_mid END AS salary_usd_mid,
    CASE WHEN salary_plausible THEN salary_band END AS salary_band,
    remote,
    city,
    region,
    country,
    metro,
    url
FROM postings
WHERE is_senior AND role_family = 'software_engineering';
COMMENT ON VIEW senior_software_postings IS 'Senior software developer postings (is_senior and role_family = software_engineering) with the normalised fields; salaries only where plausible, else NULL.';
COMMENT ON COLUMN senior_software_postings.posting_id IS 'The posting (postings.posting_id).';
COMMENT ON COLUMN senior_software_postings.source IS 'Source format/site the posting came from.';
COMMENT ON COLUMN senior_software_postings.title IS 'Job title as published.';
COMMENT ON COLUMN senior_software_postings.company IS 'Employer name as published.';
COMMENT ON COLUMN senior_software_postings.posted_date IS 'Date the posting was published.';
COMMENT ON COLUMN senior_software_postings.posted_month IS 'First day of the month of posted_date.';
COMMENT ON COLUMN senior_software_postings.seniority IS 'Normalised seniority: senior, staff, principal, lead or manager.';
COMMENT ON COLUMN senior_software_postings.experience_min IS 'Minimum years of experience required (years).';
COMMENT ON COLUMN senior_software_postings.experience_max IS 'Maximum years of experience in the stated range (years); NULL for an open end.';
COMMENT ON COLUMN senior_software_postings.degree IS 'Minimum degree asked: bachelor, master, phd, or NULL.';
COMMENT ON COLUMN senior_software_postings.salary_usd_min IS 'Annual salary, low end, in US dollars; NULL when absent or not plausible (USD per year).';
COMMENT ON COLUMN senior_software_postings.salary_usd_max IS 'Annual salary, high end, in US dollars; NULL when absent or not plausible (USD per year).';
COMMENT ON COLUMN senior_software_postings.salary_usd_mid IS 'Midpoint of the annual USD range, the figure the salary charts use; NULL when absent or not plausible (USD per year).';
COMMENT ON COLUMN senior_software_postings.salary_band IS 'Salary band of salary_usd_mid; NULL when the salary is absent or not plausible.';
COMMENT ON COLUMN senior_software_postings.remote IS 'Work arrangement: remote, hybrid, onsite, or NULL when not stated.';
COMMENT ON COLUMN senior_software_postings.city IS 'City name in English.';
COMMENT ON COLUMN senior_software_postings.region IS 'First-level region as ISO 3166-2, e.g. US-CA, GB-ENG.';
COMMENT ON COLUMN senior_software_postings.country IS 'Country as ISO 3166-1 alpha-2, e.g. US, GB, IN.';
COMMENT ON COLUMN senior_software_postings.metro IS 'US metropolitan area (CBSA short name) when the city is known.';
COMMENT ON COLUMN senior_software_postings.url IS 'Link to the posting.';

CREATE OR REPLACE VIEW posting_skill_pairs AS
SELECT
    s.posting_id,
    s.skill,
    s.category,
    p.posted_month,
    p.seniority,
    p.is_senior,
    p.role_family,
    p.country,
    p.region,
    p.remote,
    CASE WHEN p.salary_plausible THEN p.salary_usd_mid END AS salary_usd_mid
FROM posting_skills AS s
JOIN postings AS p USING (posting_id);
COMMENT ON VIEW posting_skill_pairs IS 'One row per posting and skill it asks for, with the posting fields used to slice skills: month, seniority, role family, place, remote and plausible salary.';
COMMENT ON COLUMN posting_skill_pairs.posting_id IS 'The posting (postings.posting_id).';
COMMENT ON COLUMN posting_skill_pairs.skill IS 'Canonical skill name (skills.skill).';
COMMENT ON COLUMN posting_skill_pairs.category IS 'The skill''s category: language, framework, database, cloud, ... or responsibility.';
COMMENT ON COLUMN posting_skill_pairs.posted_month IS 'First day of the month the posting was published.';
COMMENT ON COLUMN posting_skill_pairs.seniority IS 'Normalised seniority of the posting.';
COMMENT ON COLUMN posting_skill_pairs.is_senior IS 'True when seniority is senior, staff, principal, lead or manager.';
COMMENT ON COLUMN posting_skill_pairs.role_family IS 'software_engineering, data or other.';
COMMENT ON COLUMN posting_skill_pairs.country IS 'Country as ISO 3166-1 alpha-2.';
COMMENT ON COLUMN posting_skill_pairs.region IS 'First-level region as ISO 3166-2.';
COMMENT ON COLUMN posting_skill_pairs.remote IS 'Work arrangement: remote, hybrid, onsite, or NULL.';
COMMENT ON COLUMN posting_skill_pairs.salary_usd_mid IS 'Midpoint of the annual USD salary where plausible, else NULL (USD per year).';

CREATE OR REPLACE VIEW monthly_postings AS
SELECT
    posted_month,
    country,
    role_family,
    seniority,
    count(*) AS postings,
    count(*) FILTER (WHERE is_senior) AS senior_postings,
    count(*) FILTER (WHERE remote = 'remote') AS remote_postings,
    count(*) FILTER (WHERE salary_plausible) AS postings_with_salary,
    median(salary_usd_mid) FILTER (WHERE salary_plausible) AS median_salary_usd
FROM postings
WHERE posted_month IS NOT NULL
GROUP BY posted_month, country, role_family, seniority;
COMMENT ON VIEW monthly_postings IS 'Posting counts per month, country, role family and seniority, with the plausible-salary median; sum postings over the groups you do not need.';
COMMENT ON COLUMN monthly_postings.posted_month IS 'First day of the month the postings were published.';
COMMENT ON COLUMN monthly_postings.country IS 'Country as ISO 3166-1 alpha-2 (NULL when unknown).';
COMMENT ON COLUMN monthly_postings.role_family IS 'software_engineering, data or other.';
COMMENT ON COLUMN monthly_postings.seniority IS 'Normalised seniority.';
COMMENT ON COLUMN monthly_postings.postings IS 'Number of distinct postings in the group.';
COMMENT ON COLUMN monthly_postings.senior_postings IS 'Postings in the group with is_senior true.';
COMMENT ON COLUMN monthly_postings.remote_postings IS 'Postings in the group marked remote.';
COMMENT ON COLUMN monthly_postings.postings_with_salary IS 'Postings in the group with a plausible salary.';
COMMENT ON COLUMN monthly_postings.median_salary_usd IS 'Median of salary_usd_mid over the plausible salaries in the group; not additive across groups (USD per year).';
