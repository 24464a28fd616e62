"""The skills automaton's matches turned into hits (``skills._hits``, issue 10, branch h23perf, twenty-third
session): the loop reads each key's plan (``_hit_plan``) and accepts a key ending before an ASCII mark with
one set look-up, and reads a German compound's suffixes only where one starts; its answers are those of the
plain loop it replaced (copied below as ``_plain_hits``), on invented texts in English, German, French,
Portuguese, Spanish, Polish and Dutch (the languages of skills.yaml's lead-ins and list words and
skill_context.yaml), with glued names, compounds, padded short forms, hyphens and non-ASCII letters.
"""

from __future__ import annotations

import pytest

from etl.normalize import skills as S

TEXTS = [
    "Python, Java, JavaScript and TypeScript; Go, C, C++, C#, R and SQL. React/Vue.js, Node.js & k8s.",
    "Experience with AWSInterest; SQLErfahrung; PostgreSQLThis; "
    "JavaScipt and JavaSkills; VueWir sind; GitDu.",
    "Skills: AppsNoSQL, ReactNodeTypeScript, communityUnity, "
    "interestREST, DockerKubernetes, Docker+Kubernetes",
    "Wir suchen Erfahrung mit linuxbasierten Systemen, "
    "Java-basiert, Python-basierter Code, SAP basiertem ERP.",
    "Kenntnisse in Deep-Learning, Data-Warehouse, Machine-Learning "
    "und Integrations- und Lasttests; Go-Kenntnisse.",
    "Connaissances en Python, prévue pour la vue; "
    "Vue.js et Angular; expérience en Java/Spring, développeur C++.",
    "Experiência com Python, Java e SQL; "
    "conhecimento em AWS, Azure e GCP; inglês avançado; análise de dados.",
    "Experiencia con Python, Java y SQL; conocimientos de AWS; inglés; programación en C# y .NET; análisis.",
    "Doświadczenie w Python, Java i SQL; znajomość AWS, Docker, Kubernetes; język angielski; ł, ż, ź, ć.",
    "Ervaring met Python, Java en SQL; kennis van AWS, Docker en Kubernetes; Nederlandse taal; één, zeeën.",
    "Objective-C beats C; go-to-market, Series C, R&D, react quickly, the rest of the team, good for you.",
    "Tools: (Git), [Jira], {Confluence}, <Slack>, \"Figma\", "
    "'Excel', `Bash`, ~Linux~, =SQL=, *AWS*, |GCP|, !R!",
    "ÄÖÜ Python für Go; R für Daten; über C; naïve Java; "
    "Ελληνικά Python; 日本語Python経験; İstanbul SQL ıOS.",
    "GoDaddy, DSARs, GitLabs, ZigWay, SQLs, AWSs, CSSNice to have, HTMLUnd, PHPWir, JSONDie",
    "_Python_ __Java__ python_ _sql java3 sql2 c1 r2 go1 .net .NET asp.net ASP.NET Core",
    "",
    " ",
    "C",
    "go",
    "Python",
    "JavaScript",
]


def _plain_hits(
    low: str, orig: str, m: S._Matcher, found: list[tuple[int, int, int]] | None = None
) -> list[tuple[int, int, int]]:
    """(start, stop, form index) of every form at word boundaries, overlaps resolved leftmost-longest.

    ``low`` is the scan copy (see :func:`_scan_copy`), so a boundary is a space or a
    punctuation mark kept in forms (``.`` ``/`` ``-`` ``&`` ``+`` ``#`` ``@``). A form glued
    to a following capitalised word still counts: LinkedIn dumps lost their line breaks (a short form
    of three letters too: "SQLErfahrung"; not one or two: "GoDaddy"). ``found``: the automaton's matches
    in ``low``, when they were found already (:func:`scan_skills_many`).
    """
    raw: list[tuple[int, int, int]] = []  # (start, -stop, form): sorts leftmost-longest first
    payloads = m.payloads
    if found is None:
        found = m.automaton.find_matches_as_indexes(low, overlapping=True)
    for key, _start, stop in found:
        idx, klen, kind = payloads[key]
        end = stop - 1  # the key's last character
        if kind == S._PADDED:
            raw.append((end - klen + 2, -end, idx))
        elif kind == S._GLUED_ONLY:
            # an upper-case name before a word of three or more letters: "SQLErfahrung", "AWSInterest"; not a
            # product's camel case ("GitLabs", "ZigWay") nor a plural ("DSARs")
            start = end - klen + 2
            word = orig[end + 1 : end + 4]
            if S._glued(orig, end + 1) and (
                    (orig[start : end + 1].isupper() and word[2:].islower())
                    # a mixed-case name before the word opening the next sentence ("VueWir", "GitDu"; v50)
                    or (m.openers and orig[start].isupper() and S._opener_at(orig, end + 1, m.openers))):
                raw.append((start, -end - 1, idx))
        elif kind == S._GLUED_BEFORE:
            start = end - klen + 1
            nxt = low[end + 1]
            if (start > 0 and orig[start - 1].islower() and orig[start].isupper()
                    and (not (nxt.isalpha() or nxt == "_") or S._glued(orig, end + 1))):
                raw.append((start, -end - 1, idx))
        else:
            nxt = low[end + 1]
            if not (nxt.isalpha() or nxt == "_") or (
                S._glued(orig, end + 1) and not S._misspelt_word(orig, end + 1)  # "JavaScipt"
            ) or (m.compounds and S._compound_at(low, end + 1, m.compounds)):
                raw.append((end - klen + 2, -end - 1, idx))
    raw.sort()
    out: list[tuple[int, int, int]] = []
    last = -1
    for start, neg_stop, idx in raw:
        if start >= last:
            last = -neg_stop
            out.append((start, last, idx))
    return out



