"""Word 97-2003 .doc files, read from their piece table.  The fixture was written for these
tests from made-up text with python-docx and saved as .doc by LibreOffice (a real Word 97
writer): a table with an empty cell at a row's end, and a hyperlink field."""
from __future__ import annotations

import io

import pytest

from conftest import ROOT
from extractor.errors import CorruptArchive, UndecodableInput
from extractor.pipeline import parse_source
from extractor.read import read_bytes

FIXTURE = ROOT / "tests" / "fixtures" / "liulin_summary_word97.doc"


def test_a_doc_reads_as_its_text_with_tables_as_rows_and_fields_as_shown():
    record = read_bytes(FIXTURE.read_bytes(), "summary.doc")
    assert record.format == "doc"
    assert record.text.split("\n") == [
        "柳林县总工会2023年工作总结", "一、主要工作",
        "全年新建基层工会组织38家，新发展会员2,160人，签订集体合同215份，发放慰问金57.9万元。",
        "指标\t目标\t完成\t完成率", "新建工会组织(家)\t30\t38\t126.7%", "发展会员(人)\t2000\t\t",
        "详见县总工会网站工会服务平台",  # (the hyperlink's address is its field's instruction: left out)
        "二、2024年工作打算", "力争新建工会组织40家，新发展会员2000人以上。", ""]


def test_a_doc_parses_into_a_document():
    record = read_bytes(FIXTURE.read_bytes(), "summary.doc")
    (document,) = parse_source(record)
    assert (document.title, document.doc_type, document.period.year) == ("柳林县总工会2023年工作总结", "summary", 2023)
    assert [(i.value, i.unit, i.status) for i in document.indicators] == [
        (38, "家", "actual"), (2160, "人", "actual"), (215, "份", "actual"), (579000, "元", "actual"),
        (30, "家", "target"), (38, "家", "actual"), (126.7, "%", "actual"), (2000, "人", "target"),
        (40, "家", "target"), (2000, "人", "target")]


def test_a_doc_without_extension_is_sniffed_and_read():
    assert read_bytes(FIXTURE.read_bytes(), "ARCHIVE_0031").format == "doc"


def test_a_compound_file_that_is_no_word_document_is_refused_with_the_reason():
    import olefile

    data = bytearray(FIXTURE.read_bytes())
    ole = olefile.OleFileIO(io.BytesIO(bytes(data)))
    # the same container with its WordDocument stream renamed, as an Excel or PowerPoint file has none
    name_at = bytes(data).find("WordDocument".encode("utf-16-le"))
    ole.close()
    data[name_at:name_at + 2] = "X".encode("utf-16-le")
    with pytest.raises(UndecodableInput) as caught:
        read_bytes(bytes(data), "budget.doc")
    assert "no WordDocument stream" in caught.value.reason


@pytest.mark.parametrize("cut", [600, 4096])
def test_a_cut_short_doc_is_refused_with_the_reason(cut):
    with pytest.raises((CorruptArchive, UndecodableInput)) as caught:
        read_bytes(FIXTURE.read_bytes()[:cut], "cut.doc")
    assert caught.value.source == "cut.doc" and ".doc" in caught.value.reason or "Word" in caught.value.reason
