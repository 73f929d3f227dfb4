"""OFD packages (开放版式文档, GB/T 33190-2016): their text objects read page by page, then parsed
like any text.

The packages are laid out here from strings made up for these tests, the way a 公文 typesetter
writes them (scripts/ofd_layout.py): A4, 28 characters a line justified with DeltaX, ``— N —``
page numbers, a running header on a template page, a table without ruling; the odd cases
(DeltaX's ``g`` form, a CTM, pages listed out of name order, damaged packages) are written
part by part.
"""
from __future__ import annotations

import zipfile

import pytest

from extractor import parse_paths
from extractor.errors import CorruptArchive, EmptyInput, UnsupportedFormat
from extractor.pipeline import parse_source
from extractor.read import iter_sources, read_bytes
from extractor.records import Document, FileError

from conftest import GONGWEN_SUMMARY, GONGWEN_SUMMARY_FIGURES, load_script

ofd_layout = load_script("ofd_layout")
NS = ofd_layout.NAMESPACE

SUMMARY = GONGWEN_SUMMARY


def laid_out(source=SUMMARY, **layout) -> bytes:
    return ofd_layout.gongwen_ofd("\n".join(source) if isinstance(source, list) else source, **layout)


def printed(source: list[str]) -> list[str]:
    """The source's lines as a reader sees them printed: without the layout marks, and without
    the empty lines (nothing printed: no line of text, as in a PDF)."""
    return [line[3:] if line.startswith(("#c ", "#r ")) else line for line in source if line]


def unwrapped(record) -> str:
    """The record's text with its wrapping line breaks left out, as the normalised copy reads it."""
    text, at, parts = record.text, 0, []
    for start, end in record.markup:
        parts.append(text[at:start])
        at = end
    return "".join(parts) + text[at:]


# --- a typeset package ---------------------------------------------------------

def test_an_ofd_reads_as_its_pages_text_with_the_template_header():
    record = read_bytes(laid_out(lines_per_page=8, running_header="青石县总工会文件"), "report.ofd")
    assert record.format == "ofd" and record.encoding is None
    pages = record.text.split("\f")
    # the running header is drawn on the template page every page names: it is read where it stands
    assert len(pages) == 2 and all(page.startswith("青石县总工会文件\n青石县总工会\n" if not k else "青石县总工会文件\n")
                                   for k, page in enumerate(pages))
    assert pages[0].endswith("\n— 1 —") and pages[1].endswith("\n— 2 —")
    lines = pages[0].split("\n")  # the body is hard-wrapped at the printed width
    assert max(map(len, lines)) <= 40 and sum(len(line) >= 24 for line in lines) >= 3
    assert "新建工会(家)\t30\t38\t126.7%" in record.text  # the columns of a table part at a tab


def test_the_source_lines_come_back_with_the_soft_wraps_rejoined():
    record = read_bytes(laid_out(lines_per_page=40), "report.ofd")
    assert len(record.markup) >= 3 and all(record.text[start:end] == "\n" for start, end in record.markup)
    assert unwrapped(record).split("\n") == printed(SUMMARY) + ["— 1 —"]


@pytest.mark.parametrize("layout", [{"run_chars": 5}, {"one_code_rows": True}, {"run_chars": 1, "one_code_rows": True}])
def test_lines_drawn_in_runs_or_rows_in_one_code_read_alike(layout):
    assert read_bytes(laid_out(**layout), "a.ofd").text == read_bytes(laid_out(), "b.ofd").text


def test_spaces_a_converter_leaves_undrawn_are_read_from_the_gap():
    source = ["#c 关于2023年度 APP 推广工作的报告", "　　全年通过 APP 办理入会1,200人次。"]
    record = read_bytes(laid_out(source, draw_spaces=False), "app.ofd")
    assert record.text.split("\n") == ["关于2023年度 APP 推广工作的报告", "全年通过 APP 办理入会1,200人次。", "— 1 —"]


