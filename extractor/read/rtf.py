"""Rich Text Format files (``.rtf``), as WordPad and older office systems save documents.

The text is what striprtf makes of the file's body (fonts, colours, styles,
headers and footers, footnotes and pictures left out), with two changes made
to the RTF first: a table cell's end (``\\cell``) becomes a tab and a row's end
(``\\row``) a line break, so a table reads as a table pasted as text does.

Chinese RTF writes its characters either as ``\\uN`` escapes or as the bytes
of the document's code page (``\\'b9\\'a4`` in GBK): the code page is the one
``\\ansicpg`` names, else the one the font table's character sets imply
(``\\fcharset134`` is GB2312, ``136`` Big5), else Windows-1252.
"""
from __future__ import annotations

import codecs
import re

from ..errors import EmptyInput, UndecodableInput
from ..resources import load_toml

_CODE_PAGE = re.compile(rb"\\ansicpg(\d+)")
_CHARSET = re.compile(rb"\\fcharset(\d+)")
_CELL_END = re.compile(r"\\(?:nest)?cell(?![a-z]) ?")  # (with the space that ends the control word)
_ROW_END = re.compile(r"\\(?:nest)?row(?![a-z]) ?")
_TRAILING_TABS = re.compile(r"\t+(?=\n|$)")


def rtf_to_text(data: bytes, source: str) -> tuple[str, str]:
    """The document's text, and the code page its 8-bit characters are read in."""
    from striprtf.striprtf import rtf_to_text as strip_rtf

    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        raise UndecodableInput(source, "not an RTF file: it does not open with {\\rtf")
    encoding = _encoding_of(data)
    rtf = data.decode(encoding, errors="replace")  # (raw 8-bit text in the code page, as some writers leave it)
    rtf = _ROW_END.sub(r"\\par ", _CELL_END.sub(r"\\tab ", rtf))
    try:
        text = strip_rtf(rtf, encoding=encoding, errors="replace")
    except Exception as exc:  # (striprtf on malformed groups and escapes: any of its errors, \uc with no count a TypeError)
        raise UndecodableInput(source, f"not a readable RTF file ({exc})") from exc
    text = _TRAILING_TABS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise EmptyInput(source, "RTF document has no text")
    return text, encoding


def _encoding_of(data: bytes) -> str:
    """The Python codec of the document's code page."""
    rules = load_toml("read_formats.toml")["rtf"]
    head = data[:20000]
    found = _CODE_PAGE.search(head)
    if found and found.group(1) != b"1252":
        return _codec(f"cp{int(found.group(1))}")
    for charset in _CHARSET.findall(head):
        codec = rules["charsets"].get(charset.decode())
        if codec:
            return codec
    return "cp1252"


def _codec(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "cp1252"
