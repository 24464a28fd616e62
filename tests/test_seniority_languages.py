"""Seniority cue words in German, French, Portuguese and Spanish titles (etl/data/seniority.yaml,
``languages``).

Each case is a wording the labelling guide (etl/data/labelled/README.md, "Rules in other
languages") names, or a trap next to it; the English vocabulary is in test_seniority.py.
"""

from __future__ import annotations

import pytest

from etl.normalize.seniority import classify_seniority, title_level

TITLES = [
    # German
    ("Ausbildung zum Elektroniker für Betriebstechnik (m/w/d) 2026", "junior"),
    ("Auszubildende/r Fachinformatiker (m/w/d)", "junior"),
    ("Praktikum Softwareentwicklung (m/w/d)", "junior"),
    ("Praktikant im Bereich Data (m/w/d)", "junior"),
    ("Werkstudentin Data Analytics (w/m/d)", "junior"),
    ("Teamleiter IT-Support (m/w/d)", "lead"),
    ("Teamleitung Buchhaltung (m/w/d)", "lead"),
    ("Leiter Softwareentwicklung (m/w/d)", "manager"),
    ("Leitung IT (m/w/d)", "manager"),
    ("Abteilungsleiterin Controlling (w/m/d)", "manager"),
    ("Geschäftsführer (m/w/d)", "manager"),
    ("Führungskraft Kundenservice (m/w/d)", "manager"),  # a person leading staff (ruling on v9 question 1)
    ("Vertriebsführungskraft im Außendienst (w/m/d)", "manager"),
    ("Führungskräfteentwicklung - Referent (m/w/d)", None),  # developing leaders is the job, not leading
    ("(Senior) Consultant SAP PLM (m/w/d)", "senior"),
    ("Projektleiter Bau (m/w/d)", None),  # a compound naming a job, not a department head
    ("Halbleiter-Ingenieur (m/w/d)", None),
    ("Entwickler (m/w/d)", None),  # an occupation carries no level
    # French
    ("Stagiaire développeur web (H/F)", "junior"),
    ("Stage - Développeur Python (H/F)", "junior"),
    ("Stage en data science", "junior"),
    ("Alternance - Chef de projet SI (H/F)", "junior"),
    ("Apprenti(e) technicien réseau", "junior"),
    ("Développeur Java confirmé (H/F)", "mid"),
    ("Ingénieur DevOps expérimenté H/F", "mid"),
    ("Chef d'équipe maintenance (H/F)", "lead"),
    ("Responsable d'équipe production", "manager"),
    ("Responsable de service informatique", "manager"),
    ("Directrice des systèmes d'information", "manager"),
    ("Directeur commercial (H/F)", "manager"),
    ("Ingénieur logiciel (H/F)", None),
    ("Stage Manager", "manager"),  # English: the theatre job, not an internship
    ("Early Stage Venture Analyst", None),
    # Portuguese
    ("Desenvolvedor Backend Pleno", "mid"),
    ("Pessoa Desenvolvedora Outsystems PL", "mid"),
    ("Pessoa Desenvolvedora Java Full Stack Sênior", "senior"),
    ("Desenvolvedor Frontend React Pleno/Sênior", "mid"),  # the first level named
    ("Pessoa Desenvolvedora NodeJs - Especialista I (Produtos Estruturantes)", "senior"),
    ("Pessoa Desenvolvedora Service Now Analista III", "senior"),
    ("Analista Desenvolvedor II", "mid"),
    ("Estágio em Desenvolvimento", "junior"),
    ("Estagiária de TI", "junior"),
    ("Desenvolvedor Júnior", "junior"),
    ("Líder Técnico Java", "lead"),
    ("Gerente de Projetos de TI", "manager"),
    ("Coordenadora de Infraestrutura", "manager"),
    ("PL/SQL Developer", None),  # PL/SQL is a language, not "pleno"
    ("Oracle PL SQL Developer", None),
    ("Analista de Sistemas PL/SR - Presencial em Porto Alegre/RS", "mid"),  # a "/" pair: its first level
    ("Gerente de Projetos - Sênior", "senior"),  # a project manager is a job name, not a level
    # Spanish
    ("Desarrollador Semi Senior Java", "mid"),
    ("Desarrolladora Semi-Senior", "mid"),
    ("Practicante de Sistemas", "junior"),
    # Dutch / Polish board English
    ("Medior Java Developer", "mid"),
    ("Regular Java Developer", "mid"),
    ("Regular Full-time Cleaner", None),
]


