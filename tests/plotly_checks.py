"""What the browser tests read from drawn Plotly charts (shared by test_e2e and test_e2e_real).

CUT_LABELS_JS lists every axis tick label and axis title that is drawn (partly) outside its chart's
SVG, under the heading above the chart: such a label is cut off for the reader. Drawn with Streamlit's
chart theme off and no template of ours, every chart's x tick labels fell below the SVG's bottom edge
(tests/test_chart_template.py says why the theme is off).
"""

CUT_LABELS_JS = """() => {
  const out = []; let heading = null;
  const main = '[data-testid="stMain"]';
  for (const el of document.querySelectorAll(`${main} h3, ${main} .js-plotly-plot`)) {
    if (el.tagName === 'H3') { heading = el.innerText.trim(); continue; }
    const svg = el.querySelector('.main-svg');
    if (!svg) continue;
    const box = svg.getBoundingClientRect();
    for (const t of el.querySelectorAll('.xtick text, .ytick text, .g-xtitle text, .g-ytitle text')) {
      const r = t.getBoundingClientRect();
      if (!r.width || !t.textContent.trim()) continue;
      const [x0, y0, x1, y1] = [r.left - box.left, r.top - box.top, r.right - box.left, r.bottom - box.top]
        .map(Math.round);
      if (x0 < -1 || y0 < -1 || x1 > box.width + 1 || y1 > box.height + 1)
        out.push(`${heading}: "${t.textContent}" at ${x0},${y0}-${x1},${y1} in `
                 + `${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  return out;
}"""
