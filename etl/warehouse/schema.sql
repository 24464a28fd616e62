-- The warehouse schema: every table and column, with the description the app shows.
-- Why one file: the SQL page's schema browser, the README and the tests read these
-- COMMENTs from DuckDB's catalog (duckdb_tables(), duckdb_columns()), so the
-- documentation cannot drift from the tables.
-- Only etl/ writes these tables; the app opens the published file read-only.

CREATE TABLE IF NOT EXISTS meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR
);
COMMENT ON TABLE meta IS 'Facts about this warehouse build: schema version, whether it holds synthetic demo data, when it was published.';
COMMENT ON COLUMN meta.key IS 'Name of the fact, e.g. schema_version, is_demo, published_at.';
COMMENT ON COLUMN meta.value IS 'Value of the fact, as text.';

CREATE TABLE IF NOT EXISTS load_runs (
    run_id       INTEGER PRIMARY KEY,
    started_at   TIMESTAMP NOT NULL,
    finished_at  TIMESTAMP,
    file_path    VARCHAR NOT NULL,
    file_name    VARCHAR NOT NULL,
    file_hash    VARCHAR NOT NULL,
    file_bytes   BIGINT,
    format       VARCHAR,
    read         INTEGER NOT NULL DEFAULT 0,
    loaded       INTEGER NOT NULL DEFAULT 0,
    duplicates   INTEGER NOT NULL DEFAULT 0,
    rejected     INTEGER NOT NULL DEFAULT 0,
    status       VARCHAR NOT NULL,
    message      VARCHAR
);
COMMENT ON TABLE load_runs IS 'One row per input file per load: when it ran, the file and its hash, and how every record ended (read = loaded + duplicates + rejected).';
COMMENT ON COLUMN load_runs.run_id IS 'Sequential id of this file load.';
COMMENT ON COLUMN load_runs.started_at IS 'When reading the file started (UTC).';
COMMENT ON COLUMN load_runs.finished_at IS 'When the file was fully processed (UTC).';
COMMENT ON COLUMN load_runs.file_path IS 'Path of the input file as given to etl load.';
COMMENT ON COLUMN load_runs.file_name IS 'File name without folders.';
COMMENT ON COLUMN load_runs.file_hash IS 'SHA-256 of the file bytes; a file with a hash already loaded adds nothing.';
COMMENT ON COLUMN load_runs.file_bytes IS 'Size of the input file in bytes.';
COMMENT ON COLUMN load_runs.format IS 'Source format that read the file (jobspy, linkedin, greenhouse, ...).';
COMMENT ON COLUMN load_runs.read IS 'Records read from the file.';
COMMENT ON COLUMN load_runs.loaded IS 'Records loaded as new postings.';
COMMENT ON COLUMN load_runs.duplicates IS 'Records recognised as duplicates of a posting already loaded (see duplicate_postings).';
COMMENT ON COLUMN load_runs.rejected IS 'Records quarantined with a reason (see rejected_rows).';
COMMENT ON COLUMN load_runs.status IS 'ok, or failed (the file could not be read; message says why).';
COMMENT ON COLUMN load_runs.message IS 'One-line error for a failed file, else NULL.';

CREATE TABLE IF NOT EXISTS rejected_rows (
    run_id     INTEGER NOT NULL,
    file_path  VARCHAR NOT NULL,
    record_no  INTEGER NOT NULL,
    reason     VARCHAR NOT NULL,
    raw        VARCHAR
);
COMMENT ON TABLE rejected_rows IS 'Quarantined input records: each with the file, its position and the reason it was not loaded, and the raw record.';
COMMENT ON COLUMN rejected_rows.run_id IS 'The load_runs row of the file.';
COMMENT ON COLUMN rejected_rows.file_path IS 'Input file the record came from.';
COMMENT ON COLUMN rejected_rows.record_no IS '1-based position of the record in the file (data row, array element or line).';
COMMENT ON COLUMN rejected_rows.reason IS 'One-line reason, e.g. missing title and description.';
COMMENT ON COLUMN rejected_rows.raw IS 'The raw record as text (JSON for structured records), at most 10,000 characters.';

