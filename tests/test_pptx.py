"""PowerPoint decks (.pptx, WPS .dps): decks built here part by part with zipfile, from made-up
text, the way PowerPoint lays out its package (presentation, slides, a layout and a master), and
(when LibreOffice is installed) the fixture deck LibreOffice wrote from one of them."""
from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

import pytest

from conftest import ROOT
from extractor.errors import CorruptArchive, EmptyInput, InputTooLarge, UnsupportedFormat
from extractor.pipeline import parse_source
from extractor.read import base, read_bytes
from extractor.read.base import format_of
from extractor.read.pptx import pptx_to_text

FIXTURE = ROOT / "tests" / "fixtures" / "qingshi_report_deck.pptx"

NS = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
EMU = 12700  # a point


def sp(*paragraphs, at=None, ph=None, idx=None, size=(300, 60)) -> str:
    """A shape with a text body: each paragraph a string (one run) or a tuple of runs, where
    "\n" is a line break and "{field}" a field."""
    placeholder = ""
    if ph or idx:
        placeholder = "<p:ph" + (f' type="{ph}"' if ph else "") + (f' idx="{idx}"' if idx else "") + "/>"
    xfrm = "" if at is None else (f'<a:xfrm><a:off x="{at[0] * EMU}" y="{at[1] * EMU}"/>'
                                  f'<a:ext cx="{size[0] * EMU}" cy="{size[1] * EMU}"/></a:xfrm>')
    body = "".join(f"<a:p><a:pPr lvl=\"1\"/>{_runs(p)}<a:endParaRPr lang=\"zh-CN\"/></a:p>" for p in paragraphs)
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="2" name="Shape"/><p:cNvSpPr/><p:nvPr>{placeholder}</p:nvPr></p:nvSpPr>'
            f"<p:spPr>{xfrm}</p:spPr><p:txBody><a:bodyPr/><a:lstStyle/>{body}</p:txBody></p:sp>")


def _runs(paragraph) -> str:
    runs = (paragraph,) if isinstance(paragraph, str) else paragraph
    out = []
    for run in runs:
        if run == "\n":
            out.append('<a:br><a:rPr lang="zh-CN"/></a:br>')
        elif run.startswith("{") and run.endswith("}"):
            out.append(f'<a:fld id="{{B6F15528-0000-0000-0000-000000000000}}" type="datetime1"><a:rPr lang="zh-CN"/>'
                       f"<a:t>{run[1:-1]}</a:t></a:fld>")
        else:
            out.append(f'<a:r><a:rPr lang="zh-CN" altLang="en-US"/><a:t>{run}</a:t></a:r>')
    return "".join(out)


def group(*shapes, at) -> str:
    return (f'<p:grpSp><p:nvGrpSpPr><p:cNvPr id="9" name="Group"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
            f'<p:grpSpPr><a:xfrm><a:off x="{at[0] * EMU}" y="{at[1] * EMU}"/><a:ext cx="1" cy="1"/>'
            f'<a:chOff x="0" y="0"/><a:chExt cx="1" cy="1"/></a:xfrm></p:grpSpPr>{"".join(shapes)}</p:grpSp>')


def table(*rows, at) -> str:
    """A table; a cell is its text, or "<h" / "<v" for a cell a merged one covers (hMerge / vMerge),
    or (text, "gridSpan=…") for a merged cell itself."""
    def cell(value) -> str:
        if value in ("<h", "<v"):
            return f'<a:tc {"hMerge" if value == "<h" else "vMerge"}="1"><a:txBody><a:bodyPr/><a:p/></a:txBody></a:tc>'
        text, span = (value, "") if isinstance(value, str) else (value[0], " " + value[1])
        paragraphs = "".join(f"<a:p>{_runs(line)}</a:p>" for line in text.split("|"))
        return f"<a:tc{span}><a:txBody><a:bodyPr/><a:lstStyle/>{paragraphs}</a:txBody><a:tcPr/></a:tc>"

    body = "".join(f'<a:tr h="370840">{"".join(map(cell, row))}</a:tr>' for row in rows)
    grid = "".join('<a:gridCol w="2032000"/>' for _ in rows[0])
    return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="4" name="Table"/><p:cNvGraphicFramePr/><p:nvPr/>'
            f'</p:nvGraphicFramePr><p:xfrm><a:off x="{at[0] * EMU}" y="{at[1] * EMU}"/><a:ext cx="1" cy="1"/></p:xfrm>'
            f'<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table">'
            f"<a:tbl><a:tblPr/><a:tblGrid>{grid}</a:tblGrid>{body}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>")


