"""PDF files: their text layer read page by page, then parsed like any text.

The PDFs are laid out here from strings made up for these tests, the way an office suite
prints a 公文 (scripts/pdf_layout.py, with reportlab): justified lines wrapped at a fixed
width, ``— N —`` page numbers, a running header, a table without ruling.
"""
from __future__ import annotations

import io
import zipfile

import pytest

from extractor import parse_paths
from extractor.errors import EmptyInput, UndecodableInput
from extractor.read import iter_sources, read_bytes
from extractor.records import Document, FileError

from conftest import GONGWEN_SUMMARY, GONGWEN_SUMMARY_FIGURES, load_script

pytest.importorskip("reportlab")
pdf_layout = load_script("pdf_layout")

SUMMARY = "\n".join(GONGWEN_SUMMARY)


def laid_out(source: str = SUMMARY, **layout) -> bytes:
    return pdf_layout.gongwen_pdf(source, **layout)


def test_a_pdf_reads_as_its_text_layer_page_by_page():
    record = read_bytes(laid_out(lines_per_page=8, running_header="青石县总工会文件"), "report.pdf")
    assert record.format == "pdf" and record.encoding is None
    pages = record.text.split("\f")
    assert len(pages) == 2 and all(page.startswith("青石县总工会文件\n") for page in pages)
    assert pages[0].endswith("— 1 —") and pages[1].endswith("— 2 —")
    assert "\r" not in record.text
    # the body is hard-wrapped at the printed width, as the PDF draws it
    lines = pages[0].split("\n")
    assert max(map(len, lines)) <= 40 and sum(len(line) >= 24 for line in lines) >= 3
    assert "新建工会(家)\t30\t38\t126.7%" in record.text  # the columns of a table part at a tab


def test_justified_lines_keep_their_words_together():
    record = read_bytes(laid_out(), "report.pdf")
    body = [line for line in record.text.split("\n") if line.startswith("\u3000\u3000全年走访")]
    assert body and " " not in body[0] and "\t" not in body[0]


def test_a_pdf_parses_into_documents_whose_spans_point_into_its_text(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(laid_out(lines_per_page=9, running_header="青石县总工会文件"))
    results = list(parse_paths([path]))
    documents = [r for r in results if isinstance(r, Document)]
    assert len(documents) == 1 and not [r for r in results if isinstance(r, FileError)]
    document = documents[0]
    text = read_bytes(path.read_bytes(), str(path)).text
    assert document.format == "pdf" and document.period.year == 2023 and document.doc_type == "summary"
    values = {(i.value, i.unit, i.status) for i in document.indicators}
    assert GONGWEN_SUMMARY_FIGURES <= values
    for indicator in document.indicators:  # a figure wrapped over two lines still maps to the file's text
        assert text[indicator.span[0]:indicator.span[1]] == indicator.text
    assert not [i for i in document.indicators if i.value in (1, 2)]  # (the page numbers)


def test_a_pdf_without_extension_is_sniffed_and_read():
    record = read_bytes(laid_out(), "SCAN0001")
    assert record.format == "pdf" and "签订集体合同215份" in record.text.replace("\n", "")


def test_a_pdf_in_a_zip_archive_is_read(tmp_path):
    archive = tmp_path / "archive.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("2023/总结.pdf", laid_out())
    [record] = list(iter_sources([archive]))
    assert record.format == "pdf" and record.source.endswith("总结.pdf")


def test_a_scanned_pdf_is_refused_with_the_reason():
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    drawn = canvas.Canvas(buffer)
    drawn.rect(100, 100, 300, 400, fill=1)  # a page of graphics only, as a scan has no text layer
    drawn.showPage()
    drawn.save()
    with pytest.raises(EmptyInput) as caught:
        read_bytes(buffer.getvalue(), "scan.pdf")
    assert "no text layer" in caught.value.reason and "OCR" in caught.value.reason


def test_a_password_protected_pdf_is_refused_with_the_reason():
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    drawn = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    drawn.drawString(100, 700, "2023 report")
    drawn.showPage()
    drawn.save()
    with pytest.raises(UndecodableInput) as caught:
        read_bytes(buffer.getvalue(), "locked.pdf")
    assert "password" in caught.value.reason and caught.value.source == "locked.pdf"


@pytest.mark.parametrize("data", [b"%PDF-1.4\n", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF",
                                  laid_out()[:900]])
def test_a_broken_pdf_is_an_error_record_and_the_batch_goes_on(tmp_path, data):
    (tmp_path / "broken.pdf").write_bytes(data)
    (tmp_path / "good.pdf").write_bytes(laid_out())
    results = list(parse_paths([tmp_path], use_model=False))
    errors = [r for r in results if isinstance(r, FileError)]
    assert [e.source.rsplit("/", 1)[-1] for e in errors] == ["broken.pdf"]
    assert "PDF" in errors[0].error
    assert [r.source.rsplit("/", 1)[-1] for r in results if isinstance(r, Document)] == ["good.pdf"]


def test_a_narrow_columns_wrapped_lines_are_read_as_one_paragraph():
    source = "\n".join([
        "#c 兰溪镇总工会2019年上半年工作总结",
        "　　上半年新建基层工会组织23家，新发展会员1,286人，其中农民工会员874人；培训职工1,050人次，"
        "发放慰问金和慰问物资折合28.6万元，职工入会率达到91.6%。",
        "一、存在的不足",
        "　　全镇仍有近40家小微企业未建立工会组织。",
    ])
    record = read_bytes(laid_out(source, chars_per_line=12, lines_per_page=30), "narrow.pdf")
    assert "\n" in record.text.split("一、")[0].strip() and record.markup  # printed lines kept, wraps marked
    (document,) = parse_paths_of(record)
    values = [(i.value, i.unit) for i in document.indicators]
    assert values == [(23, "家"), (1286, "人"), (874, "人"), (1050, "人次"), (286000, "元"), (91.6, "%"), (40, "家")]
    assert [s.heading for s in document.sections] == ["存在的不足"]
    for indicator in document.indicators:
        assert record.text[indicator.span[0]:indicator.span[1]] == indicator.text


def parse_paths_of(record):
    from extractor.pipeline import parse_source

    return parse_source(record)


def test_the_evaluator_reads_a_pdf_beside_its_gold(tmp_path):
    import json

    from extractor.evaluate import decode_file

    (tmp_path / "report.pdf").write_bytes(laid_out())
    (tmp_path / "report.gold.json").write_text(json.dumps({"documents": [], "headings": [], "indicators": []}))
    assert "签订集体合同215份" in decode_file(tmp_path / "report.pdf").replace("\n", "")