CREATE TABLE IF NOT EXISTS postings (
    posting_id         BIGINT PRIMARY KEY,
    run_id             INTEGER NOT NULL,
    record_no          INTEGER NOT NULL,
    source             VARCHAR NOT NULL,
    source_id          VARCHAR,
    url                VARCHAR,
    title              VARCHAR,
    company            VARCHAR,
    location_raw       VARCHAR,
    salary_text        VARCHAR,
    description        VARCHAR,
    posted_date        DATE,
    posted_month       DATE,
    job_type           VARCHAR,
    seniority          VARCHAR,
    is_senior          BOOLEAN,
    role_family        VARCHAR,
    experience_min     DOUBLE,
    experience_max     DOUBLE,
    degree             VARCHAR,
    salary_min         DOUBLE,
    salary_max         DOUBLE,
    salary_currency    VARCHAR,
    salary_period      VARCHAR,
    salary_annual_min  DOUBLE,
    salary_annual_max  DOUBLE,
    salary_usd_min     DOUBLE,
    salary_usd_max     DOUBLE,
    salary_usd_mid     DOUBLE,
    salary_plausible   BOOLEAN,
    salary_band        VARCHAR,
    remote             VARCHAR,
    city               VARCHAR,
    region             VARCHAR,
    country            VARCHAR,
    metro              VARCHAR,
    fingerprint        VARCHAR
);
COMMENT ON TABLE postings IS 'One row per distinct job posting (duplicates are in duplicate_postings), with the raw fields as published and the normalised fields used by the charts.';
COMMENT ON COLUMN postings.posting_id IS 'Warehouse id of the posting, assigned in load order.';
COMMENT ON COLUMN postings.run_id IS 'The load_runs row of the file it came from.';
COMMENT ON COLUMN postings.record_no IS '1-based position of the record in its file.';
COMMENT ON COLUMN postings.source IS 'Source format/site: jobspy, linkedin, glassdoor, hackernews, remoteok, greenhouse, lever, ashby, arbeitnow, francetravail, gupy, nerdin, getinit, nofluffjobs or a generic label.';
COMMENT ON COLUMN postings.source_id IS 'The source''s own id of the posting, as text.';
COMMENT ON COLUMN postings.url IS 'Link to the posting.';
COMMENT ON COLUMN postings.title IS 'Job title as published (cleaned of markup).';
COMMENT ON COLUMN postings.company IS 'Employer name as published (ratings and markup removed).';
COMMENT ON COLUMN postings.location_raw IS 'Location text as published.';
COMMENT ON COLUMN postings.salary_text IS 'Salary text as published, when the source has one.';
COMMENT ON COLUMN postings.description IS 'Description as clean plain text (HTML and Markdown removed, Unicode NFKC).';
COMMENT ON COLUMN postings.posted_date IS 'Date the posting was published (for Hacker News: the first day of the thread''s month).';
COMMENT ON COLUMN postings.posted_month IS 'First day of the month of posted_date.';
COMMENT ON COLUMN postings.job_type IS 'Employment type as published (full-time, contract, ...).';
COMMENT ON COLUMN postings.seniority IS 'Normalised seniority: junior, mid, senior, staff, principal, lead, manager or unspecified.';
COMMENT ON COLUMN postings.is_senior IS 'True when seniority is senior, staff, principal, lead or manager.';
COMMENT ON COLUMN postings.role_family IS 'software_engineering for software developer roles, else data, other.';
COMMENT ON COLUMN postings.experience_min IS 'Minimum years of experience required (years).';
COMMENT ON COLUMN postings.experience_max IS 'Maximum years of experience in the stated range (years); NULL for an open end such as 5+.';
COMMENT ON COLUMN postings.degree IS 'Minimum degree asked: bachelor, master, phd, or NULL.';
COMMENT ON COLUMN postings.salary_min IS 'Advertised salary, low end, in salary_currency per salary_period.';
COMMENT ON COLUMN postings.salary_max IS 'Advertised salary, high end, in salary_currency per salary_period (equal to salary_min for one figure).';
COMMENT ON COLUMN postings.salary_currency IS 'ISO 4217 currency of the advertised salary.';
COMMENT ON COLUMN postings.salary_period IS 'Pay period of the advertised salary: hour, day, week, month or year.';
COMMENT ON COLUMN postings.salary_annual_min IS 'salary_min annualised (2080 hours, 260 days, 52 weeks, 12 months a year), in salary_currency.';
COMMENT ON COLUMN postings.salary_annual_max IS 'salary_max annualised, in salary_currency.';
COMMENT ON COLUMN postings.salary_usd_min IS 'salary_annual_min in US dollars at the yearly average exchange rate of the posting year (USD per year).';
COMMENT ON COLUMN postings.salary_usd_max IS 'salary_annual_max in US dollars (USD per year).';
COMMENT ON COLUMN postings.salary_usd_mid IS 'Midpoint of the annual USD range, the figure the salary charts use (USD per year).';
COMMENT ON COLUMN postings.salary_plausible IS 'False when the annual USD figure is outside the plausible range; such salaries are kept but not charted.';
COMMENT ON COLUMN postings.salary_band IS 'Salary band of salary_usd_mid (bands configured in etl/data/salary_bands.yaml).';
COMMENT ON COLUMN postings.remote IS 'Work arrangement: remote, hybrid, onsite, or NULL when not stated.';
COMMENT ON COLUMN postings.city IS 'City name in English.';
COMMENT ON COLUMN postings.region IS 'First-level region as ISO 3166-2, e.g. US-CA, GB-ENG, DE-BE, IN-KA.';
COMMENT ON COLUMN postings.country IS 'Country as ISO 3166-1 alpha-2, e.g. US, GB, IN.';
COMMENT ON COLUMN postings.metro IS 'US metropolitan area (CBSA short name) when the city is known.';
COMMENT ON COLUMN postings.fingerprint IS 'Hash of normalised company, title, location and description, used to find cross-source duplicates; a posting without a title: of company, location and description (a description of 40 normalised characters or more), never equal to a titled one''s.';
-- Added after the first release: ALTER, so that a warehouse built before gains the column on its next load.
ALTER TABLE postings ADD COLUMN IF NOT EXISTS language VARCHAR;
COMMENT ON COLUMN postings.language IS 'Language of the posting text as ISO 639-1 (en, de, fr, pt, ...), detected from the description (else the title) by CLD2; NULL when too short to tell.';
ALTER TABLE postings ADD COLUMN IF NOT EXISTS skill_bits_0 UBIGINT;
ALTER TABLE postings ADD COLUMN IF NOT EXISTS skill_bits_1 UBIGINT;
ALTER TABLE postings ADD COLUMN IF NOT EXISTS skill_bits_2 UBIGINT;
ALTER TABLE postings ADD COLUMN IF NOT EXISTS skill_bits_3 UBIGINT;
ALTER TABLE postings ADD COLUMN IF NOT EXISTS skill_bits_4 UBIGINT;
ALTER TABLE postings ADD COLUMN IF NOT EXISTS skill_bits_5 UBIGINT;
ALTER TABLE postings ADD COLUMN IF NOT EXISTS skill_bits_6 UBIGINT;
ALTER TABLE postings ADD COLUMN IF NOT EXISTS skill_bits_7 UBIGINT;
COMMENT ON COLUMN postings.skill_bits_0 IS 'Skills asked for, as bits: bit b is set when the posting asks for the skill of skill_bit (word 0, bit b); filled at every publish (order.sql) for fast skill filters.';
COMMENT ON COLUMN postings.skill_bits_1 IS 'Skills asked for, as bits: bit b is set when the posting asks for the skill of skill_bit (word 1, bit b); filled at every publish (order.sql) for fast skill filters.';
COMMENT ON COLUMN postings.skill_bits_2 IS 'Skills asked for, as bits: bit b is set when the posting asks for the skill of skill_bit (word 2, bit b); filled at every publish (order.sql) for fast skill filters.';
COMMENT ON COLUMN postings.skill_bits_3 IS 'Skills asked for, as bits: bit b is set when the posting asks for the skill of skill_bit (word 3, bit b); filled at every publish (order.sql) for fast skill filters.';
COMMENT ON COLUMN postings.skill_bits_4 IS 'Skills asked for, as bits: bit b is set when the posting asks for the skill of skill_bit (word 4, bit b); filled at every publish (order.sql) for fast skill filters.';
COMMENT ON COLUMN postings.skill_bits_5 IS 'Skills asked for, as bits: bit b is set when the posting asks for the skill of skill_bit (word 5, bit b); filled at every publish (order.sql) for fast skill filters.';
COMMENT ON COLUMN postings.skill_bits_6 IS 'Skills asked for, as bits: bit b is set when the posting asks for the skill of skill_bit (word 6, bit b); filled at every publish (order.sql) for fast skill filters.';
COMMENT ON COLUMN postings.skill_bits_7 IS 'Skills asked for, as bits: bit b is set when the posting asks for the skill of skill_bit (word 7, bit b); filled at every publish (order.sql) for fast skill filters.';

