"""The typed Hacker News comment reader (etl/normalize/hn_comment.py): header line -> typed cells, comment ->
roles, and the seniority the first role gives through the extraction. Invented wording throughout."""

from __future__ import annotations

import pytest

from etl.extract import extract
from etl.normalize.hn_comment import Cell, HNComment, Role, read_comment


def _kinds(body: str) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in read_comment(body).cells]


# header line -> typed cells: every cell by what it is
@pytest.mark.parametrize(("header", "kinds"), [
    ("Kiln Works | Senior Glaze Engineer | Oslo, Norway | ONSITE | Full-time | $90k-$110k",
     ["company", "role", "place", "arrangement", "job_type", "pay"]),
    ("Kiln Works | Map Developers | Junior & Senior | Oslo | REMOTE",
     ["company", "role", "level", "place", "arrangement"]),
    ("Kiln Works | Multiple Positions | Oslo | Visa sponsorship",
     ["company", "listed", "place", "visa"]),
    ("Kiln Works | Engineering | Oslo | https://kiln.example",
     ["company", "team", "place", "url"]),
    ("Kiln Works | Oslo | Team of 4 potters and engineers in two towns and online | Onsite",
     ["company", "place", "blurb", "arrangement"]),
    ("Kiln Works | Sr Glaze Dev | Oslo", ["company", "role", "place"]),
    ("Kiln Works | Oslo | Kiln Room Supervisor | Onsite", ["company", "place", "role", "arrangement"]),
    ("Kiln Works | Oslo | New-grads | Onsite", ["company", "place", "blurb", "arrangement"]),
    ("Head of Glaze Research | Kiln Works | www.kiln.example | Oslo", ["role", "blurb", "url", "place"]),
])
def test_header_cells_are_typed(header: str, kinds: list[str]) -> None:
    assert [k for k, _ in _kinds(header + "<p>We fire pots.")] == kinds


def test_the_comment_is_a_frozen_value() -> None:
    comment = read_comment("Kiln Works | Glaze Engineer | Oslo | REMOTE | $90k<p>We fire pots.")
    assert isinstance(comment, HNComment) and comment.company == "Kiln Works"
    assert comment.places == ("Oslo",) and comment.arrangement == ("REMOTE",) and comment.pay_text == "$90k"
    assert comment.roles == (Role("Glaze Engineer"),) and comment.roles_from == "header"
    assert Cell("role", "Glaze Engineer") in comment.cells
    with pytest.raises(AttributeError):
        comment.company = "Other"  # type: ignore[misc]


# comment -> roles: the header's role cells (a cell listing several roles split), a level cell belonging to
# the first role; else the role the body lists under a header naming none
@pytest.mark.parametrize(("body", "roles", "where"), [
    ("Kiln Works | Junior Glaze Engineer, VP Kiln Operations | Oslo<p>We fire pots.",
     ("Junior Glaze Engineer", "VP Kiln Operations"), "header"),
    ("Kiln Works | Map Developers | Junior & Senior | Oslo<p>We fire pots.",
     ("Junior & Senior Map Developers",), "header"),
    ("Kiln Works | Oslo | Glaze Engineer | Senior Kiln Engineer<p>We fire pots.",
     ("Glaze Engineer", "Senior Kiln Engineer"), "header"),
    ("Kiln Works | Oslo | Full-time<p>Glaze Lead<p>We fire pots.", ("Glaze Lead",), "body"),
    ("Kiln Works | Oslo | ONSITE<p>We fire pots for forty towns.<p>- Mid/Senior Glaze (clay, porcelain) "
     "(REMOTE possible)<p>- Senior Kiln Engineer", ("Mid/Senior Glaze",), "body"),
    ("Kiln Works | Open roles | Oslo<p>About us<p>- Kiln Engineer (Midlevel, nice to have: clay)"
     "<p>- Lead/Senior Glaze Engineer", ("Kiln Engineer (Midlevel)",), "body"),
    ("Glaze and Kiln Engineer (Mid to Senior)<p>Oslo, full-time",
     ("Glaze and Kiln Engineer (Mid to Senior)",), "first line"),
    ("Kiln Works | Oslo | ONSITE<p>We fire pots.", (), ""),
])
def test_the_roles_of_a_comment(body: str, roles: tuple[str, ...], where: str) -> None:
    comment = read_comment(body)
    assert comment.role_titles() == roles and comment.roles_from == where


