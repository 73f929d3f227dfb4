"""Excel 97–2003 workbooks (.xls, and WPS Spreadsheets' .et): read with xlrd and laid out as an
.xlsx is, through the same assembly; and WPS Writer's .wps, a Word 97 file read as a .doc.  The fixture was made for these tests from made-up
figures: ``python tests/test_xls.py DIR`` writes the workbook below with openpyxl, and
LibreOffice (a real Excel 97 writer) saved it as .xls (``soffice --headless --convert-to xls``).
The same workbook, written here as .xlsx, is what the .xls must read like."""
from __future__ import annotations

import datetime
import io
import shutil

import pytest
from openpyxl import Workbook

from conftest import ROOT
from extractor.errors import CorruptArchive, UndecodableInput, UnsupportedFormat
from extractor.pipeline import parse_source
from extractor.read import read_bytes

FIXTURE = ROOT / "tests" / "fixtures" / "xiaoshan_stats_excel97.xls"
DOC_FIXTURE = ROOT / "tests" / "fixtures" / "liulin_summary_word97.doc"

SHEETS = {
    "基本情况": [
        ["晓山区总工会2023年工会工作统计表"],
        ["指标", "单位", "2022年", "2023年", "增长率"],
        ["基层工会组织", "个", 1526, 1652, 0.083],
        ["会员人数", "人", 85522, 91572.0, 0.0708],
        ["帮扶资金", "万元", 32.6, 41.25, 0.2654],
        ["集体合同覆盖率", "%", 0.915, 0.937],
        [],
        ["填报日期", datetime.date(2024, 1, 10), None, "填报人", "许文静"],
        ["报送时间", datetime.datetime(2024, 1, 10, 9, 30), "已审核", True],
    ],
    "工作完成情况": [
        ["全年新建基层工会组织38家，发展会员2160人，签订集体合同215份。"],
        ["发放帮扶资金41.25万元，惠及困难职工368户，比上年增长12.5%。"],
    ],
}
# number formats, as a clerk sets them: a percent column, decimals, thousands
FORMATS = {"E3": "0.0%", "E4": "0.0%", "E5": "0.0%", "C6": "0.0%", "D6": "0.00%",
           "D4": "#,##0", "C5": "#,##0.0", "D5": "0.00"}


def workbook_bytes() -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, rows in SHEETS.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    for at, shown in FORMATS.items():
        book["基本情况"][at].number_format = shown
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_an_xls_reads_exactly_as_the_same_workbook_saved_as_xlsx():
    xls = read_bytes(FIXTURE.read_bytes(), "stats.xls")
    xlsx = read_bytes(workbook_bytes(), "stats.xlsx")
    assert xls.format == "xls"
    assert (xls.text, xls.heading_lines) == (xlsx.text, xlsx.heading_lines)
    assert xls.text.split("\n")[:8] == [
        "晓山区总工会2023年工会工作统计表", "基本情况", "指标\t单位\t2022年\t2023年\t增长率",
        "基层工会组织\t个\t1526\t1652\t8.3%", "会员人数\t人\t85522\t91572\t7.1%", "帮扶资金\t万元\t32.6\t41.25\t26.5%",
        "集体合同覆盖率\t%\t91.5%\t93.70%", "填报日期\t2024-01-10\t\t填报人\t许文静"]
    assert "报送时间\t2024-01-10 09:30:00\t已审核\t是" in xls.text


def test_an_xls_sheets_head_sections_and_its_cells_give_indicators():
    record = read_bytes(FIXTURE.read_bytes(), "stats.xls")
    assert [record.text[a:b] for a, b, _ in record.heading_lines] == ["基本情况", "工作完成情况"]
    (document,) = parse_source(record)
    assert document.title == "晓山区总工会2023年工会工作统计表"
    assert [s.heading for s in document.sections] == ["基本情况", "工作完成情况"]
    found = {(i.value, i.unit) for i in document.indicators}
    assert {(1652, "个"), (91572, "人"), (38, "家"), (2160, "人"), (368, "户")} <= found


@pytest.mark.parametrize("name", ["stats.xls", "STATS.XLS", "stats.et", "ARCHIVE_0032"])
def test_xls_and_et_names_and_an_extensionless_workbook_go_to_the_xls_reader(name):
    assert read_bytes(FIXTURE.read_bytes(), name).format == "xls"