CREATE TABLE IF NOT EXISTS duplicate_postings (
    run_id        INTEGER NOT NULL,
    record_no     INTEGER NOT NULL,
    source        VARCHAR NOT NULL,
    source_id     VARCHAR,
    url           VARCHAR,
    title         VARCHAR,
    company       VARCHAR,
    posted_date   DATE,
    reason        VARCHAR NOT NULL,
    duplicate_of  BIGINT
);
COMMENT ON TABLE duplicate_postings IS 'Input records recognised as a posting already loaded: kept as evidence, pointing at the canonical posting.';
COMMENT ON COLUMN duplicate_postings.run_id IS 'The load_runs row of the file the duplicate came from.';
COMMENT ON COLUMN duplicate_postings.record_no IS '1-based position of the record in its file.';
COMMENT ON COLUMN duplicate_postings.source IS 'Source of the duplicate record.';
COMMENT ON COLUMN duplicate_postings.source_id IS 'The source''s own id of the duplicate record.';
COMMENT ON COLUMN duplicate_postings.url IS 'Link of the duplicate record.';
COMMENT ON COLUMN duplicate_postings.title IS 'Title of the duplicate record.';
COMMENT ON COLUMN duplicate_postings.company IS 'Company of the duplicate record.';
COMMENT ON COLUMN duplicate_postings.posted_date IS 'Posted date of the duplicate record.';
COMMENT ON COLUMN duplicate_postings.reason IS 'Why it is a duplicate: same_source_id, same_url, same_fingerprint (within 60 days) or file_already_loaded.';
COMMENT ON COLUMN duplicate_postings.duplicate_of IS 'posting_id of the canonical (first loaded) posting; NULL for file_already_loaded.';

