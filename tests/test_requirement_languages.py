"""Experience and degree requirements written in other languages (etl/data/requirement_cues.yaml)."""

from __future__ import annotations

import pytest
import yaml

from etl.normalize.experience import CUES, parse_degree, parse_experience

EXPERIENCE = [
    ("Expérience : 5 ans minimum", (5, None)),
    ("Nous recherchons un candidat avec une expérience de 5 ans dans l'édition de logiciels.", (5, None)),
    ("Vous justifiez d'au moins 3 ans d'expérience en développement.", (3, None)),
    ("Mindestens 3 Jahre Berufserfahrung in der Backend-Entwicklung", (3, None)),
    ("Mehr als 5 Jahre Erfahrung mit verteilten Systemen", (5, None)),
    ("Al menos 2 años de experiencia como desarrollador", (2, None)),
    ("Mínimo de 3 anos de experiência com Java", (3, None)),
    ("Minimaal 3 jaar werkervaring als ontwikkelaar", (3, None)),
    ("Co najmniej 2 lata doświadczenia w programowaniu", (2, None)),
    ("Almeno 4 anni di esperienza nello sviluppo software", (4, None)),
    ("Expérience : 2 An(s) - plomberie / chauffage", (2, None)),  # France Travail's experienceLibelle
    ("2-5+ years of experience in procurement", (2, None)),  # an open upper end
    # number words and ranges in other languages (requirement_cues.yaml numbers / range_words)
    ("Sie haben mindestens drei Jahre Berufserfahrung.", (3, None)),
    ("Mindestens vier Jahre Erfahrung mit SAP FI/CO", (4, None)),
    ("Mindestens ein Jahr Berufserfahrung im Support", (1, None)),
    ("2 bis 3 Jahre Berufserfahrung", (2, 3)),
    ("Vous avez au moins trois ans d'expérience en développement.", (3, None)),
    ("Une expérience de 2 à 4 ans sur un poste similaire", (2, 4)),
    ("Cinq ans d'expérience minimum", (5, None)),
    ("mínimo de dois anos de experiência", (2, None)),
    ("Três anos de experiência com Java", (3, None)),
    ("Experiência de 3 a 5 anos em desenvolvimento", (3, 5)),
    ("5+ anos de experiência com Java", (5, None)),
    ("Al menos tres años de experiencia", (3, None)),
    # the company's years next to the candidate's: the company's do not count
    ("Das Haus verbindet über 40 Jahre Erfahrung mit Kollegialität. Mindestens vier Jahre "
     "Erfahrung mit SAP FI/CO",
     (4, None)),
    ("Two years of experience with Python", (2, None)),  # English number words still read
]
NOT_EXPERIENCE = [
    "Implanté localement depuis 45 ans, notre cabinet recrute.",  # company age
    "Seit über 35 Jahren entwickeln wir Software.",
    "Há 20 anos no mercado de tecnologia.",
    "Contrat de 3 ans renouvelable.",  # contract length, no experience word
    "Une expérience de 0 à 1 an est souhaitée",  # a beginner's range, written with the singular
    "Seit über drei Jahrzehnten sind wir am Markt.",
    "Um ano de garantia.",  # no experience word
    # a pay tier: the years say which pay applies, not what the job asks (issue 9, real tune-half posting)
    "Salaire selon profil : 2100 € brut mensuel pour un débutant, jusqu'à 2600 € brut "
    "mensuel avec 5 ans d'expérience minimum dans le poste.",
    "Salaire de 2 400 € à 2 900 € brut selon expérience (3 ans minimum pour le haut de la grille).",
    "Gehalt: 60.000 € brutto, ab 5 Jahren Berufserfahrung 70.000 €.",
    "Salário de R$ 8.000 para profissionais com 3 anos de experiência.",
    "Salary: $120,000 - $150,000 for candidates with 5+ years of experience.",
]
# a required figure wins over a wished one in every language (requirement_cues.yaml preferred)
WISHED = [
    ("3 ans d'expérience exigés.\nIdéalement 5 ans d'expérience en développement.", (3, None)),
    ("Mindestens 2 Jahre Berufserfahrung.\nIdealerweise 5 Jahre Berufserfahrung in der Beratung.", (2, None)),
    ("Experiência de 3 anos com Java.\nDesejável 5 anos de experiência em desenvolvimento.", (3, None)),
]
# the pay's sentence is another sentence: the years stay a requirement
PAY_ELSEWHERE = [
    ("3 ans d'expérience minimum. Salaire : 2500 € brut mensuel.", (3, None)),
    ("Minimum 3 years of experience; competitive salary and 401k.", (3, None)),
    ("5+ years of experience building APIs.\nSalary: $120,000 - $150,000", (5, None)),
    ("Compensation: $150k. We ask for 7+ years of software engineering experience.", (7, None)),
    # board fields run together on one line: the pay after the years is the next field (No Fluff Jobs)
    ("Position level: Mid Minimum experience: 3 years Type of contract: B2B Salary: up to PLN 140 / h net",
     (3, None)),
]
DEGREE = [
    ("Abgeschlossenes Studium der Informatik oder vergleichbare Ausbildung", "bachelor"),
    ("Erfolgreich abgeschlossenes Hochschulstudium", "bachelor"),
    ("Candidat(e) diplômé(e) Bac+3 à Bac+5", "bachelor"),
    ("Diplôme d'ingénieur ou Bac+5 en informatique", "master"),
    ("Formação acadêmica: Graduação concluída na área de TI ou áreas afins.", "bachelor"),
    ("Superior completo em TI.", "bachelor"),
    ("Pós-graduação em ciência de dados", "master"),
    ("Grado universitario en Ingeniería Informática", "bachelor"),
    ("HBO werk- en denkniveau", "bachelor"),
    ("Wykształcenie wyższe techniczne", "bachelor"),
    ("Laurea magistrale in Informatica", "master"),
    ("Ihr Profil: Guter Abschluss eines IT-nahen Studiums oder eine vergleichbare Ausbildung", "bachelor"),
    ("Dein Skillset:Abschluss in (Wirtschafts-)Informatik, -Ingenieurwesen oder vergleichbare Qualifikation",
     "bachelor"),
    # an alternative on another line does not remove the degree
    ("Abgeschlossenes Studium der Informatik\n- Erfahrung in der Ausbildung oder Betreuung von Azubis",
     "bachelor"),
    ("Dottorato di ricerca in fisica", "phd"),
    # glued page text
    ("Das bringen Sie mitAbgeschlossenes HochschulstudiumFundierter SAP-Hintergrund", "bachelor"),
]
NOT_DEGREE = [
    "Du befindest dich im Studium der Betriebswirtschaftslehre",  # enrolled, not a degree asked
    "Immatrikulation an einer Hochschule (während der gesamten Beschäftigung gültig)",
    "Abgeschlossene kaufmännische Berufsausbildung",  # vocational training
    "Une formation Bac+2 au minimum",  # below a bachelor
    "Budget für Marketing-Promotion und Events",
    # a vocational training accepted in place of the degree: no degree is required (labelling guide;
    # real tune-half postings, issue 9)
    "Du hast eine abgeschlossene kaufmännische Berufsausbildung oder ein abgeschlossenes Studium.",
    "Idealerweise abgeschlossene Ausbildung oder Studium",
    "Abgeschlossenes Studium der Informatik oder eine abgeschlossene Berufsausbildung als Fachinformatiker",
    "Dein Profil: Abgeschlossenes Studium der Informatik, Elektrotechnik oder vergleichbar; alternativ "
    "Techniker/Meister mit Schwerpunkt IT-Systeme",
    # about to finish the degree: still enrolled
    "Dein Studium der Wirtschaftsinformatik hast du bereits abgeschlossen oder stehst kurz davor.",
    # Bac+2 named with Bac+3: the lowest asked is below a bachelor
    "- Formation supérieure (Bac +2 ou Bac +3) en informatique (DUT, BTS, Licence professionnelle).",
]