def _seniority(body: str) -> str:
    return str(extract({"source": "hackernews", "title": read_comment(body).title, "description": body,
                        "description_format": "html"})["seniority"])


# the first role decides (C3: a later role's level never leaks into it); a written range of levels for one
# role takes its lower end once, two levels offered the first named (C4); the header naming none, the body's
# first listed role (C1)
@pytest.mark.parametrize(("body", "level"), [
    ("Kiln Works | Junior Glaze Engineer, VP Kiln Operations | Oslo | ONSITE<p>We fire pots.", "junior"),
    ("Kiln Works | Oslo | ONSITE | Glaze Engineer | Senior Kiln Developer<p>We fire pots.", "unspecified"),
    ("Kiln Works | Glaze Engineer + Glaze Lead | Oslo | Onsite<p>We fire pots.", "unspecified"),
    ("Kiln Works | Intermediate — Senior | Full Stack | Oslo | REMOTE<p>We fire pots.", "mid"),
    # two levels offered for one role: the first named, also descending (lead ruling, ninth session)
    ("Kiln Works | Senior/Junior/Fullstack Kiln Engineer, VP of Glaze | REMOTE<p>We fire pots.", "senior"),
    ("Kiln Works | Oslo | ONSITE<p>We fire pots for forty towns.<p>- Mid/Senior Glaze (clay, porcelain) "
     "(REMOTE possible)<p>- Senior Kiln Engineer", "mid"),
    ("Kiln Works | Europe | Remote company<p>- Senior Glaze (clay)<p>- Kiln engineers (gas)", "senior"),
    ("Kiln Works | Open roles | Oslo<p>About us<p>- Kiln Engineer (Midlevel, nice to have: clay)"
     "<p>- Lead/Senior Glaze Engineer", "mid"),
    ("Kiln Works | Oslo | Kiln Room Supervisor | Onsite<p>We fire pots.", "lead"),
    ("Kiln Works | Oslo | New-grads | Onsite<p>We fire pots.", "unspecified"),
    # unchanged readings: a level cell, the role line under a header naming none, a role noun in a tag cell
    ("Kiln Works | Map Developers | Junior & Senior | Oslo<p>We fire pots.", "junior"),
    ("Kiln Works | Oslo | Full-time<p>Glaze Lead<p>We fire pots.", "lead"),
    ("Kiln Works | Oslo (Eastside) | Glaze Development Intern (Paid) | On-site<p>We fire pots.", "junior"),
])
def test_the_first_role_decides_the_level(body: str, level: str) -> None:
    assert _seniority(body) == level


# The eighty-third round (real-fresh-v77): a role cell listing roles of which only some carry the header's
# role nouns ("<role>, <area> Research Associate", "<area>, <area> developers, Interns (paid)") was one role,
# so a later role's level word decided (C3); the first role named decides (a leading "All positions" names
# none), while a part of level words only stays with the role before it ("<role>, Senior"). Invented wording.
@pytest.mark.parametrize(("body", "level"), [
    ("Kiln Works | Glaze Scientist, Glaze Research Associate | Oslo | ONSITE, Interns<p>We fire pots.",
     "unspecified"),
    ("Kiln Works | Back-end, Kiln, Clay developers, Interns (paid) | Oslo<p>We fire pots.", "unspecified"),
    ("Kiln Works | Kiln Dev Ops, Glaze Lead | Oslo<p>We fire pots.", "unspecified"),
    ("Kiln Works | Glaze Engineer/Admin and Senior Kiln Engineers | Oslo<p>We fire pots.", "unspecified"),
    ("Kiln Works | All positions, Senior Glaze Developer, Lead kiln engineer | Oslo<p>We fire pots.",
     "senior"),
    # unchanged: a part of level words only, a range of levels before one noun, a first role with its level, a
    # company's name before the role
    ("Kiln Works | Glaze Engineer, Senior | Oslo<p>We fire pots.", "senior"),
    ("Kiln Works | Mid and Senior Glaze Engineers | Oslo<p>We fire pots.", "mid"),
    ("Kiln Works | Senior Glaze Engineer, Kiln Designer | Oslo<p>We fire pots.", "senior"),
    ("Kiln Works | Kilnco, Senior Glaze Engineer, Stoneware | Oslo<p>We fire pots.", "senior"),
])
def test_a_later_role_in_a_role_cell_gives_no_level(body: str, level: str) -> None:
    assert _seniority(body) == level


