"""Exports of charts and tables for people outside the app: images, tables, decks, PDFs, zips.

Why a package apart from the pages: the app's download buttons and the cron report
(``python -m analytics report``) must produce the same files, so the exporting lives
here, free of streamlit, and both call it. Every export carries an ExportMeta (what it
shows: filters, n, as-of date, sources, SQL).
"""

from analytics.export.meta import ExportMeta, WarehouseFacts, build_meta, slug, warehouse_facts
from analytics.export.render import ExportUnavailable, browser_available, unavailable_message

__all__ = ["ExportMeta", "ExportUnavailable", "WarehouseFacts", "browser_available", "build_meta", "slug",
           "unavailable_message", "warehouse_facts"]
