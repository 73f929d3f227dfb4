"""Garbage into every entry point: nothing raises, every span stays inside the text."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.clean import normalize
from extractor.documents import find_documents
from extractor.pipeline import parse_text
from extractor.read import read_bytes
from extractor.errors import InputError
from extractor.sections import build_sections

# Text made of the characters documents are made of, so the rules really run.
ALPHABET = st.sampled_from(list("一二三四五六七八九十百千万亿两零〇0123456789.,，。、:：;；()（）%％*x"
                                "年月日份第届个人名家份元万余多近约以上以下至每其中共计划目标已完成签订集体合同工会会员"
                                "总结报告要点篇扩展阅读首页时间网站\n\n \t“”《》壹贰叁拾佰仟工會簽訂①②"))
DOCUMENT_TEXT = st.text(alphabet=ALPHABET, max_size=400)
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(DOCUMENT_TEXT)
def test_parse_text_never_raises_and_spans_fit(text):
    for doc in parse_text(text, use_model=False):
        assert 0 <= doc.span[0] <= doc.span[1] <= len(text)
        for section in doc.sections:
            assert 0 <= section.heading_span[0] <= section.heading_span[1] <= len(text)
        for ind in doc.indicators:
            assert text[ind.span[0]:ind.span[1]] == ind.text
            assert ind.status in ("actual", "target")


@SETTINGS
@given(st.text(max_size=300))
def test_any_unicode_text(text):
    norm = normalize(text)
    for block in find_documents(norm.text):
        build_sections(norm.text, block)
    parse_text(text, use_model=False)


@SETTINGS
@given(st.binary(max_size=300), st.sampled_from(["a.txt", "b.html", "c.docx", "d", "e.pdf", "f.md", "g.rtf", "h.doc", "i.xlsx", "j.ofd", "k.xls", "l.mht", "m.wps", "n.odt", "o.ods", "p.pptx", "q.csv"]))
def test_read_bytes_raises_only_typed_errors(data, name):
    try:
        src = read_bytes(data, name)
    except InputError as exc:
        assert name in str(exc)
    else:
        assert isinstance(src.text, str)


@pytest.mark.parametrize("name", ["liulin_summary_word97.doc", "stats.xlsx", "report.pdf", "gongwen.ofd",
                                  "xiaoshan_stats_excel97.xls", "page.mht", "report.odt", "stats.ods",
                                  "qingshi_report_deck.pptx"])
def test_damaged_binary_documents_raise_only_typed_errors(name):
    import io
    import random
    from pathlib import Path

    from openpyxl import Workbook

    if name.endswith((".doc", ".xls", ".pptx")):
        data = (Path(__file__).parent / "fixtures" / name).read_bytes()
    elif name.endswith(".mht"):
        from email.mime.image import MIMEImage
        from email.mime.multipart import MIMEMultipart
        from email.mime.text import MIMEText

        message = MIMEMultipart("related", type="text/html")
        message.attach(MIMEText("<html><body><h1>某县总工会2023年工作总结</h1><p>全年发展会员91572人。</p></body></html>",
                                "html", "utf-8"))
        message.attach(MIMEImage(b"\x89PNG\r\n\x1a\n" + bytes(range(64)), "png"))
        data = message.as_bytes()
    elif name.endswith(".xlsx"):
        book = Workbook()
        for row in (["指标", "2022年"], ["会员（人）", 91572], ["集体合同（份）", 426]):
            book.active.append(row)
        buffer = io.BytesIO()
        book.save(buffer)
        data = buffer.getvalue()
    elif name.endswith((".odt", ".ods")):
        from test_odf import REPORT, SHEETS, package

        data = package(REPORT) if name.endswith(".odt") else package(SHEETS, "ods")
    elif name.endswith(".ofd"):
        from conftest import load_script

        data = load_script("ofd_layout").gongwen_ofd("#c 某县总工会2023年工作总结\n　　全年发展会员91572人。\n指标\t数量\n集体合同\t426",
                                                     running_header="某县总工会文件")
    else:
        pytest.importorskip("reportlab")
        from reportlab.pdfgen import canvas

        buffer = io.BytesIO()
        page = canvas.Canvas(buffer)
        page.drawString(100, 700, "2023 members 91572")
        page.showPage()
        page.drawString(100, 700, "contracts 426")
        page.save()
        data = buffer.getvalue()
    rng = random.Random(20261202)
    for _ in range(60):  # bytes flipped here and there, or the file cut short, as a bad disk or download leaves it
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 30)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        if rng.random() < 0.3:
            damaged = damaged[:rng.randrange(len(damaged))]
        try:
            record = read_bytes(bytes(damaged), name)
        except InputError as exc:
            assert name in str(exc)
        else:
            assert isinstance(record.text, str)