# The reader's round on real-fresh-v71 (after its out-of-sample score): a comment whose header names no role
# and whose body lists the openings under a line that is only a hiring phrase ("We're currently looking for:")
# takes the list's first item as its first role, also one the role nouns do not hold; a list introduced as
# *other* openings than the advertised role decides nothing (the first-role ruling). Invented wording.
@pytest.mark.parametrize(("body", "level"), [
    ("Kiln Works | Remote<p>We fire pots.<p>We're currently looking for:<p>* Jr Glaze Executive "
     "(https://kiln.example/jr)<p>* Designer (https://kiln.example/d)", "junior"),
    ("Kiln Works | Several Positions | Oslo | On site<p>We fire pots.<p>We are looking for: <p>* Staff "
     "Kilnologists <p>* Kiln Engineer", "staff"),
    ("Kiln Works | Glaze Engineer | Oslo | Onsite<p>We fire pots.<p>We have other technical positions on the "
     "shop side:<p>Sr. Kiln Engineer: https://kiln.example/sr<p>Clay Engineer: https://kiln.example/c",
     "unspecified"),
    # controls: a list of more people like the team is the openings; requirements under a heading are not
    ("Kiln Works | Oslo | Onsite<p>We fire pots.<p>We're looking for other strong potters, especially those "
     "who can grow into lead roles:<p>- Senior Glaze Engineer<p>- Kiln Designer", "senior"),
    ("Kiln Works | Oslo | Onsite<p>We fire pots.<p>What we are looking for:<p>* You know clay<p>* Senior "
     "experience", "unspecified"),
])
def test_a_list_under_a_hiring_line_and_a_list_of_other_openings(body: str, level: str) -> None:
    assert _seniority(body) == level


# The reader's round on real-fresh-v71: a header whose company is split off by a dash and whose other cells
# by " / " is read cell by cell (the role, then the place); a place cell listing places with "&" or "and" is
# the list of them, so a comment in two states or two countries has no single region or country. Invented
# wording.
@pytest.mark.parametrize(("header", "title", "location"), [
    ("Kiln Works - Senior Glaze Engineer / Leeds, England / Full time / ONSITE", "Senior Glaze Engineer",
     "Leeds, England"),
    ("Kiln Works | Glaze Engineers | Ann Arbor & Oslo | Onsite", "Glaze Engineers", "Ann Arbor / Oslo"),
    ("Kiln Works | Glaze Engineers | Tulsa, OK and Dayton, OH | Onsite", "Glaze Engineers",
     "Tulsa, OK / Dayton, OH"),
    # a comma list of cities with their states stays whole (its pieces are not one place each)
    ("Kiln Works | Glaze Engineers | Tulsa OK, Dayton OH, & Boise ID | Onsite", "Glaze Engineers",
     "Tulsa OK, Dayton OH, & Boise ID"),
])
def test_place_cells_and_a_second_separator(header: str, title: str, location: str) -> None:
    comment = read_comment(header + "<p>We fire pots.")
    assert (comment.title, comment.location) == (title, location)


@pytest.mark.parametrize(("header", "country", "region"), [
    ("Kiln Works - Senior Glaze Engineer / Leeds, England / Full time / ONSITE", "GB", "GB-ENG"),
    ("Kiln Works | Glaze Engineers | Boise, ID & NYC | Onsite", "US", None),
    ("Kiln Works | Glaze Engineers | Oslo & SF | Onsite", None, None),
    # eighty-seventh round (real-fresh-v81): a cell listing cities with their state codes and commas only
    ("Kiln Works | Tulsa OK, Dayton OH, Boise ID | Glaze Engineer | Onsite", "US", None),
    ("Kiln Works | Glaze Engineer | Tulsa OK, Norman OK | Onsite", "US", "US-OK"),
    # a comma list of roles or of flags is no place
    ("Kiln Works | Glaze Engineer, Kiln Engineer | Tulsa, OK | Onsite", "US", "US-OK"),
])
def test_the_place_cells_give_the_country_and_region(header: str, country: str | None,
                                                     region: str | None) -> None:
    body = header + "<p>We fire pots."
    got = extract({"source": "hackernews", "title": read_comment(body).title, "description": body,
                   "description_format": "html", "location": read_comment(body).location})
    assert (got["country"], got["region"]) == (country, region)


