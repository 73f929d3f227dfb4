"""extractor.read: files, folders and zips -> SourceText or FileError records.

Every test file is written here in tmp_path from strings made up for these
tests; none comes from the dev corpus.
"""
from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.errors import (CorruptArchive, EmptyInput, InputError, InputTooLarge, UndecodableInput,
                              UnsafeArchiveMember, UnsupportedFormat)
from extractor.read import base, iter_sources, read_bytes
from extractor.records import FileError, SourceText

SIMPLIFIED = "某县总工会上半年工作总结\r\n一、签订集体合同25份,发展会员5005人。\r\n"
TRADITIONAL = "某縣總工會上半年工作總結\r\n一、簽訂集體合同25份,發展會員5005人。\r\n"


def only(records):
    records = list(records)
    assert len(records) == 1, records
    return records[0]


# --- plain text in every supported encoding --------------------------------

ENCODINGS = [
    # (text, how the bytes are made, encoding reported)
    (SIMPLIFIED, "utf-8", "utf-8"),
    (SIMPLIFIED, "utf-8-sig", "utf-8-sig"),
    (SIMPLIFIED, "gb18030", "gb18030"),
    (SIMPLIFIED, "gbk", "gb18030"),
    (SIMPLIFIED, "gb2312", "gb18030"),
    (TRADITIONAL, "big5", "big5"),
    (TRADITIONAL, "utf-8", "utf-8"),
    (SIMPLIFIED, "utf-16", "utf-16"),  # with BOM
    (TRADITIONAL, "utf-16", "utf-16"),
    (SIMPLIFIED, "utf-16-le", "utf-16-le"),  # no BOM: found by the NUL bytes of ASCII
    (SIMPLIFIED, "utf-16-be", "utf-16-be"),
    # short texts, where statistical detectors go wrong
    ("工会", "gbk", "gb18030"),
    ("工會", "big5", "big5"),
    ("簽訂集體合同", "big5", "big5"),
    ("签订集体合同", "gb18030", "gb18030"),
    ("台", "gbk", "gb18030"),  # its two GBK bytes are also valid UTF-8
    ("总结(zǒng jié)", "gbk", "gb18030"),  # pinyin letters live in a GB2312 symbol row
    ("会员", "utf-16-le", "utf-16-le"),  # no NUL bytes, no BOM
    ("Plain ASCII notes\n", "utf-8", "utf-8"),
    pytest.param("總結", "utf-16-le", "utf-16-le", marks=pytest.mark.xfail(
        strict=True, reason="two hanzi in BOM-less UTF-16 are also valid ASCII")),
]


@pytest.mark.parametrize("text, codec, reported", ENCODINGS)
def test_encodings(tmp_path, text, codec, reported):
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode(codec))
    record = only(iter_sources([path]))
    assert isinstance(record, SourceText), record
    assert (record.text, record.encoding, record.format) == (text, reported, "txt")
    # SPEC: the text is exactly what open() gives with the detected encoding
    with open(path, encoding=record.encoding, newline="") as handle:
        assert handle.read() == record.text


def test_text_keeps_newlines_and_hashes_raw_bytes():
    data = SIMPLIFIED.encode("gb18030")
    record = read_bytes(data, "notes.txt")
    assert "\r\n" in record.text and record.source == "notes.txt"
    assert record.sha256 == base.sha256_hex(data)


# --- errors of the strict path ----------------------------------------------

