"""The .docx reader's text boxes, shapes with text, footnotes and endnotes (and what it still
leaves out: page headers, comments, deleted text).  The files are built here, part by part."""
import io
import random
import zipfile

import pytest

from extractor.errors import InputError
from extractor.read import read_bytes

_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
       'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
       'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
       'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"')
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml."
# part name -> (relationship type, content type, root element)
_PARTS = {"footnotes": ("footnotes", "footnotes+xml", "footnotes"),
          "endnotes": ("endnotes", "endnotes+xml", "endnotes"),
          "comments": ("comments", "comments+xml", "comments"),
          "header1": ("header", "header+xml", "hdr"),
          "settings": ("settings", "settings+xml", "settings")}


def docx(body: str, **parts: str) -> bytes:
    """A .docx whose body is ``body`` (WordprocessingML) and with the parts given (their
    children), each related to the document."""
    types = ['<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
             '<Default Extension="xml" ContentType="application/xml"/>',
             f'<Override PartName="/word/document.xml" ContentType="{_TYPE}document.main+xml"/>']
    rels = []
    for number, (name, content) in enumerate(parts.items(), 1):
        relationship, content_type, root = _PARTS[name]
        types.append(f'<Override PartName="/word/{name}.xml" ContentType="{_TYPE}{content_type}"/>')
        rels.append(f'<Relationship Id="rId{number}" Type="{_REL}{relationship}" Target="{name}.xml"/>')
    header = '<w:headerReference w:type="default" r:id="rId{}"/>'.format(list(parts).index("header1") + 1) \
        if "header1" in parts else ""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                         f'content-types">{"".join(types)}</Types>')
        package.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                         f'relationships"><Relationship Id="rId1" Type="{_REL}officeDocument" '
                         'Target="word/document.xml"/></Relationships>')
        package.writestr("word/_rels/document.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/'
                         f'package/2006/relationships">{"".join(rels)}</Relationships>')
        package.writestr("word/document.xml", f'<w:document {_NS}><w:body>{body}<w:sectPr>{header}</w:sectPr>'
                         '</w:body></w:document>')
        for name, content in parts.items():
            package.writestr(f"word/{name}.xml", f'<w:{_PARTS[name][2]} {_NS}>{content}</w:{_PARTS[name][2]}>')
    return buffer.getvalue()


def p(*runs: str) -> str:
    """A paragraph of runs: plain strings are text, strings starting with "<" are XML as is."""
    return "<w:p>" + "".join(run if run.startswith("<") else f"<w:r><w:t>{run}</w:t></w:r>" for run in runs) + "</w:p>"


def drawing_box(*blocks: str) -> str:
    """A run drawing a floating DrawingML text box holding ``blocks``, with no VML fallback."""
    return ('<w:r><w:drawing><wp:anchor><wp:docPr id="1" name="文本框 1"/><a:graphic><a:graphicData '
            'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>'
            + "".join(blocks) + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
            "</w:drawing></w:r>")


def alternate_box(*blocks: str, fallback_blocks=None) -> str:
    """A run drawing a box as Word writes it: the DrawingML box in mc:Choice, its VML copy
    (``v:textbox``) in mc:Fallback."""
    inner = "".join(blocks)
    old = "".join(fallback_blocks) if fallback_blocks is not None else inner
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData '
            'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>'
            + inner + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
            '</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>' + old
            + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>")


def note(kind: str, number: int, text: str) -> str:
    return (f'<w:{kind} w:id="{number}"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t>'
            f'</w:r></w:p></w:{kind}>')


def separators(kind: str) -> str:
    return (f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
            f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
            f'</w:{kind}>')


def reference(kind: str, number: int) -> str:
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Reference w:id="{number}"/></w:r>'


def text_of(data: bytes) -> str:
    return read_bytes(data, "summary.docx").text


def test_a_text_box_follows_the_paragraph_that_anchors_it_and_leaves_its_sentence_whole():
    data = docx(p("某县总工会2022年工作总结")
                + p("加强基层工会规范化建设，", drawing_box(p("数说2022"), p("新建工会组织46家"), p("发展会员3860人")),
                    "培训工会干部420人次。")
                + p("二、存在的问题"))
    assert text_of(data).split("\n") == ["某县总工会2022年工作总结", "加强基层工会规范化建设，培训工会干部420人次。",
                                         "数说2022", "新建工会组织46家", "发展会员3860人", "二、存在的问题"]


def test_a_box_word_writes_twice_choice_and_fallback_is_read_once_from_the_choice():
    data = docx(p("全年走访慰问困难职工1563户。", alternate_box(p("慰问困难职工1563户"),
                                                             fallback_blocks=[p("旧版慰问困难职工1500户")])))
    assert text_of(data) == "全年走访慰问困难职工1563户。\n慰问困难职工1563户"
    # the VML copy alone (an older Word's file): read from there
    vml_only = ('<w:r><w:pict><v:roundrect><v:textbox><w:txbxContent>' + p("覆盖全县16个乡镇")
                + "</w:txbxContent></v:textbox></v:roundrect></w:pict></w:r>")
    assert text_of(docx(p("深化“劳动者港湾”建设。", vml_only))) == "深化“劳动者港湾”建设。\n覆盖全县16个乡镇"