# A header naming no place, the text saying where the openings are (eighty-second round): the one place a
# hiring, office or team sentence names; never a list of places, never a place the text only mentions.
@pytest.mark.parametrize(("body", "place", "country", "region"), [
    ("Kiln Works is hiring glaze engineers in Leeds.<p>We fire pots.", "Leeds", "GB", "GB-ENG"),
    ("Kiln Works | Glaze Engineer | Full time | Onsite<p>Kiln Works is hiring in Denver!", "Denver", "US",
     "US-CO"),
    ("Kiln Works - pots for everyone<p>We want glaze and kiln engineers for our Tampere (Finland) office!",
     "Tampere (Finland)", "FI", "FI-11"),
    ("Kiln Works | Glaze Engineer(Clay) | Full Time | Onsite<p>We seek a glaze engineer to join the firing "
     "team in Utrecht, Netherlands. We fire pots.", "Utrecht, Netherlands", "NL", "NL-UT"),
    # a list of places, or a place that is no hiring statement: nothing
    ("Kiln Works | Glaze Engineer | Onsite<p>Kiln Works is hiring in Leeds, Oslo and Boise.", None, None,
     None),
    ("Kiln Works | Glaze Engineer | Onsite<p>Our customers in Leeds love our pots.", None, None, None),
    # two hiring sentences naming two countries: no single place
    ("Kiln Works | Glaze Engineer | Onsite<p>We are hiring in Leeds. Our Oslo office is hiring too.", None,
     None, None),
    ("KILN WORKS ONSITE, relocation to Leeds/ or our Oslo office, paid.<p>We are hiring for our main office "
     "in Leeds:", None, None, None),
    # a remote comment: an office it offers is no place of the openings
    ("Kiln Works | Glaze Engineers | Remote, Full-time<p>You may also work from the Leeds office.", None,
     None, None),
])
def test_a_place_of_the_openings_in_the_text(body: str, place: str | None, country: str | None,
                                             region: str | None) -> None:
    comment = read_comment(body)
    assert comment.location is None and comment.text_place == place
    got = extract({"source": "hackernews", "title": comment.title, "description": body,
                   "description_format": "html", "location": comment.text_place})
    assert (got["country"], got["region"]) == (country, region)


def test_a_header_place_wins_over_the_text() -> None:
    comment = read_comment("Kiln Works | Glaze Engineer | Boise, ID | Onsite<p>We are hiring in Leeds.")
    assert comment.location == "Boise, ID" and comment.text_place is None


# A bare name line above the piped header (eighty-second round): the two lines are the header
@pytest.mark.parametrize(("body", "location", "title"), [
    ("Kiln Works https://kiln.example<p>Leeds|Glaze Engineer|On-site<p>We fire pots.", "Leeds",
     "Glaze Engineer"),
    ("Kiln Works https://kiln.example<p>--<p>Oslo|Senior Glaze Engineer - Pots<p>Apply at the link.", "Oslo",
     "Senior Glaze Engineer - Pots"),
])
def test_a_name_line_above_the_piped_header(body: str, location: str, title: str) -> None:
    comment = read_comment(body)
    assert (comment.company, comment.location, comment.title) == ("Kiln Works", location, title)
    assert extract({"source": "hackernews", "title": comment.title, "description": body,
                    "description_format": "html", "location": comment.location})["country"] is not None


@pytest.mark.parametrize("first", [
    "Kiln Works makes pots for every kitchen in the north",  # a sentence, not a name
    "Kiln Works is hiring!",  # a hiring line keeps its own reading
    "Kiln Works: https://kiln.example/jobs",  # a colon introduces what follows
])
def test_lines_that_are_no_bare_name(first: str) -> None:
    comment = read_comment(first + "<p>Leeds|Glaze Engineer|Onsite")
    assert comment.location is None and comment.title is None