ERRORS = [
    # (name, bytes, error raised, words in the message)
    ("empty.txt", b"", EmptyInput, "empty file"),
    ("blank.txt", b" \r\n\t\n", EmptyInput, "only whitespace"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00", UndecodableInput, "binary"),
    ("bytes.txt", b"abc\xff\xff\xff", UndecodableInput, "not text in UTF-8, GB18030, Big5 or UTF-16"),
    ("controls.txt", b"\x01\x02\x03\x04\x05\x06 text", UndecodableInput, "binary"),
    ("report.pdf", b"%PDF-1.7\n", UndecodableInput, "not a readable PDF"),
    ("report.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", CorruptArchive, "corrupt .doc"),
    ("slides.ppt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", UnsupportedFormat, "unsupported file type .ppt"),
    ("photo.PNG", b"\x89PNG\r\n", UnsupportedFormat, "unsupported file type .png"),
    ("setup.exe", b"MZ\x90\x00", UnsupportedFormat, "unsupported file type .exe"),
    ("README", b"\x7fELF\x02\x01\x01", UnsupportedFormat, "looks like ELF"),
    ("NOTES", b"%PDF-1.4\n", UndecodableInput, "not a readable PDF"),  # (sniffed, then read as a PDF)
    ("broken.docx", b"this is not a zip container", CorruptArchive, "corrupt .docx"),
    ("bundle.zip", b"PK\x03\x04", UnsupportedFormat, "iter_sources"),
]


@pytest.mark.parametrize("name, data, error, words", ERRORS)
def test_read_bytes_errors(name, data, error, words):
    with pytest.raises(error) as caught:
        read_bytes(data, name)
    assert words in caught.value.reason and caught.value.source == name


@pytest.mark.parametrize("name, data, error, words", ERRORS)
def test_iter_sources_turns_errors_into_records(tmp_path, name, data, error, words):
    path = tmp_path / name
    path.write_bytes(data)
    record = only(iter_sources([str(path)]))
    if name.endswith(".zip"):  # a real archive path is read as an archive instead
        assert isinstance(record, FileError) and record.code == CorruptArchive.code
        return
    assert isinstance(record, FileError), record
    assert record.code == error.code and words in record.error
    assert "\n" not in record.error and record.source == str(path)


def test_extensionless_text_is_read(tmp_path):
    path = tmp_path / "NOTES"
    path.write_bytes(SIMPLIFIED.encode("gbk"))
    assert only(iter_sources([path])).text == SIMPLIFIED


def test_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(base, "MAX_INPUT_BYTES", 10)
    with pytest.raises(InputTooLarge, match="larger than the 10 bytes limit"):
        read_bytes(b"x" * 11, "big.txt")
    path = tmp_path / "big.txt"
    path.write_bytes("大文件".encode() * 4)
    record = only(iter_sources([path]))
    assert isinstance(record, FileError) and record.code == InputTooLarge.code


def test_missing_path():
    record = only(iter_sources(["/no/such/place/doc.txt"]))
    assert isinstance(record, FileError)
    assert (record.code, record.error) == ("E100", "no such file or directory")


# --- folders ------------------------------------------------------------------

def test_directory_walk_is_recursive_sorted_and_skips_outputs(tmp_path):
    files = {
        "b.txt": "乙文件内容", "a/z.txt": "甲乙内容", "a/c/d.txt": "丙丁内容",
        "a.txt": "甲文件内容", ".hidden.txt": "隐藏", ".git/x.txt": "隐藏",
        "out.jsonl": "{}", "doc.gold.json": "{}", "doc.meta.json": "{}", "out.documents.csv": "doc_key,file_key",
        "scan.pdf": "%PDF", "README.md": "# 说明", "report.md": "# 某县总工会工作总结",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    records = list(iter_sources([tmp_path]))
    names = [record.source[len(str(tmp_path)) + 1:] for record in records]
    assert names == ["a/c/d.txt", "a/z.txt", "a.txt", "b.txt", "report.md", "scan.pdf"]  # (a README is notes)
    assert isinstance(records[-1], FileError) and records[-1].code == UndecodableInput.code  # (a PDF of no pages)


# --- zip archives ----------------------------------------------------------------

def make_zip(path, members):
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_zip_members_in_sorted_order_and_unsafe_paths_refused(tmp_path):
    path = make_zip(tmp_path / "docs.zip", {
        "年报/b.txt": "乙文件".encode("gbk"),
        "a.txt": "甲文件".encode("utf-8"),
        "../evil.txt": b"escape",
        "/abs.txt": b"absolute",
        "inner.zip": b"PK\x03\x04",
        "__MACOSX/._a.txt": b"\x00\x05\x16\x07",
        "page.html": "<p>网页段落</p>".encode(),
    })
    records = {record.source: record for record in iter_sources([str(path)])}
    prefix = f"{path}!"
    assert list(records) == [prefix + name for name in
                             ["../evil.txt", "/abs.txt", "a.txt", "inner.zip", "page.html", "年报/b.txt"]]
    assert records[prefix + "a.txt"].text == "甲文件"
    assert records[prefix + "年报/b.txt"].encoding == "gb18030"
    assert records[prefix + "page.html"].text == "网页段落"
    for unsafe in ("../evil.txt", "/abs.txt"):
        assert records[prefix + unsafe].code == UnsafeArchiveMember.code
    assert records[prefix + "inner.zip"].code == UnsupportedFormat.code


def test_zip_member_named_in_gbk_without_utf8_flag(tmp_path):
    path = make_zip(tmp_path / "gbk.zip", {"abcd.txt": "内容".encode()})
    raw = path.read_bytes().replace(b"abcd.txt", "报告.txt".encode("gbk"))
    path.write_bytes(raw)
    assert only(iter_sources([path])).source == f"{path}!报告.txt"


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04 truncated", b"not a zip at all"])
def test_corrupt_zip(tmp_path, data):
    path = tmp_path / "bad.zip"
    path.write_bytes(data)
    record = only(iter_sources([path]))
    assert isinstance(record, FileError)
    assert (record.code, record.error) == (CorruptArchive.code, "corrupt zip archive")


def test_zip_member_over_the_limit(tmp_path, monkeypatch):
    path = make_zip(tmp_path / "big.zip", {"big.txt": "大" * 100})
    monkeypatch.setattr(base, "MAX_INPUT_BYTES", 50)
    record = only(iter_sources([path]))
    assert isinstance(record, FileError) and record.code == InputTooLarge.code


# --- HTML ----------------------------------------------------------------------------

HTML_CASES = [
    # (bytes, expected text, expected encoding); every line is stripped, even in <pre>
    ("<html><head><title>站名</title><style>p{}</style></head><body>"
     "<script>var a = '脚本';</script><p>第一段。</p><!-- 注释 --><p>第二<b>段</b>。</p></body></html>"
     .encode(), "第一段。\n第二段。", "utf-8"),
    ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head>'
     "<body><div>工会工作总结</div><div>签订合同25份</div></body></html>".encode("gbk"),
     "工会工作总结\n签订合同25份", "gb18030"),
    ('<meta charset="big5"><p>工會工作</p>'.encode("big5"), "工會工作", "big5"),
    ("<nav>首页 | 范文</nav><p>正文<br>第二行</p><footer>版权所有</footer>".encode(), "正文\n第二行", "utf-8"),
    ("<table><tr><td>会员</td><td>5005人</td></tr></table>".encode(), "会员\t5005人", "utf-8"),
    ("<p>行内\n  换行   与空格</p><pre>保留\n  格式</pre>".encode(), "行内 换行 与空格\n保留\n格式", "utf-8"),
    ('<?xml version="1.0" encoding="gb2312"?><html><body><p>声明</p></body></html>'.encode("gb2312"),
     "声明", "gb18030"),
    ("\ufeff<p>带BOM</p>".encode(), "带BOM", "utf-8-sig"),
    # a wrong declaration is not trusted when the bytes do not decode under it
    ('<meta charset="utf-8"><p>实际是GBK</p>'.encode("gbk"), "实际是GBK", "gb18030"),
    # chrome named by class, id or role: the logo, sidebars of headlines, breadcrumbs
    ('<div class="header"><div class="logo">工会网</div></div><div class="breadcrumb">当前位置</div>'
     '<article class="article"><div class="article-header"><h1>标题</h1></div><p>正文</p></article>'
     '<div id="sidebar"><p>慰问职工2800人</p></div><div role="contentinfo">版权所有</div>'.encode(),
     "标题\n正文", "utf-8"),
    # a header may hold the title; a skipped <pre> does not leave the rest preformatted
    ('<div class="header"><h1>标题</h1></div><pre id="share">分享</pre><p>全年  发展会员\n500人</p>'.encode(),
     "标题\n全年 发展会员 500人", "utf-8"),
]


@pytest.mark.parametrize("data, text, encoding", HTML_CASES, ids=[f"html{i}" for i in range(len(HTML_CASES))])
def test_html(data, text, encoding):
    record = read_bytes(data, "page.html")
    assert (record.text, record.encoding, record.format) == (text, encoding, "html")


@pytest.mark.parametrize("data", [b"", b"<html><head><script>x()</script></head><body> </body></html>"])
def test_html_without_text(data):
    with pytest.raises(EmptyInput):
        read_bytes(data, "page.htm")


# --- docx --------------------------------------------------------------------------

def docx_bytes(build) -> bytes:
    import docx

    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_and_tables_in_order():
    def build(document):
        document.add_paragraph("某县总工会工作总结")
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "项目", "数量"
        table.cell(1, 0).text, table.cell(1, 1).text = "集体合同", "25份"
        document.add_paragraph("一、主要工作")

    record = read_bytes(docx_bytes(build), "report.docx")
    assert record.text == "某县总工会工作总结\n项目\t数量\n集体合同\t25份\n一、主要工作"
    assert (record.format, record.encoding) == ("docx", None)


def test_docx_merged_cells_read_once():
    def build(document):
        table = document.add_table(rows=1, cols=3)
        merged = table.cell(0, 0).merge(table.cell(0, 1))
        merged.text = "合并单元格"
        table.cell(0, 2).text = "右"

    assert read_bytes(docx_bytes(build), "t.docx").text == "合并单元格\t右"


def test_empty_docx():
    with pytest.raises(EmptyInput):
        read_bytes(docx_bytes(lambda document: None), "blank.docx")


def test_zip_that_is_not_a_docx():
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("hello.txt", "not word")
    with pytest.raises(CorruptArchive):
        read_bytes(data.getvalue(), "fake.docx")


def test_docx_that_unpacks_too_far(monkeypatch):
    import extractor.read.docx as docx_reader

    data = docx_bytes(lambda document: document.add_paragraph("正文"))
    monkeypatch.setattr(base, "MAX_INPUT_BYTES", len(data))  # the file itself is within the limit
    monkeypatch.setattr(docx_reader, "_EXPANSION_FACTOR", 1)
    with pytest.raises(InputTooLarge, match="unpacks"):
        read_bytes(data, "bomb.docx")


# --- garbage in: typed errors or text, nothing else -----------------------------------

GARBAGE_PREFIXES = [b"", b"PK\x03\x04", b"<html><p>", b"\xef\xbb\xbf", b"\xff\xfe", b"%PDF"]


@settings(max_examples=150, deadline=None)
@given(prefix=st.sampled_from(GARBAGE_PREFIXES), body=st.binary(max_size=300),
       name=st.sampled_from(["a.txt", "a.html", "a.docx", "README"]))
def test_garbage_gives_text_or_a_typed_error(prefix, body, name):
    try:
        record = read_bytes(prefix + body, name)
    except InputError as exc:
        assert exc.reason and "\n" not in exc.reason
    else:
        assert record.text.strip()


# --- reading a file from disk ------------------------------------------------------

def test_read_file_bytes_reads_whole_files_and_refuses_special_ones(tmp_path, monkeypatch):
    import os

    from extractor.errors import UnsupportedFormat
    from extractor.read.formats import read_file_bytes

    for size in (0, 1, 4095, 4096, 70000):
        path = tmp_path / f"f{size}.txt"
        path.write_bytes(bytes(n % 251 for n in range(size)))
        assert read_file_bytes(path, str(path)) == path.read_bytes()
    with pytest.raises(InputError, match="no such file"):
        read_file_bytes(tmp_path / "missing.txt", "missing.txt")
    with pytest.raises(UnsupportedFormat, match="not a regular file"):
        read_file_bytes(tmp_path, "a folder")
    if hasattr(os, "mkfifo"):  # refused at once, not waiting for a writer
        os.mkfifo(tmp_path / "pipe.txt")
        with pytest.raises(UnsupportedFormat, match="not a regular file"):
            read_file_bytes(tmp_path / "pipe.txt", "pipe.txt")
    monkeypatch.setattr(base, "MAX_INPUT_BYTES", 50000)
    with pytest.raises(InputTooLarge):
        read_file_bytes(tmp_path / "f70000.txt", "big.txt")


def test_a_file_that_grows_after_its_size_is_read_is_read_to_its_end(tmp_path, monkeypatch):
    import os

    from extractor.read import formats

    path = tmp_path / "growing.txt"
    path.write_bytes(b"a" * 100)
    real_fstat = os.fstat

    def stale_fstat(handle):  # the size as it was before the file grew
        info = real_fstat(handle)
        return os.stat_result((info.st_mode, *info[1:6], 40, *info[7:]))

    monkeypatch.setattr(formats.os, "fstat", stale_fstat)
    assert formats.read_file_bytes(path, "growing.txt") == b"a" * 100


def test_a_data_table_keeps_a_row_a_line_and_a_layout_table_its_paragraphs():
    from extractor.read.html import html_to_text
    page = ("<html><body><table><tr><td><p>柏河县总工会2018年上半年工作总结</p><p>上半年,全县新建工会组织32家,"
            "发展会员1860人,其中农民工会员1135人,各乡镇建会入会情况见下表。</p>"
            "<table><tr><td><p><b>乡镇</b></p></td><td><p>已建会企业(家)</p></td><td><p>入会率</p></td></tr>"
            "<tr><td><p>城关街道</p></td><td><p>118</p></td><td><p>93.7%</p></td></tr>"
            "<tr><td><p>合&nbsp;&nbsp;计</p></td><td><p>325</p></td><td><p>91.5%</p></td></tr></table>"
            "</td></tr></table></body></html>").encode("utf-8")
    text, _ = html_to_text(page, "page.html")
    lines = text.split("\n")
    assert lines[:2] == ["柏河县总工会2018年上半年工作总结",
                         "上半年,全县新建工会组织32家,发展会员1860人,其中农民工会员1135人,各乡镇建会入会情况见下表。"]
    assert lines[2:] == ["乡镇\t已建会企业(家)\t入会率", "城关街道\t118\t93.7%", "合 计\t325\t91.5%"]


def test_big5_bytes_under_a_false_gb2312_declaration_are_read_as_big5():
    from extractor.read.html import html_to_text
    body = "靖湖區總工會2020年工作要點。全年新建基層工會組織１２０家,新發展會員3,500人以上,確保工會經費收繳完成1.2億元。" * 3
    page = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>{body}</p></body></html>'
    text, encoding = html_to_text(page.encode("big5"), "page.html")
    assert encoding == "big5" and "靖湖區總工會" in text
    # a true declaration stands
    text, encoding = html_to_text(page.replace("gb2312", "big5").encode("big5"), "page.html")
    assert encoding == "big5"
    simplified = page.replace("靖湖區總工會", "靖湖区总工会")
    text, encoding = html_to_text(simplified.encode("gb18030", errors="replace"), "page.html")
    assert encoding == "gb18030"


def test_a_short_docx_cell_of_two_paragraphs_stays_on_its_row():
    def build(document):
        table = document.add_table(rows=1, cols=3)
        table.cell(0, 0).text = "职工疗休养"
        table.cell(0, 1).text = "312人"
        table.cell(0, 1).add_paragraph("含上年结转36人")
        table.cell(0, 2).text = "104%"

    assert read_bytes(docx_bytes(build), "t.docx").text == "职工疗休养\t312人 含上年结转36人\t104%"


def test_docx_heading_styles_are_passed_on_and_head_sections():
    from extractor.pipeline import parse_source

    def build(document):
        document.add_paragraph("桥南公司工会2021年工作总结")
        document.add_paragraph("一、2021年主要工作情况")
        document.add_heading("组织建设和会员发展", level=2)
        document.add_paragraph("全年新建班组工会12个,新发展会员215人,会员总数达到2860人,入会率98.6%。")
        document.add_heading("存在的不足", level=1)
        document.add_paragraph("一是部分班组工会活动不够经常;二是职工书屋借阅率不高,人均借阅不足2册。")

    record = read_bytes(docx_bytes(build), "summary.docx")
    assert [(record.text[a:b], level) for a, b, level in record.heading_lines] == [
        ("组织建设和会员发展", 2), ("存在的不足", 1)]
    (doc,) = parse_source(record, use_model=False)
    assert [(s.level, s.heading, s.category) for s in doc.sections] == [
        (1, "2021年主要工作情况", "achievements"), (2, "组织建设和会员发展", "achievements"),
        (1, "存在的不足", "problems")]


_MARKDOWN = """# 和田县总工会2023年工作总结

> 发布单位:和田县总工会办公室  |  阅读 312

## 工作回顾

- 全年**新建工会组织42家**,发展会员==3260人==[^1]。
  * 其中[农民工会员](https://example.com/a)1200人
![合影](https://example.com/img/1.png)

| 指标 | 2022年 | 2023年 |
|---|---:|---:|
| 集体合同(份) | 120 | 135 |

---

## 2024年打算

力争新建工会组织50家,201*年以来累计20**人。

[^1]: 数据截至12月底。
"""


def test_markdown_keeps_its_text_and_marks_its_markup():
    record = read_bytes(_MARKDOWN.encode("utf-8"), "summary.md")
    assert record.format == "markdown" and record.text == _MARKDOWN  # spans point into the file as written
    assert [(record.text[a:b], level) for a, b, level in record.heading_lines] == [("工作回顾", 1), ("2024年打算", 1)]
    from extractor.clean import normalize
    visible = normalize(record.text, record.markup).text
    assert visible.startswith("和田县总工会2023年工作总结\n")
    assert "全年新建工会组织42家,发展会员3260人。" in visible and "其中农民工会员1200人" in visible
    assert "集体合同(份)\t120\t135" in visible and "---" not in visible and "https" not in visible
    assert "201*年以来累计20**人" in visible  # masked figures are no emphasis


def test_markdown_figures_are_read_with_spans_into_the_file():
    from extractor.pipeline import parse_source

    record = read_bytes(_MARKDOWN.encode("utf-8"), "summary.md")
    (doc,) = parse_source(record, use_model=False)
    assert doc.title == "和田县总工会2023年工作总结"
    assert [(s.heading, s.category) for s in doc.sections] == [("工作回顾", "achievements"), ("2024年打算", "plans")]
    found = {(i.value, i.unit): i for i in doc.indicators}
    assert found[42, "家"].object == "工会组织" and found[3260, "人"].object == "会员"
    assert found[120, "份"].object == found[135, "份"].object == "集体合同"
    assert found[50, "家"].status == "target"
    for indicator in doc.indicators:
        assert record.text[indicator.span[0]:indicator.span[1]] == indicator.text


def test_markdown_list_items_under_hash_headings_head_nothing():
    from extractor.pipeline import parse_source

    text = ("# 和田县总工会2023年工作总结\n\n## 一、职工文体活动\n\n全年重点组织了以下活动:\n\n"
            "1. 举办全县第六届职工运动会,设8个比赛项目。\n2. 新建职工书屋9家。\n\n## 二、存在的不足\n\n"
            "- 组建工作还有空白,全县仍有约180家小微企业未建会。\n")
    record = read_bytes(text.encode("utf-8"), "summary.md")
    (doc,) = parse_source(record, use_model=False)
    assert [s.heading for s in doc.sections] == ["职工文体活动", "存在的不足"]
    assert {(i.value, i.object) for i in doc.indicators} >= {(9, "职工书屋"), (180, "小微企业")}


def test_pages_saved_one_after_another_in_one_html_file_are_all_read():
    from extractor.pipeline import parse_source

    def page(n: int, body: str) -> str:
        suffix = f"({n})" if n > 1 else ""
        return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>t</title></head><body>"
                f"<h1>远山县总工会2019年工作总结{suffix}</h1><p>{body}</p><p>本文共2页 上一页 1 2 下一页</p></body></html>\n")

    data = (page(1, "全年新建工会组织64家,发展会员3870人,县总工会组织专项检查3次,各项工作取得新的进展。")
            + page(2, "筹集送温暖资金318.6万元,走访慰问一线职工3260人,帮扶工作扎实有效,职工满意度进一步提高。")).encode("utf-8")
    record = read_bytes(data, "paged.html")
    assert "318.6万元" in record.text
    (doc,) = parse_source(record, use_model=False)  # one document: page 2's title is the same title again
    assert {i.value for i in doc.indicators} >= {64, 3870, 3186000, 3260}


