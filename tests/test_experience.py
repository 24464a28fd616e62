"""Years of experience and minimum degree from free text: requirement tables and traps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from etl.normalize.experience import (
    DEGREE_STAGES,
    _places,
    parse_degree,
    parse_experience,
    parse_required_experience,
)

N = None

EXPERIENCE_CASES = [
    # the forms in the brief
    ("5+ years of experience", (5, N)),
    ("5-8 years of experience", (5, 8)),
    ("5 to 8 years of experience", (5, 8)),
    ("a minimum of 5-8 years of progressive hands-on development experience", (5, 8)),
    ("at least seven (7) years of experience", (7, N)),
    # real tune-half posting (issue 9): years "on the job" after a minimum
    ("with experience in commercial HVAC equipment. Minimum 5 yrs. on the job with a license.", (5, N)),
    # fresh tune batch (issue 9): the figure in brackets alone, a minimum at the end of a long requirement
    ("Minimum (1) year professional experience preferably in hospitality.", (1, N)),
    ("Extensive experience in designing CI/CD solutions for data teams, including use of a variety of data "
     "tools with emphasis on Spark, Scala and Hive for a minimum of three (3) years\n1. Other", (3, N)),
    ("Experience with cloud platforms for at least 4 years.", (4, N)),
    ("We have been building payroll software for 12 years.", N),  # a duration, not a requirement
    ("Have 10 hours a week to devote for at least 1 year to the project.", N),  # a commitment
    ("We have been serving clients for over 35 years.", N),
    ("eight or more years of experience", (8, N)),
    ("over 6 years of experience in software", (6, N)),
    ("3+ yrs exp in Java", (3, N)),
    ("10+ years' experience", (10, N)),
    ("10+ years’ experience in backend systems", (10, N)),
    ("a minimum of 5 years experience", (5, N)),
    ("Minimum 3 years of experience", (3, N)),
    ("5 years of experience", (5, N)),  # a single figure is a floor: (5, None)
    ("5 yrs of experience", (5, N)),
    ("2.5+ years of experience", (2.5, N)),
    ("Up to 2 years of experience", (0, 2)),
    ("1 - 3 years experience", (1, 3)),
    ("8–11 years of experience in Software Engineering, AI Engineering, or ML", (8, 11)),
    ("4 to 12 years’ experience in Mainframe", (4, 12)),
    ("fifteen years of experience", (15, N)),
    ("two or more years of experience", (2, N)),
    ("three to five years of professional experience", (3, 5)),
    ("10 plus years of experience", (10, N)),
    ("* 5\\+ years of relevant working experience", (5, N)),
    ("* 1 \\- 3 years experience", (1, 3)),
    (
        "Qualifications:Bachelor's degree in Physics4+ years of professional experienceExperience with Go",
        (4, N),
    ),
    # labels
    ("Experience: 6+ yrs.", (6, N)),
    ("**Experience:**\n 8–12 Years", (8, 12)),
    ("**Experience**\n* 6–9 years\n* Hybrid work model", (6, 9)),
    ("Experience Required: 5-8 Years", (5, 8)),
    ("Exp: 8+ years", (8, N)),
    ("Experience: Ideally 5–10 years", (5, 10)),
    # several requirements: the general one, the largest general minimum
    ("7+ years of software development experience, including 3+ years with Kubernetes", (7, N)),
    ("3+ years of experience with React. 7+ years of experience in software development", (7, N)),
    ("8+ years in technology/cybersecurity roles with at least 4 years in architecture.", (8, N)),
    ("6+ years of hands-on Salesforce development experience", (6, N)),
    ("Bring a minimum of 10 years of relevant experience with a maximum of 14 years to the role", (10, 14)),
    ("We have been in business for 25 years. You have 5+ years of backend development experience", (5, N)),
    ("5+ years of software engineering experience. 2+ years experience in embedded systems", (5, N)),
    ("BS and 2 years of experience, or MS and 0 years", (2, N)),
    ("We're looking for 9+ years of experience and deep knowledge of geometry", (9, N)),
    ("We ask for a minimum of 2-4 years of experience and a degree", (2, 4)),
    ("- Mindestens 4 Jahre Berufserfahrung in der Python-Entwicklung", (4, N)),
    (
        "three to five years of experience with Django and at least 9 years of software development overall",
        (9, N),
    ),
    ("12-15 years of experience with 4+ years managing teams", (12, 15)),
    ("Early professional experience (1 year) is welcome but not required.", N),
    # preferred requirements only count when nothing else is asked
    (
        "Required: 3+ years of experience in software engineering.\nPreferred: 5+ years of "
        "experience with AWS",
        (3, N),
    ),
    (
        "2+ years of experience in data analytics (Master's degree and 5+ years of experience preferred)",
        (2, N),
    ),
    ("Nice to have: 3+ years of experience with Go", (3, N)),
    # traps: years that are not requirements
    ("Founded 10 years ago, we are a leader", N),
    ("For over 20 years we have served customers", N),
    ("for more than 20 years, our team has built products", N),
    ("Kids 5 years old and up", N),
    ("We are 5 years old", N),
    ("This is a 2-year contract role", N),
    ("Within 3 years you will lead the team", N),
    ("Over the next 5 years, you will grow the platform", N),
    ("in the last 2 years we grew 10x", N),
    ("Candidates aged 18 years or above", N),
    ("401k matching and 20 days of PTO", N),
    ("Requires a 4-year degree", N),
    ("Our 3 year plan is ambitious", N),
    ("A 15 years full time education is required.", N),
    ("completed within the last 5 years with a polygraph", N),
    ("We have 12 years of history in fintech", N),
    ("Happy new year from the whole team", N),
    ("", N),
    (None, N),
]

DEGREE_CASES = [
    ("BS/MS in Computer Science", "bachelor"),
    ("Master's degree required", "master"),
    ("PhD preferred", "phd"),
    ("Ph.D. in Machine Learning or a related field", "phd"),
    ("Doctorate in Physics", "phd"),
    ("Bachelor's degree in CS or equivalent experience", "bachelor"),
    ("bachelor’s degree in computer science or a related field (or equivalent experience)", "bachelor"),
    ("B.Tech/B.E. in Computer Science", "bachelor"),
    ("BE/B.Tech in any discipline", "bachelor"),
    ("BSc in Mathematics", "bachelor"),
    ("B.S. in Computer Science", "bachelor"),
    ("BA or BS degree", "bachelor"),
    ("MSc in Physics", "master"),
    ("M.Tech preferred", "master"),
    ("MBA preferred", "master"),
    ("MCA or equivalent", "master"),
    ("Masters in CS", "master"),
    ("Master’s degree in Engineering", "master"),
    ("MS or PhD in CS", "master"),
    ("Master's or PhD", "master"),
    ("postgraduate degree in statistics", "master"),
    ("Bachelor's required, Master's preferred", "bachelor"),
    ("degree in computer science", "bachelor"),
    ("a degree in engineering or equivalent", "bachelor"),
    ("4-year degree from an accredited university", "bachelor"),
    ("college degree", "bachelor"),
    ("undergraduate degree in a STEM field", "bachelor"),
    ("PhD in Biology, or an MS with 5+ years of industry experience", "master"),
    ("12+ years' experience; tertiary qualification in Software Engineering", "bachelor"),
    ("2:1 degree in Computer Science", "bachelor"),
    # noise
    ("We don't require a degree.", N),
    ("No degree required - show us what you built", N),
    ("bachelor party on friday", N),
    ("a degree of autonomy", N),
    ("To some degree, everyone codes", N),
    ("360 degree feedback", N),
    ("Scrum Master certification", N),
    ("master data management", N),
    ("Master the art of distributed systems", N),
    ("MS Office skills", N),
    ("MS SQL Server and MS Teams", N),
    ("Boston, MA or remote", N),
    ("we help doctors fight cancer", N),
    ("JOBS AT AWS", N),
    ("", N),
    (None, N),
]


def _years(expected: tuple | None) -> tuple | None:
    if expected is None:
        return None
    return tuple(None if v is None else float(v) for v in expected)


@pytest.mark.parametrize(("text", "expected"), EXPERIENCE_CASES)
def test_parse_experience_table(text: str | None, expected: tuple | None) -> None:
    assert parse_experience(text) == _years(expected)


@pytest.mark.parametrize(("text", "expected"), DEGREE_CASES)
def test_parse_degree_table(text: str | None, expected: str | None) -> None:
    assert parse_degree(text) == expected


def test_experience_in_a_long_description() -> None:
    text = (
        "About us: founded 15 years ago, we have grown for over 10 years in a row. "
        "You will own services end to end and, within 2 years, lead a team.\n"
        "Requirements:\n* 6+ years of professional software engineering experience\n"
        "* 3+ years of experience with Kafka\n* Bachelor's degree in Computer Science\n"
        "Nice to have:\n* 8+ years of experience in fintech\n* Master's degree\n"
        "Benefits: 401k, 25 days of holiday, a 2-year learning plan."
    )
    assert parse_experience(text) == (6.0, None)
    assert parse_degree(text) == "bachelor"


def test_golden_reference(golden_dir: Path) -> None:
    text = (golden_dir / "senior_software_developer.txt").read_text(encoding="utf-8")
    expected = json.loads(
        (golden_dir / "senior_software_developer.expected.json").read_text(encoding="utf-8")
    )
    years = expected["experience_years"]
    assert parse_experience(text) == (float(years["min"]), float(years["max"]))
    assert parse_degree(text) == expected["degree"] == "bachelor"


@pytest.mark.parametrize(("text", "expected"), [
    # real tune-half postings (issue 9): an "overall" figure is the general requirement ...
    ("You Should Apply If:\n- 3+ years of experience with DevOps practices\n"
     "- 5+ years of overall infrastructure management experience\n- 3+ years AWS experience", (5, None)),
    # ... and figures under a heading of wishes are preferred, until a heading of requirements
    ("Key Qualifications\n1+ years experience working as a Business Analyst\n"
     "Additional Preferred Qualifications\n2+ years experience working as a Business Analyst", (1, None)),
    ("Nice to have:\n- 8 years of Go\nRequirements:\n- 5+ years of experience", (5, None)),
    # twelfth round: a "Minimum – ... Preferred – ..." block glued into one line by LinkedIn (invented)
    ("SKILLS: Minimum – High school diploma and a clean record4 years of experience coaching teens in a "
     "club setting2 years of experience planning weekend tournaments for a city or countyPreferred – "
     "Associate degree in recreation, sport science, or a similar subject7 years of "
     "experience running leagues", (4, None)),
    ("Minimum - 2 years of retail experience. Preferred - 6 years of experience managing a store",
     (2, None)),
])
def test_overall_figure_and_preferred_sections(text: str, expected: tuple[float, float | None]) -> None:
    assert parse_experience(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # real tune-half postings (issue 9)
    ("Education and Experience\nBS Degree in Information Systems or related field", "bachelor"),
    ("QualificationsBachelor's degree in Computer Science or related field.", "bachelor"),  # LinkedIn glue
    # sixteenth round (real-fresh-v10; invented wording): the same glue after a heading in capitals
    ("NICE TO HAVEMaster's degree in physics is welcome", "master"),
    ("WHAT YOU BRINGBachelor's degree in finance, preferredCPA", "bachelor"),
    ("Education: Associates degree/Bachelor’s Degree preferred", None),  # an associate degree will do
    ("Associate or Bachelor's degree in IT", None),
    ("Advanced degree in a quantitative field.", "master"),  # labelling guide: advanced degree -> master
    ("- Advanced clinical degree (e.g., PhD, PsyD)", "master"),
    ("Bachelor's degree required; advanced degree preferred", "bachelor"),
    ("We value a BSc in CS", "bachelor"),
    # second labelling round (issue 9): a role called master, a degree being studied
    ("📌 Agile Master (Consultor – Líder SAP Commerce) PL ou SR", None),
    ("You studying a Bachelor’s or Master’s degree in Business, Management or STEM", None),
    ("Currently pursuing a Bachelor's degree in Computer Science", None),
    ("tax reporting, and security master/reference data management", None),  # a data term, not a degree
])
def test_degree_wordings_of_real_postings(text: str, expected: str | None) -> None:
    assert parse_degree(text) == expected


def test_other_years_gate_never_hides_a_match() -> None:
    """The cheap test before the other languages' years regex is looser than the regex: whenever the
    regex matches, the test says it may."""
    import random

    from etl.normalize.experience import OTHER_YEAR_WORDS, WORDS, _cue, _other_years_possible

    rng = random.Random(3)
    years = _cue("year_words")
    bits = list("ab xz5)+-\u00a0\t\n²_é")
    matched = 0
    for _ in range(30000):
        text = "".join(
            rng.choice(years) if (r := rng.random()) < 0.3 else rng.choice(WORDS) if r < 0.5
            else "".join(rng.choice(bits) for _ in range(rng.randint(0, 3)))
            for _ in range(rng.randint(1, 5))
        )
        if OTHER_YEAR_WORDS.search(text):
            matched += 1
            assert _other_years_possible(text), repr(text)
    assert matched > 1000
    assert not _other_years_possible("our plans for the platform, translated")


@pytest.mark.parametrize(("text", "expected"), [
    # fifth tune round (issue 9): "N/M years" is a range like "N-M"; "N/M+" is open above N
    ("We are looking for an individual with at least 4/5 years of experience in a similar position", (4, 5)),
    ("You bring 8/10+ years of experience in Compensation & Benefits", (8, None)),
    ("24/7 support; 5 years of experience required", (5, None)),
])
def test_slash_ranges(text: str, expected: tuple[float, float | None]) -> None:
    assert parse_experience(text) == expected


@pytest.mark.parametrize("text", [
    "Desired Qualifications: Pursuing or completed bachelor’s degree in communications",
    "Enrollment or completion of an undergraduate program in a humanities field",
])
def test_enrolled_or_completed_asks_no_degree(text: str) -> None:
    assert parse_degree(text) is None


@pytest.mark.parametrize(("text", "degree"), [
    # twelfth round (issue 9, invented wording): being enrolled in "either" of two programmes asks no degree;
    # "undergraduate or master's" asks the lower one, as "Bachelor's or Master's" does
    ("Applicants enrolled in either a bachelor or master programme in nursing.", None),
    ("Undergraduate or Masters degree in Geography or a similar field", "bachelor"),
    ("An undergraduate or graduate degree in biology is required.", "bachelor"),
    ("A Masters degree in Geography; undergraduates welcome to the summer school.", "master"),
    ("Suits a third-year undergraduate or graduate student in physics.", None),  # a student, no degree asked
    ("Pay: as a Bachelor's student 14 euros an hour, as a Master's student 16 euros.", None),
])
def test_twelfth_round_degrees(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


def test_a_completed_degree_is_still_asked() -> None:
    assert parse_degree("Completed bachelor's degree in Computer Science required") == "bachelor"


@pytest.mark.parametrize(("text", "degree"), [
    ("Abschluss: Bachelor, Master/Diplom. Unternehmen", "bachelor"),
    ("Abschluss: Master/Diplom. Unternehmen", "master"),
    ("Abschluss: Ausbildung, Bachelor, Master/Diplom. Unternehmen", None),  # a vocational training accepted
])
def test_list_of_accepted_degrees(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


@pytest.mark.parametrize(("text", "expected"), [
    # sixth tune round (issue 9): Indeed's "Experience:" block, one topic a line with (Required) or
    # (Preferred) - on Glassdoor and LinkedIn postings. The required figure counts, a preferred one only
    # when nothing is required; a general topic wins over a tool's years.
    ("Job Type: Contract\nExperience:\nJava: 3 years (Required)\nSDLC: 2 years (Preferred)\n"
     "PostgreSQL and SQL: 2 years (Required)\nLocation:\nKnoxville, TN (Required)", (3.0, None)),
    ("Experience:\nSQL: 1 year (Preferred)\nsoftware development: 5 years (Required)", (5.0, None)),
    ("Experience:\nPython: 4 years (Preferred)\nsoftware development: 2 years (Required)", (2.0, None)),
    ("Experience:\nPython: 4 years (Preferred)", (4.0, None)),
    ("Benefits:\nRetirement: 3 years vesting", None),
])
def test_indeed_experience_block(text: str, expected: tuple[float, float | None] | None) -> None:
    assert parse_experience(text) == expected


@pytest.mark.parametrize(("text", "degree"), [
    # sixth tune round (issue 9): English for "abgeschlossenes Studium" (German employers' English postings)
    ("Education: You have completed your studies in International Business, Marketing Management, or "
     "Business Administration", "bachelor"),
    ("Successfully completed university studies in computer science or a comparable qualification",
     "bachelor"),
    ("You are currently completing your studies in informatics", None),
])
def test_completed_studies_is_a_degree(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


@pytest.mark.parametrize(("text", "expected"), [
    # seventh tune round (issue 9): German writes the years as an adjective ("3-jährige Berufserfahrung")
    ("eine mindestens 3-jährige Berufserfahrung in einer Tätigkeit entsprechend der Aufgaben", (3.0, None)),
    ("mind. 5-jährige Berufserfahrung als Entwickler", (5.0, None)),
    ("mindestens zweijährige Berufserfahrung in der Softwareentwicklung", (2.0, None)),
    ("eine 3–5-jährige einschlägige Berufserfahrung", (3.0, 5.0)),
    ("Sie haben eine 2-jährige Ausbildung abgeschlossen", None),
    ("mehrjährige Berufserfahrung", None),
    # the other way in is no higher bar
    ("ein Studium und eine mindestens 3-jährige Berufserfahrung oder gleichwertige Fähigkeiten, die in einer "
     "mindestens 5-jährigen Berufserfahrung erworben wurden", (3.0, None)),
])
def test_german_years_as_an_adjective(text: str, expected: tuple[float, float | None] | None) -> None:
    assert parse_experience(text) == expected


@pytest.mark.parametrize(
    "lower",
    ["", "bachelorbachelor's degree", "degreedegree, no degree", "postgraduate graduate graduat",
     "master's/masters mastermaster", "doctoral doctorate", "tertiary tertiaryx", "ba bachelor"],
)
def test_degree_words_are_found_where_their_patterns_match(lower: str) -> None:
    # issue 10: the six degree words are found by str.find, at the places their regexes matched
    for stage in DEGREE_STAGES:
        for word, pattern in stage:
            if word:
                assert pattern.pattern == word
                assert list(_places(lower, word)) == [m.start() for m in pattern.finditer(lower)]


# Eighth tune round (issue 9): degrees accepted with a training instead, and a four-year college
@pytest.mark.parametrize(("text", "degree"), [
    ("You have a degree or specialized training in the field of computer science or equivalent.", None),
    ("Abgeschlossene Berufsausbildung zum Fachinformatiker oder erfolgreich abgeschlossenes Studium der "
     "Informatik.", None),
    ("Erfolgreich abgeschlossenes Studium der Informatik.", "bachelor"),
    ("Such training as may have been gained from a four-year college or university with course work in "
     "Accounting.", "bachelor"),
    ("A degree in computer science or related field.", "bachelor"),
])
def test_eighth_round_degrees(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


@pytest.mark.parametrize(("text", "expected"), [
    # ninth round (issue 9): requirements written as paths - a degree with N years or another degree with M
    # years - ask for the bachelor's path; a path through a lesser degree or none is another way in (ruling)
    ("Bachelors or Masters degree in physics or a similar field with 6+/4+ years of experience, "
     "respectively.", (6, N)),
    ("Bachelor's degree and 5+ years of experience, or Master's degree and 3+ years of experience", (5, N)),
    ("- Bachelor's degree in Mechanical Engineering OR 2-year technical degree in a similar field\n"
     "- Minimum of 2 years of experience (with Mechanical Engineering degree)\n"
     "- 3+ years of experience (with technical degree)", (2, N)),
    ("Bachelor's degree with 9+ years of experience, or Master's degree with 7+ years of experience, or PhD "
     "with 4+ years of experience", (9, N)),
    ("Bachelor's degree with 3 years of related experience, or Associate's degree with 5 years of related "
     "experience", (3, N)),
    ("Bachelor's degree and 4 years of experience, or 8 years of experience in lieu of a degree", (4, N)),
    # one path named, the other requirements general: the largest general minimum as before
    ("BS in Computer Science and 7+ years of experience.\n3+ years of experience leading teams", (7, N)),
    ("Bachelor's degree in CS.\n5+ years of software engineering experience\n2+ years of experience", (5, N)),
])
def test_paths_ask_the_bachelors_figure(text: str, expected: tuple[float, float | None]) -> None:
    assert parse_experience(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # ninth round (issue 9): years in a substitution clause count for a degree (or a degree for them): they
    # are what a qualification is worth, not what the job asks (real tune-half postings, US public sector)
    ("Bachelor’s Degree in a related area; two years’ experience credit for a Master’s degree; four years’ "
     "experience credit for a doctorate", N),
    ("A Master’s degree in Statistics is welcome, and can be substituted for one year of experience.", N),
    ("Two years of related experience may be substituted for the degree.", N),
    # the requirement itself stays when a substitution is only mentioned after it
    ("5 years of experience (a Master's degree may substitute for 1 year).", (5, N)),
    ("At least 4 years of experience; a degree may be substituted for 2 years of experience.", (4, N)),
])
def test_years_in_a_substitution_clause_are_not_asked(text: str, expected: tuple[float, float | None] | None
                                                      ) -> None:
    assert parse_experience(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # tenth tune round (issue 9): years followed by what the candidate did in them, as English "5+ years
    # building", in Spanish and Portuguese (invented wording)
    ("- 6+ años construyendo productos digitales (fintech es un plus).", (6, N)),
    ("Buscamos alguien con 3+ años desarrollando APIs en Go.", (3, N)),
    ("Mínimo 2 años trabajando como analista de datos.", (2, N)),
    ("Você tem 4+ anos atuando com desenvolvimento mobile.", (4, N)),
    ("2 a 4 anos trabalhando com dados.", (2, 4)),
    # the company's own years stay out, with or without such a verb
    ("Hace 12 años construyendo software para bancos.", N),
    ("A empresa há 15 anos desenvolvendo soluções.", N),
])
def test_years_then_a_verb_in_other_languages(text: str, expected: tuple[float, float | None] | None) -> None:
    assert parse_experience(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # tenth tune round (issue 9): a bare figure of "related" / "relevant" years names experience without the
    # word (invented wording); the required figure beats the preferred one under its heading
    ("4 years of related data platform architecture or team lead work.", (4, N)),
    ("3 years of relevant work in a laboratory.", (3, N)),
    ("Minimum Qualifications\n4 years of related cloud architecture or team lead work\n"
     "Preferred Qualifications\n8 years of related cloud architecture or consulting experience preferred",
     (4, N)),
    # the company's own years stay out
    ("Our 10 years of related research show results.", N),
    ("We bring 20 years of relevant history to every client.", N),
])
def test_related_years_without_the_word_experience(text: str, expected: tuple[float, float | None] | None
                                                   ) -> None:
    assert parse_experience(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # eleventh round (issue 9): the hiring manager's or the company's own years ("in my 15+ years making
    # games", "our 20 years on the market") are not what the role asks
    ("Hello, I lead the studio. In my 15+ years making games I have shipped many games.", None),
    ("Backed by our 20 years of experience in logistics, we build routing tools.", None),
    ("In my 15+ years making games I learned a lot. We ask for 4+ years of experience selling tools.",
     (4, None)),
])
def test_years_of_the_writer_or_the_company_are_not_asked(text: str, expected: tuple | None) -> None:
    assert parse_experience(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # fifteenth round (issue 9, real-fresh-v9; invented wording): a sentence opening "With over N years of
    # ... experience" whose subject is the company ("we", "wir", "nous") is the company's history, in any
    # language
    ("Mit über 25 Jahren Branchenerfahrung und einer eigenen Plattform beliefern wir unsere Kunden.", N),
    ("With over 35 years of trading experience and a wide network, we supply clients everywhere.", N),
    ("Avec plus de 40 ans d'expérience, nous accompagnons nos clients.", N),
    # the candidate's years in the same shape stay asked
    ("With over 5 years of experience in Go, you will own our payment services.", (5, N)),
    ("Mit mindestens 3 Jahren Berufserfahrung bringst du alles mit, was wir suchen.", (3, N)),
    # the years of other people described as a group figure (a median, an average) are no requirement
    ("The median engineer at Northwind has 9 years experience. You should expect to be challenged.", N),
    ("Our analysts have an average of 12 years of industry experience.", N),
    ("Our engineers have on average 11 years of experience. Rust: 3+ years of hands-on practice needed.",
     (3, N)),
])
def test_years_of_the_company_or_of_a_group_are_not_asked(text: str, expected: tuple | None) -> None:
    assert parse_experience(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # fifteenth round (issue 9, real-fresh-v9; invented wording): post-collegiate years are general; with a
    # path through a graduate degree beside them, the path without one (the bachelor's) is the bar
    # (ninth-round ruling)
    ("Graduate degree in a numerate field plus 3 years of work experience; or 7+ years of "
     "post-collegiate work experience if you hold no graduate degree.", (7, N)),
    ("5+ years of post-collegiate experience in analytics.", (5, N)),
])
def test_post_collegiate_years_are_general(text: str, expected: tuple | None) -> None:
    assert parse_experience(text) == expected


@pytest.mark.parametrize("text, expected", [
    # eighteenth round (issue 9, real-fresh-v12; invented wording): a figure of months of experience is a
    # fraction of a year, as France Travail's "6 Mois" -> 0.5 (labelling guide)
    ("Associate degree and at least six months of related work experience in logistics.", (0.5, N)),
    ("Requirements: 18 months of experience in a warehouse setting.", (1.5, N)),
    ("A minimum of 6 months' experience as a cashier is needed.", (0.5, N)),
    ("3+ months experience with customer service preferred.", (0.25, N)),
    # years win over months, wherever they stand
    ("6 months of experience with our tools, plus 3+ years' experience writing software.", (3, N)),
    # not a requirement: a training, a probation, a contract, an internship
    ("You will receive 6 months of training before taking calls.", N),
    ("After a six-month probation period, you join the team.", N),
    ("A 12 month contract, experience with Excel required.", N),
    ("Six months of internship experience is a plus.", N),
    ("Within 6 months you will have experience with every product.", N),
])
def test_months_of_experience_are_a_fraction_of_a_year(text: str, expected: tuple | None) -> None:
    assert parse_experience(text) == expected


@pytest.mark.parametrize("text, expected", [
    # eighteenth round (issue 9, real-fresh-v12; invented wording): a degree a technical, trade or
    # vocational school may give instead is below a bachelor's (as an associate degree or a training in its
    # place)
    ("Degree from a college or technical school in accounting, and one year in an office.", None),
    ("A degree from a university or trade school is required.", None),
    ("College or vocational school degree in electronics.", None),
    ("Finance degree from a university or an accredited college.", "bachelor"),  # no school below it
    # get in IT's list of accepted degrees at the page's end ("Abschluss: Ausbildung, Bachelor, ..."), far
    # from the text's own degree: the text's requirement decides (lead ruling, fifth session; see below)
    ("Du bringst ein abgeschlossenes Hochschulstudium in Informatik mit. " + "Wir bieten viel. " * 30
     + "Job-Infos Abschluss: Ausbildung, Bachelor, Master/Diplom.", "bachelor"),
    ("Du bringst ein abgeschlossenes Hochschulstudium in Informatik mit. " + "Wir bieten viel. " * 30
     + "Job-Infos Abschluss: Bachelor, Master/Diplom.", "bachelor"),
])
def test_a_school_below_a_bachelor_or_a_board_list_accepting_a_training(text: str,
                                                                       expected: str | None) -> None:
    assert parse_degree(text) == expected


@pytest.mark.parametrize("text, expected", [
    # eighteenth round (issue 9, tune half; invented wording): a lesser qualification accepted in place of the
    # bachelor's in the same sentence (a two-year or technical degree, a certificate, a diploma) -> no degree
    ("Bachelor's degree in chemistry OR a 2-year technical degree for lab work.", None),
    ("Bachelor's degree or bookkeeping certificate preferred.", None),
    ("Bachelor's degree or an associate degree with two years in accounting.", None),
    ("Bachelor's degree or a diploma in nursing.", None),
    # not a lesser one: an equivalent, a higher degree, a certificate asked beside it in another sentence
    ("Bachelor's degree or equivalent experience.", "bachelor"),
    ("Bachelor's or Master's degree in statistics.", "bachelor"),
    ("Bachelor's degree in finance. A CPA certificate or diploma is a plus.", "bachelor"),
    # "no formal degree required" asks for none
    ("Some knowledge of diet and training (no formal degree required).", None),
    # German "Studienabschluss" is a completed degree
    ("Was du mitbringst: ein Studienabschluss im Bereich Mathematik.", "bachelor"),
])
def test_a_lesser_qualification_in_place_of_the_bachelors(text: str, expected: str | None) -> None:
    assert parse_degree(text) == expected


# Twenty-first round (issue 9; invented wording): years of working remotely are a condition on the work
# arrangement ("remote only with 2 years of remote experience"), not the years of the job's own work.
@pytest.mark.parametrize(("text", "expected"), [
    ("We make shop apps. Remote only if you have at least 2 years of experience working remotely.", None),
    ("Onsite in Austin; remote possible for people with 3+ years of remote work experience.", None),
    ("You have 4 years of experience with Go. Remote hires need 2 years of experience working remotely.",
     (4.0, None)),
    ("Five years of experience as a backend engineer, two of them working remotely.", (5.0, None)),
])
def test_years_of_remote_working_are_no_experience_asked(text: str, expected: tuple | None) -> None:
    assert parse_experience(text) == expected


# Twenty-first round (issue 9; invented wording): a figure followed by a role without "as" ("5+ years a
# claims agent") is years in that role, as "5+ years as a claims agent"; not a time span ("3 years a row").
@pytest.mark.parametrize(("text", "expected"), [
    ("Requirements 5+ years a claims agent for an insurer. Knowledge of escrow. Preferred Qualifications 3+ "
     "years as a claims team supervisor.", (5.0, None)),
    ("Requirements: 4+ years an account executive in software sales.", (4.0, None)),
    ("We were voted best employer 3+ years a row.", None),
])
def test_years_followed_by_a_role_without_as(text: str, expected: tuple | None) -> None:
    assert parse_experience(text) == expected


@pytest.mark.parametrize("text, expected", [
    # twenty-fourth round (issue 9, tune LinkedIn #98; invented wording): a range or "N+" right before the
    # word experience with "years" left out is years, read only when no figure of years is found
    ("Requirements: 2-4 experience in event planning within hospitality.", (2, 4)),
    ("Skills (Word, Excel).3-6 experience as a bookkeeper.", (3, 6)),
    ("5+ experience in retail management required.", (5, N)),
    # a figure of years elsewhere wins; other counts are none
    ("2-4 experience in design, and 6+ years of work overall.", (6, N)),
    ("A team of 3-5 experienced engineers.", N),
    ("We serve grades 3-5; experience with children is a plus.", N),
    ("Rated 4-5 stars for guest experience.", N),
])
def test_a_range_before_experience_without_the_word_years(text: str, expected: tuple | None) -> None:
    assert parse_experience(text) == expected


@pytest.mark.parametrize("text, expected", [
    # twenty-fifth round (issue 9, real-fresh-v19; invented wording): degree paths are one requirement - when
    # the bachelor's and master's paths name a field and the doctorate's path says "related work experience",
    # the bachelor's path is still the bar (ruling of the ninth round), not the doctorate's shorter figure
    ("Education: a Bachelor's degree with 8 or more years of experience in records management, OR a Master's "
     "degree with 6 or more years of experience in records management, OR a PhD with 3 or more years of "
     "related work experience", (8, N)),
    ("BS with 7+ years of experience in chemistry\nMS with 5+ years of experience in chemistry\nPhD with 2+ "
     "years of experience", (7, N)),
    # not paths: one degree named, the field's years beside a general figure - the general figure, as before
    ("Bachelor's degree with 6 years of experience in payroll.\n3+ years of experience.", (3, N)),
])
def test_degree_paths_share_one_reading(text: str, expected: tuple | None) -> None:
    assert parse_experience(text) == expected


@pytest.mark.parametrize("text, expected", [
    # twenty-fifth round (issue 9; invented wording): "information technology" written out is the IT field
    # the code already reads as general ("5 years in IT"), not one tool or one niche
    ("At least 6 years of experience in information technology.\n2+ years of professional experience.",
     (6, N)),
    ("Minimum 4 years of experience in IT.\n2+ years of professional experience.", (4, N)),
    # a narrower field after the same preposition stays specific
    ("5 years of experience in tax law.\n2+ years of experience.", (2, N)),
])
def test_information_technology_spelled_out_is_general(text: str, expected: tuple | None) -> None:
    assert parse_experience(text) == expected


# Twenty-ninth round: years a licence or certification has been held ("certified as a therapist for over 2
# years", "licensed for at least three years") are years in that profession, read only when no figure of
# years of experience is given; a licence valid for two years, or renewed every two years, is none. Invented
# wording.
@pytest.mark.parametrize(("text", "years"), [
    ("Qualifications: certified as a speech therapist for over 2 years; a car.", (2, None)),
    ("Works aloneRegistered as a dietitian for at least 3 yearsA bike helps", (3, None)),
    ("Uncertified for 2 years is fine.", None),
    ("You have been licensed for at least three years in this state.", (3, None)),
    ("Board certified for 4+ years. 6 years of clinical experience.", (6, None)),
    ("The licence is valid for two years and renewed every 2 years.", None),
    ("You must be certified within 2 years of hire.", None),
])
def test_years_a_credential_has_been_held(text: str, years: tuple[float, float | None] | None) -> None:
    assert parse_experience(text) == years


# Thirty-second round (issue 9, real-fresh-v26; invented wording). A degree "or" years: the years are a way in
# without the degree, not the bar (ninth-round ruling on paths) - unless their own path names a degree.
@pytest.mark.parametrize(("text", "years"), [
    ("A completed degree or at least 2-3 years of professional experience in consulting.", None),
    ("Bachelor's degree in computer science or 4+ years of experience as a developer.", None),
    ("A completed degree and at least 3 years of professional experience in consulting.", (3, None)),
    ("PhD, or 3+ years of research work in a policy field after a Masters.", (3, None)),
    ("Bachelor's degree with 5 years of experience or 9 years of experience without a degree.", (5, None)),
    ("Bachelor's degree or equivalent. 5+ years of experience.", (5, None)),
    ("Minimum 2 years or 3 years of experience in sales.", (2, None)),
])
def test_years_in_place_of_a_degree_are_not_the_bar(text: str, years: tuple | None) -> None:
    assert parse_experience(text) == years


# Thirty-second round: "a completed degree" is English for "abgeschlossenes Studium" (-> bachelor); a bootcamp
# accepted in place of the degree means none is required, and a doctorate named as another way in, or a
# master's wished elsewhere, does not raise it (as a training in place of the degree). Invented wording.
@pytest.mark.parametrize(("text", "degree"), [
    ("Profile: a completed degree and at least 4 years of experience in sales consulting.", "bachelor"),
    ("You have a finished degree, ideally in economics.", "bachelor"),
    ("We have completed degree audits for our clients.", None),
    ("A degree of autonomy.", None),
    ("PhD, or 2+ years of analytics work after a Masters or an intensive bootcamp.", None),
    ("Bachelor's degree in CS or a coding bootcamp. A Master's is a plus.", None),
    ("Master's degree or bootcamp certificate in data science.", None),
    ("Master's degree required. New hires join our two-week onboarding bootcamp.", "master"),
])
def test_completed_degree_and_bootcamp_in_its_place(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


@pytest.mark.parametrize(("text", "years"), [
    # the figure's own path names a master's (MSc) beside a doctorate's: the master's path, as before
    ("A PhD with no experience, or 3-6 years (MSc) of experience in modelling.", (3, 6)),
    # a lesser degree before the "or" is no bar: the years stay (also glued to the line before)
    ("Associate degree or 1-2 years of experience desired.", (1, 2)),
    ("Forklift experienceAssociate Degree or 1-2 years of experience desired", (1, 2)),
])
def test_years_beside_other_degree_paths_stay(text: str, years: tuple | None) -> None:
    assert parse_experience(text) == years


@pytest.mark.parametrize(("text", "years"), [
    # thirty-fourth round (issue 9, real-fresh-v28): a heading naming the experience requirement on the line
    # before the figure says the figure is the requirement (a general figure, as "Experience:" does), beside a
    # smaller figure of one kind of teamwork. Invented wording.
    ("Must have:\n3+ years of experience working in agile teams\nYears of Experience Requirement\n"
     "6+ years of reporting experience is required\nLocation\nDenver", (6.0, None)),
    ("Experience requirements:\n4+ years of reporting experience\nNice: 2+ years of experience in sprints",
     (4.0, None)),
    # the heading also ends a block of wishes opened before it ("Desired Skills")
    ("Must have:\n3+ years of experience working in agile teams\nDesired Skills\nDashboards for leaders\n"
     "Years of Experience Requirement\n6+ years of reporting experience is required", (6.0, None)),
    # the heading's words inside a sentence are no heading
    ("3+ years of experience working in agile teams. We explain the experience requirement 6+ years of "
     "reporting experience in the interview.", (3.0, None)),
])
def test_a_heading_naming_the_experience_requirement(text: str, years: tuple | None) -> None:
    assert parse_experience(text) == years


# The bare-range and months regexes are tried only where a figure can start (before a sign, before "month"):
# the matches must be exactly those of the regexes' own search (issue 10, speed). Invented wording, and
# random strings of the pieces a match is made of.
_FIGURE_TEXTS = [
    "3-5 experience in marketing", "10+ of selling experience", "two - four of field experience",
    "someone-5 experience", "12.5 + experience", "x-3+experience", "3 -\n5 of  senior dev experience",
    "We want 1.5 months of related experience", "six (6) months' work experience", "fünf months experience",
    "after 6 months experience", "1.5  +  (12) months of experience and 2 months of paid experience",
    "no figure here", "", "a-b-c months experience - 3", "٣+ experience", "4\u00a0–\u20096 experience",
]


def _piece_texts(seed: int, count: int) -> list[str]:
    import random

    rnd = random.Random(seed)
    pieces = ["3", "12", "1.5", "12.5", "+", " + ", "-", "–", " - ", "(6)", " (12) ", "month", " months ",
              "months' ", "experience", " experience", "of ", "related ", "two", "seven", "someone", "drei",
              "x", "\n", " ", "\u00a0", "٣", "²", ".", ")", "(", "of senior dev "]
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12))) for _ in range(count)]


def _spans(matches) -> list:
    return [(m.span(), m.groupdict()) for m in matches]


def test_bare_range_and_months_find_what_their_regexes_find() -> None:
    from etl.normalize import experience as e

    assert e._bare_range_match("3-5 experience in marketing") is not None
    assert e._months("we want 1.5 months of related experience") == (0.12, None)
    for text in _FIGURE_TEXTS + _piece_texts(10, 20_000):
        low = e._lower(text)
        assert _spans(filter(None, [e.BARE_RANGE.search(low)])) == _spans(
            filter(None, [e._bare_range_match(low)])), text
        assert _spans(e.MONTHS.finditer(low)) == _spans(
            e._matches_at(e.MONTHS, low, e._figure_starts(low, "month", "+()."))), text


@pytest.mark.parametrize("text", [
    "As a senior analyst you lead the reviews.", "Als Senior Berater hast du drei Jahre Erfahrung.",
    "As an staff engineer", "Hired as a leader", "no rung written", "AS A SENIOR ANALYST you",
])
def test_rung_phrases_gate_is_the_substring_test(text: str) -> None:
    from etl.normalize import experience as e

    low = e._lower(text)
    expected = any(f"{lead} {word} " in low for word in e._RUNG_WORDS for lead in ("as a", "as an", "als"))
    assert e._RUNG_PHRASES(low) == expected


def test_lowered_texts_are_remembered_by_identity_and_bounded() -> None:
    from etl.normalize import experience as e

    first, second = "Five YEARS of Rust", "Zwei JAHRE Erfahrung, fünf Jahre"
    assert e._lower(first) == "five years of rust"
    assert e._lower(second) == "zwei jahre erfahrung, fünf jahre"
    assert e._lower(first) == "five years of rust"  # from the table, not the last text's
    for k in range(e._LOWERED_SIZE + 5):
        assert e._lower(f"Text {k}") == f"text {k}"
    assert len(e._LOWERED) <= e._LOWERED_SIZE


# Fortieth round (issue 9, real-fresh-v34; invented wording): a degree people lack ("most of our users don't
# have a four-year college degree", "welcome candidates without a university degree") is no requirement - the
# posting says who is served or welcome, not what is asked; a degree asked elsewhere still counts.
@pytest.mark.parametrize(("text", "degree"), [
    ("We build tools for the two thirds of workers who don't have a four-year college degree.", None),
    ("Our app serves people that do not hold a university degree.", None),
    ("Self-taught? We welcome candidates without a college degree.", None),
    ("Many of our members never earned a degree.", None),
    ("College degree required. Our users mostly don't have a college degree.", "bachelor"),
    ("You have a college degree in a technical field.", "bachelor"),
    # the degree of someone already at the company (tune Hacker News 2018-01 #308) is no requirement either
    ("The CTO writes code every day and the CEO has a CS degree.", None),
    ("Both founders hold an engineering degree; we hire for curiosity.", None),
])
def test_a_degree_people_lack_is_no_requirement(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


# Forty-second round: "N+ years managing / creating / delivering ..." is years of the job's own work, as
# "N+ years leading ..." is (a project manager's figure); the general figure still wins beside it. Invented
# wording.
@pytest.mark.parametrize(("text", "expected"), [
    ("Basic Qualifications\n4+ years managing and steering the delivery of large kiln projects", (4, None)),
    ("At least 3 years managing pottery programmes.", (3, None)),
    ("7+ years of experience in pottery.\n2+ years managing a team", (7, None)),
    ("Requirements\n6+ years creating glaze models with modern methods\n2+ years managing a team", (6, None)),
    ("3+ years delivering kiln projects for clients.", (3, None)),
])
def test_years_managing_the_work(text: str, expected: tuple[float, float | None]) -> None:
    assert parse_experience(text) == expected


# Forty-second round (lead ruling on the thirty-eighth round's question 1): a required band below N years in
# an "Experience - Less than N years - ..." field is 0-N (the years rule then reads junior), also beside a
# preferred figure; "less than N years" elsewhere stays a comparison. Invented wording.
@pytest.mark.parametrize(("text", "expected"), [
    ("Experience - Less than 2 years - kiln data work in ceramics, Required\n"
     "Experience - 2-4 years - kiln data work in ceramics, Preferred", (0, 2)),
    ("Experience: less than 3 years of glaze analysis, Required", (0, 3)),
    # the field's "Preferred" closes a long line, past the figure's sentence window
    ("Experience - Less than 2 years - kiln data work, glaze analytics and firing records across pottery "
     "studios and ceramic workshops, Required\nExperience - 2-4 years - kiln data work, glaze analytics and "
     "firing records across pottery studios and ceramic workshops, Preferred", (0, 2)),
    ("If you have less than 3 years of experience, please do not apply.", None),
])
def test_a_required_band_below_n_years(text: str, expected: tuple[float, float | None] | None) -> None:
    assert parse_experience(text) == expected


# Forty-third round (leftover of the thirty-eighth, tune Hacker News #350): "<tool>: N+ years" lines under a
# "Requirements:" heading are the Indeed block's shape without "(Required)": years per tool; with no general
# figure the first one counts (the largest minimum), a general topic still wins; a duration line of the
# contract is none. Invented wording.
@pytest.mark.parametrize(("text", "expected"), [
    ("We fire pots.\n\nRequirements:\n\nKilnScript: 4+ years\nGlazeDB: 2+ years\nClayQ: 1+ years\n\n"
     "We offer:\n* pottery", (4.0, None)),
    ("Requirements:\n- KilnScript: 1+ years\n- software development: 3+ years\n", (3.0, None)),
    ("Requirements:\nKilnScript: 2-3 years\n", (2.0, 3.0)),
    ("Requirements:\nContract: 2 years\n", None),
    ("Perks:\nKilnScript: 4+ years\n", None),
])
def test_tool_years_lines_under_a_requirements_heading(
    text: str, expected: tuple[float, float | None] | None
) -> None:
    assert parse_experience(text) == expected


# the Requirements block's line lists a role's years and its tools: no topic of the block (as before)
def test_a_roles_years_and_tools_line_is_no_requirements_topic() -> None:
    text = "Requirements:\nKiln Backend: 6+ years KilnScript, GlazeDB, ClayQ and Firing\n"
    assert parse_experience(text) is None


# Forty-sixth round (real-fresh-v40, German; invented wording): the years as an adjective before any compound
# ending in "-erfahrung" (consulting, sales experience) are the years asked; a training's length stays
# no experience. A degree "in (Wirtschafts-) Informatik" with a space after the bracket is a degree.
@pytest.mark.parametrize(("text", "expected"), [
    ("Mindestens 4-jährige Beratungserfahrung in Finanzprojekten", (4.0, None)),
    ("eine mindestens dreijährige Vertriebserfahrung im Mittelstand", (3.0, None)),
    ("Du hast eine 3-jährige Ausbildung abgeschlossen", None),
])
def test_forty_sixth_round_german_compound_experience(text: str,
                                                      expected: tuple[float, float | None] | None) -> None:
    assert parse_experience(text) == expected


@pytest.mark.parametrize(("text", "degree"), [
    ("Dein Profil: Guter Abschluss in (Wirtschafts-) Informatik oder vergleichbaren Fächern", "bachelor"),
    ("Dein Profil: Guter Abschluss in (Wirtschafts-)Informatik", "bachelor"),
])
def test_forty_sixth_round_german_degree_in_a_bracketed_field(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


# Fifty-fourth round (real-fresh-v48, German; invented wording): "Praxis" and "Berufspraxis" after the figure
# are the word for experience ("1-3 Jahre Praxis im Support" -> 1-3, and through the years junior); a
# doctor's practice ("Praxis") with the company's years stays none.
@pytest.mark.parametrize(("text", "expected"), [
    ("Dein Profil: 1–3 Jahre Praxis im Kundensupport, gern bei einem Dienstleister", (1.0, 3.0)),
    ("Dein Profil: mindestens zwei Jahre Praxis als Entwickler", (2.0, None)),
    ("Ihr Profil: mind. 3 Jahren Berufspraxis in der Buchhaltung", (3.0, None)),
    ("Unsere Praxis besteht seit 12 Jahren in Kiel.", None),
    ("Seit 25 Jahren Praxis für Zahnmedizin in Kiel.", None),
])
def test_fifty_fourth_round_german_years_of_practice(text: str,
                                                     expected: tuple[float, float | None] | None) -> None:
    assert parse_experience(text) == expected


# Forty-sixth round (real-fresh-v40; invented wording): a German posting asking for an enrolled student whose
# degree programme is named in English words ("eingeschriebene:r Student:in (Bachelor oder Master)") asks no
# completed degree, as "currently pursuing a Bachelor's" (labelling guide).
@pytest.mark.parametrize(("text", "degree"), [
    ("Dein Profil: Eingeschriebene:r Student:in (Bachelor oder Master) der Informatik", None),
    ("Du bist Studierende:r im Master Wirtschaftsinformatik", None),
    ("Dein Profil: abgeschlossener Bachelor in Informatik", "bachelor"),
])
def test_forty_sixth_round_german_enrolled_student(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


# Fifty-first round (real-fresh-v45, German; invented wording). A requirements heading glued to its first
# line by the board ("Was du mitbringstAbgeschlossenes Studium"), German compounds of the degree's name
# ("Masterstudium", "Bachelorabschluss"), an advanced student, a vocational training named first with its
# field ("Ausbildung mit IT-Schwerpunkt oder Studium") and "abgeschlossen oder kurz vor dem Abschluss".
@pytest.mark.parametrize(("text", "degree"), [
    ("Was du mitbringstAbgeschlossenes Hochschul- oder FH-StudiumSehr gutes Deutsch", "bachelor"),
    ("Deine WerkzeugeAbgeschlossenes Studium, idealerweise mit Schwerpunkt Statistik", "bachelor"),
    ("Dein Profil: Masterstudium in Chemie oder ein vergleichbarer Universitätsabschluss", "master"),
    ("Dein Profil: Master-Abschluss in Elektrotechnik", "master"),
    ("Dein Profil: Bachelorabschluss in Betriebswirtschaft", "bachelor"),
    ("Dein Profil: ein abgeschlossenes Bachelorstudium der Geografie", "bachelor"),
    ("Dein Skillset: Fortgeschrittenes Studium der Informatik oder eines vergleichbaren Studiengangs", None),
    ("Du bist im fortgeschrittenen Studium der Wirtschaftsinformatik", None),
    ("Du bist im Masterstudium der Informatik", None),
    ("Du hast eine Ausbildung mit IT-Schwerpunkt ODER abgeschlossenes Studium der Informatik", None),
    ("Eine Ausbildung im kaufmännischen Bereich oder ein abgeschlossenes Studium", None),
    ("Ein Bachelorstudium (z. B. Geografie) – abgeschlossen oder kurz vor dem Abschluss", None),
    ("Abgeschlossenes Studium der Informatik oder eine vergleichbare Ausbildung", "bachelor"),
    ("Ein unabgeschlossenes Studium ist kein Hindernis", None),
])
def test_fifty_first_round_german_degree_forms(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


_FOOTER = (" Wir bieten Obst und Kaffee." * 12
           + " Job-Infos Abschluss: Ausbildung, Bachelor, Master/Diplom. Firma")


# Lead ruling on the fifty-first round's open question 4 (fifth session): a posting's own degree requirement
# decides over get in IT's footer list of accepted degrees; the footer list decides only where the text
# states none. Invented wording.
@pytest.mark.parametrize(("text", "degree"), [
    ("Du bringst ein abgeschlossenes Studium der Keramik mit." + _FOOTER, "bachelor"),
    ("Sie haben einen Masterabschluss in Glasurchemie." + _FOOTER, "master"),
    ("You hold a Bachelor's degree in kiln engineering." + _FOOTER, "bachelor"),
    # the text states none: the footer decides (a training among the accepted degrees: none required)
    ("Du brennst gern Ton und lernst schnell." + _FOOTER, None),
    ("Du brennst gern Ton." + " Wir bieten Obst." * 12
     + " Job-Infos Abschluss: Bachelor, Master/Diplom. Firma", "bachelor"),
    # the text's own requirement accepts a training in place of the degree: none required
    ("Du hast ein Studium oder eine abgeschlossene Ausbildung im Töpferhandwerk." + _FOOTER, None),
])
def test_a_postings_own_degree_requirement_decides_over_the_boards_list(text: str,
                                                                      degree: str | None) -> None:
    assert parse_degree(text) == degree


# The same ruling: the text's own requirement is read in full, so the forms in which it accepts a training or
# a current enrolment in place of the degree - which the board's list had hidden - read no degree, list or
# no list: "Alternativ" glued to the previous list item, "oder (fachlich) fundierte Ausbildung", "bist
# aktuell Student oder ...". "oder eine vergleichbare Ausbildung" stays "or equivalent" (the degree
# stands).
@pytest.mark.parametrize(("text", "degree"), [
    ("Ein abgeschlossenes Studium der Keramik oder eine vergleichbare QualifikationAlternativ eine "
     "Ausbildung als Töpfer:in", None),
    ("Abgeschlossenes Studium der Glasurchemie oder fachlich fundierte Ausbildung mit Praxis im Brennen",
     None),
    ("Ein Studium der Keramik oder eine fundierte Ausbildung.", None),
    ("Du hast ein abgeschlossenes Hochschulstudium der Keramik, bist aktuell Student oder kennst Öfen.",
     None),
    ("Sie haben ein abgeschlossenes Studium, sind derzeit Student oder bringen Praxis mit.", None),
    ("Abgeschlossenes Studium der Keramik oder eine vergleichbare Ausbildung" + _FOOTER, "bachelor"),
])
def test_the_texts_own_requirement_accepting_a_training_or_enrolment(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


# Sixty-first round (real-fresh-v55, German; invented wording). "abgeschlossen oder stehst kurz vor dem
# Abschluss" after a long list of fields (past the 160 characters the alternative was searched in); a
# "vergleichbare Ausbildung" that names a trade ("zum Beispiel als Fachinformatiker") is a named training, a
# route (forty-sixth round), while the bare "vergleichbare Ausbildung" stays "or equivalent"; an advanced
# student "im fortgeschrittenem Bachelor- oder Masterstudium"; "Abschluss in" economics or other sciences.
@pytest.mark.parametrize(("text", "degree"), [
    ("Du hast ein Studium der Informatik, Wirtschaftsinformatik, Physik, Chemie, Biologie, Statistik, "
     "Geografie, Astronomie, Medizintechnik oder eines ähnlichen Studienfachs erfolgreich abgeschlossen oder "
     "stehst kurz vor dem AbschlussDu magst Tee", None),
    ("Du hast ein Studium der Informatik, Wirtschaftsinformatik, Physik, Chemie, Biologie, Statistik, "
     "Geografie, Astronomie, Medizintechnik oder eines ähnlichen Studienfachs erfolgreich "
     "abgeschlossenDu magst Tee", "bachelor"),
    ("Abgeschlossenes Studium der Informatik oder eine vergleichbare Ausbildung zum Beispiel als "
     "Fachinformatiker für Anwendungsentwicklung", None),
    ("Abgeschlossenes Studium der Informatik oder eine vergleichbare Ausbildung im Bereich "
     "Fachinformatiker", None),
    ("Abgeschlossenes Studium der Physik oder eine vergleichbare Ausbildung, z. B. als Mechatroniker", None),
    ("Abgeschlossenes Studium der Informatik oder eine vergleichbare Ausbildung mit Berufserfahrung",
     "bachelor"),
    ("Du bist idealerweise im fortgeschrittenem Bachelor- oder Masterstudium der Geografie", None),
    ("Du bist im fortgeschrittenen Bachelor- und Masterstudium der Chemie", None),
    ("Erfolgreicher Abschluss in Wirtschaftswissenschaft, Informatik oder vergleichbar", "bachelor"),
    ("Ein Abschluss in Betriebswirtschaftslehre oder Naturwissenschaft", "bachelor"),
    ("Ein Schulabschluss in Mathematik genügt", None),
])
def test_sixty_first_round_german_degree_forms(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


# Sixty-fourth round (real-fresh-v58, German; invented wording). A degree "oder eine vergleichbare
# Berufsausbildung" names a vocational training in its place: a route, no degree (the fortieth round and the
# lead's ruling on it: a named Berufsausbildung gives null); the bare "vergleichbare Ausbildung" or
# "Qualifikation" stays "or equivalent".
@pytest.mark.parametrize(("text", "degree"), [
    ("Du hast ein abgeschlossenes Studium der Geografie oder eine vergleichbare Berufsausbildung", None),
    ("Abgeschlossenes Studium der Chemie oder vergleichbare abgeschlossene Berufsausbildung", None),
    ("Ein abgeschlossenes Hochschulstudium bzw. eine vergleichbare berufliche Ausbildung", None),
    ("Abgeschlossenes Studium der Informatik oder eine vergleichbare Ausbildung", "bachelor"),
    ("Abgeschlossenes Studium der Informatik oder eine vergleichbare Qualifikation", "bachelor"),
])
def test_sixty_fourth_round_comparable_vocational_training(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


# Sixty-second round (real-fresh-v56 and tune Ashby #24; invented wording): a career level in brackets after a
# figure's plus ("2+ (entry level) / 4+ (senior) years") is the tier the figure belongs to; the lowest tier is
# the minimum asked and a second tier is no upper end.
@pytest.mark.parametrize(("text", "expected"), [
    ("What you bring: 2+(Entry Level) /4+ (Senior) years of experience in sales", (2.0, None)),
    ("What you bring: 1+ (junior) / 3+ (senior) years of experience building apps", (1.0, None)),
    ("What you bring: 2+ (mid) or 5 (senior) years of experience in design", (2.0, None)),
    ("What you bring: 3 (mid) / 6 (senior) years of experience in design", (3.0, None)),
    ("What you bring: five (5) to seven (7) years of experience in design", (5.0, 7.0)),
    ("What you bring: 3+ (three) years of experience in support", (3.0, None)),
    ("What you bring: 3 (three) to 5 (five) years of experience in support", (3.0, 5.0)),
])
def test_sixty_second_round_years_per_career_level(text: str,
                                                   expected: tuple[float, float | None] | None) -> None:
    assert parse_experience(text) == expected


# Sixty-second round (tune Glassdoor #636's class; invented wording): kinds of work listed before "experience"
# ("design, testing and development experience", "systems deployment experience") make a general figure, as
# "development experience" does; it wins over a narrower product's figure. One tool's years stay specific.
@pytest.mark.parametrize(("text", "expected"), [
    ("Requirements: 4+ years design, testing and application development experience. "
     "2+ years of experience building reporting dashboards", (4.0, None)),
    ("Requirements: 6+ years of engineering or systems deployment experience. "
     "3+ years of experience within one cloud platform", (6.0, None)),
    ("Requirements: 5+ years testing experience. 2+ years of experience building test suites", (5.0, None)),
    ("Requirements: 6+ years Java experience. 3+ years of experience building APIs", (3.0, None)),
])
def test_sixty_second_round_kinds_of_work_before_experience(
        text: str, expected: tuple[float, float | None] | None) -> None:
    assert parse_experience(text) == expected


# Seventieth round (real-fresh-v64, German; invented wording). A training named by its field in the
# degree's place ("oder IT-nahe Ausbildung", "oder eine fachnahe Ausbildung", "oder IT-technische
# Berufsausbildung") is a route, as "oder eine technische Ausbildung" already was; so is a "vergleichbare"
# Berufsausbildung with its field between ("vergleichbare technische Berufsausbildung") and a comparable
# training of a field that names a trade ("vergleichbare technische Ausbildung, z. B. zum ..."). The bare
# "vergleichbare (IT-nahe) Ausbildung" stays "or equivalent" (the lead's ruling).
@pytest.mark.parametrize(("text", "degree"), [
    ("Abgeschlossenes Studium der Geografie oder IT-nahe Ausbildung", None),
    ("Du hast ein abgeschlossenes Studium der Geologie oder eine fachnahe Ausbildung", None),
    ("Abgeschlossenes Studium der Chemie oder IT-technische Berufsausbildung mit Erfahrung", None),
    ("Ein Studium der Physik oder eine vergleichbare technische Berufsausbildung (z.B. Elektroniker)", None),
    ("Studium der Chemie oder eine vergleichbare technische Ausbildung, z. B. zum Elektroniker", None),
    ("Abgeschlossenes Studium der Chemie oder eine vergleichbare IT-nahe Ausbildung", "bachelor"),
    ("Abgeschlossenes Studium der Chemie oder eine vergleichbare technische Ausbildung", "bachelor"),
    ("Abgeschlossenes Studium der Chemie oder eine vergleichbare Ausbildung", "bachelor"),
])
def test_seventieth_round_a_training_named_by_its_field(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


# Eighty-first round (issue 9; invented wording): a generic "degree" being studied ("pursuing a degree",
# "enrolled in a degree programme") asks no completed degree, as "currently pursuing a Bachelor's" already
# reads (labelling guide: a degree being studied is no degree); the generic word skipped the enrolled check.
@pytest.mark.parametrize(("text", "degree"), [
    ("Who you are: currently pursuing a degree in mechanical engineering", None),
    ("Enrolled in a degree programme in graphic design, graduating next summer", None),
    ("Pursuing or completed a degree in physics", None),
    ("Pursuing a degree in economics; a Master's degree in statistics is required", "master"),
    ("A degree in computer science or a related field", "bachelor"),  # control: a completed degree
])
def test_eighty_first_round_generic_degree_being_studied(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


@pytest.mark.parametrize(("text", "expected"), [
    ("Anforderungen: mindestens 2,5 Jahre Berufserfahrung in der Entwicklung", (2.5, None)),
    ("Requirements: 2,5 years of experience in backend work", (2.5, None)),
    ("Wymagania: 3,5+ years of commercial experience", (3.5, None)),
    # controls: a decimal point, and a list whose comma is followed by a space, read as before
    ("at least 1.5 years of experience", (1.5, None)),
    ("Java, 5 years of experience", (5.0, None)),
])
def test_a_decimal_comma_is_part_of_the_figure(text: str,
                                                expected: tuple[float | None, float | None]) -> None:
    """German, Polish and French write 2,5 for two and a half: the reader took the 5 after the comma (the
    eighty-first round's open question, a "< 2,5 years" read as 5; wrong under any label)."""
    assert parse_required_experience(text) == expected


# Eighty-ninth round (real-fresh-v83; invented wording). (1) A team's or the company's own years, written as
# the subject having or bringing them ("our development team has 40+ years of shared knowledge", "we have over
# 20 years of experience", "our founders bring 25 years of combined experience"), are not what the job asks
# (labelling guide: years describing the company are no requirement), as "our 30 years on the market" already
# is. (2) Years of remote work asked as a condition of working remotely, written with a minimum word or a
# full-time mark between ("2 year minimum previous F/T remote experience"), are the arrangement's condition,
# as "2 years of experience working remotely" already is (twenty-first round).
@pytest.mark.parametrize(("text", "expected"), [
    ("Based in <city>, our development team has 40+ years of shared knowledge and experience.", None),
    ("We have over 20 years of experience building payment systems for shops.", None),
    ("Our founders bring 25 years of combined experience in retail.", None),
    ("The team brings 40+ years of combined experience in parcel logistics.", None),
    ("Remote: possible, with a 2 year minimum previous F/T remote experience on distributed teams.", None),
    ("Remote candidates need 3+ years of prior remote experience.", None),
    # controls: the candidate's years, beside or without the team's
    ("Our team has 30+ years of experience in retail. You have 3+ years of experience in backend work.",
     (3, None)),
    ("Our ideal candidate has 5+ years of experience in backend work.", (5, None)),
    ("You have 4+ years of experience; our team will teach you the rest.", (4, None)),
    ("2+ years of experience as a front-end developer, in a remote team.", (2, None)),
])
def test_eighty_ninth_round_a_groups_years_and_remote_experience(
        text: str, expected: tuple[float | None, float | None] | None) -> None:
    assert parse_required_experience(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("We're looking for someone with a couple of years of glaze coding experience under their belt.",
     (2.0, None)),
    ("You bring a couple years of experience firing kilns.", (2.0, None)),
    ("Requirements: a couple of years' experience in pottery software", (2.0, None)),
    # controls: "a few years" names no figure (labelled null); a couple of years that are no experience asked
    ("You bring a few years of experience firing kilns.", None),
    ("We moved to Oslo a couple of years ago and grew fast.", None),
])
def test_a_couple_of_years_is_two(text: str, expected: tuple[float | None, float | None] | None) -> None:
    """Eighty-sixth round (real-fresh-v80, invented wording): "a couple of years" of experience asked is two
    years, as "two years" is; "a few years" stays no figure (labelled so, Hacker News 2017-12 #162)."""
    assert parse_required_experience(text) == expected


