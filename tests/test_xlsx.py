"""Excel workbooks: each sheet's rows as tab-parted lines, read like a table pasted as text.
The workbooks are written here with openpyxl from made-up figures."""
from __future__ import annotations

import datetime
import io

import pytest
from openpyxl import Workbook

from extractor import to_frames
from extractor.errors import CorruptArchive, EmptyInput, UnsupportedFormat
from extractor.pipeline import parse_source
from extractor.read import read_bytes


def workbook_bytes(sheets: dict) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, float) and cell.value < 1:
                    cell.number_format = "0.0%"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


STATS = {
    "年报": [
        ["晓山区总工会2023年工会统计年报"],
        ["指标", "2022年", "2023年", "增长率"],
        ["基层工会组织（个）", 1526, 1652, 0.083],
        ["会员人数（人）", 85522, 91572.0, 0.071],
        [],
        ["填报日期", datetime.date(2024, 1, 10)],
    ],
    "帮扶": [
        ["乡镇", "资金（万元）", "户数"],
        ["城关镇", 32.6, 368],
        ["河口镇", 24.8, None],
    ],
}


def test_a_workbook_reads_sheet_by_sheet_as_tab_parted_rows():
    record = read_bytes(workbook_bytes(STATS), "stats.xlsx")
    assert record.format == "xlsx"
    assert record.text.split("\n") == [
        "晓山区总工会2023年工会统计年报", "年报", "指标\t2022年\t2023年\t增长率",
        "基层工会组织（个）\t1526\t1652\t8.3%", "会员人数（人）\t85522\t91572\t7.1%", "填报日期\t2024-01-10",
        "", "帮扶", "乡镇\t资金（万元）\t户数", "城关镇\t32.6\t368", "河口镇\t24.8", ""]


def test_a_workbooks_tables_give_indicators_with_units_from_their_headers():
    (document,) = parse_source(read_bytes(workbook_bytes(STATS), "stats.xlsx"))
    found = {(i.value, i.unit, i.object) for i in document.indicators}
    assert {(1652, "个", "基层工会组织"), (91572, "人", "会员人数"), (326000, "元", "资金"), (368, "户", "户数")} <= found


def test_the_toolkits_own_output_workbook_is_refused_with_the_reason(tmp_path):

    target = tmp_path / "out.xlsx"
    frames = to_frames([])
    book = Workbook()
    book.remove(book.active)
    for name, frame in frames.items():
        book.create_sheet(name).append(list(frame.columns))
    book.save(target)
    with pytest.raises(UnsupportedFormat) as caught:
        read_bytes(target.read_bytes(), "out.xlsx")
    assert "own output" in caught.value.reason


@pytest.mark.parametrize("data, error", [
    (b"PK\x03\x04 not a workbook", CorruptArchive),
    (workbook_bytes({"空表": [[None, None]]}), EmptyInput),
])
def test_a_broken_or_empty_workbook_is_refused(data, error):
    with pytest.raises(error):
        read_bytes(data, "bad.xlsx")


def test_named_sheets_head_sections_and_a_format_gives_its_decimals():
    data = workbook_bytes({"基本情况": [["清河县总工会2022年工会工作统计表"], ["指标", "2021年", "2022年", "增长率"],
                                    ["集体合同（份）", 398, 426, 0.07]],
                           "帮扶情况": [["序号", "乡镇", "困难职工（户）", "人均（元）"], [1, "城关镇", 64, 3000],
                                    [None, "合计", 346, 2833]]})
    record = read_bytes(data, "stats.xlsx")
    assert "集体合同（份）\t398\t426\t7.0%" in record.text
    assert record.text.startswith("清河县总工会2022年工会工作统计表\n基本情况\n")  # (the title row, then the sheet)
    assert [record.text[a:b] for a, b, _ in record.heading_lines] == ["基本情况", "帮扶情况"]
    (document,) = parse_source(record)
    assert document.title == "清河县总工会2022年工会工作统计表"
    assert [s.heading for s in document.sections] == ["基本情况", "帮扶情况"]
    assert (document.period.year, document.period.part) == (2022, "year")
    cells = [(i.value, i.unit, i.object) for i in document.indicators if i.unit in ("户", "元")]
    assert cells == [(64, "户", "困难职工"), (3000, "元", "人均"), (346, "户", "困难职工"), (2833, "元", "人均")]


def test_a_two_row_header_of_merged_cells_gives_each_column_its_thing_status_and_unit():
    data = workbook_bytes({"完成情况": [
        ["禾溪市总工会2023年度目标任务完成情况考核表"],
        ["序号", "县（市、区）", "新建工会组织（家）", None, "发展会员（人）", None],
        [None, None, "目标", "完成", "目标", "完成"],
        [1, "禾城区", 40, 46, 3500, 3862], [2, "溪口区", 35, 38, 3000, 3127], [3, "青禾县", 30, 27, 2500, 2306],
        [4, "柳湾县", 25, 31, 2000, 2241], [None, "合计", 130, 142, 11000, 11536],
        ["审核人：周建平", "填报人：许文静"]], "说明": [["全市全年新建工会组织84家。"]]})
    (document,) = parse_source(read_bytes(data, "assessment.xlsx"))
    cells = [(i.value, i.unit, i.status, i.object) for i in document.indicators][:4]
    assert cells == [(40, "家", "target", "新建工会组织"), (46, "家", "actual", "新建工会组织"),
                     (3500, "人", "target", "发展会员"), (3862, "人", "actual", "发展会员")]