def test_an_extensionless_compound_file_is_told_apart_by_its_streams():
    assert read_bytes(DOC_FIXTURE.read_bytes(), "ARCHIVE_0031").format == "doc"
    assert read_bytes(FIXTURE.read_bytes(), "ARCHIVE_0032").format == "xls"


def test_an_xlsx_or_an_html_table_named_xls_is_read_as_what_it_is():
    assert read_bytes(workbook_bytes(), "stats.xls").format == "xlsx"
    page = "<html><body><table><tr><td>会员（人）</td><td>91572</td></tr></table></body></html>".encode("utf-8")
    record = read_bytes(page, "export.xls")
    assert record.format == "html" and "91572" in record.text


def test_a_word_document_named_xls_and_a_non_workbook_are_refused_with_the_reason():
    with pytest.raises(UndecodableInput) as caught:
        read_bytes(DOC_FIXTURE.read_bytes(), "budget.xls")
    assert "no Workbook stream" in caught.value.reason
    with pytest.raises(UndecodableInput) as caught:
        read_bytes("指标\t2023年\n会员\t91572\n".encode("gbk"), "export.xls")
    assert "not an Excel 97–2003 workbook" in caught.value.reason


def test_a_password_protected_xls_is_refused_with_the_reason():
    data = bytearray(FIXTURE.read_bytes())
    # the workbook globals open with BOF then INTERFACEHDR; a protected workbook has FILEPASS there
    at = bytes(data).find(b"\x09\x08\x10\x00")
    assert data[at + 20:at + 24] == b"\xe1\x00\x02\x00"
    data[at + 20:at + 22] = b"\x2f\x00"
    with pytest.raises(UndecodableInput) as caught:
        read_bytes(bytes(data), "secret.xls")
    assert "password" in caught.value.reason


@pytest.mark.parametrize("cut", [512, 3000, 6000])
def test_a_cut_short_xls_is_refused_with_the_reason(cut):
    with pytest.raises((CorruptArchive, UndecodableInput)) as caught:
        read_bytes(FIXTURE.read_bytes()[:cut], "cut.xls")
    assert caught.value.source == "cut.xls" and ".xls" in caught.value.reason or "Excel" in caught.value.reason


def test_the_toolkits_own_output_saved_as_xls_is_refused_too():
    data = FIXTURE.read_bytes()
    for name, own in (("基本情况", "runs"), ("工作完成情况", "errors")):  # (sheet names of the same length, in UTF-16)
        assert data.count(name.encode("utf-16-le")) >= 1
        data = data.replace(name.encode("utf-16-le"), own.encode("utf-16-le"))
    with pytest.raises(UnsupportedFormat) as caught:
        read_bytes(data, "out.xls")
    assert "own output" in caught.value.reason


# --- WPS Office's own names: .et is an .xls (above), .wps a Word 97 file ------------------


def test_a_wps_writer_file_is_read_as_the_word_97_document_it_is():
    record = read_bytes(DOC_FIXTURE.read_bytes(), "x.wps")
    assert record.format == "doc"
    assert record.text == read_bytes(DOC_FIXTURE.read_bytes(), "x.doc").text


@pytest.mark.parametrize("data", [
    b"\x0bWPS\x00" + "柳林县总工会2023年工作总结".encode("gbk"),  # (not a compound file: a DOS-era WPS file)
    FIXTURE.read_bytes(),  # (a compound file without a WordDocument stream)
])
def test_a_wps_that_is_no_word_97_file_is_refused_with_the_reason(data):
    with pytest.raises(UnsupportedFormat) as caught:
        read_bytes(data, "old.wps")
    assert "old WPS" in caught.value.reason and "save it as .doc" in caught.value.reason


if __name__ == "__main__":  # writes the workbook the fixture was saved from
    import sys
    from pathlib import Path

    (Path(sys.argv[1]) / "xiaoshan_stats_excel97.xlsx").write_bytes(workbook_bytes())


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice writes the .xls")
def test_the_sample_writer_saves_a_workbook_as_excel_97(tmp_path):
    from conftest import load_script

    source = "## 季度统计\n东坡镇总工会2022年统计表\n指标\t单位\t一季度\t完成率\n新建工会组织\t家\t3\t96.5%\n## 说明\n全年新建工会组织12家。\n"
    target = tmp_path / "dongpo.xls"
    load_script("xls_layout").write_xls(source, target)
    text = read_bytes(target.read_bytes(), "dongpo.xls").text
    assert "新建工会组织\t家\t3\t96.5%" in text and "季度统计" in text