# Eighty-fifth round (real-fresh-v79): a header cell saying the work can be done from anywhere ("Anywhere",
# "Worldwide", "Work from anywhere") is the arrangement, remote, not the role; a cell that names a role or a
# place keeps its reading.
@pytest.mark.parametrize(("body", "title", "remote"), [
    ("Kiln Works | Anywhere | Full-time<p>I'm looking for a glaze engineer to help me.", None, True),
    ("Kiln Works | Glaze Engineer | Worldwide | Full-time<p>We fire pots.", "Glaze Engineer", True),
    ("Kiln Works | Glaze Engineer | Work from anywhere<p>We fire pots.", "Glaze Engineer", True),
    ("Kiln Works | Glaze Engineer | Leeds | Onsite<p>Ship pots anywhere.", "Glaze Engineer", False),
])
def test_an_anywhere_cell_is_remote(body: str, title: str | None, remote: bool) -> None:
    comment = read_comment(body)
    assert (comment.title, comment.remote) == (title, remote)
    assert all(c.kind != "role" for c in comment.cells if c.text.strip().lower().endswith(("anywhere",
                                                                                           "worldwide")))
    got = extract({"source": "hackernews", "title": comment.title, "description": body,
                   "description_format": "html", "remote_hint": comment.remote})
    assert got["remote"] == ("remote" if remote else "onsite")


# Eighty-fifth round: a comment with no header place whose text asks the candidate to relocate to one place
# ("must be willing to relocate to the <city> area") places its opening there; a list or two places, none.
@pytest.mark.parametrize(("body", "place", "region"), [
    ("A funded pottery start-up seeks glaze engineers. Must be willing to relocate to the Mexico city area "
     "(we help with the move).", "Mexico city area", "MX-CMX"),
    ("Kiln Works | Glaze Engineer | Full time<p>You will need to relocate to Denver, CO.", "Denver, CO",
     "US-CO"),
    ("Kiln Works | Glaze Engineer | Full time<p>Relocation to Leeds or Oslo is paid.", None, None),
])
def test_a_relocation_place_in_the_text(body: str, place: str | None, region: str | None) -> None:
    comment = read_comment(body)
    assert comment.location is None and comment.text_place == place
    got = extract({"source": "hackernews", "title": comment.title, "description": body,
                   "description_format": "html", "location": comment.text_place})
    assert got["region"] == region


# The posting's title names a role the comment offers (lead's ruling, branch hhnt): a header role cell stays
# the title as written, also when it lists several roles; a cell that is no role (a listed, team, level or
# blurb cell, a remark naming "positions") is no title, and the reader's first role is the title instead -
# none when the comment names no role.
@pytest.mark.parametrize(("body", "title"), [
    # a role cell, as written (a list of roles stays whole)
    ("Kiln Works | Senior Glaze Engineer, Kiln Scientist | Oslo | ONSITE<p>We fire pots.",
     "Senior Glaze Engineer, Kiln Scientist"),
    ("Kiln Works | Map Developers | Junior & Senior | Oslo<p>We fire pots.", "Map Developers"),
    ("Company: Kiln Works<p>Position: Glaze Engineer<p>Location: Oslo<p>We fire pots.", "Glaze Engineer"),
    # a listed or team cell: the first role the body lists, else none
    ("Kiln Works | Multiple Positions | Oslo<p>About us<p>- Glaze Engineer<p>- Kiln Lead", "Glaze Engineer"),
    ("Kiln Works | Engineering | Oslo<p>We fire pots for forty towns.", None),
    ("Kiln Works | Open roles | Oslo | ONSITE<p>We fire pots for forty towns.", None),
    # a blurb cell: none; but a cell naming a role by a noun the role words lack is a role
    ("Kiln Works | Pottery for forty towns | Oslo<p>We fire pots.", None),
    ("Kiln Works | Oslo | Glaze Room Mentor | Onsite<p>We fire pots.", "Glaze Room Mentor"),
    ("Kiln Works | Oslo | Clay Technologist, kiln skills a plus | Onsite<p>We fire pots.",
     "Clay Technologist, kiln skills a plus"),
    # a cell that only names "positions" or "role" is a remark, not a role
    ("Kiln Works | Pay depends on position | Oslo<p>We fire pots.", None),
    ("Kiln Works | Oslo | Remote fine for some positions<p>We fire pots.", None),
    # no header role: the role alone on the next line (with the header's level), the first line of a
    # comment with no header
    ("Kiln Works | Oslo | Full-time<p>Glaze Lead<p>We fire pots.", "Glaze Lead"),
    ("Kiln Works | Senior | Oslo<p>Glaze Engineer<p>We fire pots.", "Senior Glaze Engineer"),
    ("Kiln Works | Senior | Oslo<p>Glaze Senior Engineer<p>We fire pots.", "Glaze Senior Engineer"),
    # a listed cell naming a role noun: the body's first role, else the cell ("<level> <area> Dev Positions")
    ("Kiln Works | Several Glaze Engineer Positions | Oslo<p>About us<p>- Kiln Engineer (Midlevel)",
     "Kiln Engineer (Midlevel)"),
    ("Kiln Works | Senior Glaze Dev Positions | Oslo<p>We fire pots for forty towns.",
     "Senior Glaze Dev Positions"),
    ("Glaze and Kiln Engineer (Mid to Senior)<p>Oslo, full-time", "Glaze and Kiln Engineer (Mid to Senior)"),
    ("The Position<p>We fire pots in Oslo.", None),
])
def test_the_title_names_a_role_the_comment_offers(body: str, title: str | None) -> None:
    assert read_comment(body).title == title