@pytest.mark.parametrize(("title", "expected"), TITLES, ids=[t for t, _ in TITLES])
def test_title_in_other_languages(title: str, expected: str | None) -> None:
    assert title_level(title) == expected


MANAGER_WITH_LEVEL = [
    # Labelling guide: a title ending in Manager / Manager:in is a manager unless it carries a
    # level word ("Senior ... Manager" -> senior); a range takes the first level named.
    ("Senior Manager Group Accounting & Consolidation (w/m/d)", "senior"),
    ("(Senior) Manager SAP Data Archiving & Data Management (all genders)", "senior"),
    ("Finance Operations Manager (Junior- to Mid Level)", "junior"),
    ("Senior Engineering Manager", "senior"),
    ("Junior Marketing Manager", "junior"),
    ("Marketing Manager:in (m/w/d)", "manager"),
    # other manager words keep their level: a Senior Director or Senior VP manages
    ("Senior Director of Engineering", "manager"),
    ("Senior Vice President, Platform", "manager"),
    ("Senior Head of Data", "manager"),
    ("Lead Engineering Manager", "manager"),
]


@pytest.mark.parametrize(("title", "expected"), MANAGER_WITH_LEVEL, ids=[t for t, _ in MANAGER_WITH_LEVEL])
def test_manager_title_with_a_level_word(title: str, expected: str) -> None:
    assert classify_seniority(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    # French "Responsable" + a function is the person in charge of it, as English "X Manager"; a
    # responsable de projet / produit / compte is a job name, as Project Manager (labelling guide)
    ("Responsable ELDPH (H/F)", "manager"),
    ("Responsable commercial secteur Ouest", "manager"),
    ("Responsable de projet informatique (H/F)", None),
    ("Responsable produit SaaS", None),
    ("Responsable de compte grands clients", None),
])
def test_french_responsable(title: str, expected: str | None) -> None:
    assert title_level(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    # a range written with another language's "to" gives its lower end, as "Mid to Senior" (issue 9); a pair
    # joined by its "or" its first level named, as "Senior or Junior" (ninth session's ruling; ascending here)
    ("Analista PL ou SR", "mid"),
    ("Desenvolvedor Pleno ou Sênior", "mid"),
    ("Softwareentwickler Junior bis Senior (m/w/d)", "junior"),
    ("Java Developer (Junior oder Mid-Level)", "junior"),
    ("Développeur confirmé ou senior", "mid"),
    ("Desarrollador Semi Senior o Senior", "mid"),
    ("Senior Developer und Teamlead", "lead"),  # "and": two roles, not a range
])
def test_ranges_in_other_languages(title: str, expected: str) -> None:
    assert title_level(title) == expected


@pytest.mark.parametrize("title, expected", [
    # eighteenth round (issue 9, real-fresh-v12; invented wording): a German compound ending in "manager" is
    # the English "X Manager" written as one word (labelling guide: a title ending in Manager -> manager) ...
    ("Qualitätsmanager (m/w/d)", "manager"),
    ("Prozessmanagerin Logistik (w/m/d)", "manager"),
    ("Personalmanager*in (m/w/d)", "manager"),
    ("Senior Qualitätsmanager (m/w/d)", "senior"),  # a Manager title with a level word takes that level
    # ... except the job names the English rule lists (project, product, account, event ... managers)
    ("Projektmanager Energiewirtschaft (m/w/d)", None),
    ("Produktmanagerin Mobile Apps (w/m/d)", None),
    ("Key-Accountmanager (m/w/d)", None),
    ("Eventmanager für Messen (m/w/d)", None),
    ("Social-Media-Manager (m/w/d)", None),
    ("Programmmanager Digitalisierung (m/w/d)", None),
    ("Kampagnenmanager Online (m/w/d)", None),
])
def test_german_compound_manager_titles(title: str, expected: str | None) -> None:
    assert title_level(title) == expected