def test_docx_paragraphs_word_numbers_itself_head_sections_in_the_style_their_number_shows():
    from extractor.pipeline import parse_source

    def build(document):
        document.add_paragraph("桥南公司工会2021年工作总结")
        document.add_paragraph("全年工作取得新进展,各项任务圆满完成,职工群众满意度不断提高,工会组织的凝聚力进一步增强。")
        document.add_paragraph("基层组织建设。全年新建班组工会12个,发展会员215人,会员总数达到2860人。", style="List Number")
        document.add_paragraph("工会干部培训。举办工会干部培训班2期,培训分会主席和委员86人次。", style="List Number")

    record = read_bytes(docx_bytes(build), "numbered.docx")
    assert [level for _, _, level in record.heading_lines] == ["arabic", "arabic"]  # 1. 2., drawn by Word
    (doc,) = parse_source(record, use_model=False)
    assert [(s.level, s.heading) for s in doc.sections] == [(1, "基层组织建设"), (1, "工会干部培训")]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="#*_=~[]()!|>-`:^ \n\t1234567890一二三工会会员家人万元、，。", max_size=120))
def test_markdown_markup_never_fails_and_keeps_offsets(text):
    from extractor.clean import normalize
    from extractor.read.markdown import markdown_markup

    markup, headings = markdown_markup(text)
    assert all(0 <= start < end <= len(text) for start, end in markup)
    assert all(0 <= start <= end <= len(text) for start, end, _ in headings)
    norm = normalize(text, markup)
    for position in range(len(norm.text)):
        assert text[norm.to_source_pos(position)] != "" and norm.to_source_pos(position) < len(text)


