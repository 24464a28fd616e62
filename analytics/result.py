"""The one shape every query function returns.

Why: a chart needs more than numbers. It shows the sample size behind them, the very
SQL text and parameters that produced them (in an expander, for trust and reuse), and
later exports need the same frame. Carrying all of it in one small value keeps the
pages free of SQL and makes every query testable the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd


@dataclass(frozen=True)
class QueryResult:
    """A query's answer and how it was obtained."""

    df: pd.DataFrame  # the rows, ready to chart
    sql: str  # the exact SQL text that ran
    params: dict[str, Any]  # the named parameters it ran with
    n: int  # sample size: postings behind the figure (0 means nothing matched)
    name: str = ""  # query function, e.g. "skills.top_skills"
    elapsed_ms: float = 0.0
    notes: tuple[str, ...] = field(default=())  # technical, e.g. "answered from rollup_skill_month"
    # for the reader, e.g. "12 postings without a date are not shown"
    caveats: tuple[str, ...] = field(default=())
    unit: str = "postings"  # what n counts, for the caption: "postings", "file loads", "rejected records"
    filtered: bool = True  # False for tables the sidebar's filters do not apply to (the Data page's runs)

    @property
    def empty(self) -> bool:
        return self.n == 0 or self.df.empty

    def params_text(self) -> str:
        """Parameters as readable text for the SQL expander."""
        if not self.params:
            return "(no parameters)"
        return "\n".join(f"${k} = {v!r}" for k, v in self.params.items())
