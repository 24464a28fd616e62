"""Every chart and table of a page (or the dashboard) in one zip, with a manifest.

Why: an analyst asked for "everything behind this page" wants files, not a deck: each
chart as PNG, SVG and interactive HTML and each chart's data as CSV, Excel and Parquet,
in folders per page, plus manifest.json saying what every file shows (the ExportMeta)
and what could not be made. Without a browser the images are left out, the manifest
says why, and everything else is still there.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Sequence
from io import BytesIO
from typing import Any

from plotly.offline import get_plotlyjs

from analytics.export import images, tables
from analytics.export.meta import ChartExport, Cover, Section, slug
from analytics.export.render import ExportUnavailable

MANIFEST = "manifest.json"
PLOTLY_JS = "plotly.min.js"  # once for the whole zip; the HTML pages refer to it (works offline)


def _chart_files(chart: ChartExport, with_images: bool, js: str, raw_csv: bool = False
                 ) -> list[tuple[str, Callable[[], bytes]]]:
    """(suffix, maker) pairs for one chart's files."""
    makers: list[tuple[str, Callable[[], bytes]]] = []
    if chart.figure is not None:
        if with_images:
            makers.append((".png", lambda: images.to_png(chart.figure, chart.meta)))
            makers.append((".svg", lambda: images.to_svg(chart.figure, chart.meta)))
        makers.append((".html", lambda: images.to_html(chart.figure, chart.meta, plotlyjs=js)))
    makers.append((".csv", lambda: tables.to_csv(chart.data, raw=raw_csv)))
    makers.append((".xlsx", lambda: tables.to_excel(chart.data, chart.meta)))
    makers.append((".parquet", lambda: tables.to_parquet(chart.data, chart.meta)))
    return makers


def build(cover: Cover, sections: Sequence[Section], *, raw_csv: bool = False,
          problems: list[str] | None = None) -> bytes:
    """Zip bytes: <page>/<NN-chart>.{png,svg,html,csv,xlsx,parquet} and manifest.json.

    The CSV files are for people, so formula-like cells are neutralised (tables.to_csv);
    ``raw_csv`` keeps them raw, for a machine reading the zip. A file that could not be made
    although it should have been (a chart image that failed with a working browser) is left
    out, listed under ``failed`` in the manifest and appended to ``problems`` as one line.
    """
    skipped = "" if images.browser_available() else images.unavailable_message()
    failed: list[dict[str, str]] = []
    entries: list[dict[str, Any]] = []
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for section in sections:
            folder = slug(section.title) if len(sections) > 1 else ""
            for i, chart in enumerate(section.charts, start=1):
                stem = f"{i:02d}-{slug(chart.meta.title)}"
                base = f"{folder}/{stem}" if folder else stem
                makers = _chart_files(chart, not skipped, "../" + PLOTLY_JS if folder else PLOTLY_JS, raw_csv)
                files: list[str] = []
                for suffix, make in makers:
                    try:
                        data = make()
                    except ExportUnavailable as exc:  # this image or the browser failed: keep the rest
                        failed.append(
                            {
                                "page": section.title,
                                "title": chart.meta.title,
                                "file": base + suffix,
                                "why": str(exc),
                            }
                        )
                        if problems is not None:
                            problems.append(
                                f"{section.title} / {chart.meta.title} ({suffix[1:].upper()}): {exc}"
                            )
                        continue
                    # PNG and Parquet are compressed already; deflating them again only costs time
                    kind = zipfile.ZIP_STORED if suffix in {".png", ".parquet"} else zipfile.ZIP_DEFLATED
                    zf.writestr(base + suffix, data, compress_type=kind)
                    files.append(base + suffix)
                entries.append({"page": section.title, "title": chart.meta.title, "files": files,
                                "rows": len(chart.data), "meta": chart.meta.to_dict()})
        manifest = {
            "title": cover.title,
            "filters": cover.filters_text,
            "as_of": cover.as_of_text,
            "sources": list(cover.sources),
            "is_demo": cover.is_demo,
            "generated_at": cover.generated_at,
            "images_skipped": skipped or None,
            "failed": failed,
            "csv": "raw" if raw_csv else "formulas neutralised",
            "charts": entries,
        }
        if any(name.endswith(".html") for entry in entries for name in entry["files"]):
            zf.writestr(PLOTLY_JS, get_plotlyjs())
        zf.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False, default=str))
    return buf.getvalue()