def test_the_role_family_reads_the_role_not_a_listed_cell() -> None:
    """"Multiple Positions" as the title put every such comment in `other` (a title naming no family word
    is other); the first listed role decides now, and with none listed the text does."""
    body = ("Kiln Works | Multiple Positions | Oslo | ONSITE<p>We build the software that fires pots.<p>"
            "- Backend Developer (Python)<p>- Frontend Developer (React)")
    got = extract({"source": "hackernews", "title": read_comment(body).title, "description": body,
                   "description_format": "html"})
    assert got["role_family"] == "software_engineering"


# Ninety-second round (real-fresh-v86): a piped header whose role cell carries the place and the mode after
# dashes ("Acme | <role> - <city> - REMOTE OK") holds three cells in one; the place was read as part of the
# title, so the comment had no place. The cell is split where a piece after the role is a place; a dash
# before an area or a mode alone ("<role> - Backend", "<role> - Remote") keeps the cell whole.
@pytest.mark.parametrize(("header", "title", "location", "region"), [
    ("Kiln Works | Glaze Engineer - Leeds - REMOTE OK", "Glaze Engineer", "Leeds", "GB-ENG"),
    ("Kiln Works | Senior Glaze Engineer – Denver, CO – Onsite | Full time", "Senior Glaze Engineer",
     "Denver, CO", "US-CO"),
    # controls: no place after the dash
    ("Kiln Works | Senior Glaze Engineer - Backend | Leeds, UK | Onsite", "Senior Glaze Engineer - Backend",
     "Leeds, UK", "GB-ENG"),
    ("Kiln Works | Glaze Engineer - Remote | Full time", "Glaze Engineer - Remote", None, None),
])
def test_a_role_cell_holding_the_place_after_dashes(header: str, title: str, location: str | None,
                                                    region: str | None) -> None:
    body = header + "<p>We fire pots."
    comment = read_comment(body)
    assert (comment.title, comment.location) == (title, location)
    got = extract({"source": "hackernews", "title": comment.title, "description": body,
                   "description_format": "html", "location": comment.location})
    assert got["region"] == region


