"""Indicators of several reports side by side.

:func:`comparison_frame` gives one tidy row per document and figure;
:func:`compare_table` turns it into the wide table people read: one row per
indicator (concept, unit, status), one column block per organisation and
period, with the change from the previous period of the same organisation.

Rules, so that a table never surprises:

* An indicator's row is its ``concept``; an indicator without one is put on
  the row ``obj:<object>`` (its object, simplified, without spaces), so the
  same object in two reports still lines up.
* When a document gives several figures for one row it shows the largest
  (the document's total; adding would count the total and its parts twice).
  Several documents for one organisation and period: the largest again.
* Targets and actuals are kept apart by the ``status`` level of the row
  index.  Targets are taken from plans, actuals from the other documents:
  a summary's targets are for the next period (明年...) and a plan's
  actuals for the last one, so neither belongs under the document's period.
* Units of one family (人/名/位) share a row, shown with the family's first unit.
* A column is ``(organisation, period, measure)``; the period is ``2023`` or
  ``2023-H1``; a masked year nothing infers is shown as written plus the file
  (``201* (a.txt#0)``) so two masked reports never merge.  ``measure`` is
  ``value``, ``change`` (absolute) and ``change_pct``; the change is against
  the previous period of the same kind (2022 for 2023, 2022-H1 for 2023-H1).
"""
from __future__ import annotations

import math
import warnings
from pathlib import Path, PurePath
from typing import Optional, Sequence

from .concepts import label_of
from .checks.common import family_unit, rules
from .checks.keys import PART_ORDER, doc_year, org_key, period_label, representatives
from .errors import UsageError
from .records import Document

ROW_LEVELS = ["concept", "unit", "status"]
COLUMN_LEVELS = ["org", "period", "measure"]
MEASURES = ("value", "change", "change_pct")
UNKNOWN_ORG = "(unknown org)"


def _column_period(doc: Document) -> str:
    label = period_label(doc)
    if doc_year(doc) is None:
        return f"{label} ({PurePath(doc.source).name}#{doc.doc_index})"
    return label


def _matches_concept(key: str, ind, concept: Optional[str]) -> bool:
    if concept is None:
        return True
    return key == concept or key == f"obj:{concept}" or ind.object == concept


def comparison_frame(docs: Sequence[Document], concept: Optional[str] = None, org: Optional[str] = None):
    """One row per document and representative figure (tidy form)."""
    import pandas as pd

    wanted_org = org_key(org)
    rows = []
    for doc in docs:
        doc_org = org_key(doc.org)
        if wanted_org and (doc_org is None or wanted_org not in doc_org):
            continue
        wanted_status = "target" if doc.doc_type == "plan" else "actual"
        for (key, status, _), ind in representatives(doc).items():
            if status == wanted_status and _matches_concept(key, ind, concept):
                rows.append({
                    "concept": key, "unit": family_unit(ind.unit), "status": status,
                    "org": doc.org or UNKNOWN_ORG, "period": _column_period(doc),
                    "year": doc_year(doc), "part": doc.period.part or "year",
                    "value": float(ind.value), "source": doc.source, "doc_index": doc.doc_index,
                    "indicator": ind.id, "text": ind.text,
                })
    columns = ["concept", "unit", "status", "org", "period", "year", "part", "value",
               "source", "doc_index", "indicator", "text"]
    return pd.DataFrame(rows, columns=columns)


def _time_key(row) -> tuple:
    """Sort key of a period: year (unknown last), part within the year, label."""
    year = math.inf if row.year is None or row.year != row.year else row.year
    return (year, PART_ORDER.get(row.part, 9), row.period)


def _period_order(frame) -> list[tuple[str, str]]:
    """(org, period) pairs sorted by organisation, then time."""
    firsts = frame.drop_duplicates(["org", "period"])
    keyed = sorted(firsts.itertuples(index=False), key=lambda r: (r.org, _time_key(r)))
    return [(r.org, r.period) for r in keyed]


def _previous_periods(frame) -> dict[tuple[str, str], str]:
    """(org, period) -> the previous period of the same kind for that org."""
    previous, last_seen = {}, {}
    for org, period in _period_order(frame):
        row = frame[(frame.org == org) & (frame.period == period)].iloc[0]
        if row.year is None or row.year != row.year:
            continue
        slot = (org, row.part)
        if slot in last_seen:
            previous[(org, period)] = last_seen[slot]
        last_seen[slot] = period
    return previous


def _empty_table():
    import pandas as pd

    index = pd.MultiIndex.from_tuples([], names=ROW_LEVELS)
    columns = pd.MultiIndex.from_tuples([], names=COLUMN_LEVELS)
    return pd.DataFrame(index=index, columns=columns, dtype=float)