def test_saved_pages_with_an_empty_one_and_only_empty_ones():
    assert read_bytes("<html><body><p>工会</p></body></html><html><body></body></html>".encode(), "x.html").text == "工会"
    with pytest.raises(EmptyInput):
        read_bytes(b"<html></html><html></html>", "y.html")


def test_docx_reads_as_its_tracked_changes_accepted():
    from docx.oxml import parse_xml
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def build(document):
        paragraph = document.add_paragraph("全年发展会员")
        paragraph._p.append(parse_xml(f'<w:del {w} w:id="1" w:author="a"><w:r><w:delText>86</w:delText></w:r></w:del>'))
        paragraph._p.append(parse_xml(f'<w:ins {w} w:id="2" w:author="a"><w:r><w:t>92</w:t></w:r></w:ins>'))
        paragraph.add_run("人。")

    assert read_bytes(docx_bytes(build), "summary.docx").text == "全年发展会员92人。"


def test_html_footnote_markers_leave_the_text_and_a_units_power_stays():
    html = ("<html><body><p>全年发展会员3,268人<sup>1</sup>,同比增长8.6%<sup>[2]</sup>,会员总数达到"
            "<a href='#fn4'><sup>4</sup></a>5.6万人。职工之家面积1200m<sup>2</sup>。</p></body></html>").encode()
    assert read_bytes(html, "page.html").text == "全年发展会员3,268人,同比增长8.6%,会员总数达到5.6万人。职工之家面积1200m2。"