def chart(at) -> str:
    return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="5" name="Chart"/><p:cNvGraphicFramePr/><p:nvPr/>'
            f'</p:nvGraphicFramePr><p:xfrm><a:off x="{at[0] * EMU}" y="{at[1] * EMU}"/><a:ext cx="1" cy="1"/></p:xfrm>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
            '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId9"/>'
            "</a:graphicData></a:graphic></p:graphicFrame>")


# The layout places its title placeholder at the top and its body (idx 1) below; the master its
# title, body and footer furniture.
LAYOUT = sp("", at=(40, 20), ph="title") + sp("", at=(40, 120), ph="body", idx="1")
MASTER = (sp("", at=(40, 20), ph="title") + sp("", at=(40, 120), ph="body", idx="1")
          + sp("", at=(40, 500), ph="ftr", idx="11") + sp("", at=(600, 500), ph="sldNum", idx="12"))


def _part(root: str, tree: str, extra: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:{root} {NS}{extra}><p:cSld><p:spTree>'
            '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>'
            f"{tree}</p:spTree></p:cSld></p:{root}>")


def _rels(*relations: tuple[str, str]) -> str:
    items = "".join(f'<Relationship Id="rId{k}" Type="{REL}{kind}" Target="{target}"/>'
                    for k, (kind, target) in enumerate(relations, 1))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{items}</Relationships>')


THEME = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="http://schemas.openxmlformats.org/'
         'drawingml/2006/main" name="Office"><a:themeElements><a:clrScheme name="Office">'
         + "".join(f'<a:{name}><a:srgbClr val="{value}"/></a:{name}>' for name, value in (
             ("dk1", "000000"), ("lt1", "FFFFFF"), ("dk2", "44546A"), ("lt2", "E7E6E6"), ("accent1", "4472C4"),
             ("accent2", "ED7D31"), ("accent3", "A5A5A5"), ("accent4", "FFC000"), ("accent5", "5B9BD5"),
             ("accent6", "70AD47"), ("hlink", "0563C1"), ("folHlink", "954F72")))
         + '</a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri"/><a:ea typeface=""/>'
         '<a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/>'
         '<a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst>'
         + '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>' * 3 + '</a:fillStyleLst><a:lnStyleLst>'
         + '<a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>' * 3
         + '</a:lnStyleLst><a:effectStyleLst>' + '<a:effectStyle><a:effectLst/></a:effectStyle>' * 3
         + '</a:effectStyleLst><a:bgFillStyleLst>' + '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>' * 3
         + '</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>')


