"""Word 97–2003 ``.doc`` files: the main document's text, read from its piece table.

A ``.doc`` is a compound file (read with olefile) whose ``WordDocument``
stream holds the text in pieces, listed in the piece table of the ``0Table``
or ``1Table`` stream ([MS-DOC] 2.8.35, 2.9.178): each piece is either
UTF-16LE (Chinese text always is) or "compressed" 8-bit text in Windows-1252.
The main document is the first ``ccpText`` characters; headers, footnotes and
text boxes follow it in the same pieces and are not read, as for ``.docx``.

Word's special characters become plain text: a paragraph mark a line break, a
table cell's end a tab and a row's end (a cell mark right after a cell's) a line
break, so a table reads as rows of tab-parted cells (an empty cell in the middle
of a row ends it early: telling it apart needs the row's properties, not read); a field keeps its shown
result and drops its instruction (``{ PAGE }``, hyperlinks); pictures,
objects and optional hyphens go.
"""
from __future__ import annotations

import io
import struct

from ..errors import CorruptArchive, EmptyInput, InputError, UndecodableInput

_F_WHICH_TABLE = 0x0200  # FibBase flag: the piece table is in 1Table, not 0Table
_F_ENCRYPTED = 0x0100
_CCP_TEXT_AT = 0x004C  # FibRgLw97.ccpText
_CLX_AT = 0x01A2  # FibRgFcLcb97.fcClx, then lcbClx
_COMPRESSED = 0x40000000

# Windows-1252 bytes a compressed piece maps to other characters ([MS-DOC] 2.9.73)
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
_CELL_MARK = "\x07"
_DROPPED = dict.fromkeys(map(ord, "\x01\x08\x1f\x00\x02\x05"), None)  # pictures, objects, optional hyphens, notes' marks
_AS_TEXT = {ord("\r"): "\n", ord("\x0b"): "\n", ord("\x0c"): "\n", ord("\x0e"): "\n", ord("\x1e"): "-", ord("\xa0"): " "}


def doc_to_text(data: bytes, source: str) -> str:
    try:
        return _doc_text(data, source)
    except InputError:
        raise
    except Exception as exc:  # (olefile and the piece table on damaged bytes: any of their errors)
        raise CorruptArchive(source, f"corrupt .doc: {type(exc).__name__}: {exc}") from exc


def _doc_text(data: bytes, source: str) -> str:
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError) as exc:
        raise CorruptArchive(source, f"corrupt .doc: not a compound file ({exc})") from exc
    try:
        if not ole.exists("WordDocument"):
            raise UndecodableInput(source, "not a Word document: the compound file holds no WordDocument stream "
                                           "(an Excel or PowerPoint file saved as .doc?)")
        word = ole.openstream("WordDocument").read()
        if len(word) < _CLX_AT + 8:
            raise CorruptArchive(source, "corrupt .doc: its file information block is cut short")
        magic, _, _, _, _, flags = struct.unpack_from("<HHHHHH", word, 0)
        if magic not in (0xA5EC, 0xA5DC):
            raise UndecodableInput(source, "not a Word 97–2003 document (an older Word format or another program's)")
        if flags & _F_ENCRYPTED:
            raise UndecodableInput(source, "the .doc is encrypted with a password; save an unprotected copy to read it")
        table_name = "1Table" if flags & _F_WHICH_TABLE else "0Table"
        if not ole.exists(table_name):
            raise CorruptArchive(source, f"corrupt .doc: its {table_name} stream is missing")
        table = ole.openstream(table_name).read()
    finally:
        ole.close()
    (main_chars,) = struct.unpack_from("<i", word, _CCP_TEXT_AT)
    clx_at, clx_size = struct.unpack_from("<II", word, _CLX_AT)
    try:
        raw = _piece_text(word, table[clx_at:clx_at + clx_size])[:max(0, main_chars)]
    except (struct.error, IndexError, ValueError) as exc:
        raise CorruptArchive(source, f"corrupt .doc: its piece table cannot be read ({exc})") from exc
    text = _plain(raw)
    if not text.strip():
        raise EmptyInput(source, "Word document has no text")
    return text


def _piece_text(word: bytes, clx: bytes) -> str:
    """The document's characters, piece by piece, from the CLX's piece table."""
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # Prc: property modifiers, skipped
        (size,) = struct.unpack_from("<H", clx, at + 1)
        at += 3 + size
    if at >= len(clx) or clx[at] != 0x02:
        raise ValueError("no piece table")
    (size,) = struct.unpack_from("<I", clx, at + 1)
    plc = clx[at + 5:at + 5 + size]
    pieces = (len(plc) - 4) // 12  # n+1 character positions of 4 bytes, n descriptors of 8
    positions = struct.unpack_from(f"<{pieces + 1}i", plc, 0)
    parts = []
    for k in range(pieces):
        (fc,) = struct.unpack_from("<I", plc, 4 * (pieces + 1) + 8 * k + 2)
        count = positions[k + 1] - positions[k]
        if count <= 0:
            continue
        if fc & _COMPRESSED:
            start = (fc & ~_COMPRESSED) // 2
            parts.append(word[start:start + count].decode("cp1252", errors="replace"))
        else:
            parts.append(word[fc:fc + 2 * count].decode("utf-16-le", errors="replace"))
    return "".join(parts)


def _plain(raw: str) -> str:
    """Word's special characters as plain text (see the module doc)."""
    out: list[str] = []
    depth_shown: list[bool] = []  # per open field: whether its result (after the separator) is showing
    at = 0
    while at < len(raw):
        ch = raw[at]
        if ch == _FIELD_BEGIN:
            depth_shown.append(False)
        elif ch == _FIELD_SEPARATOR:
            if depth_shown:
                depth_shown[-1] = True
        elif ch == _FIELD_END:
            if depth_shown:
                depth_shown.pop()
        elif depth_shown and not depth_shown[-1]:
            pass  # a field's instruction
        elif ch == _CELL_MARK:
            run = at
            while run < len(raw) and raw[run] == _CELL_MARK:
                run += 1
            if run - at >= 2:  # cells' marks, the last the row's own: (empty cells and) the row's end
                out.append("\t" * (run - at - 2) + "\n")
            else:
                out.append("\t")
            at = run - 1
        else:
            out.append(ch)
        at += 1
    text = "".join(out).translate(_DROPPED).translate(_AS_TEXT)
    return "\n".join(line.rstrip(" ") for line in text.split("\n"))  # (a row's empty last cells keep their tabs)
