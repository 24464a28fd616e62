"""Opening Excel workbooks with openpyxl in read-only mode, in time bounded by the rows read.

Why: openpyxl's read-only worksheet looks for the sheet's ``<dimension>`` element when it opens,
listening only for *end* events, so a sheet without that element (hand-written or hostile files) is
parsed to its last row before the first row can be read: detection of a 2 GB sheet (the zip limit in
``_io``) ran for minutes. The probe below listens for *start* events and stops where the rows begin;
it returns what openpyxl's would (the element's bounds, or nothing), only sooner.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import iterparse

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import DATA_TAG, DIMENSION_TAG
from openpyxl.worksheet.dimensions import SheetDimension

from etl.record import SourceError

# What a workbook that cannot be opened raises inside openpyxl.
OPEN_ERRORS = (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError)


def _dimensions_before_rows(ws: ReadOnlyWorksheet) -> None:
    src = ws._get_source()
    try:
        for _event, element in iterparse(src, events=("start",)):
            if element.tag == DIMENSION_TAG:
                ws._min_column, ws._min_row, ws._max_column, ws._max_row = \
                    SheetDimension.from_tree(element).boundaries
                return
            if element.tag == DATA_TAG:
                return
    finally:
        src.close()


ReadOnlyWorksheet._get_size = _dimensions_before_rows  # type: ignore[method-assign]


def open_workbook(path: Path) -> Any:
    """The workbook, read-only with cached values; SourceError with one line when it cannot be read."""
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except OPEN_ERRORS as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise SourceError(f"{path.name}: cannot read the Excel workbook ({first})") from None