CREATE TABLE IF NOT EXISTS skills (
    skill     VARCHAR PRIMARY KEY,
    category  VARCHAR NOT NULL,
    aliases   VARCHAR[]
);
COMMENT ON TABLE skills IS 'The skill taxonomy (etl/data/skills.yaml): canonical names, categories and aliases. Category responsibility holds what senior roles expect beyond code.';
COMMENT ON COLUMN skills.skill IS 'Canonical skill name, e.g. Python, Kubernetes, Mentoring.';
COMMENT ON COLUMN skills.category IS 'language, framework, database, cloud, tool, practice, data_ml, ... or responsibility.';
COMMENT ON COLUMN skills.aliases IS 'Other spellings recognised in text (Golang, k8s, Postgres, ...).';

CREATE TABLE IF NOT EXISTS posting_skills (
    posting_id  BIGINT NOT NULL,
    skill       VARCHAR NOT NULL,
    category    VARCHAR NOT NULL
);
COMMENT ON TABLE posting_skills IS 'Which skills (and senior responsibilities) each posting asks for: one row per posting and skill.';
COMMENT ON COLUMN posting_skills.posting_id IS 'The posting (postings.posting_id).';
COMMENT ON COLUMN posting_skills.skill IS 'Canonical skill name (skills.skill).';
COMMENT ON COLUMN posting_skills.category IS 'The skill''s category, copied from skills for fast filtering.';

