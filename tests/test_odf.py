"""OpenDocument files (.odt, .ods): packages built here from small content.xml strings, the way
LibreOffice writes them, and (when LibreOffice is installed) files it converts from a docx and
an xlsx."""
from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

import pytest

from extractor.errors import CorruptArchive, EmptyInput, UnsupportedFormat
from extractor.read import read_bytes
from extractor.read.base import format_of

NAMESPACES = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
              'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
              'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
              'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
              'xmlns:dc="http://purl.org/dc/elements/1.1/"')
MIMETYPES = {"odt": "application/vnd.oasis.opendocument.text",
             "ods": "application/vnd.oasis.opendocument.spreadsheet"}
MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{extra}'
            '</manifest:file-entry></manifest:manifest>')
ENCRYPTED = ('<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA">'
             '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="AAAA"/>'
             '</manifest:encryption-data>')


def content(body: str, kind: str = "odt") -> str:
    inner = "office:text" if kind == "odt" else "office:spreadsheet"
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES} office:version="1.2">'
            f"<office:body><{inner}>{body}</{inner}></office:body></office:document-content>")


def package(body: str = "", kind: str = "odt", xml: str | None = None, manifest_extra: str = "",
            mimetype: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if mimetype:
            archive.writestr("mimetype", MIMETYPES[kind], compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", xml if xml is not None else content(body, kind), zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", MANIFEST.format(mimetype=MIMETYPES[kind], extra=manifest_extra))
    return buffer.getvalue()


REPORT = (
    '<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>'
    '<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion>'
    '<office:change-info><dc:creator>张三</dc:creator></office:change-info>'
    '<text:p>删去的旧数字88888人</text:p></text:deletion></text:changed-region></text:tracked-changes>'
    '<text:h text:style-name="Heading_20_1" text:outline-level="1">某县总工会2023年工作总结</text:h>'
    '<text:p>全年发展会员<text:change text:change-id="ct1"/>91572人。'
    '<office:annotation><dc:creator>李四</dc:creator><text:p>请核对99999</text:p></office:annotation></text:p>'
    '<text:h text:outline-level="2">一、组织<text:span text:style-name="T1">建设</text:span></text:h>'
    '<text:list text:style-name="L1"><text:list-item><text:p>新建工会<text:s text:c="3"/>12个</text:p>'
    '<text:list><text:list-item><text:p>其中非公企业<text:tab/>8个</text:p></text:list-item></text:list>'
    '</text:list-item><text:list-item><text:p>发展会员<text:line-break/>5000人</text:p></text:list-item></text:list>'
    '<table:table table:name="表格1"><table:table-column table:number-columns-repeated="4"/>'
    '<table:table-header-rows><table:table-row>'
    '<table:table-cell><text:p>指标</text:p></table:table-cell>'
    '<table:table-cell table:number-columns-spanned="2"><text:p>数量</text:p></table:table-cell>'
    '<table:covered-table-cell/><table:table-cell/></table:table-row></table:table-header-rows>'
    '<table:table-row><table:table-cell><text:p>集体合同</text:p><text:p>（份）</text:p></table:table-cell>'
    '<table:table-cell table:number-columns-repeated="2"><text:p>426</text:p></table:table-cell>'
    '<table:table-cell table:number-columns-repeated="3"/></table:table-row></table:table>'
    '<text:p>某县总工会<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
    '<text:note-body><text:p>脚注</text:p></text:note-body></text:note></text:p>'
)


def test_an_odt_reads_as_its_paragraphs_headings_lists_and_tables():
    record = read_bytes(package(REPORT), "report.odt")
    assert record.format == "odt" and record.encoding is None
    assert record.text.split("\n") == [
        "某县总工会2023年工作总结",
        "全年发展会员91572人。",  # the tracked deletion and the comment are not the text
        "一、组织建设",
        "新建工会   12个",  # text:s c="3": three spaces
        "其中非公企业\t8个",
        "发展会员",
        "5000人",
        "指标\t数量",  # the covered cell is left out, the empty one ending the row too
        "集体合同 （份）\t426\t426",  # repeated cells expanded, the trailing empty ones dropped
        "某县总工会",  # the footnote is not read
    ]
    text = record.text
    assert [(text[start:end], level) for start, end, level in record.heading_lines] == [
        ("某县总工会2023年工作总结", 1), ("一、组织建设", 2)]


def test_an_odt_parses_into_a_document_with_its_title_and_figures():
    from extractor.pipeline import parse_source

    result = parse_source(read_bytes(package(REPORT), "report.odt"), use_model=False)
    documents = [item for item in result if hasattr(item, "indicators")]
    assert documents and documents[0].title == "某县总工会2023年工作总结"
    values = {indicator.value for doc in documents for indicator in doc.indicators}
    assert 91572 in values and 88888 not in values and 99999 not in values


SHEETS = (
    '<table:table table:name="基本情况"><table:table-column table:number-columns-repeated="1024"/>'
    '<table:table-row><table:table-cell office:value-type="string"><text:p>指标</text:p></table:table-cell>'
    '<table:table-cell office:value-type="string"><text:p>2022年</text:p></table:table-cell>'
    '<table:table-cell table:number-columns-repeated="1022"/></table:table-row>'
    '<table:table-row><table:table-cell><text:p>会员（人）</text:p></table:table-cell>'
    '<table:table-cell office:value-type="float" office:value="91572"><text:p>91,572</text:p></table:table-cell>'
    '</table:table-row>'
    '<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    '<table:table-row table:number-rows-repeated="2"><table:table-cell><text:p>同上</text:p></table:table-cell>'
    '<table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="percentage" '
    'office:value="0.073"><text:p>7.3%</text:p></table:table-cell></table:table-row>'
    '<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/>'
    '</table:table-row></table:table>'
    '<table:table table:name="帮扶情况"><table:table-row>'
    '<table:table-cell><text:p>困难职工</text:p><office:annotation><text:p>批注</text:p></office:annotation></table:table-cell>'
    '<table:table-cell office:value-type="float" office:value="36"/></table:table-row></table:table>'
)


def test_an_ods_reads_as_named_sheets_of_tab_parted_rows():
    record = read_bytes(package(SHEETS, "ods"), "stats.ods")
    assert record.format == "ods"
    assert record.text == ("基本情况\n指标\t2022年\n会员（人）\t91,572\n同上\t\t\t7.3%\n同上\t\t\t7.3%\n\n"
                           "帮扶情况\n困难职工\t36\n")  # (a cell without text:p: its value)
    assert [record.text[start:end] for start, end, _ in record.heading_lines] == ["基本情况", "帮扶情况"]


def test_the_toolkits_own_output_saved_as_ods_is_refused():
    sheets = "".join(f'<table:table table:name="{name}"><table:table-row><table:table-cell><text:p>x</text:p>'
                     "</table:table-cell></table:table-row></table:table>" for name in ("documents", "indicators"))
    with pytest.raises(UnsupportedFormat, match="own output"):
        read_bytes(package(sheets, "ods"), "out.ods")


def test_the_mimetype_decides_an_extensionless_package_and_the_body_a_misnamed_one():
    odt, ods = package(REPORT), package(SHEETS, "ods")
    assert format_of("report", odt) == "odt" and format_of("stats", ods) == "ods"
    assert read_bytes(odt, "report").format == "odt"
    assert read_bytes(ods, "report.odt").text.startswith("基本情况\n")  # (read as what it holds)
    with pytest.raises(UnsupportedFormat):  # a zip of another kind stays refused
        format_of("other", package(REPORT, mimetype=False))


@pytest.mark.parametrize("data, error, message", [
    (b"not a zip at all", CorruptArchive, "not a zip"),
    (package(REPORT)[:200], CorruptArchive, "not a zip"),
    (None, CorruptArchive, "no content.xml"),
    (package(xml="<office:document-content"), CorruptArchive, "broken XML"),
    (package(xml='<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'), CorruptArchive, "DTD"),
    (package(REPORT, manifest_extra=ENCRYPTED), UnsupportedFormat, "encrypted"),
    (package("<text:p> </text:p><text:p/>"), EmptyInput, "no text"),
    (package("<table:table/>", "ods"), EmptyInput, "no filled cells"),
])
def test_each_failure_is_a_typed_error(data, error, message):
    if data is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("mimetype", MIMETYPES["odt"])
        data = buffer.getvalue()
    with pytest.raises(error, match=message):
        read_bytes(data, "bad.odt")


def test_a_presentation_is_refused_with_the_reason():
    xml = content("").replace("office:text", "office:presentation")
    with pytest.raises(UnsupportedFormat, match="presentation"):
        read_bytes(package(xml=xml), "slides.odt")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_files_libreoffice_converts_from_a_docx_and_an_xlsx(tmp_path):
    docx = pytest.importorskip("docx")
    openpyxl = pytest.importorskip("openpyxl")
    document = docx.Document()
    document.add_heading("某县总工会2023年工作总结", 1)
    document.add_paragraph("全年发展会员91572人。")
    document.add_heading("一、组织建设", 2)
    table = document.add_table(rows=2, cols=2)
    for (row, column), value in {(0, 0): "指标", (0, 1): "数量", (1, 0): "集体合同", (1, 1): "426"}.items():
        table.cell(row, column).text = value
    document.save(tmp_path / "report.docx")
    book = openpyxl.Workbook()
    book.active.title = "基本情况"
    for row in (["指标", "2022年"], ["会员（人）", 91572], ["比例", 0.073]):
        book.active.append(row)
    book.active["B3"].number_format = "0.0%"
    book.create_sheet("帮扶情况").append(["困难职工", 36])
    book.save(tmp_path / "stats.xlsx")
    for name, kind in (("report.docx", "odt"), ("stats.xlsx", "ods")):
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                        "--convert-to", kind, "--outdir", str(tmp_path), str(tmp_path / name)],
                       check=True, capture_output=True, timeout=180)
    report = read_bytes((tmp_path / "report.odt").read_bytes(), "report.odt")
    assert report.text == "某县总工会2023年工作总结\n全年发展会员91572人。\n一、组织建设\n指标\t数量\n集体合同\t426"
    assert [level for _, _, level in report.heading_lines] == [1, 2]
    stats = read_bytes((tmp_path / "stats.ods").read_bytes(), "stats.ods")
    assert stats.text == "基本情况\n指标\t2022年\n会员（人）\t91572\n比例\t7.3%\n\n帮扶情况\n困难职工\t36\n"