# Forty-sixth round (real-fresh-v40; invented wording): a manager of one search or ads channel with no staff
# (SEO, SEA, Google Ads) is a job name, as a Social Media Manager; a Marketing Manager still leads a function.
@pytest.mark.parametrize(("title", "expected"), [
    ("Google Manager*in (SEO, SEA) im Homeoffice", None),
    ("SEO Manager (m/w/d)", None),
    ("SEA-Manager:in Onlineshop", None),
    ("Google Ads Manager (m/w/d)", None),
    ("Marketing Manager (m/w/d)", "manager"),
])
def test_forty_sixth_round_channel_managers(title: str, expected: str | None) -> None:
    assert title_level(title) == expected


# Fifty-first round (real-fresh-v45, German; invented wording): a text that opens the role to people starting
# their career ("Interesse an einem Berufseinstieg", "Berufseinsteiger sind willkommen", "gerne auch
# Berufseinsteiger") states its lowest rung, as the English "entry level candidates are welcome" (rule 2;
# thirty-fourth round) -> junior; a career start of someone else, or long past, says nothing.
@pytest.mark.parametrize(("text", "years", "level"), [
    ("Du berätst Mühlen. Dein Profil: Interesse an Getreide und an einem Berufseinstieg in der Beratung.",
     None, "junior"),
    ("Du berätst Mühlen. Berufseinsteiger:innen sind herzlich willkommen.", None, "junior"),
    ("Wir suchen Müller mit unterschiedlichen Erfahrungen - gerne auch Berufseinsteiger - als Berater.", None,
     "junior"),
    ("Du berätst Mühlen. Die Stelle ist ideal für den Berufseinstieg nach dem Studium.", 3, "junior"),
    # no opening to people starting their career
    ("Du berätst Mühlen. Seit deinem Berufseinstieg hast du drei Jahre Erfahrung gesammelt.", 3, "mid"),
    ("Du betreust unser Programm für Berufseinsteiger und schulst sie.", 3, "mid"),
    ("Du berätst Mühlen.", None, "unspecified"),
])
def test_fifty_first_round_german_career_start_is_junior(text: str, years: float | None, level: str) -> None:
    assert classify_seniority("Mühlenberater (m/w/d)", text, years) == level


# Fifty-sixth round (real-fresh-v50, German; invented wording): the start of one's career named as what the
# role is for ("für den Start deiner Karriere", "für deinen Karrierestart", "für den Start ins Berufsleben")
# and an entry programme the new hire starts in ("startest du mit unserem Einsteigerprogramm") open the role
# to career starters -> junior, as the fifty-first round's "ideal für den Berufseinstieg"; a career start long
# past, or a programme the role runs for others, says nothing.
@pytest.mark.parametrize(("text", "years", "level"), [
    ("Nach dem Studium hast du dich für den Start deiner Karriere in der Mühlenberatung entschieden.", None,
     "junior"),
    ("Die Stelle ist wie gemacht für deinen Karrierestart als Berater.", None, "junior"),
    ("Ideal für den Start ins Berufsleben nach der Hochschule.", None, "junior"),
    ("Im ersten Jahr startest du mit unserem Einsteigerprogramm und lernst alle Mühlen kennen.", None,
     "junior"),
    # no opening to people starting their career
    ("Seit dem Start deiner Karriere hast du drei Jahre Mühlen beraten.", 3, "mid"),
    ("Du leitest unser Einsteigerprogramm und schulst neue Kolleginnen.", 3, "mid"),
    ("Wir begleiten dich bei jedem Karriereschritt.", None, "unspecified"),
])
def test_fifty_sixth_round_german_career_start_is_junior(text: str, years: float | None, level: str) -> None:
    assert classify_seniority("Mühlenberater (m/w/d)", text, years) == level


# Residual tune misses (hres9; invented wording), the lead's ruling on the sixty-first round's question 1: a
# standalone German "start your career with us" call ("Starte deine Karriere als <role> bei uns!", "Dann
# starten Sie jetzt Ihre <Fach>-Karriere bei uns!") reads junior where the text asks at most first experience
# (no figure of years: a figure decides by rule 3); the same call beside "the next step in your career" opens
# the role to two levels and says nothing.
@pytest.mark.parametrize(("text", "years", "level"), [
    ("Werde Teil unseres Teams. Starte deine Karriere als Mühlenberater bei uns!", None, "junior"),
    ("Sie arbeiten gerne im Team? Dann starten Sie jetzt Ihre Beratungs-Karriere bei uns! Erste Erfahrung.",
     None, "junior"),
    # controls: a figure of years decides; the call beside the next step of a career; a career long begun
    ("Starte deine Karriere als Mühlenberater bei uns! Du bringst drei Jahre Erfahrung mit.", 3, "mid"),
    ("Mache den nächsten Schritt in deiner Laufbahn oder starte deine Karriere nach dem Abschluss bei uns.",
     None, "unspecified"),
    ("Du hast deine Karriere vor Jahren gestartet und kennst alle Mühlen.", None, "unspecified"),
])
def test_hres9_german_start_your_career_call(text: str, years: float | None, level: str) -> None:
    assert classify_seniority("Mühlenberater (m/w/d)", text, years) == level