CREATE TABLE IF NOT EXISTS posting_keys (
    kind        UTINYINT NOT NULL,
    key         UHUGEINT NOT NULL,
    posting_id  BIGINT NOT NULL,
    posted_date DATE
);
COMMENT ON TABLE posting_keys IS 'Duplicate-detection keys of every posting, hashed: a load joins incoming postings against them (see duplicate_postings.reason).';
COMMENT ON COLUMN posting_keys.kind IS '1 = source and source id, 2 = normalised URL, 3 = fingerprint (postings.fingerprint).';
COMMENT ON COLUMN posting_keys.key IS 'md5_number of the kind and the key text.';
COMMENT ON COLUMN posting_keys.posting_id IS 'The posting with this key (postings.posting_id).';
COMMENT ON COLUMN posting_keys.posted_date IS 'The posting''s date: fingerprints match only within 60 days.';

CREATE TABLE IF NOT EXISTS extraction_quality (
    labelled_set  VARCHAR NOT NULL,
    position      INTEGER NOT NULL,
    metric        VARCHAR NOT NULL,
    value         DOUBLE,
    n             INTEGER NOT NULL,
    ci_low        DOUBLE,
    ci_high       DOUBLE,
    target        DOUBLE,
    meets_target  BOOLEAN,
    postings      INTEGER NOT NULL
);
COMMENT ON TABLE extraction_quality IS 'How well the extraction that published this version scores on the hand-labelled postings (python -m etl evaluate --save, copied in at every publish).';
COMMENT ON COLUMN extraction_quality.labelled_set IS 'The labelled set scored: synthetic (etl/data/labelled/postings.jsonl, written for the project) or real-test (the test half of the hand-labelled real postings, never read for misses: docs/methodology.md).';
COMMENT ON COLUMN extraction_quality.position IS 'Order of the metric in etl evaluate''s report.';
COMMENT ON COLUMN extraction_quality.metric IS 'skills.precision, skills.recall, responsibilities.* or a field scored by exact match (salary, seniority, remote, ...).';
COMMENT ON COLUMN extraction_quality.value IS 'The score, 0 to 1: precision or recall, or the share of labelled postings the field is right for.';
COMMENT ON COLUMN extraction_quality.n IS 'What the score is counted over: extracted or labelled skills, or labelled postings of the field.';
COMMENT ON COLUMN extraction_quality.ci_low IS 'Lower end of the 95% Wilson interval of the score.';
COMMENT ON COLUMN extraction_quality.ci_high IS 'Upper end of the 95% Wilson interval of the score.';
COMMENT ON COLUMN extraction_quality.target IS 'The minimum the project holds this score to (NULL: none).';
COMMENT ON COLUMN extraction_quality.meets_target IS 'Whether the score reaches its target (NULL: no target).';
COMMENT ON COLUMN extraction_quality.postings IS 'Labelled postings in the set (of that language, for a language row).';
-- Added after the first release: ALTER, so that a warehouse built before gains the column on its next load.
ALTER TABLE extraction_quality ADD COLUMN IF NOT EXISTS language VARCHAR;
COMMENT ON COLUMN extraction_quality.language IS 'ISO 639-1: the scores of the set''s postings in this language only; NULL: all of the set''s postings.';