# The lead's ruling of the tenth session (h9r89 question 2, coded in the ninetieth round, branch h10r90): an
# apprentice is junior - "Apprentice <role>", also cut short with no role noun ("Apprentice <area> Test"), and
# an apprenticeship offered as the role ("Apprenticeship <area>") are the entry level, like intern and
# trainee. Invented wording.
@pytest.mark.parametrize(("body", "level"), [
    # the first role listed under "open roles:", cut before its role noun
    ("Kiln Works | Oslo | Full-Time, Onsite | https://kiln.example<p>We fire pots.<p>Here are our open roles:"
     "<p>- Apprentice Glaze Test: https://kiln.example/jobs/1<p>- Senior Kiln Developer: https://kiln.example/2",
     "junior"),
    # an apprenticeship as the header's role cell
    ("Kiln Works | Apprenticeship Glaze Development | Oslo, Norway | Onsite<p>We offer a three-year "
     "apprenticeship in glaze development.", "junior"),
    ("Kiln Works | Apprentice Kiln Developer | Oslo | Onsite<p>We fire pots.", "junior"),
    ("Kiln Works | Oslo | Onsite<p>We are looking for an apprentice to join our glaze team.", "junior"),
    # controls: the first role listed names no level, a later apprentice does not decide; a plain cell
    ("Kiln Works | Oslo | Full-Time, Onsite<p>We fire pots.<p>Here are our open roles:"
     "<p>- Glaze Support Agent: https://kiln.example/jobs/1<p>- Apprentice Kiln Test: https://kiln.example/2",
     "unspecified"),
    ("Kiln Works | Glaze Craftspeople and Apprentices | Oslo | Onsite<p>We fire pots.", "unspecified"),
    ("Kiln Works | Glaze Development | Oslo | Onsite<p>We fire pots.", "unspecified"),
])
def test_ninetieth_round_an_apprentice_is_junior(body: str, level: str) -> None:
    assert _seniority(body) == level


# Ninetieth round: "admin" is a role noun, so a header cell naming an admin role is the role and the title.
# Invented wording.
def test_ninetieth_round_an_admin_cell_is_the_role() -> None:
    comment = read_comment("Kiln Works | Sys Admin | Oslo | info@kiln.example<p>We fire pots.")
    assert comment.title == "Sys Admin" and comment.roles == (Role("Sys Admin"),)


# Hundred-and-fourth round (real-fresh-v98; invented wording): a relocation place closing its clause before a
# comma and a lower-case clause ("relocate to <country>, feel free to write") is one place, not a list.
@pytest.mark.parametrize(("body", "place", "country"), [
    ("If you like kilns and would be willing to relocate to Norway, drop me a line.<p>Glaze skills a plus.",
     "Norway", "NO"),
    ("Kiln Works | Glaze Engineer | Full time<p>You must relocate to Denver, CO, we pay the move.",
     "Denver, CO", "US"),
    # a list of places goes on after the comma: none
    ("Kiln Works | Glaze Engineer | Full time<p>You may relocate to Leeds, Oslo or Boise.", None, None),
])
def test_a_relocation_place_before_a_lower_case_clause(body: str, place: str | None, country: str | None
                                                       ) -> None:
    comment = read_comment(body)
    assert comment.text_place == place
    got = extract({"source": "hackernews", "title": comment.title, "description": body,
                   "description_format": "html", "location": comment.text_place})
    assert got["country"] == country


# Later batch real-later-v6 (invented wording): a comment whose header names no role and whose text lists the
# openings one a line, each with its own link and no bullet ("Sr. <role> - <team> <link>"), takes the first
# line's role as its first role (the first-role ruling), as a bulleted list does. Only the body's first line
# holding a link may open such a list: a single linked line, a sentence, a first line that is no title and
# linked lines under a heading ending in a colon are read as before.
@pytest.mark.parametrize(("body", "level"), [
    ("Kiln Works | Oslo | Remote or Onsite https://kiln.example/jobs<p>We fire pots for 200 shops.<p>"
     "Sr. Glaze Engineer - Kiln Products https://jobs.example/a1?x=1<p>Sr. Glaze Engineer KilnPay "
     "https://jobs.example/a2<p>Mobile Kiln Developer https://jobs.example/a3", "senior"),
    ("Kiln Works | Oslo | Onsite<p>We fire pots.<p>Lead Kiln Engineer (https://jobs.example/l)<p>"
     "Glaze Designer (https://jobs.example/d)", "lead"),
    ("Kiln Works | Oslo | Onsite<p>We fire pots.<p>Glaze Engineer - https://jobs.example/g<p>"
     "Senior Kiln Engineer - https://jobs.example/k", "unspecified"),
    # controls: one linked line only; a sentence ending in a link; a first linked line that is no title;
    # linked lines under a colon heading
    ("Kiln Works | Oslo | Onsite<p>We fire pots.<p>Senior Glaze Engineer https://jobs.example/s",
     "unspecified"),
    ("Kiln Works | Oslo | Onsite<p>We fire pots.<p>Our senior potters wrote about it at https://blog.example/a"
     "<p>See more at https://kiln.example/jobs", "unspecified"),
    ("Kiln Works | Oslo | Onsite<p>We fire pots.<p>All open jobs- https://jobs.example/all<p>"
     "Sr. Glaze Engineer- https://jobs.example/s<p>Kiln Designer- https://jobs.example/d", "unspecified"),
    ("Kiln Works | Oslo | Onsite<p>We fire pots.<p>Other teams hire too:<p>Sr. Glaze Engineer "
     "https://jobs.example/a<p>Kiln Designer https://jobs.example/b", "unspecified"),
    ("Kiln Works | Oslo | Onsite<p>We fire pots.<p>We're particularly looking for:<p>Glazing, Kiln R&D; "
     "https://jobs.example/a (you'd work with me)<p>Senior kiln engineers; https://jobs.example/b",
     "unspecified"),
])
def test_later_v6_a_list_of_linked_openings_without_bullets(body: str, level: str) -> None:
    assert _seniority(body) == level


