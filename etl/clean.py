"""Turn a raw description (HTML, Markdown or plain text) into clean plain text, in one place.

Why: every source publishes descriptions differently - Remote OK sends HTML with
mojibake, JobSpy sends Markdown with backslash escapes (``C\\+\\+``, ``C\\#``) and
"mathematical bold" letters, Hacker News sends HTML with entities, LinkedIn dumps
have non-breaking spaces. Skill matching, experience parsing and fingerprints all
need the same plain text, so the conversion lives here and nowhere else.

The output keeps line breaks between paragraphs and bullets (context rules in the
skill extractor use them) but collapses runs of blank lines and spaces. Bullets
become ``- ``. It runs on every posting, so each step is guarded by a cheap test
and is skipped when the text cannot need it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

import ftfy
from selectolax.lexbor import LexborHTMLParser

# -- HTML ---------------------------------------------------------------------------------
_TAG_NAMES = (r"(?:p|br|div|li|ul|ol|span|strong|b|i|em|u|h[1-6]|a|table|tr|td|th|section|article|font|"
              r"blockquote|pre|code|hr)")
_HTML_TAG = re.compile(rf"</?{_TAG_NAMES}\b[^<>]*>", re.I)
_ESCAPED_TAG = re.compile(rf"&lt;/?{_TAG_NAMES}\b", re.I)
_BLOCK_TAG = re.compile(
    r"<\s*/?\s*(?:br|p|div|h[1-6]|ul|ol|tr|table|section|article|blockquote|hr|pre|header|footer|dl|dt|dd)\b[^<>]*>",
    re.I,
)
_LI_TAG = re.compile(r"<\s*li\b[^<>]*>", re.I)

# -- text ---------------------------------------------------------------------------------
_MD_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")  # a backslash before ASCII punctuation
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# a UTF-8 lead byte read as Latin-1/cp1252, followed by a continuation byte read the same way
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160"
    "\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]"
)
_INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")
_ODD_BREAKS = (("\u2028", "\n"), ("\u2029", "\n\n"), ("\x85", "\n"))
_MOJIBAKE_LEADS = ("Ã", "Â", "â", "Å", "Ä", "Ð", "Ñ", "Ø", "Ù", "Î", "Ï")
# Line-anchored patterns run on "\n" + text: a leading literal is much faster than ^ with re.M.
_HEADING = re.compile(r"\n[ \t]{0,3}#{1,6}[ \t]+")
_RULE_LINE = re.compile(r"\n[ \t]*[-*_][ \t]*[-*_][ \t]*[-*_][-*_ \t]*(?=\n|$)")
_BULLET = re.compile(r"\n[ \t]*(?:[-*+][ \t]+|[•●▪◦·‣⁃►▸➢➤✓✔✅☑🔹🔸👉][ \t]*)(?=\S)")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_UNDERBOLD = re.compile(r"__(?=\S)(.+?)(?<=\S)__(?!\w)")
_BLANK_RUN = re.compile(r"\n\n\n+")
_BLANK_LINES = re.compile(r"\n[ \t]*\n[ \t\n]*")
_ITALIC = re.compile(r"\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")


def _looks_like_html(text: str) -> bool:
    if "<" in text:  # two tags in the first 20,000 characters: the search stops at the second
        found = _HTML_TAG.finditer(text, 0, 20_000)  # (findall of all of them cost about 10 µs a posting)
        if next(found, None) is not None and next(found, None) is not None:
            return True
    return "&lt;" in text and _ESCAPED_TAG.search(text) is not None


def _html_to_text(raw: str) -> str:
    text = raw
    for _ in range(2):  # "&lt;p&gt;" or even "&amp;lt;p&amp;gt;": unescape until there are tags
        if "<" in text or not _ESCAPED_TAG.search(text):
            break
        text = html.unescape(text)
    text = _LI_TAG.sub("\n- ", text)
    text = _BLOCK_TAG.sub("\n", text)
    tree = LexborHTMLParser(text)
    tree.strip_tags(["script", "style", "noscript", "template", "head"])
    node = tree.body or tree.root
    return node.text(separator="", strip=False) if node is not None else ""


def _collapse_spaces(text: str) -> str:
    """Single spaces inside lines, no spaces at line ends, at most one blank line in a row.

    Plain ``str.replace`` loops: each pass is one fast C scan, much cheaper than a regex
    that has to try every position (runs of n spaces need about log2(n) passes).
    """
    if "\t" in text:
        text = text.replace("\t", " ")
    if "\x0b" in text or "\x0c" in text:
        text = text.replace("\x0b", " ").replace("\x0c", " ")
    while "  " in text:
        text = text.replace("    ", " ").replace("  ", " ")
    if " \n" in text:
        text = text.replace(" \n", "\n")
    if "\n " in text:
        text = text.replace("\n ", "\n")
    if "\n\n\n" in text:
        text = _BLANK_RUN.sub("\n\n", text)
    return text.strip()


def _fix_text(text: str) -> str:
    """Everything after markup removal: escapes, mojibake, entities, Unicode, Markdown, spaces."""
    if "\\" in text:
        if "\\n" in text or "\\r" in text or "\\t" in text:
            text = text.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\\r", "\n").replace("\\t", " ")
        text = _MD_ESCAPE.sub("", text)
    if not text.isascii():
        if any(c in text for c in _MOJIBAKE_LEADS) and _MOJIBAKE.search(text):
            text = ftfy.fix_text(text)
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        for ch in _INVISIBLE:
            if ch in text:
                text = text.replace(ch, "")
        for ch, repl in _ODD_BREAKS:
            if ch in text:
                text = text.replace(ch, repl)
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n" + text
    if "#" in text:
        text = _HEADING.sub("\n", text)
    if "*" in text or "_" in text or "-" in text:
        text = _RULE_LINE.sub("\n", text)  # "---" lines, whatever else the text holds (paragraphs agree)
        if "**" in text:
            text = _BOLD.sub(r"\1", text).replace("**", "")
        if "__" in text:
            text = _UNDERBOLD.sub(_unbold, text)
        if "*" in text:
            text = _ITALIC.sub(_unstar, text)
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "`" in text:
        text = text.replace("`", "")
    if not text.isascii() or "*" in text or "\n-" in text or "\n +" in text or "\n+" in text:
        text = _BULLET.sub("\n- ", text)
    return _collapse_spaces(text)


def _unbold(m: re.Match[str]) -> str:
    """``__word__`` -> ``word`` unless glued to a word on the left (``__init__`` stays)."""
    start = m.start()
    if start and (m.string[start - 1].isalnum() or m.string[start - 1] == "_"):
        return m.group(0)
    return m.group(1)


def _unstar(m: re.Match[str]) -> str:
    """``*word*`` -> ``word`` unless the star is glued to a word on the left (``a*b*c``)."""
    start = m.start()
    if start and (m.string[start - 1].isalnum() or m.string[start - 1] == "*"):
        return m.group(0)
    return m.group(1)


def to_text(raw: str | None, fmt: str = "text") -> str:
    """Clean plain text from a raw description in ``fmt`` ("html", "markdown" or "text").

    Plain text that clearly contains HTML tags (or entity-escaped tags) is treated as HTML.
    None and empty input give "".
    """
    if not raw:
        return ""
    if not isinstance(raw, str):
        raw = str(raw)
    if fmt == "html" or (fmt != "markdown" and _looks_like_html(raw)) or (
        fmt == "markdown" and "<" in raw and _looks_like_html(raw)
    ):
        return _fix_text(_html_to_text(raw))
    if len(raw) > 300 and "\n\n" in raw and not any(c in raw for c in _MOJIBAKE_LEADS):
        # Every step of _fix_text is line-local, so paragraphs can be fixed one by one, and
        # boilerplate paragraphs (benefits, EEO statements) repeat across postings: cache them.
        return _join_paragraphs([_fix_paragraph(p) for p in raw.split("\n\n")])
    return _fix_text(raw)


@lru_cache(maxsize=32768)
def _fix_paragraph(paragraph: str) -> str:
    return _fix_text(paragraph)


def _join_paragraphs(parts: list[str]) -> str:
    """What _fix_text gives for the whole text: paragraphs one blank line apart, no empty ones."""
    text = "\n\n".join(p for p in parts if p)
    return _BLANK_RUN.sub("\n\n", text) if "\n\n\n" in text else text


def clean_inline(s: str | None) -> str | None:
    """A clean one-line value for titles, companies and locations; None when nothing is left."""
    if s is None:
        return None
    return _clean_inline(s) if isinstance(s, str) else _clean_inline.__wrapped__(s)


@lru_cache(maxsize=65536)
def _clean_inline(s: str) -> str | None:
    """Cached: titles, companies and locations repeat across postings."""
    text = to_text(s)
    if not text:
        return None
    if "\n" in text:
        text = " ".join(text.split())
        text = text.removeprefix("- ")
    return text or None
