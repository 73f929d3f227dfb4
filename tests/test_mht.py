"""Web archives (.mht/.mhtml, a browser's "save as single file"): the page inside, read by the
HTML reader in the charset its part declares.  The archives are built here with the stdlib's
email package around a page made up for these tests, as Internet Explorer and Chrome write them:
a multipart/related message, the page in quoted-printable or base64, images beside it."""
from __future__ import annotations

import base64
import quopri
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart

import pytest

from extractor.errors import CorruptArchive, UndecodableInput, UnsupportedFormat
from extractor.pipeline import parse_source
from extractor.read import read_bytes

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>禾溪市总工会</title></head>
<body><div class="nav">首页 | 工会动态 | 通知公告</div>
<h1>禾溪市总工会2023年工作总结</h1>
<p>一、主要工作</p>
<p>全年新建基层工会组织46家，发展会员3862人，签订集体合同128份，发放困难职工帮扶资金86.5万元。</p>
<table><tr><td>指标</td><td>目标</td><td>完成</td></tr>
<tr><td>新建工会组织（家）</td><td>40</td><td>46</td></tr>
<tr><td>发展会员（人）</td><td>3500</td><td>3862</td></tr></table>
<p><img src="logo.png">二、2024年工作打算</p>
<p>力争新建工会组织50家，发展会员4000人以上。</p>
</body></html>
"""
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
ADDRESS = "http://www.hexi-gh.example.cn/gzzj/2024/0115.html"


def page_bytes(charset: str, meta: str | None = None) -> bytes:
    return PAGE.format(charset=meta or charset).encode(charset)


def html_part(data: bytes, charset: str, transfer: str, location: str = ADDRESS, cid: str | None = None):
    part = MIMENonMultipart("text", "html", charset=charset)
    if transfer == "quoted-printable":
        part.set_payload(quopri.encodestring(data).decode("ascii"))
    else:
        part.set_payload(base64.encodebytes(data).decode("ascii"))
    part["Content-Transfer-Encoding"] = transfer
    part["Content-Location"] = location
    if cid:
        part["Content-ID"] = f"<{cid}>"
    return part


def image_part():
    part = MIMEImage(PNG, "png")
    part["Content-Location"] = "http://www.hexi-gh.example.cn/gzzj/2024/logo.png"
    return part


def archive(*parts, saved_by: str | None = "<Saved by Windows Internet Explorer 8>", **params) -> bytes:
    message = MIMEMultipart("related", type="text/html", **params)
    for part in parts:
        message.attach(part)
    data = message.as_bytes(policy=message.policy.clone(linesep="\r\n"))  # (browsers write CRLF)
    return f"From: {saved_by}\r\n".encode() + data if saved_by else data


def test_an_ie_archive_in_gb2312_quoted_printable_reads_as_its_page():
    page = page_bytes("gb2312")
    record = read_bytes(archive(html_part(page, "gb2312", "quoted-printable"), image_part()), "zongjie.mht")
    assert (record.format, record.encoding) == ("mht", "gb18030")
    assert record.text == read_bytes(page, "zongjie.html").text
    assert "全年新建基层工会组织46家" in record.text and "首页" not in record.text


def test_a_utf8_base64_page_after_an_image_reads_as_its_page():
    page = page_bytes("utf-8")
    data = archive(image_part(), html_part(page, "utf-8", "base64"), saved_by="<Saved by Blink>")
    record = read_bytes(data, "zongjie.mhtml")
    assert (record.format, record.encoding) == ("mht", "utf-8")
    assert record.text == read_bytes(page, "zongjie.html").text


def test_the_part_the_message_names_as_its_root_is_the_page():
    frame = "<html><body><p>友情链接：省总工会</p></body></html>".encode("utf-8")
    page = page_bytes("utf-8")
    parts = (html_part(frame, "utf-8", "base64", location="http://www.hexi-gh.example.cn/frame.html", cid="frame"),
             html_part(page, "utf-8", "quoted-printable", cid="page"), image_part())
    expected = read_bytes(page, "p.html").text
    assert read_bytes(archive(*parts, start="<page>"), "a.mht").text == expected  # (RFC 2387 start)
    located = b"Snapshot-Content-Location: " + ADDRESS.encode() + b"\r\n" + archive(*parts, saved_by=None)
    assert read_bytes(located, "b.mht").text == expected  # (Chrome names the page's address)
    assert read_bytes(archive(*parts), "c.mht").text == read_bytes(frame, "f.html").text  # else the first page


def test_the_parts_charset_wins_over_a_stale_meta_in_the_page():
    # a page saved again in UTF-8 that still declares gb2312: alone, the HTML reader trusts the meta
    page = "<html><head><meta charset=gb2312></head><body><p>工会</p></body></html>".encode("utf-8")
    assert read_bytes(page, "p.html").text.strip() != "工会"
    record = read_bytes(archive(html_part(page, "utf-8", "quoted-printable")), "p.mht")
    assert (record.text.strip(), record.encoding) == ("工会", "utf-8")


def test_an_archived_page_parses_into_its_document():
    record = read_bytes(archive(html_part(page_bytes("gb2312"), "gb2312", "quoted-printable"), image_part()), "z.mht")
    (document,) = parse_source(record)
    assert (document.title, document.period.year) == ("禾溪市总工会2023年工作总结", 2023)
    found = {(i.value, i.unit, i.status) for i in document.indicators}
    assert {(46, "家", "actual"), (3862, "人", "actual"), (865000, "元", "actual"), (50, "家", "target")} <= found


@pytest.mark.parametrize("name", ["z.mht", "Z.MHTML", "ARCHIVE_0033"])
def test_mht_names_and_an_extensionless_archive_go_to_the_mht_reader(name):
    data = archive(html_part(page_bytes("gb2312"), "gb2312", "quoted-printable"))
    assert read_bytes(data, name).format == "mht"
    assert read_bytes(archive(html_part(page_bytes("utf-8"), "utf-8", "base64"), saved_by=None), name).format == "mht"


def test_an_extensionless_mail_that_is_no_web_archive_stays_text():
    mail = "From: 许文静\r\nSubject: 会员统计\r\n\r\n全年发展会员3862人。\r\n".encode("utf-8")
    assert read_bytes(mail, "NOTE_0001").format == "txt"


def test_an_archive_without_a_page_or_a_readable_message_is_refused_with_the_reason():
    with pytest.raises(UnsupportedFormat) as caught:
        read_bytes(archive(image_part()), "pictures.mht")
    assert "no HTML page" in caught.value.reason and "image/png" in caught.value.reason
    with pytest.raises(UndecodableInput) as caught:
        read_bytes(b"\x00\x01 these are no MIME headers", "junk.mht")
    assert "no MIME message" in caught.value.reason
    broken = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"\r\n\r\n<html>\r\n"
    with pytest.raises(CorruptArchive) as caught:
        read_bytes(broken, "broken.mht")
    assert "boundary" in caught.value.reason


def test_an_archive_cut_short_still_gives_its_page_when_the_page_came_whole():
    page = page_bytes("gb2312")
    data = archive(html_part(page, "gb2312", "quoted-printable"), image_part())
    cut = data[:data.index(b"Content-Type: image/png") + 40]
    assert read_bytes(cut, "cut.mht").text == read_bytes(page, "p.html").text


def test_the_sample_writer_saves_a_page_as_internet_explorer_did():
    from conftest import load_script

    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>'
            '<img src="images/banner.jpg"><p>临河市总工会2021年上半年工作总结</p><p>新建工会组织36家，发展会员2860人。</p>'
            '<img src="images/banner.jpg"><img src="/upload/photo1.jpg"></body></html>')
    data = load_script("mht_layout").web_archive(page, charset="gb2312", url="http://www.example.gov.cn/art/1.html")
    assert data.count(b"Content-Type: image/png") == 2  # (each image once)
    assert b"charset=\"gb2312\"" in data and b"quoted-printable" in data
    assert read_bytes(data, "saved.mht").text == read_bytes(page.encode("gb2312"), "p.html").text