def deck(*slides: str, order=None, hidden=(), notes: dict | None = None) -> bytes:
    """A deck of the given slides' shape trees.  The zip holds slide k as ppt/slides/slide{k}.xml,
    in that member order; ``order`` lists the slides' numbers in the deck's order (default as given);
    ``hidden``: numbers of the slides hidden; ``notes``: a slide's number -> its speaker notes."""
    order = list(order or range(1, len(slides) + 1))
    notes = notes or {}
    buffer = io.BytesIO()
    types = "".join(f'<Override PartName="/ppt/slides/slide{k}.xml" ContentType="application/vnd.openxmlformats-'
                    'officedocument.presentationml.slide+xml"/>' for k in range(1, len(slides) + 1))
    types += "".join(f'<Override PartName="/ppt/notesSlides/notesSlide{k}.xml" ContentType="application/'
                     'vnd.openxmlformats-officedocument.presentationml.notesSlide+xml"/>' for k in notes)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
            'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'presentationml.presentation.main+xml"/><Override PartName="/ppt/slideMasters/slideMaster1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"/>'
            '<Override PartName="/ppt/slideLayouts/slideLayout1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.presentationml.slideLayout+xml"/><Override PartName="/ppt/theme/theme1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>' + types + "</Types>"))
        archive.writestr("_rels/.rels", _rels(("officeDocument", "ppt/presentation.xml")))
        for k, tree in enumerate(slides, 1):  # (written before the presentation: the zip's order is no guide)
            show = ' show="0"' if k in hidden else ""
            archive.writestr(f"ppt/slides/slide{k}.xml", _part("sld", tree, show))
            relations = [("slideLayout", "../slideLayouts/slideLayout1.xml")]
            if k in notes:
                relations.append(("notesSlide", f"../notesSlides/notesSlide{k}.xml"))
                archive.writestr(f"ppt/notesSlides/notesSlide{k}.xml", _part("notes", sp(notes[k], ph="body", idx="1")))
            archive.writestr(f"ppt/slides/_rels/slide{k}.xml.rels", _rels(*relations))
        ids = "".join(f'<p:sldId id="{255 + k}" r:id="rId{k + 1}"/>' for k in order)
        archive.writestr("ppt/presentation.xml", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:presentation {NS}>'
            '<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>'
            f'<p:sldIdLst>{ids}</p:sldIdLst><p:sldSz cx="9144000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/>'
            "</p:presentation>"))
        archive.writestr("ppt/_rels/presentation.xml.rels", _rels(
            ("slideMaster", "slideMasters/slideMaster1.xml"),
            *[("slide", f"slides/slide{k}.xml") for k in range(1, len(slides) + 1)],
            ("theme", "theme/theme1.xml")))
        archive.writestr("ppt/slideLayouts/slideLayout1.xml", _part("sldLayout", LAYOUT))
        archive.writestr("ppt/slideLayouts/_rels/slideLayout1.xml.rels",
                         _rels(("slideMaster", "../slideMasters/slideMaster1.xml")))
        archive.writestr("ppt/slideMasters/slideMaster1.xml", _part("sldMaster", MASTER).replace(
            "</p:cSld>", '</p:cSld><p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" '
            'accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" '
            'hlink="hlink" folHlink="folHlink"/><p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/>'
            "</p:sldLayoutIdLst>"))
        archive.writestr("ppt/slideMasters/_rels/slideMaster1.xml.rels",
                         _rels(("slideLayout", "../slideLayouts/slideLayout1.xml"), ("theme", "../theme/theme1.xml")))
        archive.writestr("ppt/theme/theme1.xml", THEME)
    return buffer.getvalue()


# A union work report: a cover, a hidden draft slide, a slide of figures, a table, a group, a
# plan.  The slides sit in the zip in another order than the deck's.
COVER = (sp("青石县总工会", at=(40, 40))  # (above the title: the title still opens the text)
         + sp(("青石县总工会", "\n", "2023年工作总结汇报"), ph="ctrTitle")
         + sp("汇报人：张明", ("{2024年1月}",), at=(200, 300), ph="subTitle", idx="1")
         + sp("1", ph="sldNum", idx="12"))
HIDDEN = sp("草稿（不用）", ph="title") + sp("全年发展会员99999人。", ph="body", idx="1")
FIGURES = (sp("全年新建基层工会组织38家，新发展会员2160人。", "签订集体合同215份，覆盖职工2.3万人。", ph="body", idx="1")
           + sp("工作成效", ph="title")  # (after the body in the XML; the layout puts it above)
           + sp("青石县总工会", ph="ftr", idx="11"))
TABLE = (sp("一、帮扶困难职工", at=(40, 20), ph="title")
         + table(["指标", ("数量", 'gridSpan="2"'), "<h"],
                 ["走访慰问困难职工（户）", "386", "比上年|增加"],
                 ["<v", "慰问金57.9万元", ""], at=(40, 120)))
SIDE_BY_SIDE = (sp("右栏：建会入会", at=(400, 120)) + sp("左栏：职工之家", at=(40, 120))
                + sp("工作亮点", at=(40, 20), ph="title")
                + group(sp("组内第二行", at=(0, 50)), sp("组内第一行", at=(0, 0)), at=(40, 300))
                + sp("页底说明", at=(40, 480)) + chart(at=(40, 200)))
PLAN = (sp("2024年工作打算", ph="title")
        + sp("力争新建工会组织40家，新发展会员2000人以上。", ph="body", idx="1"))

REPORT = deck(COVER, HIDDEN, FIGURES, TABLE, SIDE_BY_SIDE, PLAN, order=[1, 2, 3, 4, 5, 6], hidden={2},
              notes={3: "讲稿：备注里的数字77777人"})