# Residual tune misses (hres9; invented wording): a degree "studied for" is being studied ("currently studying
# for a degree in <field>", "studying for a Bachelor's"), no completed degree (labelling guide), as "currently
# pursuing a degree" already reads.
@pytest.mark.parametrize(("text", "degree"), [
    ("Requirements: currently studying for a degree in kiln science, glazing or a related discipline", None),
    ("Currently studying for a Bachelor's degree in ceramics", None),
    ("Studying for or having completed a Master's degree in materials", None),
    # controls: a completed degree; studying one field beside a completed degree asked
    ("A Bachelor's degree in ceramics, with time spent studying for certifications", "bachelor"),
    ("Master's degree in ceramics required; you will be studying for a kiln licence", "master"),
])
def test_hres9_a_degree_studied_for_is_no_degree(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


# The lead's ruling on hres9's question 1 (eleventh session; invented wording): a professional doctorate
# (J.D., D.V.M., Pharm.D., M.D. and their spelled-out names) is a first professional degree at the level of a
# master's (ISCED 7), not a research doctorate: master. A bare "law degree" stays bachelor; a lower degree
# named beside it is still the minimum.
@pytest.mark.parametrize(("text", "degree"), [
    ("Requirements: J.D. degree from an accredited law school and admission to the <state> bar", "master"),
    ("Juris Doctor required; 3+ years of practice in <area> law", "master"),
    ("Doctor of Veterinary Medicine (DVM) degree and a state licence", "master"),
    ("Must hold a D.V.M. and be licensed in <state>", "master"),
    ("PharmD or PhD in pharmaceutical sciences", "master"),
    ("Pharm.D. required; residency preferred", "master"),
    ("M.D. or D.O. with board certification in <specialty>", "master"),
    ("Doctor of Medicine degree with an active licence", "master"),
    ("Doctor of Pharmacy degree from an accredited college of pharmacy", "master"),
    # controls: a lower degree beside it is the minimum; a bare law degree; a research doctorate
    ("Bachelor's degree in pharmacy or PharmD required", "bachelor"),
    ("A law degree from an accredited school", "bachelor"),
    ("PhD in <field> required", "phd"),
])
def test_professional_doctorate_is_master(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


def test_professional_doctorate_glued_to_a_heading() -> None:
    """LinkedIn glues a heading to the first line ("QualificationsDoctor of ..."): still read (tune LinkedIn
    #434)."""
    text = "QualificationsDoctor of Veterinary Medicine degree from an accredited college"
    assert parse_degree(text) == "master"


# Later batch real-later-v1 (German degree, h11r106; invented wording). (A) "bzw." joins two accepted
# routes as "oder" does: a named training before or after the degree is a route (null); "bzw." between two
# fields, or before a bare "vergleichbare Ausbildung" ("or equivalent"), keeps the degree.
@pytest.mark.parametrize(("text", "degree"), [
    ("Ein abgeschlossenes Studium der Geografie oder einer vergleichbaren Fachrichtung bzw. eine "
     "abgeschlossene Ausbildung als Vermessungstechniker:in", None),
    ("Du hast deine Ausbildung zum/zur Elektroniker:in bzw. dein Studium der Physik erfolgreich "
     "abgeschlossen", None),
    ("Eine abgeschlossene technische Ausbildung bzw. ein Studium der Geologie", None),
    ("Abgeschlossenes Hochschulstudium bzw. kaufmännische Ausbildung", None),
    # controls
    ("Ein abgeschlossenes Studium der Geografie bzw. Geologie", "bachelor"),
    ("Abgeschlossenes Studium der Chemie bzw. eine vergleichbare Ausbildung", "bachelor"),
])
def test_later_v1_bzw_joins_a_training_route(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


# (B) Enrolment in words the list lacked: "im laufenden Studium", "laufendes Studium", "kurz vor (dem)
# Abschluss deines Bachelorstudiums" - a degree being studied for is no degree (labelling guide).
@pytest.mark.parametrize(("text", "degree"), [
    ("Du befindest dich im laufenden Studium der Verfahrenstechnik", None),
    ("Qualifikation: laufendes Studium der Medientechnik oder vergleichbar", None),
    ("Du stehst kurz vor Abschluss deines Bachelorstudiums in Geografie", None),
    ("Du stehst kurz vor dem Abschluss deines Bachelor- oder Masterstudiums in Chemie", None),
    # controls: a completed study; "laufend" of something else
    ("Du hast dein Studium der Geografie erfolgreich abgeschlossen", "bachelor"),
    ("Abgeschlossenes Studium der Chemie; laufende Weiterbildung ist uns wichtig", "bachelor"),
])
def test_later_v1_enrolment_wordings(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


# (C) "Studium im <field>" asks a degree as "Studium der / in / im Bereich <field>" does; a training offered
# in its place still gives null, and a semester count is no field. Knowledge asked "for example through a
# study" names one way to it, not a degree (a guard the new cue needed: it would have read one pool record
# so).
@pytest.mark.parametrize(("text", "degree"), [
    ("Das bringst du mit: Ein Studium im Medienmanagement oder eine vergleichbare Qualifikation", "bachelor"),
    ("Studium im Gesundheitswesen, gerne mit Schwerpunkt Statistik", "bachelor"),
    # controls
    ("Ausbildung oder Studium im IT-Bereich", None),
    ("Du bist im Studium im 3. Semester", None),
    # knowledge "for example through a study": one way to the knowledge asked, not a degree asked
    ("Gute Statistik-Kenntnisse (zum Beispiel durch ein Studium im ökonometrischen Bereich)", None),
    ("Gute Statistik-Kenntnisse, z. B. durch ein Studium der Ökonometrie", None),
])
def test_later_v1_studium_im_field(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


# (E) A list of accepted qualifications that names a training with its trade first, then a degree after a
# comma ("Ausbildung zum <trade> (m/w/d) für <area>, abgeschlossenes Studium der <field>"): the training is
# a route (null), as "Ausbildung ... oder Studium" is; a training elsewhere in the requirements, not joined
# to the degree, leaves it standing.
@pytest.mark.parametrize(("text", "degree"), [
    ("Ihr Profil: Abgeschlossene Ausbildung zum Mechatroniker (m/w/d) für Anlagentechnik, "
     "abgeschlossenes Studium der Elektrotechnik oder Physik", None),
    ("Du hast eine abgeschlossene Ausbildung als Kartograf (w/m/d), ein abgeschlossenes Studium der "
     "Geografie oder eine vergleichbare Qualifikation", None),
    # a longer trade name: the training starts more than 60 characters before the degree
    ("Ihr Profil: Abgeschlossene Ausbildung zum Elektroniker (m/w/d) für Automatisierungstechnik, "
     "abgeschlossenes Studium der Elektrotechnik", None),
    # controls: the degree alone; a training mentioned apart from the degree
    ("Ihr Profil: Abgeschlossenes Studium der Elektrotechnik, Erfahrung mit Messtechnik", "bachelor"),
    ("Abgeschlossenes Studium der Elektrotechnik. Wir bieten eine Ausbildung zum Ersthelfer, ein Jobticket",
     "bachelor"),
])
def test_later_v1_training_listed_before_the_degree(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


# real-later-v7 (Glassdoor / LinkedIn experience): a figure introduced by "including" / "of which" right after
# another figure in its sentence is a part of that figure, never the overall years (invented wording)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Minimum\nfive years of experience in general <field>, including two years of\n"
         "experience in <unit>.", (5, N)),
        ("6+ years in <field> marketing within <kind> brands, including 4+ years of experience leading "
         "a team.", (6, N)),
        ("5-10 years of hands-on experience with <tool kind>, including 2+ years of experience building "
         "models.", (5, 10)),
        ("Minimum of 4 years of professional experience in <services>, of which at least 2 years of "
         "experience working in an independent position", (4, N)),
        # controls: paths of degree and years, and "including" with no figure before it
        ("BS with ten (10) years of relevant experience, MS with eight (8) years; or PhD with five (5) "
         "years.", (10, N)),
        ("Experience in <area>, including 2 years of experience leading <teams>.", (2, N)),
        ("At least 3 years of experience.\nIncluding 1 year of experience with <tool> is a plus.", (3, N)),
    ],
)
def test_later_v7_part_of_an_earlier_figure(text: str, expected: tuple) -> None:
    assert parse_experience(text) == _years(expected)


# "experience in general" (or "in general <field>") is the overall figure, not one tool's (real-later-v7)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 4 years of professional experience in general\nAt least 2 years of experience as a <role>",
         (4, N)),
        ("5 years of experience with <tool>; 3 years of experience in general <field> work", (3, N)),
        # control: a general ledger is one line of work
        ("2 years of experience in general ledger accounting; 4 years of experience.", (4, N)),
    ],
)
def test_later_v7_experience_in_general(text: str, expected: tuple) -> None:
    assert parse_experience(text) == _years(expected)


