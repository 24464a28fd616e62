"""The description cleaner: HTML, escaped HTML, Markdown escapes, Unicode, mojibake, whitespace."""

from __future__ import annotations

import pytest

from etl.clean import _looks_like_html, clean_inline, to_text


def test_html_to_text_keeps_paragraphs_and_bullets() -> None:
    raw = ("<p><strong>About</strong> us&nbsp;&amp; you</p><ul><li>C++ &amp; Python</li><li>Go</li></ul>"
           "<script>var x = 1;</script><p>Apply<br>now</p>")
    text = to_text(raw, "html")
    assert text == "About us & you\n\n- C++ & Python\n- Go\n\nApply\nnow"


def test_entity_escaped_html_is_unescaped_first() -> None:
    raw = (
        "&lt;p&gt;Senior role&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Kubernetes &amp;amp; Docker&lt;/li&gt;&lt;/ul&gt;"
    )
    assert to_text(raw, "html") == "Senior role\n\n- Kubernetes & Docker"


def test_html_is_sniffed_in_plain_text_only_when_clearly_tagged() -> None:
    assert to_text("<p>Hello</p><p>World</p>") == "Hello\n\nWorld"
    assert to_text("Use a < b and c > d") == "Use a < b and c > d"


@pytest.mark.parametrize(("raw", "expected"), [
    ("C\\+\\+ and C\\# developer", "C++ and C# developer"),
    ("high\\-end R\\&D on 2\\.0", "high-end R&D on 2.0"),
    ("\\#\\#\\# Skills", "Skills"),
    ("**Required:** Java, **Spring Boot**", "Required: Java, Spring Boot"),
    ("* Python\n* Go\n+ Rust", "- Python\n- Go\n- Rust"),
    ("See [our site](https://example.com) and `code`", "See our site and code"),
    ("keep my__var__x and a*b*c", "keep my__var__x and a*b*c"),
    ("__bold__ text", "bold text"),
    ("an *important* word", "an important word"),
])
def test_markdown(raw: str, expected: str) -> None:
    assert to_text(raw, "markdown") == expected


def test_nfkc_math_bold_and_nbsp() -> None:
    assert to_text("𝐅𝐮𝐥𝐥 𝐒𝐭𝐚𝐜𝐤 𝐃𝐞𝐯𝐞𝐥𝐨𝐩𝐞𝐫 𝟐 years") == "Full Stack Developer 2 years"
    assert to_text("Senior\u00a0Engineer\u200b -\u00a0Apps") == "Senior Engineer - Apps"
    assert to_text("ﬁle") == "file"


def test_mojibake_is_repaired_but_clean_text_is_left_alone() -> None:
    assert to_text("Weâ\u0080\u0099re hiring in GdaÅ\u0084sk") == "We're hiring in Gdańsk"
    assert to_text("ZÃ³calo Health") == "Zócalo Health"
    assert to_text("Café in Zürich, naïve résumé") == "Café in Zürich, naïve résumé"


def test_literal_backslash_n_and_whitespace_runs() -> None:
    assert to_text("Line one\\nLine two\\n\\n\\nLine three") == "Line one\nLine two\n\nLine three"
    assert to_text("  a   b \t c  \n \n\n\n\n  d  \r\n e ") == "a b c\n\nd\ne"


def test_bullet_symbols_become_dashes() -> None:
    assert to_text("• Python\n✅ Docker\n▪ AWS") == "- Python\n- Docker\n- AWS"


def test_empty_and_none() -> None:
    assert to_text(None) == ""
    assert to_text("") == ""
    assert to_text("   \n  ") == ""
    assert clean_inline(None) is None
    assert clean_inline("  \n ") is None


def test_clean_inline_is_one_line() -> None:
    assert (
        clean_inline("Senior Engineer -\u00a0Application\nManagement")
        == "Senior Engineer - Application Management"
    )
    assert clean_inline("<b>Acme</b> &amp; <i>Co</i>") == "Acme & Co"
    assert clean_inline("𝐒𝐞𝐧𝐢𝐨𝐫 𝐃𝐞𝐯") == "Senior Dev"


PARAGRAPH_TEXTS = [
    "**About us**\n\nWe build *payroll* tools.\n\n\n\n* Python and C\\+\\+\n\n* 5\\+ years\n\n   \n\n## "
    "Perks\n\n---\n\nA [home office](https://example.test) budget and `make` skills. " * 3,
    "Line one\\n\\nLine two\r\n\r\nLine three\n\n\n\n\n__Bold__ end\n\n  indented\n\n\t tabbed  \n\n" * 4,
    "• Kafka\n\n▪ Redis &amp; Postgres\n\nNFKC ﬁle\u00a0space\u200b\n\n" * 8,
    "Header\n\n" + "x " * 200 + "\n\n**unclosed bold\n\nnext** para\n\n",
]


@pytest.mark.parametrize("raw", PARAGRAPH_TEXTS)
def test_paragraph_path_equals_whole_text_path(raw: str) -> None:
    """Long texts are fixed paragraph by paragraph (cached); the result must be the whole-text result."""
    from etl.clean import _fix_text

    assert len(raw) > 300 and "\n\n" in raw
    assert to_text(raw, "markdown") == _fix_text(raw)
    assert to_text(raw) == _fix_text(raw)


@pytest.mark.parametrize(
    "raw, html",
    [
        ("Use <b>Go</b> daily", True),  # two tags (the search stops at the second)
        ("a < b and one <br> only", False),  # one tag is no markup
        ("x" * 20_000 + "<p>late</p>", False),  # tags past the first 20,000 characters are not read
        ("&lt;p&gt;escaped&lt;/p&gt;", True),
    ],
)
def test_html_is_told_by_two_tags_in_the_first_20000_characters(raw: str, html: bool) -> None:
    assert _looks_like_html(raw) is html