def test_a_deck_reads_slide_by_slide_in_the_decks_order_with_shapes_in_reading_order():
    record = read_bytes(REPORT, "report.pptx")
    assert record.format == "pptx" and record.encoding is None
    assert record.text.split("\n") == [
        "青石县总工会2023年工作总结汇报",  # the first slide's title first, its line break run together
        "青石县总工会",
        "汇报人：张明",
        "2024年1月",  # a field's text as last shown; the slide number is furniture
        "",  # (the hidden slide is left out)
        "工作成效",  # placed by its layout's title placeholder, above the body
        "全年新建基层工会组织38家，新发展会员2160人。",
        "签订集体合同215份，覆盖职工2.3万人。",  # (the footer and the speaker notes are not read)
        "",
        "一、帮扶困难职工",
        "指标\t数量\t",  # the merged cells' continuations: empty cells
        "走访慰问困难职工（户）\t386\t比上年 增加",
        "\t慰问金57.9万元\t",
        "",
        "工作亮点",
        "左栏：职工之家",  # one row: left to right
        "右栏：建会入会",
        "组内第一行",  # the group's shapes in their reading order, at the group's place (the chart: left out)
        "组内第二行",
        "页底说明",
        "",
        "2024年工作打算",
        "力争新建工会组织40家，新发展会员2000人以上。",
    ]


def test_slide_titles_after_the_first_are_heading_lines_unless_numbered():
    record = read_bytes(REPORT, "report.pptx")
    headings = [(record.text[start:end], level) for start, end, level in record.heading_lines]
    # (the cover's title is the deck's; 一、帮扶困难职工 is numbered: left to the section finder)
    assert headings == [("工作成效", 1), ("工作亮点", 1), ("2024年工作打算", 1)]


def test_a_contents_or_closing_slides_title_heads_nothing():
    slides = (sp("某县总工会2023年工作汇报", ph="ctrTitle"), sp("目 录", ph="title") + sp("01 组织建设", at=(40, 120)),
              sp("CONTENTS", ph="title"), sp("组织建设", ph="title"), sp("谢谢！", ph="title"),
              sp(("Thank", "\n", "you"), ph="title"))
    record = read_bytes(deck(*slides), "closing.pptx")
    assert [record.text[start:end] for start, end, _ in record.heading_lines] == ["组织建设"]
    assert record.text.endswith("\n\n谢谢！\n\nThank you")


def test_slide_order_is_the_decks_not_the_zips():
    slides = [sp(f"第{name}页", at=(40, 40)) for name in ("甲", "乙", "丙")]
    record = read_bytes(deck(*slides, order=[3, 1, 2]), "order.pptx")
    assert record.text == "第丙页\n\n第甲页\n\n第乙页"
    assert record.heading_lines == ()


def test_a_deck_parses_into_a_document_with_its_title_and_figures():
    (document,) = [doc for doc in parse_source(read_bytes(REPORT, "report.pptx"), use_model=False)]
    assert document.title == "青石县总工会2023年工作总结汇报"
    assert document.doc_type == "summary" and document.period.year == 2023
    found = {(indicator.value, indicator.unit, indicator.status) for indicator in document.indicators}
    assert {(38, "家", "actual"), (2160, "人", "actual"), (215, "份", "actual"), (40, "家", "target")} <= found
    values = {indicator.value for indicator in document.indicators}
    assert 99999 not in values and 77777 not in values  # (hidden slide, speaker notes)
    objects = " ".join(indicator.object or "" for indicator in document.indicators)
    assert "基层工会组织" in objects and "集体合同" in objects
    headings = [section.heading for section in document.sections]
    assert "工作成效" in headings and "2024年工作打算" in headings


def test_a_deck_without_extension_and_a_dps_are_read_as_decks():
    assert format_of("汇报材料", REPORT) == "pptx" and format_of("report.dps", REPORT) == "pptx"
    assert read_bytes(REPORT, "汇报材料").text.startswith("青石县总工会2023年工作总结汇报\n")
    assert read_bytes(REPORT, "report.dps").format == "pptx"


def _compound_file(stream: str) -> bytes:
    """A real compound file (the .doc fixture) whose WordDocument stream is renamed ``stream``."""
    data = bytearray((ROOT / "tests" / "fixtures" / "liulin_summary_word97.doc").read_bytes())
    at = bytes(data).find("WordDocument".encode("utf-16-le"))
    name = (stream + "\0").encode("utf-16-le")
    data[at:at + 64] = name.ljust(64, b"\0")
    data[at + 64:at + 66] = len(name).to_bytes(2, "little")  # (a directory entry: its name, then its length)
    return bytes(data)