def test_the_ofd_reader_lays_text_out_as_the_pdf_reader_does():
    pytest.importorskip("reportlab")
    pdf_layout = load_script("pdf_layout")
    for layout in ({"lines_per_page": 8, "running_header": "青石县总工会文件"}, {"chars_per_line": 12, "lines_per_page": 30}):
        ofd = read_bytes(laid_out(**layout), "report.ofd")
        pdf = read_bytes(pdf_layout.gongwen_pdf("\n".join(SUMMARY), **layout), "report.pdf")
        assert (ofd.text, ofd.markup) == (pdf.text, pdf.markup)


def test_an_ofd_parses_into_documents_whose_spans_point_into_its_text(tmp_path):
    path = tmp_path / "report.ofd"
    path.write_bytes(laid_out(lines_per_page=9, running_header="青石县总工会文件"))
    results = list(parse_paths([path], use_model=False))
    assert not [r for r in results if isinstance(r, FileError)]
    (document,) = [r for r in results if isinstance(r, Document)]
    text = read_bytes(path.read_bytes(), str(path)).text
    assert document.format == "ofd" and document.period.year == 2023 and document.doc_type == "summary"
    values = {(i.value, i.unit, i.status) for i in document.indicators}
    assert GONGWEN_SUMMARY_FIGURES <= values
    for indicator in document.indicators:  # a figure wrapped over two lines still maps to the file's text
        assert text[indicator.span[0]:indicator.span[1]] == indicator.text
    assert not [i for i in document.indicators if i.value in (1, 2)]  # (the page numbers)


def test_a_narrow_columns_wrapped_lines_are_read_as_one_paragraph():
    source = [
        "#c 兰溪镇总工会2019年上半年工作总结",
        "　　上半年新建基层工会组织23家，新发展会员1,286人，其中农民工会员874人；培训职工1,050人次，"
        "发放慰问金和慰问物资折合28.6万元，职工入会率达到91.6%。",
        "一、存在的不足",
        "　　全镇仍有近40家小微企业未建立工会组织。",
    ]
    record = read_bytes(laid_out(source, chars_per_line=12, lines_per_page=30), "narrow.ofd")
    assert "\n" in record.text.split("一、")[0].strip() and record.markup  # printed lines kept, wraps marked
    (document,) = parse_source(record, use_model=False)
    values = [(i.value, i.unit) for i in document.indicators]
    assert values == [(23, "家"), (1286, "人"), (874, "人"), (1050, "人次"), (286000, "元"), (91.6, "%"), (40, "家")]
    assert [s.heading for s in document.sections] == ["存在的不足"]
    for indicator in document.indicators:
        assert record.text[indicator.span[0]:indicator.span[1]] == indicator.text


def test_the_documents_of_a_package_are_parted_like_pages():
    first = ["#c 青石县总工会2023年工作总结", "　　全年新建基层工会组织38家。"]
    second = ["#c 青石县总工会2024年工作要点", "　　力争新建工会组织30家。"]
    record = read_bytes(ofd_layout.gongwen_ofd(["\n".join(first), "\n".join(second)]), "two.ofd")
    assert record.text.split("\f") == ["\n".join(printed(first) + ["— 1 —"]), "\n".join(printed(second) + ["— 1 —"])]


# --- packages written part by part ---------------------------------------------

def text_object(codes: str, boundary="20 40 170 8", size="5", extra="") -> str:
    return f'<ofd:TextObject ID="9" Boundary="{boundary}" Font="1" Size="{size}"{extra}>{codes}</ofd:TextObject>'


def page_part(*objects: str, uses: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}">{uses}<ofd:Content>'
            f'<ofd:Layer ID="2">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')


def hand_made(*pages: str, entry_extra: str = "", names: list[str] | None = None, templates: dict | None = None) -> bytes:
    """A package of one document whose pages (their Content.xml, listed in this order) are given."""
    names = names or [f"Pages/Page_{k}/Content.xml" for k in range(len(pages))]
    listed = "".join(f'<ofd:Page ID="{k + 10}" BaseLoc="{name}"/>' for k, name in enumerate(names))
    template_pages = "".join(f'<ofd:TemplatePage ID="{key}" BaseLoc="{name}"/>' for key, (name, _) in (templates or {}).items())
    members = {
        "OFD.xml": f'<ofd:OFD xmlns:ofd="{NS}" Version="1.0"><ofd:DocBody>{entry_extra}'
                   f'<ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
        "Doc_0/Document.xml": f'<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>{template_pages}</ofd:CommonData>'
                              f'<ofd:Pages>{listed}</ofd:Pages></ofd:Document>',
    }
    members.update({f"Doc_0/{name}": page for name, page in zip(names, pages)})
    members.update({f"Doc_0/{name}": part for name, part in (templates or {}).values()})
    return ofd_layout.package(members)