# Later batch real-later-v3 (h11r108; invented wording): the "start your career with us" call often closes a
# German posting right under its benefits heading ("Was wir bieten"), which the demand text drops as
# boilerplate; the call is read in the whole description (still only when no figure of years and no level is
# found), so the closing call counts where it is written.
@pytest.mark.parametrize(("text", "level"), [
    ("<h2>Aufgaben</h2><ul><li>Du baust Oberflächen mit HTML und CSS.</li></ul>"
     "<h2>Benefits</h2><ul><li>Flexible Arbeitszeiten</li></ul>"
     "<p>Werde Teil von <Firma>! Starte deine Karriere als Webentwickler (m/w/d) bei uns!</p>", "junior"),
    # controls: a figure of years still decides; no call at all says nothing
    ("<h2>Profil</h2><ul><li>Mindestens 3 Jahre Berufserfahrung</li></ul>"
     "<h2>Benefits</h2><ul><li>Flexible Arbeitszeiten</li></ul>"
     "<p>Starte deine Karriere als Webentwickler (m/w/d) bei uns!</p>", "mid"),
    ("<h2>Aufgaben</h2><ul><li>Du baust Oberflächen.</li></ul>"
     "<h2>Benefits</h2><ul><li>Flexible Arbeitszeiten</li></ul><p>Werde Teil von <Firma>!</p>",
     "unspecified"),
])
def test_later_v3_career_start_call_under_the_benefits_heading(text: str, level: str) -> None:
    from etl.extract import extract

    item = {"id": "x", "source": "arbeitnow", "title": "Webentwickler (m/w/d)", "description": text,
            "description_format": "html", "country_hint": "DE"}
    assert extract(item)["seniority"] == level


# Later batch real-later-v15 (h14r120; invented wording). A thesis place (Bachelorarbeit, Masterarbeit,
# Abschlussarbeit) offers a student a role at the employer: junior, as an internship (the lead's ruling on
# `real-test-v5`, fourth session: "a thesis place is junior"). The thesis named as a topic of the text
# elsewhere, or a working student's title, is read as before.
@pytest.mark.parametrize(("title", "level"), [
    ("Abschlussarbeit im Bereich Glasurchemie", "junior"),
    ("Bachelorarbeit / Masterarbeit Ofensteuerung (m/w/d)", "junior"),
    ("Masterarbeit: Brennkurven mit KI optimieren", "junior"),
    ("Diplomarbeit Keramik-Simulation", "junior"),
    # controls
    ("Betreuer Abschlussarbeiten und Labor (m/w/d)", None),   # "Betreuer" of theses: not the thesis itself
    ("Keramikingenieur (m/w/d)", None),
])
def test_later_v15_thesis_place_title_is_junior(title: str, level: str | None) -> None:
    assert title_level(title) == level


# Later batch real-later-v15 (h14r120; invented wording). German job names written apart ("Projekt Manager",
# "Produkt-Manager", "Programm Manager") are the English Project / Product / Program Manager, job names
# without a level (the compound "Projektmanager" already read so): the text, years or a board label decide.
@pytest.mark.parametrize(("title", "level"), [
    ("Projekt Manager (PMO) Keramikwerk (m/w/d)", None),
    ("Produkt-Manager Glasuren (m/w/d)", None),
    ("Programm Manager Ofenbau", None),
    ("Senior Projekt Manager (m/w/d)", "senior"),
    # controls: a function's manager keeps manager; the compound job name is read as before
    ("Marketing Manager Keramik (m/w/d)", "manager"),
    ("Projektmanager Ofenbau (m/w/d)", None),
])
def test_later_v15_german_job_names_written_apart(title: str, level: str | None) -> None:
    assert title_level(title) == level