@pytest.mark.parametrize("data, error, message", [
    (b"not a zip at all", CorruptArchive, "not a zip"),
    (REPORT[:300], CorruptArchive, "not a zip"),
    (deck(sp("x", at=(0, 0))).replace(b"ppt/presentation.xml", b"ppt/presentation.xmX"), CorruptArchive,
     "no presentation part"),
    (deck(sp("<a:t>x", at=(0, 0))), CorruptArchive, "broken XML"),
    (deck(sp("x", at=(0, 0)), sp("y", at=(0, 0)), order=[1, 2]).replace(b"slide2.xml", b"slideX.xml"),
     CorruptArchive, "slide"),
    (_compound_file("EncryptedPackage"), UnsupportedFormat, "password-protected"),
    (_compound_file("PowerPoint Document"), UnsupportedFormat, r"PowerPoint 97–2003.*save it as \.pptx"),
    (_compound_file("Workbook"), UnsupportedFormat, "not a PowerPoint deck"),
    (deck(sp(" ", at=(0, 0)) + chart(at=(0, 0)), sp("1", ph="sldNum")), EmptyInput, "no text on any slide"),
    (deck(sp("只在隐藏页", at=(0, 0)), hidden={1}), EmptyInput, "no text"),
])
def test_each_failure_is_a_typed_error(data, error, message):
    with pytest.raises(error, match=message):
        read_bytes(data, "bad.pptx")


def test_a_deck_that_unpacks_too_far_is_refused(monkeypatch):
    big = deck(sp("全年发展会员91572人。" * 400, at=(0, 0)))
    monkeypatch.setattr(base, "MAX_INPUT_BYTES", 2000)  # (its slide's XML unpacks to over 5 × 2000 bytes)
    with pytest.raises(InputTooLarge, match="unpack"):
        pptx_to_text(big, "big.pptx")


def test_a_placeholder_without_a_position_takes_its_layouts_or_masters_else_its_types_place():
    slides = (sp("封面标题", at=(40, 40)),
              sp("正文", ph="obj", idx="7") + sp("图注", at=(40, 400)) + sp("本页标题", ph="title"))
    # (no layout placeholder of index 7: the master's body, at y 120)
    assert read_bytes(deck(*slides), "placed.pptx").text == "封面标题\n\n本页标题\n正文\n图注"
    without_layout = deck(*slides).replace(b"slideLayout1.xml", b"slideLayoutZ.xml")  # (the slides' layout is gone)
    assert read_bytes(without_layout, "loose.pptx").text == "封面标题\n\n本页标题\n图注\n正文"  # title first, body last


def test_the_fixture_deck_libreoffice_wrote_reads_the_same():
    record = read_bytes(FIXTURE.read_bytes(), FIXTURE.name)
    # (LibreOffice updated the date field to the day it saved the deck)
    assert record.text.split("\n")[:3] == ["青石县总工会2023年工作总结汇报", "青石县总工会", "汇报人：张明"]
    assert "指标\t数量\t" in record.text.split("\n")
    assert "99999" not in record.text and "77777" not in record.text
    assert [record.text[start:end] for start, end, _ in record.heading_lines] == ["工作成效", "工作亮点", "2024年工作打算"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_deck_libreoffice_saves_again_reads_the_same(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "report.pptx").write_bytes(REPORT)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pptx", "--outdir", str(tmp_path), str(tmp_path / "in" / "report.pptx")],
                   check=True, capture_output=True, timeout=180)
    again = read_bytes((tmp_path / "report.pptx").read_bytes(), "report.pptx").text.split("\n")
    fixture = read_bytes(FIXTURE.read_bytes(), FIXTURE.name).text.split("\n")
    assert again[:3] + again[4:] == fixture[:3] + fixture[4:]  # (the date field: the day it was saved)


def test_a_cards_figure_and_its_label_below_read_as_one_line():
    # a row of two cards: big numbers on top, their labels under them (reading order alone
    # would give both figures, then both labels)
    slides = (sp("某县总工会2023年工作汇报", ph="ctrTitle"),
              sp("1.26万", at=(100, 200), size=(200, 80)) + sp("92.3%", at=(400, 200), size=(200, 80))
              + sp("职工服务人次", at=(100, 290), size=(200, 40)) + sp("职工入会率", at=(400, 290), size=(200, 40)))
    record = read_bytes(deck(*slides), "cards.pptx")
    assert record.text.split("\n\n")[1] == "职工服务人次\t1.26万\n职工入会率\t92.3%"