# Later batch real-later-v15 (h14r120; invented wording): an enrolment adjective before a study written as
# "(Fach-)Hochschulstudium", "Fachhochschulstudium" or "Hochschulstudium" is still enrolment ("laufendes
# Studium", real-later-v1's class B), not the completed degree "Hochschulstudium" reads alone.
@pytest.mark.parametrize(("text", "degree"), [
    ("Qualifikation: Laufendes (Fach-) Hochschulstudium der Werkstoffkunde oder vergleichbar", None),
    ("Du befindest dich im laufenden Hochschulstudium der Keramiktechnik", None),
    ("Laufendes Fachhochschulstudium im Bereich Glastechnik", None),
    ("Ein fortgeschrittenes (Fach-)Hochschulstudium der Chemie", None),
    # controls: a completed study in the same forms
    ("Abgeschlossenes (Fach-) Hochschulstudium der Werkstoffkunde", "bachelor"),
    ("Erfolgreich abgeschlossenes Hochschulstudium; laufende Weiterbildung ist uns wichtig", "bachelor"),
])
def test_later_v15_enrolment_before_a_hochschulstudium(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree
# Later batch real-later-v10, class D (h14r115; invented wording): "overall" or "total" written between the
# figure and "years" ("6 or more overall years development experience") is the overall figure, as "years of
# overall experience" is; a tool's figure after it does not replace it. The company's years stay out.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ideal candidate will have 6 or more overall years glaze development experience. The contractor "
         "needs to have used <tool> for at least 1 year.", (6, N)),
        ("5+ total years of experience, 2 years with <tool>.", (5, N)),
        # controls: the company's years, a history, a plain figure
        ("Our team has 40 total years of experience in kilns.", None),
        ("We have 25 overall years in business.", None),
        ("3 years of experience with <tool>.", (3, N)),
    ],
)
def test_later_v10_overall_before_years(text: str, expected: tuple | None) -> None:
    assert parse_experience(text) == (None if expected is None else _years(expected))