def test_a_text_file_written_in_markdown_is_read_as_markdown():
    from extractor.pipeline import parse_source
    text = ("# 县总工会2022年上半年工作总结\n\n## 一、主要工作\n\n上半年新建工会组织**36家**,发展会员**2518人**。\n\n"
            "| 指标 | 单位 | 上半年 | 全年目标 |\n|---|---|---:|---:|\n| 签订集体合同 | 份 | 186 | 320 |\n\n## 二、存在问题\n\n**部分**企业建会不积极。\n")
    source = read_bytes(text.encode("utf-8"), "summary.txt")
    (doc,) = parse_source(source)
    assert [s.heading for s in doc.sections] == ["主要工作", "存在问题"]
    assert [(i.value, i.status) for i in doc.indicators] == [(36, "actual"), (2518, "actual"), (186, "actual"), (320, "target")]


def test_an_html_tables_spanned_cells_leave_empty_cells_so_rows_keep_their_columns():
    page = ("<html><body><p>枫杨县总工会2021年工作总结</p><table>"
            "<tr><th rowspan='2'>项目</th><th colspan='2'>2021年</th></tr><tr><th>目标</th><th>完成</th></tr>"
            "<tr><td rowspan='2'>组织建设</td><td>48</td><td>56</td></tr><tr><td>46</td><td>50</td></tr>"
            "</table></body></html>")
    text = read_bytes(page.encode("utf-8"), "page.html").text
    assert text.split("\n")[1:] == ["项目\t2021年", "\t目标\t完成", "组织建设\t48\t56", "\t46\t50"]