@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("with_title", [False, True])
def test_hits_are_the_plain_loops(text: str, with_title: bool) -> None:
    prepared = S._prepare(text, "Senior Go-Entwickler (Java/SQL)" if with_title else "")
    if prepared is None:
        assert not text
        return
    orig, _, _, scan = prepared
    m = S._matcher()
    found = m.automaton.find_matches_as_indexes(scan, overlapping=True)
    assert S._hits(scan, orig, m, found) == _plain_hits(scan, orig, m, found)
    assert S._hits(scan, orig, m) == _plain_hits(scan, orig, m)


@pytest.mark.parametrize("text", TEXTS)
def test_probes_read_as_the_plain_loop(text: str) -> None:
    """The probes of the suspended compounds and lists call ``_hits`` on a word or item (no ``found``)."""
    m = S._matcher()
    for word in text.split():
        probe = f" {word} "
        scan = S._scan_copy(probe.lower())
        assert S._hits(scan, probe, m) == _plain_hits(scan, probe, m)


def test_every_key_kind_is_read_and_the_plan_is_the_payloads() -> None:
    m = S._matcher()
    kinds = {kind for _, _, kind in m.payloads}
    assert kinds == {S._PLAIN, S._PADDED, S._GLUED_ONLY, S._GLUED_BEFORE}
    plan = S._hit_plan()
    assert len(plan) == len(m.payloads)
    for (idx, klen, kind), (p_kind, p_idx, back) in zip(m.payloads, plan, strict=True):
        assert (p_kind, p_idx) == (kind, idx)
        assert back == (klen if kind == S._GLUED_BEFORE else klen - 1)


def test_each_kind_of_key_hits_in_the_texts() -> None:
    """The texts above reach every branch of the loop (each kind of key accepted at least once)."""
    m = S._matcher()
    seen = set()
    for text in TEXTS:
        prepared = S._prepare(text, "")
        if prepared is None:
            continue
        orig, _, _, scan = prepared
        plan = S._hit_plan()
        found = m.automaton.find_matches_as_indexes(scan, overlapping=True)
        hits = {(a, b, i) for a, b, i in S._hits(scan, orig, m, found)}
        for key, _, stop in found:
            kind, idx, back = plan[key]
            stop_hit = stop - 1 if kind == S._PADDED else stop
            if (stop - back, stop_hit, idx) in hits:
                seen.add(kind)
    assert seen == {S._PLAIN, S._PADDED, S._GLUED_ONLY, S._GLUED_BEFORE}


TAG_LISTS = [
    "Java;Spring;SQL", "python; Django ;PostgreSQL", "Windows (Server);Shell Scripting (Linux);React (JS)",
    "Künstliche Intelligenz;Microsoft Azure DevOps;QA Automation (Web)", "NodeJS;k8s;C#;.NET", "", ";;", None,
    "Programowanie w Javie;Bazy danych SQL", "Análise de dados;Ciência de Dados", "go;rust;r",
]


@pytest.mark.parametrize("tags", TAG_LISTS)
def test_tag_skills_cached_is_the_plain_reading_and_a_fresh_list(tags: str | None) -> None:
    """``tag_skills`` answers from a cache of one tag list's reading: the uncached reading's answer, as a
    new list each call (a caller changing it changes nothing the next caller reads)."""
    plain = list(S._tag_skills.__wrapped__(tags))
    got = S.tag_skills(tags)
    assert got == plain
    got.append("changed")
    assert S.tag_skills(tags) == plain


def test_company_pattern_cache_holds_the_real_exports_companies() -> None:
    """Warm passes over the real exports (4,707 distinct companies) hit the company-pattern cache."""
    from etl import extract

    assert extract._company_pattern.cache_info().maxsize == 1 << 14