@pytest.mark.parametrize(("text", "expected"), EXPERIENCE)
def test_experience(text: str, expected: tuple[int, int | None]) -> None:
    assert parse_experience(text) == expected


@pytest.mark.parametrize(("text", "expected"), WISHED)
def test_a_required_figure_wins_over_a_wished_one(text: str, expected: tuple[int, int | None]) -> None:
    assert parse_experience(text) == expected


@pytest.mark.parametrize(("text", "expected"), PAY_ELSEWHERE)
def test_years_outside_a_pay_sentence_are_asked(text: str, expected: tuple[int, int | None]) -> None:
    assert parse_experience(text) == expected


@pytest.mark.parametrize("text", NOT_EXPERIENCE)
def test_not_experience(text: str) -> None:
    assert parse_experience(text) is None


@pytest.mark.parametrize(("text", "expected"), DEGREE)
def test_degree(text: str, expected: str) -> None:
    assert parse_degree(text) == expected


@pytest.mark.parametrize("text", NOT_DEGREE)
def test_not_degree(text: str) -> None:
    assert parse_degree(text) is None


def test_cue_file_covers_the_languages() -> None:
    assert {"fr", "de", "es", "pt", "nl", "pl", "it"} <= set(CUES["experience"])
    for lang, cues in CUES["experience"].items():
        if lang != "en":  # English's own cues are in etl/normalize/experience.py; its entry adds to them
            assert {"year_words", "exp_words", "general", "at_least", "not_req"} <= set(cues), lang
        assert set(cues) <= {
            "year_words",
            "exp_words",
            "general",
            "at_least",
            "not_req",
            "numbers",
            "range_words",
            "direct",  # what the candidate did in the years (tenth round)
            # the company's years or a group's, not the job's (fifteenth round)
            "opener",
            "we",
            "you",
            "statistic",
            # a group's own years ("our team has 60+ years"), not the job's (eighty-ninth round)
            "group",
            "group_verbs",
            # a figure that is a part of the figure before it ("..., including 2 years ..."; real-later-v7)
            "part_of",
            # a company named after a "with N years" opener; abbreviations whose period ends no sentence
            # (real-later-v11)
            "named_subject_verbs",
            "not_named",
            "abbreviations",
            # "N or more overall years": the overall figure's word before "years" (real-later-v10)
            "overall_words",
            # years offered to candidates who miss the degree asked: another way in, not the bar
            # (real-later-v31)
            "unmet_degree",
            # a long requirement line closed by "preferred" marks its figure, unless another requirement
            # stands between (real-later-v48)
            "closing_preferred",
            "other_asked",
            # gerunds of the job's own work after "years" ("3+ years performing <work>"; real-later-v61)
            "work_verbs",
            # a title's words that name no field, and the words of a field's tools (twenty-sixth session)
            "title_not_field",
            "field_tools",
        }
        assert all(isinstance(v, int) for v in (cues.get("numbers") or {}).values()), lang
    assert {"en", "fr", "de", "es", "pt", "nl", "pl", "it"} <= set(CUES["pay_words"])
    assert set(CUES["degree"]) == {"bachelor", "master", "phd", "not", "alternative"}
    assert yaml.safe_dump(CUES)  # plain data, no tags
