"""Seniority: title words and ladders, the traps, text phrases, board labels and years."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from etl.normalize.hn_comment import read_comment
from etl.normalize.seniority import _LEVEL_WORD, _LEVEL_WORDS, SENIORITY_LEVELS, classify_seniority, is_senior

TITLES = [
    ("Senior Software Developer", "senior"),
    ("Sr. Software Engineer", "senior"),
    ("Sr Software Engineer", "senior"),
    ("Snr Backend Developer", "senior"),
    ("Senior Software Engineer II", "senior"),
    ("Test Automation Engineer Sr", "senior"),
    ("Software Engineer III", "senior"),
    ("SDE 3", "senior"),
    ("Software Engineer - Level 3", "senior"),
    ("Engineer II", "mid"),
    ("SDE II", "mid"),
    ("SDE-2", "mid"),
    ("SDE2", "mid"),
    ("Software Engineer 2", "mid"),
    ("SDE I", "junior"),
    ("Engineer I", "junior"),
    ("Software Engineer I/II", "junior"),
    ("Software Developer 5", "senior"),
    ("Engineer IV", "senior"),
    ("Software Engineer IV", "senior"),
    ("Engineer V", "senior"),
    ("Staff Engineer II", "staff"),
    ("Staff Engineer", "staff"),
    ("Senior Staff Engineer", "staff"),
    ("Staff Software Engineer, Tech Lead", "staff"),
    # a staff accountant is the trade's rung below senior, no staff level (thirty-fourth round's ruling)
    ("Staff Accountant", "unspecified"),
    ("Principal Engineer", "principal"),
    ("Sr Principal Software Engineer", "principal"),
    ("Lead Software Engineer", "lead"),
    ("Tech Lead", "lead"),
    ("Team Lead - Backend", "lead"),
    ("Technical Team Leader", "lead"),
    ("Senior Software Engineer, Tech Lead", "lead"),
    ("Engineering Manager", "manager"),
    ("Manager, Software Engineering", "manager"),
    # a "Manager" title with a level word takes the level (labelling guide; issue 9 real postings)
    ("Senior Engineering Manager", "senior"),
    ("Senior Manager", "senior"),
    ("Senior Director of Engineering", "manager"),
    ("Head of Engineering", "manager"),
    ("Director of Engineering", "manager"),
    ("Associate Director, Engineering", "manager"),
    ("VP of Engineering", "manager"),
    ("SVP, Platform", "manager"),
    ("Chief Technology Officer", "manager"),
    ("CTO", "manager"),
    ("Junior Developer", "junior"),
    ("Jr. Developer", "junior"),
    ("Entry Level Software Engineer", "junior"),
    ("Entry-level Software Engineer", "junior"),
    ("Graduate Software Engineer", "junior"),
    ("New Grad Software Engineer", "junior"),
    ("Software Engineering Intern", "junior"),
    ("Shopify Developer (Internship)", "junior"),
    ("Associate Software Engineer", "junior"),
    ("Trainee Programmer", "junior"),
    ("Management Trainee", "junior"),
    ("Mid-level Developer", "mid"),
    ("Mid Level Developer", "mid"),
    ("Intermediate Developer", "mid"),
    # a written range gives its lower end; a "/" pair its first level named (ascending here: the same level)
    ("Mid-Senior Software Engineer", "mid"),
    ("Mid to Senior Software Engineers", "mid"),
    ("Senior/Staff Engineer", "senior"),
    ("Junior/Mid Developer", "junior"),
    # traps
    ("Lead Generation Specialist", "unspecified"),
    ("Lead Gen Associate", "junior"),
    ("School Principal", "unspecified"),
    ("Principal's Assistant", "unspecified"),
    ("Support Staff", "unspecified"),
    ("Member of Technical Staff", "unspecified"),
    ("Senior Member of Technical Staff", "senior"),
    ("Senior Living Coordinator", "senior"),
    ("Senior Product Manager", "senior"),
    ("Product Manager", "unspecified"),
    ("Marketing Manager", "manager"),
    ("Technical Program Manager", "unspecified"),
    ("Senior Associate", "senior"),
    ("Internal Tools Engineer", "unspecified"),
    ("International Sales", "unspecified"),
    ("Mid-Market Account Executive", "unspecified"),
    ("Data Entry Clerk", "unspecified"),
    ("Software Developer (C++ 17)", "unspecified"),
    ("Developer 3D", "unspecified"),
    ("Software Engineer", "unspecified"),
    ("", "unspecified"),
    ("Mid- or Senior- engineer", "mid"),  # an "or" pair: its first level (real tune-half posting, issue 9)
]


def _comment_level(title: str, text: str) -> str:
    """The level of a Hacker News comment (``text``'s lines as its paragraphs): its roles read by the typed
    comment reader (etl/normalize/hn_comment.py), as the extraction passes them for the hackernews source."""
    body = "<p>".join(html.escape(line, quote=False) for line in text.split("\n"))
    return classify_seniority(title, text, roles=read_comment(body).role_titles())


@pytest.mark.parametrize(("title", "expected"), TITLES, ids=[t for t, _ in TITLES])
def test_title(title: str, expected: str) -> None:
    assert classify_seniority(title) == expected


TEXTS = [
    # real tune-half postings (issue 9): the role's level stated in a sentence about it
    ("We are looking for a Recruiting Coordinator. This is an entry-level, hourly position.", "junior"),
    ("The Business Intelligence Analyst is a mid-level role within the BI job family.", "mid"),
    # "this <level> role/position/opportunity" introduces the role too (issue 9, a real Remote OK ad)
    ("This entry-level opportunity is designed for recent graduates.", "junior"),
    ("In this role you will mentor junior engineers.", "unspecified"),
    ("We are looking for a senior engineer to join our platform team.", "senior"),
    ("As a Staff Engineer you will set technical direction.", "staff"),
    ("We're hiring a Principal Software Engineer.", "principal"),
    ("We are seeking an experienced Junior Developer.", "junior"),
    ("Join us as a Lead Engineer on payments.", "lead"),
    ("We are looking for an Engineering Manager.", "manager"),
    ("We are looking for someone to lead our data team.", "unspecified"),  # "lead" the verb
    ("Come and see the principal's office.", "unspecified"),
    ("You will mentor junior engineers.", "unspecified"),  # describes colleagues, not the role
    # HN header cell
    ("Acme | Remote | Full-time | Principal Engineer | $200k\nWe build things.", "principal"),
    ("Acme | Austin, TX | Onsite | Software Engineering Intern | $45/hr", "junior"),
    ("Acme | Berlin | ONSITE, INTERNS, VISA | Backend Engineer", "unspecified"),  # INTERNS is a thread tag
    ("Senior Living Partners | Austin | Full-time & Interns\nHello.", "unspecified"),
    # other people and past jobs are not the role's level (issue 9, fresh tune batch)
    ("We want 3+ years of software development. Please email me, the hiring manager.", "unspecified"),
    ("Acme is hiring remote and onsite engineering and manager positions:\nAndroid Engineers", "unspecified"),
    ("You bring experience as an implementation manager, integrations engineer or solution architect.",
     "unspecified"),
    ("Worked as a senior developer before? Tell us.", "unspecified"),
    ("We are hiring a Senior Product Manager and a Designer.", "senior"),
    # several roles listed after an introduction: the first role named (labelling guide, HN comments)
    ("We're hiring a few different positions:\nSenior Frontend Engineer (react): https://x.io/1\n"
     "Backend Engineer: https://x.io/2", "senior"),
    ("We are hiring for these roles:\n- Backend Engineer\n- Senior Designer", "unspecified"),
    ("", "unspecified"),
]


@pytest.mark.parametrize(("text", "expected"), TEXTS)
def test_text_when_title_is_silent(text: str, expected: str) -> None:
    assert _comment_level("Software Engineer", text) == expected


def test_title_beats_text() -> None:
    assert classify_seniority("Junior Developer", "We are looking for a senior engineer") == "junior"


def test_text_is_read_only_near_the_start() -> None:
    late = "x " * 1500 + "We are looking for a senior engineer."
    assert classify_seniority("Software Engineer", late) == "unspecified"


HINTS = [
    ("mid-senior level", None, "unspecified"),
    ("Mid-Senior level", 6, "senior"),
    ("mid-senior level", 3, "mid"),
    ("mid-senior level", 1, "junior"),  # the years before the label (rule order; ruled 2026-12-04)
    ("entry level", None, "junior"),
    ("Entry level", 7, "senior"),  # the label never outranks the years
    ("internship", None, "junior"),
    ("associate", None, "junior"),
    ("Associate", 3, "mid"),
    ("associate", 9, "senior"),  # LinkedIn "Associate" with 5+ years -> senior (ruled 2026-12-04)
    ("director", None, "manager"),
    ("Executive", 2, "mid"),
    ("Executive", None, "manager"),  # the label decides only without a figure
    ("not applicable", 3, "mid"),
    ("not applicable", None, "unspecified"),
    ("Senior", None, "senior"),
    (None, 8, "senior"),
    (None, 5, "senior"),
    (None, 4, "mid"),
    (None, 2, "mid"),
    (None, 1, "junior"),
    (None, 0, "junior"),
    (None, float("nan"), "unspecified"),
    (None, None, "unspecified"),
]


@pytest.mark.parametrize(("hint", "years", "expected"), HINTS)
def test_level_hint_then_years(hint: str | None, years: float | None, expected: str) -> None:
    assert classify_seniority("Software Engineer", None, years, hint) == expected


def test_title_beats_hint_and_years() -> None:
    assert classify_seniority("Senior Engineer", None, 0, "entry level") == "senior"


def test_levels_and_is_senior() -> None:
    assert SENIORITY_LEVELS == (
        "junior",
        "mid",
        "senior",
        "staff",
        "principal",
        "lead",
        "manager",
        "unspecified",
    )
    assert [lvl for lvl in SENIORITY_LEVELS if is_senior(lvl)] == [
        "senior",
        "staff",
        "principal",
        "lead",
        "manager",
    ]
    assert not is_senior(None)


@pytest.mark.parametrize("title", [None, float("nan"), 3])
def test_odd_input(title: object) -> None:
    assert classify_seniority(title, title, None, title) == "unspecified"


def test_golden_reference(golden_dir: Path) -> None:
    text = (golden_dir / "senior_software_developer.txt").read_text(encoding="utf-8")
    assert classify_seniority("Senior Software Developer", text) == "senior"


@pytest.mark.parametrize(("title", "text", "level"), [
    # fifth tune round (issue 9): a bare Roman numeral ends a title segment (the I-V ladder)
    ("Recruiting Coordinator II (Pacific Time Zone Preferred)", "", "mid"),
    ("Pessoa Desenvolvedora Fullstack III (Lojas e Franquias)", "", "senior"),
    ("World War II Historian", "", "unspecified"),
    # No Fluff Jobs abbreviates Regular; "Senior/Reg." offers two levels: the first named (sixtieth round's
    # and the ninth session's rulings; it read as a range's lower end before)
    ("Senior/Reg.Frontend Developer React/Vue", "", "senior"),
    ("Young Professional (m/w/d) SAP S/4HANA Planning", "", "junior"),
    # "hiring" as a noun and the person who hires are not the role
    ("People Operations Specialist",
     "Ensure a smooth and structured hiring process for candidates and hiring managers. This role sits "
     "within the People Team.", "unspecified"),
    # ... but "Hiring team leads, ICs, managers" hires team leads first: lead (the lead's ruling on h10r90's
    # question 3, coded in the ninety-fifth round; it read the hiring team as a noun before)
    ("Engineering", "Hiring team leads, ICs, managers, new grads, you name it.", "lead"),
    ("Engineering", "We are hiring a senior Go engineer.", "senior"),
])
def test_fifth_round_levels(title: str, text: str, level: str) -> None:
    assert classify_seniority(title, text) == level


@pytest.mark.parametrize(("title", "text", "level"), [
    # sixth tune round (issue 9; labelling guide): "Chief" before a role is the organisation's top role
    # of that kind, as "Chief X Officer"; "Associate Manager" is a Manager title with a level word
    ("Chief Data Scientist", "", "manager"),
    ("Chief Architect, Payments", "", "manager"),
    ("Chief of Staff to the CEO", "", "manager"),
    ("Associate Manager, Global Courier Pricing", "", "junior"),
    ("Associate Product Manager", "", "junior"),
    ("Associate Director, Engineering", "", "manager"),
    ("Associate Vice President, Data", "", "manager"),
    ("Mischief Analyst", "", "unspecified"),
    # the job's own level stated in Portuguese, German, French or Spanish text (rule 2 in any language)
    ("Analista Desenvolvedor Full Stack",
     "Vaga 100% Home Office.\nProcuramos por um profissional Sênior, com no mínimo 5 anos de experiência.",
     "senior"),
    ("Analista de Suporte OSGT",
     "Estamos contratando:\nCargo: Analista de Suporte OSGT PL/SR.\nLocal: Remoto.", "mid"),
    ("Softwareentwickler (m/w/d)", "Für unser Team suchen wir einen Senior Softwareentwickler (m/w/d).",
     "senior"),
    ("Développeur Java (H/F)",
     "Nous recherchons un développeur confirmé pour rejoindre notre équipe.", "mid"),
    ("Desarrollador Java", "Buscamos un desarrollador Semi Senior para nuestro equipo.", "mid"),
    ("Analista de Sistemas", "Buscamos pessoas que queiram mentorar analistas júnior.", "unspecified"),
])
def test_sixth_round_levels(title: str, text: str, level: str) -> None:
    assert classify_seniority(title, text) == level


@pytest.mark.parametrize(
    "head",
    [b"", b"a backend engineer", b"a sr. engineer", b"an engineer ii", b"our next vp of sales", b"s r",
     b"a 3d artist", b"caf\xc3\xa9 manager", b"a lead", b"x" * 99 + b"v"],
)
def test_level_word_scan_answers_as_the_alternation(head: bytes) -> None:
    # issue 10: one Aho-Corasick pass tells whether a snippet holds a level word, as the regex did
    alternation = re.compile(b"|".join(re.escape(w) for w in _LEVEL_WORDS))
    assert bool(_LEVEL_WORD.find_matches_as_indexes(head)) == bool(alternation.search(head))


# Eighth tune round (issue 9): constructed titles and texts.
@pytest.mark.parametrize(("title", "text", "level"), [
    ("Interim Sen. Accountant", "", "senior"),
    ("Desenvolvedor Frontend Vue/React Pleno Sênior", "", "mid"),
    ("Desenvolvedor Pleno", "", "mid"),
    ("Empfangsmitarbeiter:in (m/w/d) mit medizinischer Ausbildung", "", "unspecified"),
    ("Ausbildung zum Fachinformatiker (m/w/d)", "", "junior"),
    ("", "Acme | Full time onsite | Boston, MA\nOpen roles: Sr. Full Stack Engineers, Team Lead, Manager",
     "senior"),
    ("Engineers", "We have roles open for senior Backend and Frontend engineers, as well as Sales.",
     "senior"),
])
def test_eighth_round_levels(title: str, text: str, level: str) -> None:
    assert classify_seniority(title, text) == level


@pytest.mark.parametrize(("title", "text", "level"), [
    # ninth round (issue 9): a field of the text that names the role's level states it (rule 2), in any
    # language (etl/data/seniority.yaml level_fields); a board's range label there decides nothing
    ("Data Engineer", "About the role\nSeniority level: Senior\nEmployment type: Full-time", "senior"),
    ("QA Engineer", "Location: fully remote Position level: Mid Minimum experience: 3 years", "mid"),
    ("Data Engineer", "- **Experience level:** Entry level\n- Python", "junior"),
    ("Backend Developer", "Level: Senior\nStack: Go", "senior"),
    ("Analista de Dados", "Nível: Pleno\nModelo: remoto", "mid"),
    ("Développeur", "Niveau : Confirmé\nLieu : Lyon", "mid"),
    ("Data Engineer", "Seniority level\nMid-Senior level\n5+ years of experience", "senior"),  # years say
    ("Data Engineer", "Seniority level: Mid-Senior level\n3 years of experience", "mid"),  # nothing: years
    # a level of something else is no level of the role
    ("Support Agent", "English level: Intermediate\nSpanish level: Advanced", "unspecified"),
    ("Data Engineer", "Education level: Bachelor\nExperience level: 5+ years", "senior"),  # the years decide
    # Spanish "Ssr" (semi senior) is the level below senior (labelling guide: Semi Senior -> mid)
    ("Talentia - Ssr Full Stack Engineer (Python)", "We are seeking a Senior Backend Engineer", "mid"),
])
def test_ninth_round_levels(title: str, text: str, level: str) -> None:
    years = 5 if "5+ years" in text else 3 if "3 years" in text else None
    assert classify_seniority(title, text, years) == level


@pytest.mark.parametrize(("title", "level"), [
    # tenth round (issue 9): the labelling guide's ladder (level I/1 junior, II/2 mid, III and above senior)
    # holds after any role noun, not only engineering ones (invented titles)
    ("Customer Service Representative I", "junior"),
    ("Staff Engineer II", "staff"),  # a title level word still wins over the number
    ("Staff Accountant II", "mid"),  # "Staff" before a trade's job name is none (thirty-fourth round)
    ("Accountant II", "mid"),
    ("Benefits Coordinator III", "senior"),
    ("Claims Processor 2", "mid"),
    ("Registered Nurse IV - Cardiology", "senior"),
    ("Police Officer I", "junior"),
    ("Payroll Clerk I", "junior"),
])
def test_the_ladder_after_any_role_noun(title: str, level: str) -> None:
    assert classify_seniority(title) == level


@pytest.mark.parametrize(("title", "level"), [
    # tenth round (issue 9): "Mid" before a role noun, as Polish boards' "Regular", and "(Mid)"; the ladder
    # after a manager that is a job name ("Project Manager II": the job has no level, the number does)
    ("Mid Kotlin Developer", "mid"),
    ("Mid Frontend Engineer (React)", "mid"),
    ("Data Engineer (Mid)", "mid"),
    ("Mid Atlantic Regional Specialist", "unspecified"),
    ("Mid-Market Account Executive", "unspecified"),
    ("Project Manager II", "mid"),
    ("Product Manager III - Payments", "senior"),
    ("Account Manager I", "junior"),
    ("Project Manager", "unspecified"),
])
def test_mid_before_a_role_and_the_ladder_after_a_job_name_manager(title: str, level: str) -> None:
    assert classify_seniority(title) == level


@pytest.mark.parametrize(("title", "level"), [
    ("Senior/Mid Kotlin Developer", "senior"),  # a written range takes the first level named
    ("Senior / Mid Go Engineer", "senior"),
])
def test_a_range_ending_in_mid_keeps_its_first_level(title: str, level: str) -> None:
    assert classify_seniority(title) == level


@pytest.mark.parametrize(("text", "level"), [
    # eleventh round (issue 9): a line introducing a list of openings, then one role a line (a Hacker News
    # comment's positions): the first role listed names the level, as the labelling guide reads such comments
    ("We build invoicing tools. This spring we hire for the following positions:\n"
     "* Senior Data Engineer\n* Product Designer", "senior"),
    ("Open positions:\n* Developer I (Springfield) - https://x.io/1\n* Developer III (Springfield)",
     "junior"),
    ("Two openings we are keen to fill:\n\nLead Mobile Engineer: https://x.io/a\nQA Engineer: https://x.io/b",
     "lead"),
    ("Roles:\n- Backend Engineer\n- Senior Designer", "unspecified"),  # the first role listed names no level
    ("Perks in all our open roles:\n- a senior mentor for every newcomer", "unspecified"),  # no role listed
])
def test_the_first_role_of_a_list_of_openings(text: str, level: str) -> None:
    assert classify_seniority("Acme", text) == level


@pytest.mark.parametrize(("title", "level"), [
    # a manager of customers' renewals is a job name, as an account manager (eighth-round ruling)
    ("Renewal Manager, Startups - Americas", "unspecified"),
    ("Renewals Manager", "unspecified"),
    ("Senior Renewal Manager", "senior"),
])
def test_a_renewal_manager_is_a_job_name(title: str, level: str) -> None:
    assert classify_seniority(title) == level


@pytest.mark.parametrize(("title", "text", "level"), [
    # eleventh round (issue 9): the description opens by restating the title with its level ("Data Analyst /
    # Lead" under the title "Data Analyst"): the employer's title, read as the title is
    ("Data Analyst", "Data Analyst / Lead\nWe help farms plan their harvests.", "lead"),
    ("Data Analyst", "  Data Analyst - Senior\n\nWe help farms plan their harvests.", "senior"),
    # a first line that goes on as a sentence is not a restated title
    ("Data Analyst", "Data Analyst work here means pairing with junior colleagues every day on farm data.\n",
     "unspecified"),
    # a header block before it (board, place, date): the restated title below it still counts
    ("Data Analyst",
     "Data Analyst\n4411\nSpringfield,\n1/2/2027\n\nJob Description\nData Analyst / Lead\nWe plan.", "lead"),
    ("Data Analyst",
     "We help farms plan their harvests, and you will talk about it.\n" * 12 + "Data Analyst / Lead",
     "unspecified"),  # past the header block
    # a longer name that starts with the title is another role (a Hacker News header cell as the title)
    ("Platform Engineering", "Acme | Platform Engineering | Remote\nTeams:\nPlatform Engineering Manager\n",
     "unspecified"),
])
def test_a_level_added_to_the_title_restated_at_the_top(title: str, text: str, level: str) -> None:
    assert classify_seniority(title, text) == level


@pytest.mark.parametrize(("title", "level"), [
    # thirteenth round (issue 9, real-fresh-v7): a student or undergraduate as the role, the title's last
    # word: a working student or a new graduate -> junior (invented titles)
    ("Events Student", "junior"),
    ("Finance Student (20 h/week)", "junior"),
    ("Pricing Analyst, Autumn 2027 Undergrad", "junior"),
    ("Research Assistant - Undergraduate", "junior"),
    ("Director of Student Services", "manager"),  # a job serving students: "student" is not the level
    ("Undergraduate Admissions Officer", "unspecified"),
    ("Graduate Student Researcher", "unspecified"),  # not_levels: a graduate student (as before)
])
def test_a_student_or_undergraduate_as_the_role(title: str, level: str) -> None:
    assert classify_seniority(title) == level


@pytest.mark.parametrize(("title", "level"), [
    # thirteenth round: a customer happiness manager serves customers, as a customer success manager (a job
    # name, eighth-round ruling); the same job names written after "Manager" ("Manager - Key Accounts")
    ("Customer Happiness Manager - Remote Nordics", "unspecified"),
    ("Senior Customer Happiness Manager", "senior"),
    ("Manager - Accounts and Partners", "unspecified"),
    ("Manager, Key Accounts", "unspecified"),
    ("Manager of Projects (Infrastructure)", "unspecified"),
    ("Manager, Accounts Payable", "manager"),  # runs a finance team
    ("Manager, Data Science", "manager"),
])
def test_job_names_written_after_manager(title: str, level: str) -> None:
    assert classify_seniority(title) == level


@pytest.mark.parametrize(("title", "level"), [
    # thirteenth round: a span of openings from the first rung up to a level names no single level
    ("Developer to Director level roles in Design", "unspecified"),
    ("Engineer to Staff level roles", "unspecified"),
    ("Developers up to VP level openings", "unspecified"),
    ("Junior to Senior level Engineers", "junior"),  # a range of two level words: its lower end, as before
    ("Director of Engineering", "manager"),
])
def test_a_span_from_the_first_rung_to_a_level(title: str, level: str) -> None:
    assert classify_seniority(title) == level


@pytest.mark.parametrize(("title", "level"), [
    # rulings of 2026-12-04 (labelling guide, Seniority rule 1): "Head" before a role is the top role of its
    # kind, as "Chief X", and the higher level wins over "lead"; a supervisor of staff is a first-line lead
    ("Head Research Chemist", "manager"),
    ("Head Quant Analyst - Pricing lead", "manager"),
    ("Head-Gardener", "manager"),
    ("Head of Platform", "manager"),
    ("Head Start Classroom Aide", "unspecified"),  # a programme's name, not a level
    ("Head Office Receptionist", "unspecified"),
    ("Night Shift Supervisor", "lead"),
    ("Senior Lab Supervisor", "lead"),
    ("Supervisors, Packing Line", "lead"),
    ("Supervisor / Operations Manager", "manager"),
    ("Chairperson, Riverside Chapter", "unspecified"),  # no title word
])
def test_head_before_a_role_and_a_supervisor(title: str, level: str) -> None:
    assert classify_seniority(title) == level


def test_a_board_label_never_outranks_the_years() -> None:
    # "Associate" on the board, six years asked: the years decide (rule order), also against a higher label
    assert classify_seniority("Die Setter", "Six years at a press line.", 6, "Associate") == "senior"
    assert classify_seniority("Die Setter", None, 3, "Director") == "mid"
    assert classify_seniority("Die Setter", None, None, "Associate") == "junior"


def test_every_source_label_gives_a_level_or_says_nothing() -> None:
    # etl/data/seniority.yaml level_hints: one level per label (null: a known label that says nothing), so a
    # misspelt level in the data file fails here, not silently in a chart
    from etl.normalize.seniority import seniority_rules

    hints = seniority_rules().hints
    assert hints and all(level is None or level in SENIORITY_LEVELS for level in hints.values())
    assert hints["mid-senior level"] is None and hints["associate"] == "junior"
    assert classify_seniority("Engineer", level_hint="Mid-Senior level") == "unspecified"
    assert classify_seniority("Engineer", level_hint="Associate", years_min=5) == "senior"  # the years first


@pytest.mark.parametrize(("title", "level"), [
    # fifteenth round (issue 9, real-fresh-v9; invented titles): a title listing several roles, each naming a
    # role, is a list of openings: the first role named decides (as a Hacker News comment's roles)
    ("Product Designer, Senior Product Manager, Director of Growth, and Recruiting Associate", "unspecified"),
    ("Senior Backend Engineer, Data Scientist and Engineering Manager", "senior"),
    ("Data Analyst; Director of Analytics", "unspecified"),
    # one role with its area or level after a comma is no list
    ("Director, Business Strategy", "manager"),
    ("Software Engineer, Senior", "senior"),
    ("Associate, Data Science, Internal Audit", "junior"),
    ("Staff Engineer, Tech Lead", "staff"),
])
def test_a_title_listing_several_roles_takes_the_first(title: str, level: str) -> None:
    assert classify_seniority(title) == level


@pytest.mark.parametrize(("text", "level"), [
    # fifteenth round (issue 9, real-fresh-v9; invented wording): another opening named after the advertised
    # one ("we're also looking for a Finance Manager") is not the role's level
    ("Join our platform team to run our mail servers.\nWe're also hiring an Office Manager for our desk.",
     "unspecified"),
    ("We are also recruiting a Senior Designer; this post is for the infra crew.", "unspecified"),
    ("We're hiring a Staff Engineer for payments. We're also hiring a Junior Designer.", "staff"),
])
def test_another_opening_named_with_also_is_not_the_level(text: str, level: str) -> None:
    assert classify_seniority("Systems Engineer", text) == level


@pytest.mark.parametrize(("title", "text", "level"), [
    # sixteenth round (issue 9, real-fresh-v10; invented wording): a "Type of Position" / "Position Type"
    # field names the role's level as other level fields do (rule 2), also where a board ran the fields
    # together
    ("Community Hub", "Reports to: Board ChairType of Position: DirectorHours: 35 a week", "manager"),
    ("Reception Desk", "Position Type: Entry Level\nDepartment: Front desk", "junior"),
    # a field naming the employment, not the level, decides nothing
    ("Clinic Aide", "Position Type: Full-Time\nShift: Days", "unspecified"),
    ("Clinic Aide", "Type of Position: Permanent, benefits eligible", "unspecified"),
])
def test_a_position_type_field_names_the_level(title: str, text: str, level: str) -> None:
    assert classify_seniority(title, text) == level


@pytest.mark.parametrize(("title", "text", "level"), [
    # sixteenth round (issue 9, real-fresh-v10; invented wording): the text names the role as its title with
    # a ladder number ("The Lab Analyst II will ..."): the role's own level (rule 2)
    ("Lab Analyst", "SUMMARY\nThe Lab Analyst II will run assays for the oncology unit.", "mid"),
    ("Research Scientist", "The Research Scientist I is to run the mouse studies.", "junior"),
    ("Research Scientist", "Overview\nThe Research Scientist III leads the assay group.", "senior"),
    # another person's level, or the title without a number, decides nothing
    ("Research Scientist", "Works under direction from Research Scientist II staff.", "unspecified"),
    ("Research Scientist", "The Research Scientist will run the mouse studies.", "unspecified"),
    ("Research Scientist", "The Research Scientist I met at the fair was kind.", "unspecified"),
])
def test_the_title_with_a_ladder_number_in_the_text_is_the_level(title: str, text: str, level: str) -> None:
    assert classify_seniority(title, text) == level


@pytest.mark.parametrize(("text", "level"), [
    # sixteenth round (issue 9; invented wording): the introducing phrase names the roles, then their levels
    # ("engineers in staff and senior roles"): the first level named, as a title listing several
    ("We're hiring Android and backend engineers in staff and senior roles.", "staff"),
    ("We are looking for designers in senior positions to shape our app.", "senior"),
    # no level word among them decides nothing
    ("We are looking for engineers in many roles across the company.", "unspecified"),
    ("We are looking for engineers in Lisbon and Porto.", "unspecified"),
])
def test_levels_named_after_the_roles_of_the_phrase(text: str, level: str) -> None:
    assert classify_seniority("several openings", text) == level


@pytest.mark.parametrize(("title", "text", "level"), [
    # eighteenth round (issue 9, tune half; invented wording): a manager of customers' contracts is a job
    # name, as a renewal or account manager (eighth-round ruling), also named so in the text
    ("Renewal Specialist", "As a Contract Manager for our small clients, you will renew their plans.",
     "unspecified"),
    ("Contract Manager", "You will look after the agreements of our mid-size customers.", "unspecified"),
    ("Senior Contracts Manager", "You will look after the agreements of our customers.", "senior"),
])
def test_a_contract_manager_is_a_job_name(title: str, text: str, level: str) -> None:
    assert classify_seniority(title, text) == level


@pytest.mark.parametrize(("title", "level"), [
    # twenty-fifth round (issue 9, real-fresh-v19; invented wording): a level word misspelt in a title is
    # still the level a reader sees ("Principle Engineer" is common), and "Jnr" is junior as "Snr" is senior
    ("Principle Software Engineer", "principal"),
    ("Pricipal Research Chemist", "principal"),
    ("Prinicpal Consultant - Payments", "principal"),
    ("Seinor Accountant", "senior"),
    ("Jnr Web Developer", "junior"),
    ("Juinor QA Tester", "junior"),
    # the words themselves, not a level
    ("Principles of Accounting Instructor", "unspecified"),
    ("Guiding Principle of Care Coordinator", "unspecified"),
])
def test_a_misspelt_level_word_in_the_title(title: str, level: str) -> None:
    assert classify_seniority(title, "") == level


@pytest.mark.parametrize(("title", "level"), [
    # twenty-fifth round (issue 9; invented wording): openings listed with "/" whose first names a level take
    # the first level named, as a list with commas (fifteenth round) and "Pleno/Sênior" (labelling guide)
    ("Senior Engineers/Principal Engineers/Data Engineers", "senior"),
    ("Junior Analyst / Senior Analyst", "junior"),
    ("Senior Designer/Lead Designer", "senior"),
    # a first opening with no level, a written range of levels or one role's areas: as before
    ("Analyst/Senior Analyst", "senior"),
    ("Senior/Staff Engineer", "senior"),
    ("Frontend/Backend Engineer", "unspecified"),
    ("Senior Frontend/Backend Engineer", "senior"),
])
def test_openings_listed_with_a_slash_take_the_first_level(title: str, level: str) -> None:
    assert classify_seniority(title, "") == level


@pytest.mark.parametrize(("title", "level"), [
    # twenty-fifth round (issue 9; invented wording): "Mgr" is the Manager title word abbreviated, with the
    # same job names (Project, Account ...) and the same yield to a level word ("Sr Mgr" -> senior)
    ("Mgr, Warehouse Operations", "manager"),
    ("Asst Store Mgr", "manager"),
    ("Sr Mgr, Data Science", "senior"),
    ("Project Mgr", "unspecified"),
    ("Senior Project Mgr", "senior"),
    ("Mgr - Key Accounts", "unspecified"),
])
def test_mgr_is_the_manager_title_word(title: str, level: str) -> None:
    assert classify_seniority(title, "") == level


@pytest.mark.parametrize(("title", "level"), [
    # twenty-fifth round (issue 9; invented wording): a ladder's Roman numeral in parentheses or after an
    # abbreviated word is the same level as after a plain word ("Analyst II")
    ("Software Engineer (II)", "mid"),
    ("Software Eng. III", "senior"),
    ("Claims Analyst (IV) - Payments", "senior"),
    # not a level: inside a name, or no ladder step after the word
    ("World War II Museum Guide", "unspecified"),
    ("Dept. V Clerk", "unspecified"),
])
def test_a_roman_level_in_parentheses_or_after_an_abbreviation(title: str, level: str) -> None:
    assert classify_seniority(title, "") == level


# Twenty-ninth round: openings being filled name their level ("We are filling two lead installer positions",
# "we need to fill a senior planner role"); a form being filled out names none. Invented wording.
@pytest.mark.parametrize(("text", "level"), [
    ("Acme cleans gutters. We are in the process of filling several lead installer positions.", "lead"),
    ("Acme cleans gutters and needs to fill a senior planner role this spring.", "senior"),
    ("Acme cleans gutters. Start by filling out the form for the position.", "unspecified"),
])
def test_openings_being_filled_name_their_level(text: str, level: str) -> None:
    assert classify_seniority("Gutter Technician", text) == level


# Twenty-ninth round: a Hacker News comment listing several roles in its header, whose first role's own
# listing opens with its level ("Data Engineer: Mid to senior engineer who ..."), takes that level (the header
# role's own listing, ruled 2026-12-04; a written range gives its lower end). Invented wording.
@pytest.mark.parametrize(("text", "level"), [
    ("Acme | Data Engineer, Web Engineers | Oslo | ONSITE\nWe build maps.\n"
     "Data Engineer: Mid to senior engineer who has built pipelines before (Go a plus).\n"
     "Web Engineers: Senior web engineers.", "mid"),
    ("Acme | Data Engineer, Web Engineers | Oslo | ONSITE\nWe build maps.\n"
     "Data Engineer: someone who enjoys pipelines.\nWeb Engineers: Senior web engineers.", "unspecified"),
])
def test_the_first_listed_roles_own_listing_names_its_level(text: str, level: str) -> None:
    assert classify_seniority("Data Engineer, Web Engineers", text) == level


# Thirtieth round: a Hacker News comment whose header names one role and whose list of openings names it
# again with its own level ("... mid-senior map engineer in Oslo, QA engineers in Oslo") takes that level (the
# header role's own listing, ruled 2026-12-04; a written range its lower end), also beside a general "mostly
# looking for senior developers"; other people's levels ("mentor junior map engineers") and the role with no
# level word do not count. Invented wording.
@pytest.mark.parametrize(("text", "level"), [
    ("Acme | Map Engineer | Oslo | onsite\nWe draw maps. Mostly looking for senior developers.\n"
     "In short: data scientist in Bergen, mid-senior map engineer in Oslo, QA engineers in Oslo.", "mid"),
    ("Acme | Map Engineer | Oslo | onsite\nWe draw maps.\nOpen now: junior map engineer in Oslo; senior "
     "designer in Bergen.", "junior"),
    ("Acme | Map Engineer | Oslo | onsite\nWe draw maps. You will mentor junior map engineers.",
     "unspecified"),
    ("Acme | Map Engineer | Oslo | onsite\nWe draw maps. Mostly looking for senior developers.\n"
     "In short: map engineer in Oslo, QA engineers in Oslo.", "senior"),
    # the people the holder works with, listed, are not openings
    ("Acme | Map Engineer | Oslo\nWe draw maps. You will work with a product manager, a senior map engineer, "
     "and two designers.", "unspecified"),
    ("Acme | Map Engineer | Oslo\nWe draw maps. Our team: a product manager, a senior map engineer, two "
     "designers.", "unspecified"),
])
def test_the_header_roles_own_listing_in_a_list_of_openings(text: str, level: str) -> None:
    assert classify_seniority("Map Engineer", text) == level


# Thirty-fourth round (issue 9, real-fresh-v28): "job opportunities" introduces a list of openings as
# "positions" does; the first role listed names the level. Invented wording.
@pytest.mark.parametrize(("text", "level"), [
    ("We make kilns. We have several job opportunities in our two studios for engineers:\n"
     "- Senior Firmware Engineer\n- Data Engineer\n- Product Designer", "senior"),
    ("We make kilns. Job opportunities:\n- Junior QA Engineer\n- Senior Designer", "junior"),
    ("We make kilns. Job opportunities:\n- Firmware Engineer\n- Senior Designer", "unspecified"),
    # other opportunities are no list of openings
    ("We make kilns. Growth opportunities:\n- a senior engineer mentors every newcomer", "unspecified"),
])
def test_job_opportunities_introduce_a_list_of_openings(text: str, level: str) -> None:
    assert classify_seniority("Acme", text) == level


# Thirty-fourth round: "Staff" before the job name of a trade whose ladder is not the engineering one (a
# staff accountant or nurse is the practitioner's rung below senior, not the staff engineering level) gives no
# level; the years decide. "Staff Engineer" stays staff (the lead's open question of the thirtieth round).
# Invented wording.
@pytest.mark.parametrize(("title", "years", "level"), [
    ("Staff Accountant", 5, "senior"),
    ("Staff Accountant", 2, "mid"),
    ("Staff Accountant", None, "unspecified"),
    ("Staff Nurse - Night Shift", None, "unspecified"),
    ("Staff Pharmacist", 1, "junior"),
    ("Staff Auditor II", None, "mid"),
    ("Senior Staff Accountant", None, "senior"),
    ("Staff Engineer", 2, "staff"),
    ("Staff Software Engineer", None, "staff"),
    ("Staff Data Scientist", None, "staff"),
])
def test_staff_before_a_trades_job_name_is_no_level(title: str, years: float | None, level: str) -> None:
    assert classify_seniority(title, "We run clinics and offices.", years) == level


# Thirty-fourth round: a text that opens the role to entry-level applicants ("will consider entry level
# graduates", "new grads are welcome to apply") states its lowest level -> junior (rule 2); other wording
# about graduates says nothing. Invented wording.
@pytest.mark.parametrize(("text", "years", "level"), [
    ("Runs kiln tests on day shift. We will consider entry-level graduates of a two-year program.", None,
     "junior"),
    ("Runs kiln tests. Entry level candidates are welcome to apply.", None, "junior"),
    ("Runs kiln tests. New grads encouraged to apply!", None, "junior"),
    ("Runs kiln tests. 3+ years required; we would also consider recent graduates with lab work.", 3,
     "junior"),
    # no opening to entry-level people
    ("Runs kiln tests. You will train new graduates and students.", 3, "mid"),
    ("Runs kiln tests. We consider all qualified applicants.", None, "unspecified"),
])
def test_a_role_open_to_entry_level_applicants_is_junior(text: str, years: float | None, level: str) -> None:
    assert classify_seniority("Kiln Technician", text, years) == level


# Thirty-eighth round (issue 9, real-fresh-v32): openings of two levels joined by "and" / "&" ("Mid and
# Senior-level engineers") take the first level named, as a "/" list, a comma list and "engineers in staff and
# senior roles" do; "Mid" before "and senior" is the level, as before "/senior". Invented wording.
@pytest.mark.parametrize(("title", "level"), [
    ("Mid and Senior-level Map Engineers in Kotlin", "mid"),
    ("Mid- and Senior-Level Kiln Developers", "mid"),
    ("Junior & Senior QA Engineers", "junior"),
    ("Senior and Staff Platform Engineers", "senior"),
    ("Staff and Senior Platform Engineers", "staff"),
    ("Pleno e Sênior Desenvolvedores", "mid"),
    # not two levels side by side: the title's highest level, as before
    ("Lead Map Engineer and Senior Designer", "lead"),
])
def test_two_levels_joined_by_and_take_the_first(title: str, level: str) -> None:
    assert classify_seniority(title, "We draw maps.") == level


# Thirty-eighth round: a headcount between the phrase introducing the role and its level ("looking for up to
# two mid-level to senior engineers") is skipped as the article is. Invented wording.
@pytest.mark.parametrize(("text", "level"), [
    ("Acme | Oslo | Onsite\nWe draw maps. We are looking for upto two mid-level to senior software engineers "
     "to join us.", "mid"),
    ("We draw maps. We are hiring two or three experienced senior backend map engineers.", "senior"),
    ("We draw maps. Seeking 2-3 junior frontend web map tile developers for the summer.", "junior"),
    ("We draw maps. We're looking for a few great mid-level full stack map developers.", "mid"),
    # a count of something else: no role follows
    ("We draw maps. We are looking for two days a week of senior support.", "unspecified"),
])
def test_a_headcount_before_the_level(text: str, level: str) -> None:
    assert classify_seniority("", text) == level


# Thirty-eighth round: a Hacker News header cell naming the role with the short "Dev" ("Sr Software Dev") is a
# role cell. Invented wording.
@pytest.mark.parametrize(("text", "level"), [
    ("Acme Maps | Oslo, Norway | Sr Software Dev | Full-Time | Kotlin | Remote\nWe draw maps.", "senior"),
    ("Acme Maps | Oslo | Junior Web Dev | Onsite\nWe draw maps.", "junior"),
    ("Acme Maps | Oslo | Dev Tools | Onsite\nWe draw maps.", "unspecified"),
])
def test_a_header_cell_naming_a_dev(text: str, level: str) -> None:
    assert _comment_level("", text) == level


# Thirty-eighth round: the text calling the holder an entry-level (or senior ...) team member states the
# role's level (rule 2), as "as an entry-level analyst" does; working as a team member beside senior people
# does not. Invented wording.
@pytest.mark.parametrize(("text", "level"), [
    ("Want to ship real map features even as an entry level team member? Read on.", "junior"),
    ("As a senior team member, you will own the tile server.", "senior"),
    ("You will act as a team member alongside senior cartographers.", "unspecified"),
])
def test_the_holder_called_a_levelled_team_member(text: str, level: str) -> None:
    assert classify_seniority("Map Analyst", text) == level


# Thirty-eighth round: "Mid-level to Senior" is a written range as "Mid to Senior" (its lower end). Invented
# wording.
@pytest.mark.parametrize(("title", "level"), [
    ("Mid-level to Senior Map Engineer", "mid"),
    ("Junior-level / Mid Kiln Developer", "junior"),
    ("Mid-Level and Senior Map Engineers", "mid"),
])
def test_a_range_after_a_level_word_with_level(title: str, level: str) -> None:
    assert classify_seniority(title, "We draw maps.") == level


# Forty-second round: a Hacker News header cell naming levels only ("Junior & Senior", "Senior") is the level
# of the header's roles (two levels joined: the first named); an "Interns" tag cell names none. Invented
# wording.
@pytest.mark.parametrize(("text", "level"), [
    ("Kiln Works | Backend, Frontend Engineer | Junior & Senior | Oslo | Full-time\nWe fire pots.", "junior"),
    ("Kiln Works | Map Developers | Senior | Oslo | ONSITE\nWe fire pots.", "senior"),
    ("Kiln Works | Map Developers | Mid-level / Senior | Oslo\nWe fire pots.", "mid"),
    ("Kiln Works | Map Developers | Oslo | Full-time, Interns\nWe fire pots.", "unspecified"),
    ("Kiln Works | Map Developers | Oslo | Interns\nWe fire pots.", "unspecified"),
])
def test_a_header_cell_naming_levels_only(text: str, level: str) -> None:
    assert _comment_level("Map Developers", text) == level


# Forty-second round: a comment whose header names no role, then the role alone on the next line ("Glaze
# Lead"), takes that line's level; a line that is a sentence, or follows a header naming a role, decides
# nothing. Invented wording.
@pytest.mark.parametrize(("text", "level"), [
    ("Kiln Works | Oslo / REMOTE | Full-time | $90k | A team of 4 potters in two towns and online\n"
     "Glaze Lead\nhttps://kiln.example\nOur mission is to lead pottery.", "lead"),
    ("Kiln Works | Oslo | Full-time\nSenior Glaze Engineer\nWe fire pots.", "senior"),
    ("Kiln Works | Oslo | Full-time\nSenior potters founded us in 1990, and we grow.\nWe fire pots.",
     "unspecified"),
    ("Kiln Works | Glaze Engineer | Oslo | Full-time\nSenior Kiln Engineer\nWe fire pots.", "unspecified"),
])
def test_the_role_alone_on_the_line_after_a_header_naming_none(text: str, level: str) -> None:
    assert _comment_level("", text) == level


# Forty-third round (real-fresh-v37 Hacker News 2017-10 #781): a level the text rules out ("we are unable to
# hire interns or new graduates for these roles") is not the role's, also where a later phrase names it for
# another opening ("apply there if you are seeking an intern role"); a level stated plainly still counts.
# Invented wording.
@pytest.mark.parametrize(("text", "level"), [
    ("Kiln Works | Kiln Engineers | Oslo | ONSITE\nWe fire pots.\nNote: we are unable to hire interns or "
     "recent graduates for these roles. Apply at kiln.example/uni if you are seeking an intern or graduate "
     "role.",
     "unspecified"),
    ("We fire pots. Please apply at kiln.example/uni if you are seeking an intern role; we are not hiring "
     "junior engineers for this team.", "unspecified"),
    ("We are not currently looking for junior developers. We are looking for a senior kiln engineer.",
     "senior"),
    ("We are looking for a junior kiln engineer to join us.", "junior"),
])
def test_a_level_the_text_rules_out(text: str, level: str) -> None:
    assert classify_seniority("Kiln Engineers", text) == level


# The same for a phrase opening the role to entry-level applicants: "we cannot consider new grads" rules the
# level out; "we will also consider new grads" still opens it (thirty-fourth round). Invented wording.
@pytest.mark.parametrize(("text", "level"), [
    ("We fire pots. Sadly we cannot consider new grads for this kiln role.", "unspecified"),
    ("We fire pots. We are not able to consider entry level candidates yet.", "unspecified"),
    ("We fire pots. We will also consider new grads for this kiln role.", "junior"),
])
def test_an_entry_level_opening_ruled_out(text: str, level: str) -> None:
    assert classify_seniority("Kiln Engineer", text) == level


# Forty-ninth round (real-fresh-v43): a Hacker News header listing several roles, each with its stack
# ("Glaze Engineers Clay and Porcelain, Kiln Engineer Gas, Sr. Potter"), is read as its first role (the lead's
# ruling), not as the level of a later one. Invented wording.
@pytest.mark.parametrize(("title", "level"), [
    ("Glaze Engineers Clay and Porcelain, Kiln Engineer Gas, Sr. Potter/Architect, QA Firing", "unspecified"),
    ("Senior Glaze Engineers Clay, Kiln Engineer Gas, QA Firing", "senior"),
    ("Glaze Engineer Clay, Sr. Kiln Engineer", "unspecified"),
    ("Project Manager - Country & Senior Category Manager", "senior"),  # one role, its area named: whole
])
def test_a_header_listing_roles_with_their_stacks_takes_the_first(title: str, level: str) -> None:
    assert classify_seniority(title, "We fire pots.") == level


# Forty-ninth round: a comment with no header whose first line is a title ("Glaze and Kiln Engineer (Mid to
# Senior)") names the role's level there; a first line that is a sentence decides nothing. Invented wording.
@pytest.mark.parametrize(("text", "level"), [
    ("Glaze and Kiln Engineer (Mid to Senior)\nhttps://kiln.example\nOslo, full-time\nWe fire pots.", "mid"),
    ("Senior Kiln Engineer\nOslo\nWe fire pots.", "senior"),
    ("Senior potters founded us in 1990, and we grow.\nWe fire pots.", "unspecified"),
    ("Kiln Works makes pots for senior homes\nWe fire pots.", "unspecified"),
])
def test_the_first_line_of_a_comment_without_a_header_is_its_title(text: str, level: str) -> None:
    assert _comment_level("", text) == level


# Forty-ninth round: open positions or openings "for both Jr and Sr <role>s" state the openings' levels (two
# joined: the first named). Invented wording.
@pytest.mark.parametrize(("text", "level"), [
    ("Our studio grows and we have open positions for both Jr and Sr Kiln Developers this spring.", "junior"),
    ("We have openings for senior glaze engineers.", "senior"),
    ("We have positions for potters of every kind.", "unspecified"),
    ("Note: I currently don’t have openings for interns or recent grads this year.", "unspecified"),
    ("We do not have any openings for junior potters.", "unspecified"),
])
def test_positions_for_levelled_roles(text: str, level: str) -> None:
    assert classify_seniority("", "Kiln Works | Oslo | ONSITE\n" + text) == level


# Forty-ninth round: a line that is only a hiring phrase and a colon ("We're looking for:") introduces a list
# of openings: the first role listed decides, as after "the following positions:"; "What we're looking for:"
# introduces requirements, not roles. Invented wording.
@pytest.mark.parametrize(("text", "level"), [
    ("Kiln Works | Several roles | Oslo | ONSITE\nWe fire pots.\nWe're looking for:\nSenior engineer, you "
     "will build kilns, glaze lines, firing tools and more, whatever it takes.\nGlaze chemist - mixing.",
     "senior"),
    ("Kiln Works | Several roles | Oslo | ONSITE\nWe fire pots.\nWe are hiring:\nGlaze Engineer, building "
     "kilns\nSenior Potter", "unspecified"),
    ("Kiln Works | Several roles | Oslo | ONSITE\nWe fire pots.\nWhat we're looking for:\nExperience "
     "mentoring junior engineers", "unspecified"),
])
def test_a_hiring_phrase_ending_its_line_introduces_the_openings(text: str, level: str) -> None:
    assert classify_seniority("Several roles", text) == level


# Lead ruling on the forty-ninth round's open question (fifth session): "Senior Lead <role>" is senior - a
# lead title gives way to a level word just before it, as "Senior Manager" does. A lead word elsewhere in the
# title ("Senior Kiln Engineer, Tech Lead") or before the level word stays lead. Invented wording.
@pytest.mark.parametrize(("title", "level"), [
    ("Senior Lead Kiln Developer", "senior"),
    ("Remote Sr. Lead Glaze Engineer", "senior"),
    ("Junior Lead Potter", "junior"),
    ("Senior-Lead Kiln Engineer", "senior"),
    ("Lead Kiln Developer", "lead"),
    ("Senior Kiln Engineer, Tech Lead", "lead"),
    ("Lead Senior Kiln Developer", "lead"),
    ("Staff Lead Kiln Engineer", "staff"),
])
def test_a_level_word_just_before_a_lead_title_says_the_level(title: str, level: str) -> None:
    assert classify_seniority(title, "") == level


# Fifty-fifth round (real-fresh-v49 No Fluff Jobs #649): the Polish boards' "Regular" joined to a higher level
# by "&", "and", "or" or a "/" without spaces ("Regular & Senior <role>") is that board's mid, so the pair
# takes its first level named (a list) or its lower end (a range), as "Mid and Senior" does; the word before a
# role noun was read already. Invented wording.
@pytest.mark.parametrize(("title", "level"), [
    ("Regular & Senior Kiln Developer", "mid"),
    ("Regular and Senior Glaze Engineer", "mid"),
    ("Regular/Senior Kiln Developer", "mid"),
    ("Regular or Sr. Glaze Engineer", "mid"),
    ("Regular Kiln Developer", "mid"),  # controls: read before and after
    ("Regular / Senior Kiln Developer", "mid"),
    ("Senior & Regular Kiln Developer", "senior"),
    ("Senior Kiln Developer, regular hours", "senior"),
])
def test_regular_joined_to_a_higher_level_is_the_boards_mid(title: str, level: str) -> None:
    assert classify_seniority(title, "") == level


# Fifty-fifth round (real-fresh-v49 Hacker News 2018-04 #27): an internship offered in the title as another
# opening beside a role ("<role> or Intern", "<role> / Internship") is that other opening, not the role's
# level: the first role named decides, as "<role> and Interns" and the lead's ruling on a header cell offering
# full-time and intern places. An intern title stays junior. Invented wording.
@pytest.mark.parametrize(("title", "level"), [
    ("Kiln engineer or INTERN in Spring '27", "unspecified"),
    ("Glaze Developer or an Intern", "unspecified"),
    ("Kiln Engineer / Internship", "unspecified"),
    ("Senior Kiln Engineer or Intern", "senior"),  # controls: read before and after
    ("Kiln Engineering Intern", "junior"),
    ("Kiln Engineer Intern or Co-op", "junior"),
    ("Intern or Junior Kiln Engineer", "junior"),
    ("Glaze Developer and Interns", "unspecified"),
])
def test_an_internship_offered_beside_a_role_in_the_title_is_another_opening(title: str, level: str) -> None:
    assert classify_seniority(title, "We fire pots.") == level


# Fifty-fifth round (real-fresh-v49 Hacker News 2018-03 #558): a header whose role cell only says that
# several openings are listed ("Multiple Positions", "See below for positions") names no role; the roles
# listed below it, each alone on its line (a title, perhaps with a bracket, a link on the next line), are
# the comment's openings and the first one listed decides (the lead's first-role ruling), also after a
# paragraph. A sentence, a heading with a colon, a generic line ("Open Roles") or a hiring manager is no
# listed role; a list introduced by a colon keeps its own reading; a header naming a role is read as before.
# Invented wording.
@pytest.mark.parametrize(("text", "level"), [
    ("Kiln Works | See below for positions | Oslo\nWe fire pots for a living and ship them to every town.\n"
     "Director of Glaze Engineering\nhttps://kiln.example/1\nKiln Engineer\nhttps://kiln.example/2",
     "manager"),
    ("Kiln Works | Multiple Positions | Oslo | ONSITE\nSenior Kiln Engineer (Firing/Glazing/Tools)\n"
     "Location: Oslo\nWe fire pots.\nGlaze Engineer\nLocation: Bergen", "senior"),
    ("Kiln Works | Multiple Positions | Oslo\nKiln Manager\nThe Kiln Manager will manage a team of 5 "
     "potters.\nGlaze Developer\nAs a Glaze Developer you mix.", "manager"),
    ("Kiln Works | Several open positions | Oslo\nOpen Roles\n- Lead Glaze Engineer\n- Kiln Developer",
     "lead"),
    # controls
    ("Kiln Works | Multiple Positions | Oslo\nWe fire pots.\nGlaze Engineer\nhttps://kiln.example/1\n"
     "Senior Kiln Engineer\nhttps://kiln.example/2", "unspecified"),
    ("Kiln Works | Multiple Positions | Oslo\nWe are a team of senior potters.\nContact our hiring manager\n"
     "Email: jobs@kiln.example", "unspecified"),
    ("Kiln Works | Multiple Positions | Oslo\nWe have these positions:\n- Glaze Engineer;\n- Lead Kiln "
     "Engineer", "unspecified"),
    ("Kiln Works | Kiln Engineer | Oslo\nWe fire pots.\nSenior Glaze Engineer\nhttps://kiln.example/1",
     "unspecified"),
    ("Kiln Works | Multiple Positions | Oslo\nWe fire pots.\nExperience: kilns and glazes\nSenior potters "
     "will mentor you", "unspecified"),
])
def test_roles_listed_under_a_header_that_says_several_positions(text: str, level: str) -> None:
    title = text.split(" | ")[1]
    assert _comment_level(title, text) == level


# Sixtieth round (real-fresh-v54 Hacker News 2018-02 #485): roles joined by a spaced "+" in a header cell
# ("<role> + Sr. <role>s") are a list of openings, as when joined by "," or "&": the first role named decides
# (the first-role ruling). A "+" inside a name ("C++") joins nothing. Invented wording.
@pytest.mark.parametrize(("title", "level"), [
    ("Kiln Engineer + Sr. Glaze Engineers", "unspecified"),
    ("Glaze Developer + Senior Kiln Developers", "unspecified"),
    ("Senior Kiln Engineer + Glaze Engineers", "senior"),  # controls: read before and after
    ("Lead Kiln Engineer + Glaze Developers", "lead"),
    ("Senior C++ Kiln Engineer", "senior"),
    ("Kiln Engineer, Sr. Glaze Engineers", "unspecified"),
])
def test_roles_joined_by_a_plus_sign_are_a_list_of_openings(title: str, level: str) -> None:
    text = f"Kiln Co | {title} | Oslo | Full Time REMOTE We fire pots.\nCome to learn, teach and grow."
    assert classify_seniority(title, text) == level


# Sixtieth round (real-fresh-v54 Hacker News 2017-11 #755): a header cell naming only a department
# ("Engineering", "Product & Engineering") names no role, as a "Multiple Positions" cell: the roles listed
# alone on their lines below decide, the first one listed (the first-role ruling), also with its link after
# it in brackets or after a dash. A department cell with no role listed, a sentence, a link line, and a
# header naming a role are read as before. Invented wording.
@pytest.mark.parametrize(("text", "level"), [
    ("Kiln Works | Engineering | Oslo or Bergen | Full-Time | Onsite\nWe fire pots for a living and ship "
     "them to every town in the north, from the coast to the hills.\nSenior Kiln Engineer (https://kiln.example/"
     "careers/search/jobs/senior-kiln-engineer-oslo-and-bergen...)\nGlaze Engineer (https://kiln.example/2)",
     "senior"),
    ("Kiln Works | Product & Engineering | Oslo\nWe fire pots.\nLead Glaze Developer - https://kiln.example/1\n"
     "Kiln Developer - https://kiln.example/2", "lead"),
    # controls
    ("Kiln Works | Engineering | Oslo | Onsite\nWe fire pots.\nCheck our open positions at "
     "https://kiln.example/jobs", "unspecified"),
    ("Kiln Works | Engineering | Oslo\nWe fire pots.\nKiln Engineer (https://kiln.example/1)\nSenior Glaze "
     "Engineer (https://kiln.example/2)", "unspecified"),
    ("Kiln Works | Engineering | Oslo\nOur senior potters will mentor you.\nhttps://kiln.example/jobs",
     "unspecified"),
    ("Kiln Works | Kiln Engineer | Oslo\nWe fire pots.\nSenior Glaze Engineer (https://kiln.example/1)",
     "unspecified"),
])
def test_roles_listed_under_a_header_that_names_a_department_only(text: str, level: str) -> None:
    title = text.split(" | ")[1]
    assert _comment_level(title, text) == level


# Sixty-ninth round (real-fresh-v63 Hacker News 2018-02 #294): a role listed alone on its line under a header
# that names no role may carry its team or area after a comma and its stack or a note after a dash
# ("Sr <role>, <team> - <stack>"): the words before the first comma or spaced dash are the listed role, when
# they are a title and the line holds no sentence words. A line that is a sentence, a line naming no role
# before its comma, and a first listed role without a level are read as before. Invented wording.
@pytest.mark.parametrize(("text", "level"), [
    ("Kiln Works | Onsite | Oslo (Bergen is fine) | Full-time | Urgent Kiln Positions\nSr Kiln Engineer, "
     "Glaze Line - Python, C++ - https://kiln.example/1\nSr Kiln Engineer, Tools - Go https://kiln.example/2\n"
     "Dir Kiln - https://kiln.example/3\nGlaze Developer, Cloud - Rust https://kiln.example/4", "senior"),
    ("Kiln Works | Engineering | Oslo\nLead Glaze Developer, Firing \u2013 Go, Rust\nKiln Developer, Tools",
     "lead"),
    # controls
    ("Kiln Works | Multiple Positions | Oslo\nKiln Engineer, Glaze Line - Python\nSenior Kiln Engineer, "
     "Tools", "unspecified"),
    ("Kiln Works | Multiple Positions | Oslo\nSenior potters, we want you - write to us\n"
     "https://kiln.example", "unspecified"),
    ("Kiln Works | Multiple Positions | Oslo\nRemote, full time - apply by mail\nGlaze Engineer",
     "unspecified"),
    ("Kiln Works | Kiln Engineer | Oslo\nSenior Glaze Engineer, Tools - Go", "unspecified"),
])
def test_a_listed_role_with_its_team_after_a_comma_or_dash(text: str, level: str) -> None:
    title = text.split(" | ")[1]
    assert _comment_level(title, text) == level


# Sixtieth round (real-fresh-v54 No Fluff Jobs #45): the text introducing the role may state its level in a
# bracket after the role's name ("looking for a <role> (Senior or Mid)"): a bracket holding level words only
# is the role's level, two levels taking the first named (as a title's "Pleno/Sênior"); it outranks the
# board's label, as a level word before the role does. A bracket of anything else (a place, a team) says
# nothing, nor one not after a phrase introducing the role. Invented wording.
@pytest.mark.parametrize(("text", "level"), [
    ("We fire pots. We are looking for a Kiln Researcher (Senior or Mid) who can read the clay.", "senior"),
    ("We are hiring a Glaze Designer (Junior/Mid) to mix colours.", "junior"),
    ("Now seeking an experienced Kiln Engineer (Senior) for our plant.", "senior"),
    # controls: the board's Mid decides
    ("We are looking for a Kiln Researcher (Oslo) who can read the clay.", "mid"),
    ("We are looking for a Kiln Researcher (see below) who can read the clay.", "mid"),
    ("Our clients (senior partners) love pots. Join us as a Kiln Researcher.", "mid"),
    ("We are looking for new people (senior or mid engineers welcome).", "mid"),
])
def test_a_level_in_brackets_after_the_role_introduced_in_the_text(text: str, level: str) -> None:
    assert classify_seniority("Kiln Researcher", text, None, "Mid") == level


# Sixty-third round (real-fresh-v57 Hacker News 2018-03 #226): a line ending "our (current) open position:"
# introduces the one opening named on the next line, as "the following positions:" introduces several; the
# header's second cell named the company's kind, not a role. "The role:" alone still introduces requirements.
# Invented wording.
@pytest.mark.parametrize(("text", "level"), [
    ("Kiln Works | Pottery Studio | Oslo | Onsite\nWe fire pots.\nTo learn more, see our current open "
     "position:\nSenior Kiln Engineer & Glazer: https://kiln.example/1", "senior"),
    ("We fire pots. Here is the open role:\n- Lead Glaze Developer (https://kiln.example/2)", "lead"),
    # controls
    ("We fire pots.\nThe role:\nSenior potters will mentor you in glazing.", "unspecified"),
    ("We fire pots.\nOur current open position:\nKiln Engineer: https://kiln.example/1", "unspecified"),
    ("Kiln Works | Pottery Studio | Oslo\nWe fire pots. Perks of every open position:\n- a senior mentor",
     "unspecified"),
])
def test_the_one_role_named_after_an_open_position_line(text: str, level: str) -> None:
    assert classify_seniority("Pottery Studio", text) == level


# Seventy-third round (real-fresh-v67 Hacker News 2017-12 #172): a range of two levels written with hyphens
# ("a mid-to-senior <role>", "Senior-to-Staff") gives its lower end, as "mid to senior" and "Mid/Senior" do;
# the hyphens hid the joiner, so the higher level decided. A hyphenated word that is no range
# ("mid-market") is read as before. Invented wording.
@pytest.mark.parametrize(("title", "text", "level"), [
    ("", "Kiln Works | Oslo | ONSITE\nWe fire pots. We are hiring a mid-to-senior glaze developer, with "
     "experience in kilns.", "mid"),
    ("Mid-to-Senior Kiln Engineer", "", "mid"),
    ("Senior-to-Staff Kiln Engineer", "", "senior"),
    ("Junior-or-Mid Glaze Developer", "", "junior"),
    # controls
    ("Mid to Senior Kiln Engineer", "", "mid"),
    ("Senior Kiln Engineer, mid-market clay", "", "senior"),
    ("", "We fire pots. We are hiring a senior glaze developer.", "senior"),
])
def test_seventy_third_round_a_hyphenated_range_of_levels(title: str, text: str, level: str) -> None:
    assert classify_seniority(title, text) == level


# Seventy-third round (real-fresh-v67 Hacker News 2018-04 #162): a comment whose header names no role
# (company, place and mode only) and whose first bulleted line is a role listed alone ("* Senior <role> -
# <link>") takes that first role's level (the first-role ruling), as a listed role under a "Multiple
# Positions" cell does. Not where a colon heading introduces the bullets (requirements, or a list the colon's
# own reading reads), where the first bullet is a sentence or no title, or where the header names a role.
# Invented wording.
@pytest.mark.parametrize(("title", "text", "level"), [
    ("", "Kiln Works - Oslo - ONSITE\nWe fire pots with Python.\n* Senior Kiln Engineer - "
     "https://kiln.example/1\n* Glaze Developer - https://kiln.example/2\nBoth are on my team.", "senior"),
    ("", "Kiln Works | Oslo | ONSITE\nWe fire pots.\n- Lead Glaze Developer\n- Kiln Engineer", "lead"),
    # controls
    ("", "Kiln Works - Oslo - ONSITE\nWe fire pots.\nWhat you bring:\n* Senior Kiln Engineer\n* Python",
     "unspecified"),
    ("", "Kiln Works - Oslo - ONSITE\nWe fire pots.\n* You will fire pots\n* Senior Kiln Engineer",
     "unspecified"),
    ("", "Kiln Works - Oslo - ONSITE\nWe fire pots.\n* Glaze Developer\n* Senior Kiln Engineer",
     "unspecified"),
    ("Glaze Developer", "Kiln Works | Glaze Developer | Oslo\nWe fire pots.\n* Senior Kiln Engineer",
     "unspecified"),
])
def test_seventy_third_round_the_first_bulleted_role_under_a_header_naming_none(title: str, text: str,
                                                                               level: str) -> None:
    assert _comment_level(title, text) == level


# Seventy-fourth round (real-fresh-v68 Hacker News 2017-12 #278): a phrase introducing the role that names a
# level followed by "level" ("looking for seasoned, mid-to-senior level glaze, kiln and web engineers") states
# the role's level even where the role noun comes later than the five words the phrase reading allows (a list
# of areas, a bracket); a range gives its lower end, as before. Invented wording.
@pytest.mark.parametrize(("title", "text", "level"), [
    ("Kiln Works", "We're looking for seasoned, mid-to-senior level glaze, kiln, and web (Python and Rust "
     "focus) engineers who have shipped kilns.", "mid"),
    ("Kiln Works", "We are seeking a senior-level glaze, kiln, pottery or ceramics (Python focus) "
     "developer.", "senior"),
    ("Kiln Works", "Now hiring entry level glaze, kiln, pottery, ceramics and clay technicians (any stack).",
     "junior"),
    # controls: no level word before "level"; a level word with no "level" after it far from the role
    ("Kiln Works", "We're looking for top level glaze, kiln, pottery, ceramics and clay (Python) engineers.",
     "unspecified"),
    ("Kiln Works", "We're looking for people at every level of glaze, kiln, pottery and clay work.",
     "unspecified"),
    ("Kiln Works", "We're looking for a senior glaze engineer.", "senior"),
])
def test_seventy_fourth_round_a_level_followed_by_level_after_a_hiring_phrase(title: str, text: str,
                                                                              level: str) -> None:
    assert classify_seniority(title, text) == level


# The lead's ruling of the ninth session (eighty-sixth round, branch h9r86): two levels offered for one role
# take the first level named, as "Mid/Senior", "Pleno/Sênior" and "Junior/Senior" already do - so a descending
# pair ("Senior/Junior <role>", "Senior or Junior") reads its first level, not its lower end; a written range
# ("Junior-Intermediate", "junior to mid") still gives its lower end. Invented wording.
@pytest.mark.parametrize(("title", "level"), [
    ("Senior/Junior Glaze Engineer", "senior"),
    ("Glaze Engineer (Senior / Junior)", "senior"),
    ("Senior or Junior Kiln Developer", "senior"),
    ("Glaze Engineers (Senior, Junior)", "senior"),
    ("Lead/Senior Kiln Engineer", "lead"),
    ("Desarrollador Senior o Junior", "senior"),
    # controls: an ascending pair, and written ranges (their lower end)
    ("Junior/Senior Glaze Engineer", "junior"),
    ("Mid/Senior Kiln Developer", "mid"),
    ("Senior-Junior Glaze Engineer", "junior"),
    ("Senior to Junior Kiln Engineers", "junior"),
    ("Junior-Intermediate Glaze Developer", "junior"),
])
def test_eighty_sixth_round_two_levels_offered_take_the_first_named(title: str, level: str) -> None:
    assert classify_seniority(title, "") == level


# Ninetieth round (real-fresh-v84; invented wording): a phrase introducing the role may name the
# organisation's top role with no role noun after it ("looking for a VP of <area> to lead ...", "hiring a
# Chief <area> Officer"): a manager word of the title rule, so the text states the role's level (rule 2)
# before the years; read at most one word after the article, so a CEO named in another sentence's phrase is
# no role.
@pytest.mark.parametrize(("text", "years", "level"), [
    ("Kiln Works | Oslo | Full-Time, Onsite Only<p>Kiln Works is looking for a VP of Glazing to lead all "
     "product development and kiln functions.", 7, "manager"),
    ("Kiln Works is hiring a VP Glazing to help run day-to-day kiln workflows.", None, "manager"),
    ("We are looking for a passionate Chief Kiln Officer to join us in Oslo.", None, "manager"),
    ("Established pottery studio looking for CEO/First Executive.", None, "manager"),
    ("We're seeking a Vice President of Glaze Research.", None, "manager"),
    # controls: a top role named in a phrase that introduces no role, a report line, a role noun first
    ("Here is an article from our CEO on our kilns.", None, "unspecified"),
    ("There is an internal push from the CTO to move the kilns to the cloud.", 5, "senior"),
    ("We are looking for glaze engineers who report to our VP of Glazing.", None, "unspecified"),
    ("We are looking for a senior glaze engineer to work with our CTO.", None, "senior"),
])
def test_ninetieth_round_a_top_role_named_after_a_hiring_phrase(text: str, years: float | None,
                                                                 level: str) -> None:
    assert classify_seniority("", text, years) == level


# Ninetieth round (real-fresh-v84; invented wording): "admin" is a role noun ("Systems Admins", "Sys Admin"),
# so a phrase introducing the role that lists an admin role first reads that role (the first-role ruling), not
# a later role's level ("<area> Managers") or a level of other people after it.
@pytest.mark.parametrize(("text", "level"), [
    ("We're hiring Kiln Admins, Glaze Service Managers and Front End Developers.", "unspecified"),
    ("We're looking for a Sys Admin to help senior engineers.", "unspecified"),
    ("We're hiring Senior Kiln Admins and Glaze Designers.", "senior"),
    # controls: the first role noun already read (a later level never decides), areas sharing one role noun,
    # adjectives before one role, one role
    ("We are looking for glaze engineers, senior kiln engineers and a designer.", "unspecified"),
    ("We're hiring glaze, kiln and pottery interns for the summer.", "junior"),
    ("We are looking for a talented, senior kiln engineer.", "senior"),
    ("We're hiring Glaze Service Managers.", "manager"),
])
def test_ninetieth_round_an_admin_is_a_role_noun(text: str, level: str) -> None:
    assert classify_seniority("", text) == level


# Ninety-fifth round (real-fresh-v89; invented wording): the level stated after the role noun the phrase
# introduces, "at a <level> level" or a written range "at an <level> to <level> level" (its lower end, as
# "mid-to-senior level" before the noun reads), as "engineers in staff and senior roles" already reads.
@pytest.mark.parametrize(("text", "level"), [
    ("We are looking for a careful, bright and detail-minded kiln developer at an intermediate to senior "
     "level to join us.", "mid"),
    ("We're hiring a glaze engineer at a senior level.", "senior"),
    ("We are seeking a kiln developer at the junior level.", "junior"),
    ("Looking for a pottery engineer at a mid or senior level.", "mid"),
    # controls: no level named ("at a high level", "at every level"), a level of other people, a level before
    # the noun, a place after "at"
    ("We are looking for a kiln developer at a high level of craft.", "unspecified"),
    ("We're hiring a glaze engineer at every level of our stack.", "unspecified"),
    ("We are looking for a kiln developer to mentor engineers at a junior level.", "unspecified"),
    ("We're hiring a senior glaze engineer at an early-stage studio.", "senior"),
])
def test_ninety_fifth_round_a_level_after_the_role_noun(text: str, level: str) -> None:
    assert classify_seniority("", text) == level


# Ninety-fifth round, the lead's ruling on h10r90's question 3 (invented wording): a plural level word
# opening a list of roles is the first role named ("hiring team leads, ICs, managers" -> lead), also as a
# header's roles; "leads" as a verb ("the hiring team leads the interview", "who leads ...") names no role.
@pytest.mark.parametrize(("title", "text", "level"), [
    ("", "Hiring team leads, ICs, managers, new grads, you name it.", "lead"),
    ("", "We are hiring tech leads, kiln engineers and managers.", "lead"),
    ("Glaze Leads, Kiln Engineers, Studio Managers", "", "lead"),
    ("Tech Leads", "", "lead"),
    # controls: the verb, a later plural lead (the first role decides), the hiring team as a noun, one plain
    # role first
    ("", "Our hiring team leads the interview with two engineers.", "unspecified"),
    ("", "We are looking for a kiln engineer who leads, mentors and ships.", "unspecified"),
    ("Kiln Engineers, Team Leads", "", "unspecified"),
    ("", "Email the hiring team with any questions about the kiln engineer role.", "unspecified"),
    ("", "You will work beside our recruiters and hiring leads, sourcing kiln engineers.", "unspecified"),
])
def test_ninety_fifth_round_a_plural_level_word_opening_a_role_list(title: str, text: str,
                                                                    level: str) -> None:
    assert classify_seniority(title, text) == level


# Residual tune misses (hres9), the lead's ruling on h10r95's question 1 (invented wording): the first role
# named decides, also before a plural level word: "Hiring SREs in <city>" then "Hiring team leads, ICs,
# managers" for other openings reads unspecified (SRE is the first role and names no level). "SRE" is a role
# noun where a phrase introduces the role ("several senior SREs/SWEs" -> senior), not in header cells or
# titles.
@pytest.mark.parametrize(("text", "level"), [
    ("Hiring SREs in Kilntown & Glazeford. Hiring everyone else in Potsville. Hiring team leads, ICs.",
     "unspecified"),
    ("We are hiring kiln engineers in Kilntown. Hiring team leads, ICs and managers in Potsville.",
     "unspecified"),
    ("Our studio is looking for several senior SREs/SWEs to join the kiln platform team.", "senior"),
    ("We're hiring a junior SRE for the glaze cloud.", "junior"),
    # controls: a plural level word first stays the first role named; a level stated for the same role later
    ("Hiring team leads, ICs, managers, new grads, you name it.", "lead"),
    ("We are hiring kiln programmers. Ideally we're looking for mid- to senior-level engineers.", "mid"),
])
def test_hres9_the_first_role_named_before_a_plural_level_word(text: str, level: str) -> None:
    assert classify_seniority("", text) == level


# Residual tune misses (hres9; invented wording): "looking to add <role>" introduces the role as "looking for"
# does (32 postings of the shared datasets write it; 3 name a level the phrase reading missed).
@pytest.mark.parametrize(("text", "level"), [
    ("Our kiln team is looking to add a mid-level glaze engineer who knows many tools.", "mid"),
    ("We are looking to add another Senior Kiln Developer to keep shipping.", "senior"),
    ("The studio is looking to add senior Android and iOS developers to its mobile team.", "senior"),
    # two levels offered: the first named, also written "Mid-Career" (as "Mid-level or Senior")
    ("We are looking to add another Mid-Career or Senior Kiln Engineer to help us ship.", "mid"),
    # controls: no level named; a level of other people; something added that is no role
    ("We're looking to add a kiln engineer to our glaze team.", "unspecified"),
    ("We are looking to add value for our senior customers with new kilns.", "unspecified"),
    ("You will help us add a lead generation engine for our glaze developers.", "unspecified"),
])
def test_hres9_looking_to_add_a_role(text: str, level: str) -> None:
    assert classify_seniority("", text) == level


# The lead's ruling on hres9's question 4 (eleventh session; invented wording): a board's structured level
# field is read before the text's role line. Nerdin writes its field in the text ("Nível (Senioridade):
# <level>."), and the text reader already reads a level field before a role line that is no introducing
# phrase, so this pins today's reading (no code change; tune Gupy #46 relabelled senior).
@pytest.mark.parametrize(("text", "hint", "expected"), [
    ("Vagas abertas.\n\n<role> PL ou SR - Híbrido <city>\n\nRequisitos\nNível (Senioridade): Senior.\n",
     "Senior", "senior"),
    ("Vagas abertas.\n\n<role> Pleno ou Sênior - Remoto\n\nRequisitos\nNível (Senioridade): Junior.\n",
     "Junior", "junior"),
    ("Vagas abertas.\n\n<role> Sênior - Remoto\n\nRequisitos\nNível (Senioridade): Pleno.\n", "Pleno", "mid"),
])
def test_board_level_field_before_the_role_line(text: str, hint: str, expected: str) -> None:
    assert classify_seniority("<role>", text, None, hint) == expected
    # the text's field decides, not the hint (read last): the same without it
    assert classify_seniority("<role>", text) == expected


# Hundred-and-third round (real-fresh-v97, drawn among comments the code called unspecified; invented
# wording), class A: a written range of levels right after the role a phrase introduces ("engineers (from
# <level> to <level> level)", "developers - from <level> to <level> -", "engineers ranging from <level> to
# <level> ...") gives its lower end, as "at an <level> to <level> level" and "Junior to Senior level" read; an
# "&" between the words before the role noun ("eager & curious engineers") is read only to reach such a range.
@pytest.mark.parametrize(("text", "level"), [
    ("We're always looking for eager & curious kiln engineers (from INTERN to senior level) in:\n- Glaze",
     "junior"),
    ("We are always looking for great glaze engineers from junior to senior level.", "junior"),
    ("We're looking for three full-stack developers - from Junior to Senior - to join our studio.", "junior"),
    ("We're looking for kiln engineers ranging from entry level to senior developers skilled in glazes.",
     "junior"),
    ("Looking for kiln programmers from mid to senior level.", "mid"),
    # controls: places or stages after "from", a range of the people the role coaches, a level before the
    # role that already decides, no range at all
    ("We are looking for kiln engineers from Kilntown to Glazeford.", "unspecified"),
    ("We are looking for a kiln engineer to take glazes from prototype to production.", "unspecified"),
    ("We are looking for someone to coach our engineers from junior to senior level.", "unspecified"),
    ("We are looking for senior kiln engineers from junior to staff level.", "senior"),
    ("We're looking for eager, curious kiln engineers in:\n- Glaze", "unspecified"),
])
def test_hundred_and_third_round_a_range_after_the_role(text: str, level: str) -> None:
    assert classify_seniority("", text) == level


# Hundred-and-third round, class B (invented wording): a singular "<area> lead" ending the role a phrase
# introduces ("seeking a new glaze lead for part-time work", "hiring a Tech Lead, based in <city>") is a lead,
# as "Tech Lead" in a title; the verb ("someone to lead", "who will lead", "take the lead") and a lead that
# has an object ("lead our kiln work") name no role.
@pytest.mark.parametrize(("text", "level"), [
    ("SF studio seeking a new glaze lead for ongoing part time work.", "lead"),
    ("We are hiring a Tech Lead, based in Kilntown.", "lead"),
    ("Looking for a team lead.", "lead"),
    ("We are looking for a hands-on kiln lead to join us.", "lead"),
    ("We're looking for a technical lead with kiln experience.", "lead"),
    # controls
    ("We are looking for someone to take the lead.", "unspecified"),
    ("We are seeking someone who will lead.", "unspecified"),
    ("We are looking for a kiln engineer who can lead.", "unspecified"),
    ("We are looking for a lead on new kiln suppliers.", "unspecified"),
    ("We are hiring. Our glaze lead, Ana, will call you.", "unspecified"),
    ("We are looking for a lead generation expert.", "unspecified"),
    # another opening named in a sentence that opens with "also" ("We're also building out ... and are
    # recruiting a <area> Lead"): not the header role's level (the first-role ruling)
    ("We're also building out a glaze team in Potsville and are recruiting a Glaze Engineering Lead "
     "(https://example.org/1), a Senior Designer.", "unspecified"),
])
def test_hundred_and_third_round_a_singular_lead_ending_the_role(text: str, level: str) -> None:
    assert classify_seniority("", text) == level
    assert classify_seniority("Kiln Developer", text) == level  # a plain header role: the text decides


# Later batch real-later-v3 (h11r108; invented wording): "we (currently) have <level> <role> positions /
# vacancies / openings" states the level of the openings the posting advertises (rule 2), also above a lower
# figure of years; the level word must open the words before the openings' noun (not after "no", not after a
# kind of contract: "full-time and internship positions").
@pytest.mark.parametrize(("text", "years", "level"), [
    ("We currently have Senior Kiln Scientist positions for someone with a doctorate.", 3, "senior"),
    ("We currently have senior glaze and kiln engineers vacancies in Potsville.", None, "senior"),
    ("We have junior potter openings in our studio.", None, "junior"),
    # controls: a team described, not openings; openings ruled out; openings with no level
    ("We currently have senior potters who will mentor you.", 3, "mid"),
    ("We have no senior kiln positions open.", 3, "mid"),
    ("We currently have kiln engineer positions open.", None, "unspecified"),
    # kinds of contract first: the level word must open the openings' words
    ("We have full-time and internship positions, and sponsor visas.", None, "unspecified"),
])
def test_later_v3_we_have_level_positions(text: str, years: float | None, level: str) -> None:
    assert classify_seniority("Kiln Scientist", text, years) == level


# Later batch real-later-v3, class D (h11r108; invented wording): a heading "What great looks like for
# this role:" is no list of openings; the sentence on its next line ("Our ideal <role> is a collaborative
# leader ...") names no role, so its "leader" is no level. A list's first line is read only where it names a
# role, not where it is a sentence (a finite verb or a person addressed).
@pytest.mark.parametrize(("text", "years", "level"), [
    ("We are hiring a Kiln Engineer to join our team.\n\nWhat great looks like for this role:\n\n\n"
     "Our ideal Kiln Engineer is a collaborative leader skilled in firing large batches.", 4, "mid"),
    ("We are hiring for this role:\nYou will be a leader in our glaze studio.", None, "unspecified"),
    # controls: a list of openings after the phrase still names the first role's level
    ("We're hiring for a few different positions:\n- Senior Kiln Engineer\n- Glaze Designer", None, "senior"),
    ("We're hiring for a few different positions:\n- Lead Kiln Engineer (remote)\n- Glaze Designer", 4,
     "lead"),
])
def test_later_v3_a_sentence_after_a_role_heading_is_no_listed_role(text: str, years: float | None,
                                                                      level: str) -> None:
    assert classify_seniority("Kiln Engineer", text, years) == level


# Later batch real-later-v3, class D's second reading (h11r108; invented wording): "you will act as a mentor
# to junior team members" names the level of the people mentored, not the role's (rule 2: levels of other
# people do not count); the phrase's words that make the role the mentor, coach or trainer of others name no
# level.
@pytest.mark.parametrize(("text", "years", "level"), [
    ("Additionally, you will act as a mentor to junior team members and coach them.", 4, "mid"),
    ("You will serve as a coach for junior kiln engineers.", None, "unspecified"),
    ("We are looking for a trainer of entry-level glaze designers.", None, "unspecified"),
    # controls: the role's own level after the phrase
    ("You will join as a senior team member.", None, "senior"),
    ("We are looking for a junior kiln engineer to mentor.", None, "junior"),
])
def test_later_v3_a_mentor_of_junior_people_is_no_junior(text: str, years: float | None, level: str) -> None:
    assert classify_seniority("Kiln Engineer", text, years) == level


# Later batch real-later-v10, class B (h14r115; invented wording): a title listing roles with "/" whose first
# role offers two levels with an unspaced slash ("Mid/Senior <role> / <role> / Senior <role>") is a list whose
# first role is "Mid/Senior <role>": the first level named decides (ninth-session ruling), not a later role's.
# A part of level words only belongs to the role after it.
@pytest.mark.parametrize(("title", "level"), [
    ("Mid/Senior Kiln Engineer / Glaze Engineer / Senior Data Engineer", "mid"),
    ("Junior/Mid Kiln Developer/Glaze Developer/Staff Kiln Engineer", "junior"),
    # controls: one role with two levels, two levels of one role, a first role with its own level
    ("Senior/Staff Kiln Engineer", "senior"),
    ("Mid/Senior Kiln Engineer", "mid"),
    ("Kiln Analyst/Senior Kiln Analyst", "senior"),
    ("Senior Kiln Engineer / Glaze Engineer / Junior Data Engineer", "senior"),
])
def test_later_v10_two_levels_of_the_first_role_in_a_slash_list(title: str, level: str) -> None:
    assert classify_seniority(title, "We fire pots.") == level


# Later batch real-later-v10, classes A and C (h14r115; invented wording): a line introducing the list of
# openings may open with a sentence adverb ("Right now we are looking for:", "That said, we're hiring:") and
# may name the openings "posts" ("selected posts include:"); the first role listed decides. "What we're
# looking for:" still introduces requirements, and "also" another opening.
@pytest.mark.parametrize(("text", "level"), [
    ("We fire pots.\nRight now we are looking for:\n* Experienced kiln engineering managers\n"
     "* Mid to Senior glaze developers", "manager"),
    ("We fire pots.\nThat said, we're hiring:\n- Senior Glaze Engineer\n- Kiln Designer", "senior"),
    ("We fire pots.\nAt the moment, we are hiring for:\n- Lead Kiln Engineer\n- Glaze Designer", "lead"),
    ("We are hiring across the board, selected posts include:\n* Senior Kiln Developers\n* Glaze managers",
     "senior"),
    ("See the job posts below:\n- Junior Glaze Engineer: https://jobs.example/a", "junior"),
    # controls: requirements under a "what" line, another opening after "also", a first role with no level
    ("We fire pots.\nWhat we are looking for:\n- Senior engineers who love kilns", "unspecified"),
    ("We fire pots.\nRight now we are also hiring:\n- Senior Glaze Engineer", "unspecified"),
    ("We fire pots.\nRight now we are looking for:\n- Glaze Engineer\n- Senior Kiln Engineer", "unspecified"),
])
def test_later_v10_a_hiring_line_opening_with_an_adverb_or_naming_posts(text: str, level: str) -> None:
    assert classify_seniority("", text) == level