def test_a_table_in_a_box_gives_tab_parted_rows_and_a_box_in_a_cell_follows_its_row():
    table = ('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2022年</w:t></w:r>'
             '</w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>集体合同（份）</w:t></w:r></w:p></w:tc><w:tc>'
             '<w:p><w:r><w:t>1358</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    assert text_of(docx(p("主要指标：", alternate_box(p("数说2022"), table)))) == \
        "主要指标：\n数说2022\n项目\t2022年\n集体合同（份）\t1358"
    outer = ('<w:tbl><w:tr><w:tc>' + p("会员", drawing_box(p("含农民工会员2140人"))) + '</w:tc><w:tc>' + p("3860人")
             + '</w:tc></w:tr></w:tbl>')
    assert text_of(docx(outer + p("完"))) == "会员\t3860人\n含农民工会员2140人\n完"


def test_a_box_anchored_in_a_heading_heads_nothing():
    heading = '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>组织建设</w:t></w:r>' \
              + drawing_box(p("新建工会组织46家")) + "</w:p>"
    record = read_bytes(docx(p("某县总工会2022年工作总结") + heading + p("全年新建工会组织46家。")), "s.docx")
    assert [(record.text[a:b], level) for a, b, level in record.heading_lines] == [("组织建设", 1)]
    assert record.text.split("\n")[2] == "新建工会组织46家"


def test_footnotes_then_endnotes_come_after_the_body_under_their_heading_in_the_order_of_their_references():
    body = (p("全年新建基层工会组织46家", reference("footnote", 2), "，会员总数11.8万人", reference("endnote", 1),
              "，入会率91.6%。")
            + p("追回欠薪368万元", reference("footnote", 1), "。"))
    data = docx(body,
                footnotes=separators("footnote") + note("footnote", 1, "涉及农民工142名。")
                + note("footnote", 2, "含新就业形态劳动者工会12家。") + note("footnote", 3, "未被引用的脚注99家。"),
                endnotes=separators("endnote") + note("endnote", 1, "会员总数含离退休会员0.6万人。"))
    assert text_of(data).split("\n") == [
        "全年新建基层工会组织46家，会员总数11.8万人，入会率91.6%。",  # no reference mark glued to 46家
        "追回欠薪368万元。",
        "注释",
        "[1] 含新就业形态劳动者工会12家。",
        "[2] 涉及农民工142名。",
        "[i] 会员总数含离退休会员0.6万人。"]


def test_note_numbers_follow_the_documents_number_format_and_a_mark_of_its_own():
    custom = ('<w:r><w:footnoteReference w:customMarkFollows="1" w:id="2"/><w:t>*</w:t></w:r>')
    body = p("会员3860人", reference("footnote", 1), "，集体合同1358份", custom, "。") + p("站点76个", reference("endnote", 1))
    data = docx(body,
                settings='<w:footnotePr><w:numFmt w:val="chineseCounting"/></w:footnotePr>'
                         '<w:endnotePr><w:numFmt w:val="decimal"/><w:numStart w:val="3"/></w:endnotePr>',
                footnotes=note("footnote", 1, "含农民工会员2140人。") + note("footnote", 2, "与年报核对。"),
                endnotes=note("endnote", 1, "含新建28个。"))
    # (a format this reader does not spell out is written as a decimal number)
    assert text_of(data).split("\n") == ["会员3860人，集体合同1358份。", "站点76个", "注释",
                                         "[1] 含农民工会员2140人。", "[*] 与年报核对。", "[3] 含新建28个。"]


def test_no_notes_heading_without_notes_and_notes_of_a_deleted_reference_are_left_out():
    deleted = f'<w:del w:id="9" w:author="a"><w:r><w:delText>12</w:delText></w:r>{reference("footnote", 1)}</w:del>'
    data = docx(p("全年发展会员", deleted, "92人。"), footnotes=separators("footnote") + note("footnote", 1, "删去的注。"))
    assert text_of(data) == "全年发展会员92人。"


def test_comments_page_headers_and_deleted_text_are_still_not_read():
    body = (p("全年签订集体合同", '<w:commentRangeStart w:id="0"/>', "1358份", '<w:commentRangeEnd w:id="0"/>',
              '<w:r><w:commentReference w:id="0"/></w:r>', "。")
            + p("慰问困难职工", '<w:del w:id="1" w:author="a"><w:r><w:delText>1500</w:delText></w:r></w:del>',
                '<w:ins w:id="2" w:author="a"><w:r><w:t>1563</w:t></w:r></w:ins>', "户。"))
    data = docx(body,
                comments='<w:comment w:id="0" w:author="李建国">' + p("年报口径为1352份，相差6份。") + "</w:comment>",
                header1=p("兰陵县总工会　第1页"))
    assert text_of(data) == "全年签订集体合同1358份。\n慰问困难职工1563户。"


def test_a_damaged_notes_part_is_a_typed_error():
    data = docx(p("会员3860人", reference("footnote", 1)), footnotes="<w:footnote w:id='1'><w:p>")
    with pytest.raises(InputError, match="footnote"):
        text_of(data)


def test_damaged_bytes_of_a_document_with_boxes_and_notes_raise_only_typed_errors():
    data = docx(p("加强建设，", alternate_box(p("新建工会组织46家")), "会员3860人", reference("footnote", 1), "。"),
                footnotes=separators("footnote") + note("footnote", 1, "含农民工会员2140人。"),
                endnotes=separators("endnote"))
    generator = random.Random(2022)
    for _ in range(150):
        damaged = bytearray(data)
        for _ in range(generator.randint(1, 8)):
            damaged[generator.randrange(len(damaged))] = generator.randrange(256)
        try:
            read_bytes(bytes(damaged), "summary.docx")
        except InputError:
            pass
