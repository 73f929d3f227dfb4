"""Web archives (``.mht``, ``.mhtml``): the page a browser saved as one file, read as HTML.

Internet Explorer's and Chrome's "save as single file" writes a MIME message (multipart/related)
whose parts are the page and its images and styles, each in quoted-printable or base64.  The
page is the part the message's ``start`` parameter names (by Content-ID) or its
``Snapshot-Content-Location``/``Content-Location`` points at (by Content-Location), else its
first text/html part.  Its bytes go to the HTML reader, in the charset its part declares (the one
the browser read the page in) when the bytes decode under it; otherwise, as for any page, its own
``<meta>`` or the detector decides.
"""
from __future__ import annotations

import codecs
import email
import email.utils
from email.message import Message

from ..errors import CorruptArchive, InputError, UndecodableInput, UnsupportedFormat
from .html import _CHARSET_ALIASES, _CHINESE_CODECS, html_to_text  # (its own charset names)
from .text import doubted_declaration

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def mht_to_text(data: bytes, source: str) -> tuple[str, str]:
    """``(text, encoding)`` of the archived page, as ``html_to_text`` gives them for the page."""
    try:
        page = _page_part(email.message_from_bytes(data), source)
        payload = page.get_payload(decode=True) or b""
        charset = page.get_content_charset()
    except InputError:
        raise
    except Exception as exc:  # (the email package on damaged bytes: its lenient parser seldom gives up)
        raise CorruptArchive(source, f"corrupt .mht: {type(exc).__name__}: {exc}") from exc
    return _page_text(payload, charset, source)


def _page_part(message: Message, source: str) -> Message:
    if not message.is_multipart():
        if message.get_content_type() in _HTML_TYPES:
            return message  # (a page saved without images: one part)
        if message.get_content_maintype() == "multipart":
            raise CorruptArchive(source, "corrupt .mht: its parts cannot be found (the boundary is missing)")
        if "content-type" not in message and "mime-version" not in message:
            raise UndecodableInput(source, "not a web archive: the file holds no MIME message")
        raise UnsupportedFormat(source, f"the web archive holds no HTML page (only {message.get_content_type()})")
    parts = [part for part in message.walk() if not part.is_multipart()]
    pages = [part for part in parts if part.get_content_type() in _HTML_TYPES]
    if not pages:
        kinds = ", ".join(dict.fromkeys(part.get_content_type() for part in parts)) or "no parts"
        raise UnsupportedFormat(source, f"the web archive holds no HTML page ({kinds})")
    return _named_root(message, pages) or pages[0]


def _named_root(message: Message, pages: list[Message]) -> Message | None:
    """The page part the message names as its root, if it names one (RFC 2387 ``start``; the
    address the browser saved, which Chrome writes in Snapshot-Content-Location)."""
    start = _bare(message.get_param("start"))
    if start:
        for page in pages:
            if _bare(page.get("Content-ID")) == start:
                return page
    location = _bare(message.get("Snapshot-Content-Location") or message.get("Content-Location"))
    if location:
        for page in pages:
            if _bare(page.get("Content-Location")) == location:
                return page
    return None


def _bare(value) -> str:
    if isinstance(value, tuple):  # (an RFC 2231 parameter)
        value = email.utils.collapse_rfc2231_value(value)
    return str(value or "").strip().strip("<>").strip()


def _page_text(payload: bytes, charset: str | None, source: str) -> tuple[str, str]:
    """The HTML reader's text of the page, decoded in its part's charset when that holds."""
    codec = _codec(charset)
    if codec and not payload.startswith(_BOMS):
        try:
            markup = payload.decode(codec)
        except UnicodeDecodeError:
            markup = None  # (a wrong declaration: the page's own meta or the detector decides)
        if markup is not None:
            if codec in _CHINESE_CODECS:  # (GBK reads Big5 bytes without an error, into junk: as html.py checks)
                markup, codec = doubted_declaration(payload, codec, markup) or (markup, codec)
            # the HTML reader takes a byte-order mark before any charset the page declares
            text, _ = html_to_text(b"\xef\xbb\xbf" + markup.encode("utf-8"), source)
            return text, codec
    return html_to_text(payload, source)


def _codec(charset: str | None) -> str | None:
    """The codec for a part's declared charset, named as the HTML reader names it."""
    if not charset:
        return None
    name = charset.strip().lower()
    if name in _CHARSET_ALIASES:
        return _CHARSET_ALIASES[name]
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None