def test_deltax_repeats_and_jumps_place_each_character():
    codes = ('<ofd:TextCode X="0" Y="5" DeltaX="g 2 5 30 g 40 2.5">会员数91572</ofd:TextCode>'
             '<ofd:TextCode DeltaX="5">人。</ofd:TextCode>')  # (no X: it goes on where the first code ended)
    record = read_bytes(hand_made(page_part(text_object(codes))), "g.ofd")
    assert record.text == "会员数\t91572人。"  # the jump of 30 (six font sizes) parts two cells


def test_a_ctm_scales_the_object_and_objects_on_one_baseline_make_one_line():
    # the second object is drawn at twice the size and scaled down by half: its glyphs land
    # right after the first object's, on the same baseline
    first = text_object('<ofd:TextCode X="0" Y="5" DeltaX="g 3 5">签订集体</ofd:TextCode>', boundary="20 40 20 6")
    second = text_object('<ofd:TextCode X="0" Y="10" DeltaX="10 10 5 5 5">合同215份</ofd:TextCode>',
                         boundary="40 40 40 6", size="10", extra=' CTM="0.5 0 0 0.5 0 0"')
    later = text_object('<ofd:TextCode X="0" Y="5">第二行</ofd:TextCode>', boundary="20 50 30 6")
    record = read_bytes(hand_made(page_part(later, second, first)), "ctm.ofd")
    assert record.text == "签订集体合同215份\n第二行"


def test_a_glyph_printed_twice_for_bold_is_read_once():
    bold = '<ofd:TextCode X="0" Y="5" DeltaX="g 3 5">一、主要工作</ofd:TextCode>'
    shifted = text_object(bold, boundary="20.2 40 40 6")
    assert read_bytes(hand_made(page_part(text_object(bold), shifted)), "bold.ofd").text == "一、主要工作"


def test_pages_come_in_the_order_the_document_lists_them():
    pages = [page_part(text_object(f'<ofd:TextCode X="0" Y="5">第{k}页</ofd:TextCode>')) for k in (2, 1)]
    record = read_bytes(hand_made(*pages, names=["Pages/Page_9/Content.xml", "Pages/Page_0/Content.xml"]), "o.ofd")
    assert record.text == "第2页\f第1页"


def test_a_template_named_by_the_page_is_read_under_it():
    header = page_part(text_object('<ofd:TextCode X="0" Y="5">中华全国总工会办公厅</ofd:TextCode>', boundary="60 15 90 6"))
    body = page_part(text_object('<ofd:TextCode X="0" Y="5">正文</ofd:TextCode>'),
                     uses='<ofd:Template TemplateID="7" ZOrder="Background"/>')
    record = read_bytes(hand_made(body, templates={"7": ("Tpls/Tpl_0/Content.xml", header)}), "t.ofd")
    assert record.text == "中华全国总工会办公厅\n正文"


def test_a_part_declared_in_gb2312_is_read_in_its_code_page():
    members = ofd_layout.unpacked(laid_out(["#c 某县总工会", "　　全年发展会员100人。"]))
    name = "Doc_0/Pages/Page_0/Content.xml"
    members[name] = members[name].decode().replace('encoding="UTF-8"', 'encoding="GB2312"').encode("gbk")
    assert read_bytes(ofd_layout.package(members), "gb.ofd").text == "某县总工会\n　　全年发展会员100人。\n— 1 —"


# --- how the package is found ------------------------------------------------------

