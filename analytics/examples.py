"""Example queries for the SQL page: data, not logic.

Why: a researcher new to the warehouse learns its shape fastest from a working query
that answers a real question. These fill the SQL page's editor with one click and are
run by the tests on a tiny warehouse, so an example can never drift from the schema
(etl/warehouse/schema.sql) or the analysis views (etl/warehouse/views.sql).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Example:
    key: str  # stable id, used in widget keys
    title: str
    question: str
    sql: str


EXAMPLES: tuple[Example, ...] = (
    Example(
        key="skill_share_by_month",
        title="Skill share by month",
        question="Which share of senior software postings asks for each skill, month by month?",
        sql="""\
WITH monthly AS (
    SELECT posted_month, count(*) AS postings
    FROM senior_software_postings
    WHERE posted_month IS NOT NULL
    GROUP BY posted_month
)
SELECT p.posted_month,
       p.skill,
       count(*) AS postings_with_skill,
       m.postings,
       round(100.0 * count(*) / m.postings, 1) AS share_pct
FROM posting_skill_pairs AS p
JOIN monthly AS m USING (posted_month)
WHERE p.is_senior AND p.role_family = 'software_engineering'
GROUP BY p.posted_month, p.skill, m.postings
ORDER BY p.posted_month, share_pct DESC, p.skill""",
    ),
    Example(
        key="salary_percentiles_by_region",
        title="Salary percentiles by region",
        question="What do senior software roles pay per region (plausible salaries, USD per year)?",
        sql="""\
SELECT country,
       region,
       count(*) AS postings_with_salary,
       round(quantile_cont(salary_usd_mid, 0.25)) AS p25_usd,
       round(quantile_cont(salary_usd_mid, 0.50)) AS median_usd,
       round(quantile_cont(salary_usd_mid, 0.75)) AS p75_usd
FROM senior_software_postings
WHERE salary_usd_mid IS NOT NULL
GROUP BY country, region
ORDER BY postings_with_salary DESC, country, region""",
    ),
    Example(
        key="experience_by_seniority",
        title="Experience by seniority",
        question="How many years of experience do software postings ask for at each seniority level?",
        sql="""\
SELECT seniority,
       count(*) AS postings,
       count(experience_min) AS postings_stating_experience,
       round(avg(experience_min), 1) AS mean_min_years,
       median(experience_min) AS median_min_years,
       max(experience_min) AS max_min_years
FROM postings
WHERE role_family = 'software_engineering'
GROUP BY seniority
ORDER BY median_min_years NULLS LAST, seniority""",
    ),
    Example(
        key="monthly_volume",
        title="Monthly posting volume by country",
        question="How many software postings appear each month per country, and how many are "
                 "senior or remote?",
        sql="""\
SELECT posted_month,
       country,
       sum(postings) AS postings,
       sum(senior_postings) AS senior_postings,
       sum(remote_postings) AS remote_postings
FROM monthly_postings
WHERE role_family = 'software_engineering'
GROUP BY posted_month, country
ORDER BY posted_month, postings DESC""",
    ),
)