def test_a_table_laid_out_with_divs_reads_as_rows_of_cells():
    page = ("<html><body><header>林坪区总工会主办</header><article><h1>林坪区总工会2023年工作总结</h1>"
            "<div class='data-grid' role='table'>"
            "<div class='row' role='row'><div class='cell' role='columnheader'>指标</div><div class='cell'>2023年</div></div>"
            "<div class='row' role='row'><div class='cell' role='cell'>新建基层工会组织（家）</div><div class='cell'>78</div></div>"
            "<div class='row'><div class='cell'>新发展会员（人）</div><div class='cell'>4870</div></div>"
            "</div></article></body></html>")
    text = read_bytes(page.encode("utf-8"), "page.html").text
    assert "指标\t2023年\n新建基层工会组织（家）\t78\n新发展会员（人）\t4870" in text


# --- CSV tables ------------------------------------------------------------------

def test_a_csv_table_in_gbk_is_read_as_tab_parted_rows():
    data = ('松溪县2022年统计表,,,,\r\n序号,乡镇,基层工会数（个）,会员数（人）\r\n1,城关镇,26,"1,286"\r\n'
            '合计,,26,"1,286"\r\n,,,,\r\n"说明：会员数含农民工会员，单位为人",,,\r\n').encode("gbk")
    record = read_bytes(data, "stats.csv")
    assert (record.format, record.encoding) == ("csv", "gb18030")
    assert record.text.split("\n") == ["松溪县2022年统计表", "序号\t乡镇\t基层工会数（个）\t会员数（人）",
                                        "1\t城关镇\t26\t1,286", "合计\t\t26\t1,286", "", "说明：会员数含农民工会员，单位为人"]


def test_a_semicolon_csv_and_the_toolkits_own_table_under_another_name():
    assert read_bytes("指标;数量\n新建工会;12\n".encode("utf-8"), "a.csv").text == "指标\t数量\n新建工会\t12"
    with pytest.raises(UnsupportedFormat, match="its own output"):
        read_bytes("doc_key,file_key,source\nabc,def,x.txt\n".encode("utf-8"), "mine.csv")