def test_an_ofd_without_extension_is_sniffed_and_read(tmp_path):
    record = read_bytes(laid_out(), "GW20240108")
    assert record.format == "ofd" and "签订集体合同215份" in record.text.replace("\n", "")
    other = ofd_layout.package({"word/document.xml": "<w/>"})  # any other zip without extension stays refused
    with pytest.raises(UnsupportedFormat, match="looks like ZIP"):
        read_bytes(other, "BUNDLE")
    (tmp_path / "GW20240108").write_bytes(laid_out())
    [record] = list(iter_sources([tmp_path / "GW20240108"]))
    assert record.format == "ofd"


def test_an_ofd_in_a_zip_archive_is_read_and_the_archive_stays_an_archive(tmp_path):
    archive = tmp_path / "archive.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("2023/总结.ofd", laid_out())
        zf.writestr("2023/说明.txt", "某县总工会工作说明")
    records = list(iter_sources([archive]))
    assert [(r.source.rsplit("!", 1)[-1], r.format) for r in records] == [("2023/总结.ofd", "ofd"), ("2023/说明.txt", "txt")]


# --- errors ----------------------------------------------------------------------------

def with_member(data: bytes, name: str, content: bytes | None) -> bytes:
    members = ofd_layout.unpacked(data)
    if content is None:
        del members[name]
    else:
        members[name] = content
    return ofd_layout.package(members)


IMAGE_PAGE = (f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer ID="2"><ofd:ImageObject ID="3" '
              'Boundary="0 0 210 297" ResourceID="5"/></ofd:Layer></ofd:Content></ofd:Page>')
ERRORS = [
    # (bytes, error, words in its reason)
    (b"this is not a zip package", CorruptArchive, "not a readable zip"),
    (ofd_layout.package({"Doc_0/Document.xml": "<Document/>"}), CorruptArchive, "no OFD.xml"),
    (with_member(laid_out(), "Doc_0/Pages/Page_0/Content.xml", b"<ofd:Page><ofd:Content>"), CorruptArchive, "broken XML"),
    (with_member(laid_out(), "Doc_0/Pages/Page_0/Content.xml", None), CorruptArchive,
     "page part Doc_0/Pages/Page_0/Content.xml is missing"),
    (hand_made(page_part(text_object('<ofd:TextCode X="0" Y="5" DeltaX="g 2">会员</ofd:TextCode>'))), CorruptArchive,
     "bad DeltaX"),
    (hand_made(IMAGE_PAGE, IMAGE_PAGE), UnsupportedFormat, "scanned OFD with no text layer: needs OCR"),
    (hand_made(IMAGE_PAGE.replace("<ofd:Content>", '<ofd:Template TemplateID="7"/><ofd:Content>'),
               templates={"7": ("Tpls/Tpl_0/Content.xml", page_part(text_object("<ofd:TextCode X='0' Y='5'>某某市总工会文件"
                                                                                "</ofd:TextCode>")))}),
     UnsupportedFormat, "scanned OFD with no text layer"),  # (a red head on the template, the page a scan)
    (hand_made(page_part(text_object("<ofd:TextCode X='0' Y='5'>机密</ofd:TextCode>")),
               entry_extra="<ofd:Encryptions>Encryptions.xml</ofd:Encryptions>"), UnsupportedFormat, "encrypted"),
    (hand_made(page_part()), EmptyInput, "prints nothing"),
]


@pytest.mark.parametrize("data, error, words", ERRORS)
def test_a_damaged_or_unreadable_package_is_refused_with_the_reason(data, error, words):
    with pytest.raises(error) as caught:
        read_bytes(data, "gongwen.ofd")
    assert words in caught.value.reason and caught.value.source == "gongwen.ofd"


@pytest.mark.parametrize("data, error, words", ERRORS[:3])
def test_a_broken_ofd_is_an_error_record_and_the_batch_goes_on(tmp_path, data, error, words):
    (tmp_path / "broken.ofd").write_bytes(data)
    (tmp_path / "good.ofd").write_bytes(laid_out())
    results = list(parse_paths([tmp_path], use_model=False))
    errors = [r for r in results if isinstance(r, FileError)]
    assert [(e.source.rsplit("/", 1)[-1], e.code) for e in errors] == [("broken.ofd", error.code)]
    assert [r.source.rsplit("/", 1)[-1] for r in results if isinstance(r, Document)] == ["good.ofd"]
