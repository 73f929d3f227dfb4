"""The comparison table, the chart, and the ``audit`` / ``compare`` commands.

Documents are hand-made (tests/audit_fixtures.py); the commands run on a
small fixture with the pipeline replaced by a stand-in that returns them.
"""
from __future__ import annotations

import math
import sys
import types

import pandas as pd
import pytest
from click.testing import CliRunner

from audit_fixtures import make_doc, section
from extractor.commands import audit_command, compare_command
from extractor.comparison import compare_table, comparison_frame, plot_concept
from extractor.records import FileError

MEMBERS = dict(object="会员", predicate="发展", concept="new_members", unit="人")


def members_doc(value, org="甲县总工会", year=2012, part="year", **extra):
    figures = [dict(value=value, **MEMBERS)] + extra.pop("figures", [])
    return make_doc(figures=figures, org=org, year=year, part=part, source=f"{org}{year}{part}.txt", **extra)


def test_one_concept_from_two_orgs_and_years_is_one_row():
    docs = [members_doc(100), members_doc(150, year=2013), members_doc(80, org="乙县总工会")]
    table = compare_table(docs)
    assert list(table.index) == [("new_members", "人", "actual")]
    row = table.loc[("new_members", "人", "actual")]
    assert row[("甲县总工会", "2012", "value")] == 100
    assert row[("甲县总工会", "2013", "value")] == 150
    assert row[("乙县总工会", "2012", "value")] == 80
    assert row[("甲县总工会", "2013", "change")] == 50
    assert row[("甲县总工会", "2013", "change_pct")] == pytest.approx(50.0)
    assert math.isnan(row[("甲县总工会", "2012", "change")])


TABLE_CASES = [
    ("targets and actuals on separate rows",
     [members_doc(100), make_doc(figures=[dict(value=120, status="target", **MEMBERS)], doc_type="plan",
                                 source="plan.txt")],
     {("new_members", "人", "actual"): 100, ("new_members", "人", "target"): 120}),
    ("the largest of several figures in one document",
     [members_doc(100, figures=[dict(value=40, **MEMBERS), dict(value=60, **MEMBERS)])],
     {("new_members", "人", "actual"): 100}),
    ("no concept: the object is the row",
     [make_doc(figures=[dict(value=7, object="职工书屋", unit="个")])],
     {("obj:职工书屋", "个", "actual"): 7}),
    ("名 shows as 人", [make_doc(figures=[dict(value=9, object="选手", unit="名")])],
     {("obj:选手", "人", "actual"): 9}),
    ("masked and per-unit figures are left out",
     [make_doc(figures=[dict(value=None, masked=True, **MEMBERS), dict(value=400, object="补助", unit="元", per="亩")])],
     {}),
]


@pytest.mark.parametrize("docs,expected", [c[1:] for c in TABLE_CASES], ids=[c[0] for c in TABLE_CASES])
def test_table_rows(docs, expected):
    table = compare_table(docs)
    values = table.xs("value", axis=1, level="measure") if not table.empty else table
    found = {row: cell for row, cells in values.iterrows() for cell in cells if cell == cell}
    assert found == expected


def test_half_year_change_is_against_the_previous_half_year():
    docs = [members_doc(100, part="H1"), members_doc(300), members_doc(120, year=2013, part="H1")]
    row = compare_table(docs).loc[("new_members", "人", "actual")]
    assert row[("甲县总工会", "2013-H1", "change")] == 20
    assert math.isnan(row[("甲县总工会", "2012", "change")])


def test_masked_years_stay_apart():
    docs = [make_doc(figures=[dict(value=100, **MEMBERS)], year=None, year_text="201*", source="x.txt"),
            make_doc(figures=[dict(value=200, **MEMBERS)], year=None, year_text="201*", source="y.txt")]
    periods = set(compare_table(docs).columns.get_level_values("period"))
    assert periods == {"201* (x.txt#0)", "201* (y.txt#0)"}