# Later batch real-later-v10, classes A and C (h14r115; invented wording): under a header naming no role, a
# bulleted list below "Right now we are looking for:" or "We are hiring across the board, selected posts
# include:" opens with the comment's first role (the first-role ruling).
@pytest.mark.parametrize(("body", "level"), [
    ("Kiln Works | Oslo | ONSITE<p>We fire pots.<p>Right now we are looking for:<p>* Experienced kiln "
     "engineering managers<p>* Mid to Senior glaze developers", "manager"),
    ("Kiln Works | OSLO, LEEDS | Onsite | Full-time<p>We fire pots.<p>We are hiring across the board, "
     "selected posts include:<p>* Senior Glaze Developers<p>* Kiln managers", "senior"),
    # control: requirements under a "what" line
    ("Kiln Works | Oslo | ONSITE<p>We fire pots.<p>What we are looking for:<p>* Senior-level glaze chemistry",
     "unspecified"),
])
def test_later_v10_a_hiring_line_with_an_adverb_or_posts(body: str, level: str) -> None:
    assert _seniority(body) == level


# Later batch real-later-v28: a header line broken after a cell separator ("<role> - <company> |" above
# "<address> | <place> | <blurb>") goes on in the next line: its cells are the header's, up to a cell that
# runs into the text; a first line that ends with no separator, or a next line with no cell, keeps its
# reading. Invented wording.
@pytest.mark.parametrize(("body", "location"), [
    ("Senior Glaze Engineer - Kiln Works |<p>https://kiln.example | Boise, Idaho USA | Kiln Works fires "
     "pots for kitchens in many countries.<p>Apply at the link.", "Boise, Idaho USA"),
    ("Kiln Works |<p>Glaze Engineer, Kiln Room Supervisor | Oslo, Norway | Onsite<p>We fire pots.",
     "Oslo, Norway"),
    # controls
    ("Kiln Works | Glaze Engineer | Oslo, Norway<p>Leeds | Onsite<p>We fire pots.", "Oslo, Norway"),
    ("Kiln Works | Glaze Engineer |<p>We fire pots in Oslo and Leeds.", None),
])
def test_a_header_line_going_on_after_a_cell_separator(body: str, location: str | None) -> None:
    assert read_comment(body).location == location


def test_the_header_going_on_gives_the_place() -> None:
    body = ("Senior Glaze Engineer - Kiln Works |<p>https://kiln.example | Hoopeston, Illinois USA | Kiln "
            "Works fires pots.<p>Apply at the link.")
    comment = read_comment(body)
    got = extract({"source": "hackernews", "title": comment.title, "description": body,
                   "description_format": "html", "location": comment.location})
    assert (got["country"], got["region"], got["city"]) == ("US", "US-IL", "Hoopeston")


def test_a_cell_running_into_the_text_ends_the_header_going_on() -> None:
    # the text after the mode word is no cell: it names no role (a "senior chefs" sentence is not the title)
    comment = read_comment("Kiln Works | Oslo, Norway | Multiple positions |<p>Full-time | ONSITE We are a "
                           "small studio firing pots for senior chefs. Apply below.<p>We fire pots.")
    assert comment.location == "Oslo, Norway" and comment.title is None