def compare_table(docs: Sequence[Document], concept: Optional[str] = None, org: Optional[str] = None):
    """Wide table: rows (concept, unit, status), columns (org, period, measure)."""
    import pandas as pd

    frame = comparison_frame(docs, concept, org)
    if frame.empty:
        return _empty_table()
    values = frame.pivot_table(index=ROW_LEVELS, columns=["org", "period"], values="value", aggfunc="max")
    previous = _previous_periods(frame)
    blocks = {}
    for org_name, period in _period_order(frame):
        current = values[(org_name, period)]
        blocks[(org_name, period, "value")] = current
        before = previous.get((org_name, period))
        if before is not None:
            earlier = values[(org_name, before)]
            blocks[(org_name, period, "change")] = current - earlier
            blocks[(org_name, period, "change_pct")] = (current - earlier) / earlier.where(earlier != 0) * 100
        else:
            blocks[(org_name, period, "change")] = pd.Series(float("nan"), index=values.index)
            blocks[(org_name, period, "change_pct")] = pd.Series(float("nan"), index=values.index)
    table = pd.DataFrame(blocks)
    table.columns = pd.MultiIndex.from_tuples(list(blocks), names=COLUMN_LEVELS)
    return table


def _cjk_font() -> Optional[str]:
    """A font that has Chinese glyphs: an installed one, else the one the
    ``plot`` extra ships (mplfonts), else None with a warning."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    found = next((name for name in rules("plot")["cjk_fonts"] if name in installed), None)
    if found is None:
        found = _packaged_cjk_font(font_manager)
    if found is None:
        warnings.warn("no Chinese font found: chart labels will show as boxes; "
                      "install one (pip install 'extractor[plot]', or apt-get install fonts-noto-cjk)", stacklevel=3)
    return found


def _packaged_cjk_font(font_manager) -> Optional[str]:
    try:
        from importlib import resources

        font_file = resources.files("mplfonts").joinpath("fonts", "NotoSansCJKsc-Regular.otf")
        with resources.as_file(font_file) as path:
            if not path.exists():
                return None
            font_manager.fontManager.addfont(str(path))
            return font_manager.FontProperties(fname=str(path)).get_name()
    except (ImportError, ModuleNotFoundError, OSError):
        return None


def _plot_series(frame):
    """Actual values if any, else targets; the most common unit only."""
    status = "actual" if (frame.status == "actual").any() else "target"
    frame = frame[frame.status == status]
    unit = frame.unit.mode().iloc[0]
    return frame[frame.unit == unit], status, unit


def plot_concept(docs: Sequence[Document], concept: str, path) -> Path:
    """Chart one concept across periods (lines per organisation) or, when
    every organisation has a single period, across organisations (bars).
    Saved as PNG to ``path``; returns the path."""
    from matplotlib.figure import Figure  # imported here: matplotlib is slow to load

    frame = comparison_frame(docs, concept)
    if frame.empty:
        raise UsageError(f"no figures for concept {concept!r}; `extractor compare` lists the concepts found")
    frame, status, unit = _plot_series(frame)
    figure = Figure(figsize=(8, 4.5), dpi=100)
    axes = figure.add_subplot()
    order = _period_order(frame)
    by_org: dict[str, list[tuple[str, float]]] = {}
    for org_name, period in order:
        cell = frame[(frame.org == org_name) & (frame.period == period)]
        by_org.setdefault(org_name, []).append((period, cell.value.max()))
    if all(len(points) == 1 for points in by_org.values()):
        labels = [f"{o}\n{points[0][0]}" for o, points in by_org.items()]
        axes.bar(range(len(labels)), [p[0][1] for p in by_org.values()])
        axes.set_xticks(range(len(labels)), labels)
    else:
        _plot_lines(axes, by_org, _periods_in_time_order(frame))
    label = label_of(concept)
    axes.set_title(f"{label} · {concept} ({status}, {unit})" if label else f"{concept} ({status}, {unit})")
    axes.set_ylabel(unit)
    _apply_font(figure)
    path = Path(path)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing")  # no CJK font installed
        figure.savefig(path, format="png", bbox_inches="tight")
    return path


def _periods_in_time_order(frame) -> list[str]:
    firsts = frame.drop_duplicates(["period"])
    return [r.period for r in sorted(firsts.itertuples(index=False), key=_time_key)]


def _plot_lines(axes, by_org, periods: list[str]) -> None:
    position = {p: i for i, p in enumerate(periods)}
    for org_name, points in by_org.items():
        axes.plot([position[p] for p, _ in points], [v for _, v in points], marker="o", label=org_name)
    axes.set_xticks(range(len(periods)), periods, rotation=30, ha="right")
    axes.legend()


def _apply_font(figure) -> None:
    font = _cjk_font()
    if font is None:
        return
    for text in figure.findobj(lambda artist: hasattr(artist, "set_fontfamily")):
        text.set_fontfamily(font)


__all__ = ["compare_table", "comparison_frame", "plot_concept"]
