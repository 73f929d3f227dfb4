"""Save an HTML page given as UTF-8 text as a single-file web archive (``.mht``), as Internet
Explorer's "Save as: Web archive" wrote them and many scraped government archives hold them:
a MIME ``multipart/related`` message whose first part is the page, in the charset the page
declares (GB2312 by default) and quoted-printable, followed by the page's images as base64
parts named by their ``Content-Location``.

For the corpus's .mht samples (``scripts/make_corpora.py``) and fixtures; not part of the
toolkit.  The images are small generated PNGs: only their presence matters to a reader.

    python scripts/mht_layout.py PAGE.html TARGET.mht [--charset gb2312] [--url URL]
"""
from __future__ import annotations

import argparse
import base64
import quopri
import re
import struct
import zlib
from pathlib import Path

BOUNDARY = "----=_NextPart_000_0000_01D9A1B2.3C4D5E60"  # fixed: a rebuild gives the same bytes
_IMAGE = re.compile(r"""<img[^>]+src=["']([^"']+)["']""", re.IGNORECASE)


def _png(width: int = 4, height: int = 2) -> bytes:
    """A tiny grey PNG (a stand-in for the page's photos and logos)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def web_archive(page: str, *, charset: str = "gb2312", url: str = "http://www.example.gov.cn/art/index.html") -> bytes:
    """The ``.mht`` bytes of ``page`` (an HTML document) and its images."""
    body = quopri.encodestring(page.replace("\n", "\r\n").encode(charset)).decode("ascii")
    base = url.rsplit("/", 1)[0]
    parts = [
        "From: <Saved by Windows Internet Explorer 8>\r\n"
        f"Subject: {url.rsplit('/', 1)[-1]}\r\n"
        "Date: Tue, 9 May 2023 10:21:35 +0800\r\n"
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{BOUNDARY}"\r\n'
        "X-MimeOLE: Produced By Microsoft MimeOLE V6.1.7601.24158\r\n\r\n"
        "This is a multi-part message in MIME format.\r\n\r\n",
        f"--{BOUNDARY}\r\nContent-Type: text/html;\r\n\tcharset=\"{charset}\"\r\n"
        f"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: {url}\r\n\r\n{body}\r\n\r\n",
    ]
    for source in dict.fromkeys(_IMAGE.findall(page)):  # (each image once, in page order)
        location = source if "://" in source else f"{base}/{source.lstrip('./')}"
        encoded = base64.encodebytes(_png()).decode("ascii").replace("\n", "\r\n")
        parts.append(f"--{BOUNDARY}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
                     f"Content-Location: {location}\r\n\r\n{encoded}\r\n")
    parts.append(f"--{BOUNDARY}--\r\n")
    return "".join(parts).encode("ascii")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--charset", default="gb2312")
    parser.add_argument("--url", default="http://www.example.gov.cn/art/index.html")
    args = parser.parse_args()
    args.target.write_bytes(web_archive(args.page.read_text(encoding="utf-8"), charset=args.charset, url=args.url))


if __name__ == "__main__":
    main()
