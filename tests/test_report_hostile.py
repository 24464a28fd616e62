"""``python -m analytics report`` facing hostile data: a chart image that could not be drawn makes
the report exit 1 and name it (the file is still written); ``--raw-csv`` keeps the zip's CSV raw."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from export_charts import needs_browser
from test_export_injection import LINK, _csv_cells, _report, hostile_tiny

from analytics import report
from analytics.export import ExportUnavailable, images


def test_raw_csv_keeps_the_zip_csv_raw(tmp_path: Path) -> None:
    db = hostile_tiny(tmp_path, LINK)
    out = tmp_path / "all.zip"
    assert _report(db, out).returncode == 0
    with zipfile.ZipFile(out) as zf:
        assert '"csv": "formulas neutralised"' in zf.read("manifest.json").decode()

    raw = tmp_path / "raw.zip"
    done = _report(db, raw, "--raw-csv")
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(raw) as zf:
        cells = [
            c for n in zf.namelist() if n.endswith(".csv") for row in _csv_cells(zf.read(n)) for c in row
        ]
    assert LINK in cells and "'" + LINK not in cells

    done = _report(db, tmp_path / "x.pdf", "--raw-csv")
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "--raw-csv" in done.stderr


def _fail_for(monkeypatch: pytest.MonkeyPatch, x_title: str) -> None:
    """Make the images of the chart whose x axis is ``x_title`` fail as a broken renderer would
    (the other charts draw for real)."""
    real = images.render

    def render(fig_dict, fmt, width, height, scale=1.0):  # type: ignore[no-untyped-def]
        if fig_dict["layout"].get("xaxis", {}).get("title", {}).get("text") == x_title:
            raise ExportUnavailable("The chart image could not be drawn: KaleidoError: Error 525")
        return real(fig_dict, fmt, width, height, scale)

    monkeypatch.setattr(images, "render", render)


@needs_browser
@pytest.mark.parametrize("suffix", [".pptx", ".zip"])
def test_report_that_could_not_draw_a_chart_exits_1_and_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    db = hostile_tiny(tmp_path, "jobspy")
    _fail_for(monkeypatch, "Source")  # the Source mix chart
    out = tmp_path / f"data{suffix}"
    code = report.main(["--db", str(db), "--out", str(out), "--pages", "data", "--filter", "role_family=all"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "Data / Source mix" in err and "could not be drawn" in err
    assert out.exists()  # everything else is still there
    if suffix == ".zip":
        with zipfile.ZipFile(out) as zf:
            assert "Source mix" in zf.read("manifest.json").decode()