def test_filters():
    docs = [members_doc(100, figures=[dict(value=5, object="职工书屋", unit="个")]), members_doc(80, org="乙县总工会")]
    assert set(compare_table(docs, org="乙县").columns.get_level_values("org")) == {"乙县总工会"}
    assert list(compare_table(docs, concept="职工书屋").index) == [("obj:职工书屋", "个", "actual")]
    assert compare_table(docs, concept="nothing").empty
    assert len(comparison_frame(docs)) == 3


def test_plot_writes_png(tmp_path):
    docs = [members_doc(100), members_doc(150, year=2013), members_doc(80, org="乙县总工会")]
    path = plot_concept(docs, "new_members", tmp_path / "members.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_plot_bars_across_orgs(tmp_path):
    docs = [members_doc(100), members_doc(80, org="乙县总工会")]
    assert plot_concept(docs, "new_members", tmp_path / "bars.png").stat().st_size > 1000


# --- commands ------------------------------------------------------------------

FIXTURE_TEXT = "一、工作情况\n发展会员500人,其中农民工600人。\n三、其他\n"
FIXTURE_SECTIONS = [section("s1", "一", at=0), section("s2", "三", at=FIXTURE_TEXT.index("三"))]


@pytest.fixture
def fixture_files(tmp_path, monkeypatch):
    """Two report files and a stand-in pipeline that 'parses' them."""
    first = tmp_path / "a.txt"
    first.write_text(FIXTURE_TEXT, encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text("发展会员900人。\n", encoding="utf-8")
    docs = [
        make_doc(FIXTURE_TEXT, [dict(q="会员500人", value=500, **MEMBERS),
                                dict(q="农民工600人", value=600, unit="人", object="农民工", part_of=0)],
                 sections=FIXTURE_SECTIONS, source=str(first)),
        make_doc("发展会员900人。\n", [dict(q="会员900人", value=900, **MEMBERS)], year=2013, source=str(second)),
    ]
    pipeline = types.ModuleType("extractor.pipeline")
    pipeline.parse_paths = lambda paths: iter([*docs, FileError(source="broken.doc", error="unsupported format")])
    monkeypatch.setitem(sys.modules, "extractor.pipeline", pipeline)
    return first, second


def test_audit_command(fixture_files, tmp_path):
    first, second = fixture_files
    out = tmp_path / "findings.csv"
    result = CliRunner().invoke(audit_command, [str(first), str(second), "--out", str(out)])
    assert result.exit_code == 1  # one file could not be parsed
    assert "broken.doc: unsupported format" in result.output
    assert "breakdown.exceeds_total" in result.output and "2:3" in result.output
    rows = pd.read_csv(out, encoding="utf-8-sig")
    assert set(rows["check"]) == {"breakdown.exceeds_total", "numbering.gap"}
    assert "3:1" in set(rows["location"])


def test_audit_command_severity_filter(fixture_files, tmp_path):
    first, second = fixture_files
    out = tmp_path / "findings.xlsx"
    result = CliRunner().invoke(audit_command, [str(first), str(second), "--severity", "error", "--out", str(out)])
    rows = pd.read_excel(out)
    assert list(rows["check"]) == ["breakdown.exceeds_total"]
    assert "numbering.gap" not in result.output


def test_compare_command(fixture_files, tmp_path):
    first, second = fixture_files
    out, plot = tmp_path / "table.csv", tmp_path / "chart.png"
    result = CliRunner().invoke(compare_command, [str(first), str(second), "--concept", "new_members",
                                                  "--out", str(out), "--plot", str(plot)])
    assert result.exit_code == 1, result.output
    assert "+80%" in result.output  # 500 -> 900
    table = pd.read_csv(out, header=[0, 1, 2], index_col=[0, 1, 2], encoding="utf-8-sig")
    assert table.loc[("new_members", "人", "actual"), ("甲县总工会", "2013", "value")] == 900
    assert plot.read_bytes()[:4] == b"\x89PNG"


def test_compare_command_plot_needs_concept(fixture_files, tmp_path):
    first, _ = fixture_files
    result = CliRunner().invoke(compare_command, [str(first), "--plot", str(tmp_path / "x.png")])
    assert result.exit_code == 2 and "--plot needs --concept" in result.output
