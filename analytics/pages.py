"""The dashboard's pages, in the one order the app's navigation, the report and exported decks use.

Why: the app, ``python -m analytics report`` and the tests read this list, so they cannot disagree
on which pages exist, what they are called or in which order they come. Kept free of pandas and
plotly so the report can check its arguments before importing them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    slug: str  # the URL path (``/skills``) and the report's ``--pages`` name
    title: str
    icon: str  # a Streamlit material icon
    script: str  # the page's file, relative to the project root
    charts: str | None  # the module under analytics.figures defining its charts; None: no charts (SQL)
    filters: bool = True  # whether the sidebar filters apply (the SQL page keeps the URL to itself)
    default: bool = False  # the app's first page: st.navigation serves it at the root, never at /slug

    @property
    def url_path(self) -> str:
        """Where the app serves the page: the default page at the root ("", where its sidebar link
        points; /overview is "page not found"), every other page at ``/slug``."""
        return "" if self.default else self.slug


PAGES: tuple[Page, ...] = (
    Page("overview", "Overview", ":material/dashboard:", "pages/overview.py", "overview",
         default=True),
    Page("skills", "Skills", ":material/psychology:", "pages/skills.py", "skills"),
    Page("regions", "Regions", ":material/public:", "pages/regions.py", "regions"),
    Page("salary", "Salary", ":material/payments:", "pages/salary.py", "salary"),
    Page("experience", "Experience", ":material/school:", "pages/experience.py", "experience"),
    Page("data", "Data", ":material/database:", "pages/data.py", "data"),
    Page("methodology", "Methodology", ":material/menu_book:", "pages/methodology.py", None, filters=False),
    Page("sql", "SQL", ":material/terminal:", "pages/sql.py", None, filters=False),
)

# The pages with charts: what a report, a deck or the whole-dashboard download shows, in app order.
CHART_PAGES: tuple[Page, ...] = tuple(p for p in PAGES if p.charts is not None)


def page(slug: str) -> Page:
    """The page with this slug (KeyError for an unknown one)."""
    for p in PAGES:
        if p.slug == slug:
            return p
    raise KeyError(slug)
