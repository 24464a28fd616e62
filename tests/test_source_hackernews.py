"""The hackernews adapter: HN "Who is hiring?" comments (mapped files and Firebase items)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pycountry
import pytest
import yaml

from etl.extract import extract
from etl.normalize import hn_comment
from etl.normalize.location import Location, parse_location
from etl.record import Posting, Rejected, SourceError
from etl.sources import SourceOptions, detect, hackernews
from etl.sources._io import MAX_FIELD_CHARS, read_head

FIX = Path(__file__).parent / "fixtures" / "sources" / "hackernews"


def _read(path: Path) -> list[Posting | Rejected]:
    return list(hackernews.read(path, SourceOptions()))


def test_pipe_header_entities_and_flags() -> None:
    items = _read(FIX / "2024-03.json")
    assert [i.record_no for i in items] == [1, 2, 3, 4, 5]
    p = items[0]
    assert isinstance(p, Posting)
    assert (p.company, p.title, p.location) == ("Quillwork", "Senior Backend Engineer", "Berlin, Germany")
    assert p.salary_text == "€70k-€90k"
    assert p.remote_hint is False  # ONSITE in the header
    assert p.job_type == "Full-time"
    assert p.source_id == "90000001" and (p.url or "").endswith("item?id=90000001")
    assert p.posted_date == date(2024, 3, 1)  # first day of the file's month
    assert p.country_hint == "DE"
    # raw HTML kept for the cleaner
    assert p.description_format == "html" and "&amp;" in (p.description or "")
    assert p.extra["user"] == "quillhire"


def test_company_position_location_style() -> None:
    p = _read(FIX / "2024-03.json")[1]
    assert isinstance(p, Posting)
    assert p.company == "Tern & Tide"  # entities unescaped in parsed fields
    assert p.title == "Staff Data Engineer"
    assert p.location == "Portland, OR"
    assert p.remote_hint is True


def test_empty_comment_rejected() -> None:
    r = _read(FIX / "2024-03.json")[2]
    assert isinstance(r, Rejected) and r.reason == "empty comment" and r.record_no == 3
    assert "90000003" in r.raw


def test_tags_stripped_role_detected_and_junk_parser_location_ignored() -> None:
    p = _read(FIX / "2024-03.json")[3]
    assert isinstance(p, Posting)
    assert p.company == "Lumen Paper"  # <i> tags stripped
    assert p.title == "Developer Advocate & Frontend Dev"
    assert p.location == "Toronto, ON"  # not the parser's junk "Frontend, Backend,"
    assert p.salary_text == "$120,000 - $150,000 CAD"
    assert p.remote_hint is True


def test_free_text_header_uses_hiring_phrase_and_parser_location() -> None:
    p = _read(FIX / "2024-03.json")[4]
    assert isinstance(p, Posting)
    assert p.company == "Orchard Robotics"
    assert p.title is None and p.salary_text is None  # "$20M" is funding, not pay
    assert p.location == "Fresno, CA"  # the parser's guess, not junk
    assert p.remote_hint is None  # parser flag false = not mentioned
    assert p.country_hint is None  # "Canada" is not a 2-letter code


def test_firebase_jsonl() -> None:
    items = list(hackernews.read(FIX / "firebase.jsonl", SourceOptions()))
    assert [type(i).__name__ for i in items] == ["Posting", "Rejected", "Rejected"]
    p = items[0]
    assert isinstance(p, Posting)
    assert (p.company, p.title, p.location, p.salary_text) == (
        "Pelican Maps", "Principal Developer (Rust)", "London, UK", "£95k")
    assert p.source_id == "91000001" and p.url == "https://news.ycombinator.com/item?id=91000001"
    assert p.posted_date == date(2024, 3, 1)  # from time
    assert isinstance(items[1], Rejected) and items[1].reason == "empty comment"
    assert isinstance(items[2], Rejected) and items[2].reason.startswith("not a comment")


def test_firebase_array(tmp_path: Path) -> None:
    rows = [json.loads(line) for line in (FIX / "firebase.jsonl").read_text().splitlines()]
    f = tmp_path / "thread.json"
    f.write_text(json.dumps(rows))
    assert hackernews.detect(f, read_head(f)) >= 80
    assert [type(i).__name__ for i in _read(f)] == ["Posting", "Rejected", "Rejected"]


def test_detect() -> None:
    for name in ("2024-03.json", "firebase.jsonl"):
        path = FIX / name
        assert hackernews.detect(path, read_head(path)) >= 85
        assert detect(path).NAME == "hackernews"
    other = FIX.parent / "lever" / "northwind.json"
    assert hackernews.detect(other, read_head(other)) == 0


def test_bad_input(tmp_path: Path) -> None:
    empty = tmp_path / "2024-01.json"
    empty.write_text("  \n")
    binary = tmp_path / "2024-02.json"
    binary.write_bytes(bytes(range(256)) * 10)
    truncated = tmp_path / "2024-03.json"
    truncated.write_text((FIX / "2024-03.json").read_text()[:700])
    wrong = tmp_path / "2024-04.json"
    wrong.write_text('{"jobs": "no"}')
    for path, message in ((empty, "empty"), (binary, "binary"), (truncated, "truncated or "
                                                                            "invalid JSON at line"),
                          (wrong, "expected a JSON array of jobs")):
        with pytest.raises(SourceError, match=message):
            _read(path)


def test_oversized_and_bad_line(tmp_path: Path) -> None:
    f = tmp_path / "items.jsonl"
    big = {
        "by": "x",
        "id": 1,
        "time": 1709301600,
        "type": "comment",
        "text": "A | B<p>" + "x" * (MAX_FIELD_CHARS + 100_000),
    }
    f.write_text(
        json.dumps(big) + "\n{not json\n" + json.dumps({**big, "id": 2, "text": "Co | Developer"}) + "\n"
    )
    items = _read(f)
    assert [i.record_no for i in items] == [1, 2, 3]
    assert isinstance(items[0], Rejected) and items[0].reason.startswith("field larger than")
    assert isinstance(items[1], Rejected) and items[1].reason.startswith("invalid JSON")
    assert isinstance(items[2], Posting) and items[2].title == "Developer"


@pytest.mark.shared
def test_every_shared_comment_accounted_for(shared_datasets: Path) -> None:
    folder = shared_datasets / "hn-whoishiring-mapped"
    total = 0
    for path in sorted(folder.glob("*.json")):
        expected = len(json.loads(path.read_text(encoding="utf-8")))
        items = _read(path)
        assert len(items) == expected, path.name
        assert [i.record_no for i in items] == list(range(1, expected + 1))
        month = date(int(path.stem[:4]), int(path.stem[5:7]), 1)
        assert all(i.posted_date == month for i in items if isinstance(i, Posting))
        assert detect(path).NAME == "hackernews"
        total += len(items)
    assert total == 4726
    # a known comment from the April 2018 thread (id 16738003)
    items = _read(folder / "2018-04.json")
    conductor = next(i for i in items if isinstance(i, Posting) and i.source_id == "16738003")
    assert conductor.company == "Conductor"
    assert conductor.title == "Senior Software Developer and Product Manager"
    assert conductor.location == "New York, N"
    assert conductor.remote_hint is False and conductor.country_hint == "US"
    goodrx = next(i for i in items if isinstance(i, Posting) and i.company == "GoodRx")
    assert goodrx.title == "Senior Security Engineer - Full Time" and goodrx.location == "Santa Monica, CA"


def test_header_words_data_file() -> None:
    """etl/data/hackernews_header.yaml: the lists the adapter reads, each entry once, each compiles alone."""
    text = hn_comment.HEADER_WORDS.read_text(encoding="utf-8")
    assert "# source:" in text
    data = yaml.safe_load(text)
    assert set(data) == set(hn_comment.WORD_LISTS)  # a list the adapter does not read would be ignored
    for key, words in data.items():
        assert words and all(isinstance(w, str) and w.strip() == w and w for w in words), key
        assert len({w.lower() for w in words}) == len(words), (
            key,
            sorted(w for w in words if words.count(w) > 1),
        )
        for w in words:
            assert re.compile(w, re.I).fullmatch("") is None, (key, w)  # an empty match would match any part
    assert hn_comment.header_words() == {k: tuple(v) for k, v in data.items()}


def test_places_are_names_pycountry_lacks() -> None:
    known = {c.name.lower() for c in pycountry.countries}
    known |= {s.name.lower() for s in pycountry.subdivisions.get(country_code="US") or []}
    for place in hn_comment.header_words()["places"]:
        literal = place.replace("\\", "")
        assert literal.lower() not in known, place
        assert re.fullmatch(place, literal, re.I), place
    assert hn_comment._PLACE.search("Berlin, Europe | NYC")


def test_header_words_classify_parts() -> None:
    for role in ("Engineer", "Developers", "Frontend"):
        assert hn_comment._ROLE.search(role)
    assert all(hn_comment._JOB_TYPE.fullmatch(w) for w in ("Full-time", "Contractors", "Internship"))
    assert hn_comment._ONSITE.search("ONSITE") and hn_comment._VISA.search("H1B")
    head = hackernews.parse_header("Acme | Senior Engineer | Bay Area or REMOTE | Full-time | Visa")
    assert head == {"company": "Acme", "title": "Senior Engineer", "location": "Bay Area or REMOTE",
                    "remote": True, "job_type": "Full-time"}


def test_place_written_after_the_company_name() -> None:
    # "Babylist - Oakland, CA | Full Time | ONSITE": the header's only place follows the company's name
    from etl.sources.hackernews import parse_header

    head = parse_header("Babylist - Oakland, CA | Full Time | ONSITE<p>At Babylist, we make ...")
    assert (head["company"], head["location"]) == ("Babylist", "Oakland, CA")
    head = parse_header("Acme - Data Science | Remote<p>x")
    assert head["company"] == "Acme - Data Science" and "location" not in head


@pytest.mark.parametrize(("line", "location"), [
    # sixth tune round (issue 9): a district in brackets after the city ("Los Angeles (West Hollywood)")
    ("Wag Labs, Inc. | https://wagwalking.com | Los Angeles (West Hollywood) | Full Time | ONSITE",
     "Los Angeles (West Hollywood)"),
    ("Acme | Berlin (Kreuzberg) | Backend Engineer", "Berlin (Kreuzberg)"),
    ("Acme | Backend Engineer (Go) | Full-time", None),
])
def test_a_place_with_a_district_in_brackets(line: str, location: str | None) -> None:
    assert hackernews.parse_header(line).get("location") == location


def test_flags_are_not_a_place() -> None:
    head = hackernews.parse_header("Gusto | VISA, ONSITE | Sr. Rails/React Engineer | San Francisco")
    assert head.get("location") == "San Francisco"


def test_brackets_after_two_places_or_a_flag_are_no_district() -> None:
    two = hackernews.parse_header("Wärtsilä | Data Engineers | Helsinki (FI), Hamburg (DE) | ONSITE")
    assert two.get("location") is None  # two places, not one with a district
    flag = hackernews.parse_header("Acme | ONSITE | Full-time | Visa OK (TN, OPT, or H1B transfer) | $105k+")
    assert flag.get("location") is None  # "Visa OK" is a flag (and a town in Oklahoma)


@pytest.mark.parametrize(("line", "company", "location", "title"), [
    # thirteenth round (issue 9, real-fresh-v7): the place first ("City, Region"), the company after it
    ("Leeds, UK | Glimmer Ltd (maps) | Senior Platform Engineer | ONSITE", "Glimmer Ltd (maps)", "Leeds, UK",
     "Senior Platform Engineer"),
    ("TULSA, OK | ONSITE | Backend Developer | Prairie Media", "Prairie Media", "TULSA, OK",
     "Backend Developer"),
    # a first cell that is a company with a place and a link in it stays the company (its link is no part of
    # the name: branch hext)
    ("Glimmer Maps, Leeds http://glimmer.example/| Data Engineer | Onsite",
     "Glimmer Maps, Leeds", None, "Data Engineer"),
    ("Acme is hiring! See our openings in Leeds, York, and Bath. https://ex.org/jobs/", None, None, None),
])
def test_the_place_before_the_company(line: str, company: str | None, location: str | None,
                                      title: str | None) -> None:
    head = hackernews.parse_header(line)
    if company is None:  # a sentence: its first cell is never read as a place
        assert head.get("location") != line.split("/")[0].strip()
        return
    assert (head.get("company"), head.get("location"), head.get("title")) == (company, location, title)


@pytest.mark.parametrize(("body", "location"), [
    # thirteenth round (issue 9): a header-less comment whose first sentence places its openings in one place
    ("Glimmer has a few openings onsite in downtown Leeds UK: https://example.org/jobs ... one is my team's.",
     "Leeds UK"),
    ("We have two positions in Halifax: see https://example.org", "Halifax"),
    # a list of places, a complaint, a place no gazetteer knows: nothing
    ("Glimmer has openings in Leeds, York and Hull: https://example.org", None),
    ("How come there are no jobs in Perth?", None),
    ("Glimmer has openings in Narnia: https://example.org", None),
])
def test_a_headerless_comment_placing_its_openings(body: str, location: str | None) -> None:
    assert hackernews.parse_header(body).get("location") == location


def test_the_parsers_first_place_of_a_header_listing_several_is_no_location() -> None:
    # sixteenth round (issue 9; invented wording): the header cell lists offices in three states and the
    # parser's guess is the first of them, written with a comma: the posting names no single place
    body = ("Hollow Oak Software | | Dayton OH, Tempe AZ, Ames IA | ONSITE INTERNS  https://example.com"
            "<p>Positions: * Developer I (Dayton, OH)")
    p = hackernews._posting({"full_html": body, "location": "Dayton, OH"}, 1, None)
    # (eighty-seventh round: the cell itself is now read as the list of places it is - the country, no region)
    assert isinstance(p, Posting) and p.location == "Dayton OH, Tempe AZ, Ames IA"
    assert parse_location(p.location) == Location(country="US")
    # a guess that is the header's one place stays
    one = hackernews._posting({"full_html": "Hollow Oak Software | Developer | ONSITE<p>Dayton, OH office",
                               "location": "Dayton, OH"}, 2, None)
    assert isinstance(one, Posting) and one.location == "Dayton, OH"


def test_the_country_of_a_junk_parser_guess_is_dropped_with_it() -> None:
    # eighteenth round (issue 9, real-fresh-v12; invented wording): the parser took the roles cell for a
    # place ("Engineers, Designers,") and geocoded it; its country is as wrong as the guess, so it goes too
    body = "Quarry Labs | Engineers, Designers, Analysts | Offices worldwide | ONSITE<p>We build tools."
    p = hackernews._posting({"full_html": body, "location": "Engineers, Designers,", "country": "US"}, 1,
                            None)
    assert isinstance(p, Posting) and p.location is None and p.country_hint is None
    # the country of a guess that is a place stays
    good = hackernews._posting({"full_html": "Quarry Labs | Engineer | Dayton, OH | ONSITE<p>Tools.",
                                "location": "Dayton, OH", "country": "US"}, 2, None)
    assert isinstance(good, Posting) and good.country_hint == "US"
    # and so does the country of a place the parser cut short (a junk guess by its shape, but a place)
    cut = hackernews._posting({"full_html": "Calgary, Alberta, Canada | Quarry Labs | Engineer<p>Tools.",
                               "location": "Calgary, Alberta,", "country": "CA"}, 3, None)
    assert isinstance(cut, Posting) and cut.country_hint == "CA"


def test_the_country_of_a_junk_guess_cut_from_the_text_is_dropped() -> None:
    # later batch real-later-v36 (invented wording): a comment with no header cells, the parser's guess a run
    # of brand names cut from a sentence ("think Kilnly, Glazer, Potto") and geocoded; no place, so no country
    body = ("Kiln Works builds a marketplace for pottery studios (think Kilnly, Glazer, Potto) without fees."
            "<p>We are a distributed team and open to remote. Write to us.")
    p = hackernews._posting({"full_html": body, "location": "Kilnly, Glazer,", "country": "US"}, 1, None)
    assert isinstance(p, Posting) and p.location is None and p.country_hint is None
    # a junk-shaped guess of the header's flags cell keeps its country (hundred-and-fourth round)
    flags = hackernews._posting({"full_html": "Kiln Works | Glaze Engineer | Remote, Onsite<p>Tools.",
                                 "location": "Remote, Onsite", "country": "US"}, 2, None)
    assert isinstance(flags, Posting) and flags.country_hint == "US"
    # and a place cut short in the text keeps its country
    cut = hackernews._posting({"full_html": "We build tools in Calgary, Alberta, for potters.<p>Write to us.",
                               "location": "Calgary, Alberta,", "country": "CA"}, 3, None)
    assert isinstance(cut, Posting) and cut.country_hint == "CA"


def test_the_country_of_a_parser_guess_naming_a_company_is_dropped() -> None:
    # eighteenth round (issue 9, tune half; invented wording): the parser took a company's name ("Upside,
    # Inc") for a place and geocoded it; a header naming no place keeps no country from it
    body = "Cobalt Dating is hiring engineers to connect people across Asia.<p>Write to us."
    p = hackernews._posting({"full_html": body, "location": "Upside, Inc", "country": "US"}, 1, None)
    assert isinstance(p, Posting) and p.country_hint is None
    # a state written as "CO" is no company form
    co = hackernews._posting({"full_html": "Stride, Boulder, CO | Android Developer<p>Apps.",
                              "location": "Boulder, CO", "country": "US"}, 2, None)
    assert isinstance(co, Posting) and co.country_hint == "US"


def test_a_comment_copied_with_its_vote_line_reads_the_header_after_it() -> None:
    # forty-seventh round (issue 9, real-fresh-v41; invented wording): a comment pasted again from the thread
    # page opens with the page's vote line ("N points by user N days ago | parent | on: Ask HN ..."); the
    # header is the next line, and the parser's guess from the text (a city the writer left) is not the place
    body = ("12 points by quillhire 29 days ago | parent [-] | on: Ask HN: Who is hiring? (May 2024)"
            "<p>Quarry Labs | Boise Metro Area | Full Time, ONSITE\nI left Austin startups to build cars.")
    head = hackernews.parse_header(body, "Austin")
    assert (head.get("company"), head.get("location"), head.get("remote")) == (
        "Quarry Labs", "Boise Metro Area", False)
    p = hackernews._posting({"full_html": body, "location": "Austin", "country": "US"}, 1, None)
    assert isinstance(p, Posting) and p.location == "Boise Metro Area" and p.country_hint == "US"
    # a header that merely mentions points is no vote line
    plain = hackernews.parse_header("Quarry Labs | Engineer | Boise, ID<p>3 points by reviewers ago", None)
    assert plain.get("location") == "Boise, ID"


@pytest.mark.parametrize(("line", "location"), [
    # forty-seventh round (issue 9; invented wording): "Onsite in <place>" as the header's only place cell
    ("Quarry Labs | Engineer | Full-time | Onsite in Denver", "Onsite in Denver"),
    ("Quarry Labs | Engineer | ONSITE at Boise, ID", "ONSITE at Boise, ID"),
    ("Quarry Labs | Engineer | Full-time | Onsite", None),
])
def test_onsite_in_a_place(line: str, location: str | None) -> None:
    assert hackernews.parse_header(line + "<p>We build tools.").get("location") == location


def test_a_web_address_with_a_country_domain_is_no_place() -> None:
    # forty-seventh round (issue 9, tune half; invented wording): the company cell carries its address in
    # brackets; the country domain (".co.uk") in it named a place, so the company was taken for the location
    head = hackernews.parse_header(
        "Leeds, UK | Quarry Labs (https://www.quarrylabs.co.uk) | Fintech | Engineer | Onsite<p>We build.")
    assert head.get("location") == "Leeds, UK"
    # "Perm" beside "Contract" is the permanent job type, not the Russian city of that name
    perm = hackernews.parse_header(
        "Leeds, UK | Quarry Labs (https://www.quarrylabs.co.uk) | Fintech | Engineer | Contract or Perm")
    assert perm.get("location") == "Leeds, UK"
    # a place written beside its own address stays a place
    assert hn_comment._looks_like_place("Leeds, UK (www.example.org)")


@pytest.mark.parametrize(("line", "location"), [
    # fifty-second round (issue 9, tune half and unlabelled comments; invented wording): a header cell listing
    # several places with "/", "&", "and" or ";" is the place cell (its flag characters hid it before)
    ("Quarry Labs | Engineer | Tulsa / Dayton | ONSITE", "Tulsa / Dayton"),
    # (passed on as the list the location parser reads, "A / B": hhn's round on real-fresh-v71)
    ("Quarry Labs | Engineer | Sevilla & Valencia", "Sevilla / Valencia"),
    ("Quarry Labs | Engineer | Osaka and Oakland | Full-time", "Osaka / Oakland"),
    ("Quarry Labs | Engineer | Red Deer, Alberta / Saint John, New Brunswick | Onsite",
     "Red Deer, Alberta / Saint John, New Brunswick"),
    # flags and roles listed so are no place
    ("Quarry Labs | Engineer | Full-time / Onsite", None),
    ("Quarry Labs | Designers and Engineers | Full-time", None),
])
def test_a_header_cell_listing_several_places(line: str, location: str | None) -> None:
    assert hackernews.parse_header(line + "<p>We build tools.").get("location") == location


def test_a_place_list_cell_wins_over_a_junk_parser_guess() -> None:
    # fifty-second round (issue 9, tune half; invented wording): the parser geocoded the roles cell (a US
    # country); the header's place cell lists two Canadian cities with their provinces: Canada, no province
    body = ("Quarry Labs | Data Engineers, Project Managers, QA Engineers | Onsite | Red Deer, Alberta / "
            "Saint John, New Brunswick<p>We build tools.")
    p = hackernews._posting({"full_html": body, "location": "Project Managers, QA", "country": "US"}, 1, None)
    assert isinstance(p, Posting) and p.location == "Red Deer, Alberta / Saint John, New Brunswick"
    assert parse_location(p.location, country_hint=p.country_hint) == Location(country="CA")


# Fifty-seventh round (issue 9, real-fresh-v51; invented wording): a header naming no place, and a parser
# guess that is one member of a list of places in the text ("a team in Leeds, Glasgow and Cardiff"), is not
# that one place: the list is the location, so the location parser gives the country only (several regions)
# or nothing (several countries). A guess standing alone, or written with its own region and country, stays.
@pytest.mark.parametrize(("text", "guess", "country", "want"), [
    ("We are a remote crew, spread over Leeds, Glasgow, Cardiff and Belfast.", "Glasgow", "GB",
     Location(country="GB")),
    ("Our staff work remotely from Denver, Austin or Boston.", "Austin", "US", Location(country="US")),
    ("Offices in Lyon, Oslo and Austin; all roles can be remote.", "Oslo", "NO", Location()),
    ("We staff our New York City, Arizona and Ohio hubs.", "New York", "US", Location(country="US")),
    ("Desks in Austin, TX and Dallas, TX.", "Austin, TX", "US", Location(country="US", region="US-TX")),
    # controls
    ("We are a remote crew; the founders met in Glasgow.", "Glasgow", "GB",
     Location(country="GB", region="GB-SCT", city="Glasgow")),
    ("Our seat is Toronto, ON, Canada. Remote roles.", "Toronto, ON", "CA",
     Location(country="CA", region="CA-ON", city="Toronto")),
])
def test_a_parser_guess_inside_a_list_of_places_is_the_list(text: str, guess: str, country: str,
                                                              want: Location) -> None:
    # no REMOTE cell: a remote comment's guess named alone in its text is no place (later batch
    # real-later-v13, test_a_remote_comments_guess_named_only_in_its_text_is_no_place): not their point
    body = f"Quarry Labs | Backend Engineer | Full-time<p>{text}"
    assert _place_read(body, guess, country) == want


def _place_read(body: str, guess: str, country: str) -> Location:
    """The place a comment's posting carries, read as the load reads it (the parser's guess beside it)."""
    p = hackernews._posting({"full_html": body, "location": guess, "country": country}, 1, None)
    assert isinstance(p, Posting)
    return parse_location(p.location, country_hint=p.country_hint)


def test_a_web_address_in_a_header_line_is_not_cut_into_cells_at_its_slashes() -> None:
    """h9r59 (sixth session): a first line with no "|" was split on the slashes inside its web address, so the
    company read "Acme Robotics, Leeds UK, ONSITE https:" and the title the address's last path piece
    (18 Hacker News records changed in the snapshot). A web address's slashes separate no cells; slashes
    between cells still do."""
    from etl.sources.hackernews import parse_header

    cut = parse_header("Acme Robotics, Leeds UK, ONSITE https://acme.example.com/careers/platform-engineer")
    assert "https:" not in str(cut.get("company")) and cut.get("title") != "platform-engineer"
    assert parse_header("Orbital hires: http://orbital.example.org/en/join/web-developer/") == {}
    assert parse_header("Acme/Backend Engineer/Berlin") == {
        "company": "Acme", "title": "Backend Engineer", "location": "Berlin"}
    spaced = parse_header("Acme / Backend Engineer / Berlin / https://acme.io/x/y")
    assert spaced["title"] == "Backend Engineer"
    dashed = parse_header("Acme - Data Engineer - Leeds, UK - acme.io/jobs/data/senior")
    assert dashed["location"] == "Leeds, UK"


@pytest.mark.parametrize(("line", "guess", "company", "location"), [
    # seventy-first round (issue 9, real-fresh-v65; invented wording): the header opens with the place, the
    # parser's guess names that cell, and no company follows it or the place has no region beside it: the
    # first cell is the place, not the company (28 comments of the warehouse)
    ("Boise | Quarry Labs | Backend Engineers | ONSITE | Full-Time", "Boise", "Quarry Labs", "Boise"),
    ("Tulsa, OK | Full time | ONSITE | http://quarry.example", "Tulsa, OK", None, "Tulsa, OK"),
    ("Leeds, West Yorkshire | ONSITE | Full-time | Visa OK", "Leeds", None, "Leeds, West Yorkshire"),
    ("Leeds|Backend Engineers|Kotlin|Onsite", "Leeds", None, "Leeds"),  # a skill cell after the role
    # controls: a company cell the guess does not name, a company named after a town, a place cell after it
    ("Quarry Labs | Backend Engineers | ONSITE", "Boise", "Quarry Labs", None),
    ("Boise Robotics | Backend Engineers | ONSITE", "Boise", "Boise Robotics", None),
    ("Quarry Labs | Engineers | Tulsa, OK | ONSITE", "Tulsa, OK", "Quarry Labs", "Tulsa, OK"),
])
def test_a_first_cell_the_parser_placed_is_the_place(line: str, guess: str, company: str | None,
                                                     location: str | None) -> None:
    head = hackernews.parse_header(line + "<p>We build tools.", guess)
    assert (head.get("company"), head.get("location")) == (company, location)


def test_a_company_and_its_place_in_the_first_cell_stay_apart() -> None:
    # seventy-first round (invented wording): the first cell holds the company and then its place; the
    # parser's guess is the place part only, so the cell is not the place (the dash rule splits it)
    line = "Quarry Labs - Tulsa, OK | Full Time | ONSITE<p>We build tools."
    head = hackernews.parse_header(line, "Tulsa, OK")
    assert (head.get("company"), head.get("location")) == ("Quarry Labs", "Tulsa, OK")


@pytest.mark.parametrize(("header", "guess", "want"), [
    # seventy-first round (issue 9, real-fresh-v65; invented wording): a header with commas between its cells
    # and the parser's guess cut inside the city's name ("Labs, Santa" of "Quarry Labs, Santa Rosa CA"): the
    # city is completed from the header; the company's words before it are no place
    ("Quarry Labs, Santa Rosa CA, ONSITE. Backend engineer.", "Labs, Santa",
     Location(city="Santa Rosa", region="US-CA", country="US", metro="Santa Rosa-Petaluma")),
    ("Quarry Robotics, Palo Alto, California, full time", "Robotics, Palo",
     Location(city="Palo Alto", region="US-CA", country="US", metro="San Jose-Sunnyvale-Santa Clara")),
    # controls: a guess that is a place stays ("Wellington, New" + "Zealand" completes a country, no city)
    ("Quarry Labs, Wellington, New Zealand, ONSITE", "Wellington, New",
     Location(city="Wellington", region="NZ-WGN", country="NZ")),
])
def test_a_parser_guess_cut_inside_a_city_name_is_completed(header: str, guess: str, want: Location) -> None:
    p = hackernews._posting({"full_html": header + "<p>We build tools.", "location": guess}, 1, None)
    assert isinstance(p, Posting)
    assert parse_location(p.location, country_hint=p.country_hint) == want


@pytest.mark.parametrize(("header", "guess", "country", "region"), [
    # seventy-ninth round (issue 9, real-fresh-v73; invented wording): a header listing the job's places in
    # several cells names them all, so the first cell alone is not the place: two countries -> none, two
    # regions of one country -> the country only
    ("Quillfeather | Backend Engineer | Leeds, UK (ONSITE) | Pune (ONSITE)", "Leeds, UK", None, None),
    ("Quillfeather | Engineers | Denver, CO | Raleigh, NC | Full-time | ONSITE", "Denver, CO", "US", None),
    ("Quillfeather | Engineer | Lyon, France | Porto, Portugal | ONSITE", "Lyon, France", None, None),
    ("Quillfeather | Engineer | Austin | Toronto | VISA | ONSITE", "Austin", None, None),
    # controls: remote work beside the place, the same place twice, a country cell, one place
    ("Quillfeather | Engineer | Denver, CO | REMOTE (US only)", "Denver, CO", "US", "US-CO"),
    ("Quillfeather | Engineer | NYC | New York | ONSITE", "NYC", "US", "US-NY"),
    ("Quillfeather | Engineer | Denver, CO | USA | ONSITE", "Denver, CO", "US", "US-CO"),
    ("Quillfeather | Engineer | Boston, MA | Full-time", "Boston, MA", "US", "US-MA"),
    # a later place cell that also offers remote work still names its place (review hrev8: it was skipped, so
    # two countries read as the first one's)
    ("Quillfeather | Engineer | Leeds, UK | Tulsa, OK or REMOTE", "Leeds, UK", None, None),
    ("Quillfeather | Engineer | Denver, CO | Tulsa, OK or REMOTE", "Denver, CO", "US", None),
])
def test_a_header_listing_places_in_several_cells_names_them_all(header: str, guess: str, country: str | None,
                                                                  region: str | None) -> None:
    p = hackernews._posting({"full_html": header + "<p>We build tools.", "location": guess}, 1, None)
    assert isinstance(p, Posting)
    got = extract(p.as_extract_input())
    assert (got["country"], got["region"]) == (country, region)


@pytest.mark.parametrize(("header", "guess", "country", "region"), [
    # seventy-ninth round (invented wording): a role cell shaped like "<Word>, <Word>" (or holding the
    # parser's junk guess) was taken for the place, and the header's real place cell after it was never read
    ("Quillfeather | Sysadmin, Junior Sysadmin | Tulsa (Broken Arrow) | ONSITE, Full-time",
     "Sysadmin, Junior", "US", "US-OK"),
    ("Quillfeather | Mid Level, Kotlin Mobile | Tucson, AZ | Full-time, ONSITE", "Mid Level, Kotlin", "US",
     "US-AZ"),
    ("Quillfeather | PMs, Devs | Spokane| FULL-TIME (Onsite)", None, "US", "US-WA"),
    ("Quillfeather | Sysadmin, Junior Sysadmin | Tulsa, OK or REMOTE", "Sysadmin, Junior", "US", "US-OK"),
    # controls: no placeable cell at all; only a remote scope after it (offices in two countries before it);
    # a placeable first cell keeps its place
    ("Quillfeather | Sysadmin, Junior Sysadmin | ONSITE, Full-time", "Sysadmin, Junior", None, None),
    ("Quillfeather | Sysadmin, Junior Sysadmin | Tulsa, Leeds, Pune | ONSITE, REMOTE (U.S.)",
     "Sysadmin, Junior", None, None),
    ("Quillfeather | Engineer | Tulsa, OK | Full-time", "Tulsa, OK", "US", "US-OK"),
])
def test_a_place_cell_after_an_unplaceable_one_is_the_place(header: str, guess: str | None,
                                                             country: str | None, region: str | None) -> None:
    p = hackernews._posting({"full_html": header + "<p>We build tools.", "location": guess}, 1, None)
    assert isinstance(p, Posting)
    got = extract(p.as_extract_input())
    assert (got["country"], got["region"]) == (country, region)


def test_a_place_in_the_text_when_the_header_names_none(tmp_path: Path) -> None:
    # eighty-second round: no place cell and no parser guess; the text says where the openings are
    rows = [
        {"full_html": "Kiln Works | Glaze Engineer | Full time | Onsite<p>Kiln Works is hiring in Denver!",
         "location": None, "country": None, "remote": False, "url": "https://news.ycombinator.com/item?id=1"},
        {"full_html": "Kiln Works | Glaze Engineer | Boise, ID | Onsite<p>Kiln Works is hiring in Denver!",
         "location": "Boise, ID", "country": "US", "remote": False,
         "url": "https://news.ycombinator.com/item?id=2"},
    ]
    path = tmp_path / "2018-03.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    first, second = _read(path)
    assert isinstance(first, Posting) and isinstance(second, Posting)
    assert (first.location, second.location) == ("Denver", "Boise, ID")
    got = extract(first.as_extract_input())
    assert (got["country"], got["region"]) == ("US", "US-CO")


_SEAT = "Kiln Works, a young and well-funded pottery and ceramics startup in Leeds, is looking for potters."


@pytest.mark.parametrize(("body", "guess", "country", "region"), [
    # eighty-third round (real-fresh-v77): no header place; the text's own "Locations:" line lists the
    # places, so the parser's guess (the company's seat named earlier in the text) is one of several: no
    # single country
    (f"{_SEAT}<p>* Glaze engineers (clay)<p>Locations: Leeds, Oslo, (remote is fine for senior potters)"
     "<p>Contact: jobs@kiln.example", "Leeds", None, None),
    (f"{_SEAT}<p>* Glaze engineers<p>Location: Denver, CO<p>Contact: jobs@kiln.example", "Leeds", "US",
     "US-CO"),
    # controls: a header place wins; a "Location:" line naming no place leaves the guess
    ("Kiln Works | Glaze Engineer | Boise, ID | Onsite<p>Locations: Leeds, Oslo", "Boise, ID", "US",
     "US-ID"),
    (f"{_SEAT}<p>Location: wherever you like best", "Leeds", "GB", "GB-ENG"),
])
def test_a_locations_line_in_the_text_over_the_parsers_guess(body: str, guess: str, country: str | None,
                                                             region: str | None) -> None:
    p = hackernews._posting({"full_html": body, "location": guess, "country": None}, 1, None)
    assert isinstance(p, Posting)
    got = extract(p.as_extract_input())
    assert (got["country"], got["region"]) == (country, region)


# Ninety-third round (real-fresh-v87; invented wording): a first line with no "|" cells that names the
# parser's guess and more places, joined by "+", or with the job type run on after the last place
# ("<company> Leeds & Glasgow Full Time"), read as the guess alone: the list's other places were missed ("+"
# joined no list, and "Glasgow Full Time" is no place as a whole). The list is the location, so the location
# parser gives the country only (several regions) or nothing (several countries).
@pytest.mark.parametrize(("first_line", "guess", "country", "want"), [
    ("Quarry Labs Leeds & Glasgow Full Time", "Leeds", "GB", Location(country="GB")),
    ("Quarry Labs Leeds and Lyon Part-time", "Leeds", "GB", Location()),
    ("Quarry Labs: Platform, Denver + Austin + Remote. Full Time.", "Denver", "US", Location(country="US")),
    ("Quarry Labs: Platform, Denver + Remote. Full Time.", "Denver", "US",
     Location(country="US", region="US-CO", city="Denver", metro="Denver-Aurora-Lakewood")),
    # controls: the guess alone, a member naming no place before the job type
    ("Quarry Labs Leeds Full Time", "Leeds", "GB", Location(country="GB", region="GB-ENG", city="Leeds")),
    ("Quarry Labs Leeds & Friends Full Time", "Leeds", "GB",
     Location(country="GB", region="GB-ENG", city="Leeds")),
])
def test_a_guess_listed_with_places_in_a_first_line_without_cells(first_line: str, guess: str, country: str,
                                                                  want: Location) -> None:
    body = f"{first_line}<p>We build tools for <area> teams. Write to jobs at example dot com."
    assert _place_read(body, guess, country) == want


# Ninety-sixth round (real-fresh-v90; invented wording): a keyed comment ("Company: <name>" on a later line)
# whose FIRST line is its place line, its key written short ("Loc:") or in full, listing offices in several
# states by "|": the keyed header knew no "Loc" key and the text's place line was read below the first line
# only, so the parser's guess (the first office) alone gave its state.
@pytest.mark.parametrize(("first_line", "guess", "country", "region"), [
    ("Loc: Leeds, UK | Denver, CO | Boise, ID (relocation paid)", "Leeds, UK", None, None),
    ("Loc: Denver, CO | Boise, ID | Tulsa, OK", "Denver, CO", "US", None),
    ("Location: Denver, CO | Boise, ID", "Denver, CO", "US", None),
    ("Locs: Denver, CO / Boise, ID", "Denver, CO", "US", None),
    # controls: one office; a first line keyed by another word
    ("Loc: Denver, CO (relocation paid)", "Denver, CO", "US", "US-CO"),
    ("Type: Full-Time | Denver, CO", "Denver, CO", "US", "US-CO"),
])
def test_a_keyed_place_line_as_the_first_line(first_line: str, guess: str, country: str | None,
                                             region: str | None) -> None:
    body = (f"{first_line}<p>Type: Full-Time || Interns<p>Company: Kiln Works (kiln.example)"
            "<p>We make glaze software for <area> studios.")
    p = hackernews._posting({"full_html": body, "location": guess, "country": None}, 1, None)
    assert isinstance(p, Posting)
    got = extract(p.as_extract_input())
    assert (got["country"], got["region"]) == (country, region)


# Branch hext (issue 9, QA round twenty-two; invented wording): the company and salary text columns, which no
# labelled field measures. The company read a 414-character paragraph (a "COMPANY:" line about the company
# below a piped header taken for the keyed style), a sentence ("<Name> is trying to ..."), its web address
# ("<Name> ( https://... )": 186 of the shared Hacker News comments) or a first cell of flags or a place
# ("REMOTE", "BOSTON, MA"); the salary text held web addresses or a paragraph that ran on after the header.
@pytest.mark.parametrize(("body", "company"), [
    # a paragraph about the company under a piped header: the header's company
    ("Kiln Works (KW) | Glaze Developers | Remote, Leeds | Contract<p>Do you like glazes?<p>SKILLS: Python"
     "<p>COMPANY: Kiln Works's (KW) mission is to help potters. Each year many potters fire with our tools "
     "and join our community.<p>APPLY: https://kiln.example/jobs", "Kiln Works (KW)"),
    # the keyed style: its company line names the company (the address in brackets is no part of the name)
    ("Loc: Leeds, UK<p>Type: Full-Time<p>Company: Kiln Works (careers.kiln-works.com)<p>We make glaze tools.",
     "Kiln Works"),
    ("Leeds - Full time - Onsite<p>COMPANY: Kiln Works (www.kilnworks.com)<p>Kiln Works fires pots.",
     "Kiln Works"),
    # a web address in the company cell, as the HTML's link leaves it
    ('Kiln Works (<a href="https://kiln.example/">https://kiln.example/</a>) | Glaze Engineer | Leeds<p>x',
     "Kiln Works"),
    ("Kiln Works [ https://kiln.example ] | Glaze Engineer | Leeds<p>x", "Kiln Works"),
    ("Kiln Works - https://www.kiln.example | Glaze Engineer | Leeds<p>x", "Kiln Works"),
    ("Kiln Works (YC S14, https://kiln.example ) | Glaze Engineer | Leeds<p>x", "Kiln Works"),
    ("Kiln Works www.kiln.example - ONSITE - Fulltime - Sponsor visa - Leeds, UK | https://jobs.example/kw<p>x",
     "Kiln Works"),
    ("https://www.KilnWorks.com | Glaze Engineer | Leeds<p>x", "KilnWorks.com"),
    # a sentence: the name before its verb, else none
    ("Kilnworks is trying to fix pottery by helping kilns fire with less gas - glazing, firing, and packing."
     "<p>We are looking for makers.", "Kilnworks"),
    ("Kiln Corp helps potters fire through simplification. We are hiring glaze experts ONSITE in Leeds."
     "<p>x", "Kiln Corp"),
    ("We’re hiring a generalist web dev if anyone in Leeds is looking for something early-stage.<p>x", None),
    ("We are hiring a Senior Glaze Engineer in Leeds at Kiln Works.<p>https://kiln.example/jobs", None),
    ("Hi, I'm collecting the visa jobs of this thread / posting them at http://visa.example/<p>x", None),
    # flags or a place first: a later cell written as a name, else none
    ("REMOTE | Glaze engineer (Full time / possibly part time) | Kiln News<p>About us: we write.",
     "Kiln News"),
    ("REMOTE (Worldwide) | Glaze engineer | Python/Django, Javascript (Kiln Works)<p>x", None),
    ("ONSITE - Leeds<p>Kiln Works is a glaze company.", None),
    ("LEEDS, UK - FULL TIME, ON SITE<p>Glaze Engineer<p>Kiln Works fires pots.", None),
    ("BOISE ID | ON-SITE | FULL TIME | KILN WORKS INC<p>Kiln Works fires pots.", "KILN WORKS INC"),
    # a soft hyphen inside a job type ("Full-\xadtime") leaves it a job type, no company
    ("Glaze Engineer, <area> studio | Leeds, Boise | Onsite | Full-\xadtime | Comp: up to $90k<p>x", None),
    # a "|" inside the company's brackets separates no cells
    ("Kiln Works (YC S15 | Kiln X F17) ( https://kiln.example ) | Leeds, UK | ONSITE | Glaze Engineer<p>x",
     "Kiln Works (YC S15 | Kiln X F17)"),
    ("Kiln-to-Kiln Studios (K|K) https://www.kiln.example | Glaze Engineer | Leeds<p>x",
     "Kiln-to-Kiln Studios (K|K)"),
    # ... a bracket never closed does not join the cells after it
    ("Kiln Works | Glaze Engineer (Python + Go | https://kiln.example | Leeds, UK | Part time |<p>x",
     "Kiln Works"),
    # controls: a domain as the name, a name opening with a pronoun, a visa word or a job-type word in a name
    ("Kiln.io | Glaze Engineer | Leeds<p>x", "Kiln.io"),
    ("You Need a Kiln (YNAK) | Glaze Engineer | Leeds<p>x", "You Need a Kiln (YNAK)"),
    ("Visa Kilns Inc | Glaze Engineer | Leeds<p>x", "Visa Kilns Inc"),
    ("Kilnworks AG | Multiple Positions | ONSITE<p>x", "Kilnworks AG"),
    ("KilnLabs DC | Glaze Engineer | Onsite<p>x", "KilnLabs DC"),
    ("Contract Kilns (YC S17) | Glaze Engineer | Leeds<p>x", "Contract Kilns (YC S17)"),
])
def test_the_company_is_a_name(body: str, company: str | None) -> None:
    p = hackernews._posting({"full_html": body}, 1, None)
    assert isinstance(p, Posting)
    assert p.company == company


@pytest.mark.parametrize(("line", "salary", "title"), [
    ("Kiln Works | Leeds | ONSITE, https://kiln.example , SALARY:80k-150k", "ONSITE, SALARY:80k-150k", None),
    ("Kiln Works | Glaze Engineer | Onsite, Full-time, £40K-£60K + 0.5% Equity, www.kiln.co.uk",
     "Onsite, Full-time, £40K-£60K + 0.5% Equity", "Glaze Engineer"),
    ("Kiln Works | Glaze Engineer | FULL TIME, SALARY: $80k-$180k, kilnworks.com",
     "FULL TIME, SALARY: $80k-$180k", "Glaze Engineer"),
    # the comment's first paragraph written on the header's line after a careers address: no pay, no title
    ("Kiln Works | Leeds, UK | Full-Time | Onsite | https://kiln.example/careers We provide a platform that "
     "lets potters sell pots online, we have well over 100k makers and shoot for $200 million in sales this "
     "year. Hiring glaze engineers across the stack", None, None),
    # a control: the address and a few words that are cells, not a sentence
    ("Kiln Works | Glaze Engineer | $90k | https://kiln.example - ONSITE - Leeds, UK (LDS)", "$90k",
     "Glaze Engineer"),
])
def test_the_salary_text_is_the_pay_cell_without_addresses(line: str, salary: str | None,
                                                           title: str | None) -> None:
    p = hackernews._posting({"full_html": line + "<p>We make glaze tools."}, 1, None)
    assert isinstance(p, Posting)
    assert (p.salary_text, p.title) == (salary, title)


@pytest.mark.parametrize(("line", "location"), [
    # hundred-and-fourth round (issue 9, real-fresh-v98; invented wording): a bracketed note naming relocation
    # or a visa after the place of an "ONSITE <place>" cell hid the place (the visa words refused the cell)
    ("Quarry Labs | Glaze Engineers | ONSITE Boise (relocation provided)",
     "ONSITE Boise (relocation provided)"),
    ("Quarry Labs | Glaze Engineers | Onsite in Boise, ID (visa sponsorship)",
     "Onsite in Boise, ID (visa sponsorship)"),
    # a visa cell is still no place, with or without its bracket
    ("Quarry Labs | Glaze Engineers | Full-time | Visa OK (TN, OPT)", None),
    ("Quarry Labs | Glaze Engineers | ONSITE | Visa sponsorship", None),
])
def test_a_bracketed_note_after_an_onsite_place(line: str, location: str | None) -> None:
    assert hackernews.parse_header(line + "<p>We build tools.").get("location") == location


def test_the_country_of_a_parser_guess_that_names_no_place_is_dropped() -> None:
    # hundred-and-fourth round (issue 9, real-fresh-v98; invented wording): the parser's guess was a piece of
    # the roles cell ("Kiln, ML" of "Engineers (Kiln, ML/AI)") and geocoded to a town; the header names no
    # place, so the guess is no location and its geocoded country goes with it
    body = "Quarry Labs | Engineers (Kiln, ML/AI, iOS), Designers | Remote | $60-90k<p>We build tools."
    p = hackernews._posting({"full_html": body, "location": "Kiln, ML", "country": "US"}, 1, None)
    assert isinstance(p, Posting) and p.location is None and p.country_hint is None
    # a guess that is a place keeps its country, also where the header names none
    placed = hackernews._posting({"full_html": "Quarry Labs is hiring engineers.<p>We sit in Dayton, OH.",
                                  "location": "Dayton, OH", "country": "US"}, 2, None)
    assert isinstance(placed, Posting) and placed.country_hint == "US"
    # and a header naming a place keeps the guess's country (the place may be one the gazetteer lacks)
    named = hackernews._posting({"full_html": "Quarry Labs | Engineers (Kiln, ML) | Boise, ID<p>Tools.",
                                 "location": "Kiln, ML", "country": "US"}, 3, None)
    assert isinstance(named, Posting) and named.country_hint == "US"


@pytest.mark.parametrize(("line", "guess", "company", "location"), [
    # later batch real-later-v4 (invented wording): the first cell is "<city>, <state>", a later cell only
    # scopes the same country ("US based only", "ONSITE or REMOTE in <country>"): the first cell is the place,
    # not the company; the scope was the place, so the city's region was lost
    ("Tulsa, OK | REMOTE OK in the US | US based only | Backend Developer | Quarry Labs | Full-time",
     "Tulsa", "Quarry Labs", "Tulsa, OK"),
    ("Turin Area, Italy | Full-time | ONSITE or REMOTE in Italy | quarry.io", "Turin Area, Italy", None,
     "Turin Area, Italy"),
    # controls: a later cell naming another region or country keeps both places; a company shaped
    # "<Word>, <Word>" that names no place stays the company
    ("Tulsa, OK | Backend Developer | Quarry Labs | Denver, CO", "Tulsa", "Quarry Labs",
     "Tulsa, OK / Denver, CO"),
    ("Quarry, Inc | US based only | Backend Developer | ONSITE", "US", "Quarry, Inc", "US based only"),
])
def test_a_first_city_cell_beside_a_later_country_scope(line: str, guess: str, company: str | None,
                                                        location: str | None) -> None:
    head = hackernews.parse_header(line + "<p>We build tools.", guess)
    assert (head.get("company"), head.get("location")) == (company, location)


@pytest.mark.parametrize(("body", "guess", "location", "country"), [
    # later batch real-later-v13 (invented wording): a REMOTE header naming no place and no on-site option;
    # the parser's guess is a place the text names for something else than the openings - the founders'
    # school, the company's seat, a meet-up town, a time zone, offices to come. A remote comment's office is a
    # choice, not the openings' place (the typed reader's text place is silent for it already), so neither
    # the guess nor its geocoded country is the posting's
    ("Quarry Labs | Engineers | Remote | quarry.example<p>Our team includes PhDs from Kiln Tech Zurich, YC "
     "alumni and designers.", "Zurich, YC", None, None),
    ("Quarry Labs | REMOTE | Full-time<p>Quarry is headquartered in the old town of Tulsa, OK.", "Tulsa, OK",
     None, None),
    ("Quarry Labs | Backend Engineer | Remote<p>We all work remotely and meet in Leeds twice a year.",
     "Leeds", None, None),
    # controls: an on-site option in the header keeps the company's base (the sixty-sixth round's ruling)
    ("Quarry Labs | Backend Engineer | REMOTE or ONSITE<p>We are a studio based in Tulsa, OK.", "Tulsa, OK",
     "Tulsa, OK", "US"),
    # ... also where the text offers it ("remote-first, with the option to work onsite in <city>")
    ("Quarry Labs | Backend Engineer | REMOTE<p>We are remote-first with the option to work onsite in Tulsa, "
     "OK. We build tools.", "Tulsa, OK", "Tulsa, OK", "US"),
    # a list of the distributed team's cities in one country keeps the country (the fifty-seventh round)
    ("Quarry Labs | Backend Engineer | Remote<p>The team works remotely in Boston, Denver and Austin.",
     "Denver", "Boston / Denver / Austin", "US"),
    # a place the header line holds is read there, and a header that is not remote keeps the guess
    ("Quarry Labs | Backend Engineer | Remote (Tulsa, OK preferred)<p>We build tools.", "Tulsa, OK",
     "Remote (Tulsa, OK preferred)", "US"),
    ("Quarry Labs | Backend Engineer | Full-time<p>We are a studio based in Tulsa, OK.", "Tulsa, OK",
     "Tulsa, OK", "US"),
])
def test_a_remote_comments_guess_named_only_in_its_text_is_no_place(
        body: str, guess: str, location: str | None, country: str | None) -> None:
    p = hackernews._posting({"full_html": body, "location": guess, "country": "US"}, 1, None)
    assert isinstance(p, Posting)
    assert (p.location, p.country_hint) == (location, country)
