"""RTF files: the text of their body, tables as rows of tab-parted cells, in the document's
code page.  The files are written here, from strings made up for these tests, as WordPad
saves them (scripts/rtf_layout.py)."""
from __future__ import annotations


import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import load_script
from extractor.errors import EmptyInput, UndecodableInput
from extractor.pipeline import parse_source
from extractor.read import read_bytes

rtf_layout = load_script("rtf_layout")

SUMMARY = "\n".join([
    "柳林县总工会2023年工作总结",
    "一、主要工作",
    "全年新建基层工会组织38家，新发展会员2160人，签订集体合同215份，发放慰问金57.9万元。",
    "指标\t目标\t完成",
    "新建工会组织(家)\t30\t38",
    "二、2024年工作打算",
    "力争新建工会组织40家。",
])


@pytest.mark.parametrize("unicode_escapes", [False, True])
def test_an_rtf_in_gbk_reads_as_its_text_with_tables_as_tab_rows(unicode_escapes):
    record = read_bytes(rtf_layout.wordpad_rtf(SUMMARY, unicode_escapes=unicode_escapes), "summary.rtf")
    assert record.format == "rtf" and record.encoding == "gbk"
    assert record.text.rstrip("\n") == SUMMARY


def test_an_rtf_in_big5_is_read_in_its_code_page():
    traditional = "柳林縣總工會2023年工作總結\n全年簽訂集體合同215份。"
    record = read_bytes(rtf_layout.wordpad_rtf(traditional, encoding="big5"), "summary.rtf")
    assert record.text.rstrip("\n") == traditional


def test_an_rtf_parses_into_a_document_with_its_tables_figures():
    record = read_bytes(rtf_layout.wordpad_rtf(SUMMARY), "summary.rtf")
    (document,) = parse_source(record)
    assert (document.title, document.doc_type, document.period.year) == ("柳林县总工会2023年工作总结", "summary", 2023)
    assert [(i.value, i.unit, i.status) for i in document.indicators] == [
        (38, "家", "actual"), (2160, "人", "actual"), (215, "份", "actual"), (579000, "元", "actual"),
        (30, "家", "target"), (38, "家", "actual"), (40, "家", "target")]
    for indicator in document.indicators:
        assert record.text[indicator.span[0]:indicator.span[1]] == indicator.text


def test_an_rtf_without_extension_is_sniffed_and_read():
    assert read_bytes(rtf_layout.wordpad_rtf(SUMMARY), "EXPORT01").format == "rtf"


@pytest.mark.parametrize("data, error, words", [
    (b"this is not rtf at all", UndecodableInput, "not an RTF file"),
    (b"{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\par}", EmptyInput, "no text"),
])
def test_a_bad_rtf_is_refused_with_the_reason(data, error, words):
    with pytest.raises(error) as caught:
        read_bytes(data, "bad.rtf")
    assert words in caught.value.reason and caught.value.source == "bad.rtf"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="\\{}'ufcelrowpatb0123456789 ?abc中文", max_size=80))
@example("\\uc")  # (striprtf met a \uc with no count with a TypeError)
def test_malformed_rtf_raises_only_typed_errors(body):
    from extractor.errors import InputError

    try:
        record = read_bytes(("{\\rtf1\\ansi " + body).encode("utf-8"), "odd.rtf")
    except InputError as exc:
        assert "odd.rtf" in str(exc)
    else:
        assert isinstance(record.text, str)
