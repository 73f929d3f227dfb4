"""Write a document given as UTF-8 text as an RTF file, the way WordPad and older office
systems save Chinese documents: the characters as escaped bytes of the code page
(``\\'b9\\'a4`` in GBK) or as ``\\uN`` escapes, one ``\\par`` per line, a line holding tabs as a
table row (``\\cell`` … ``\\row``).

For the corpus's RTF samples (``scripts/make_corpora.py``) and the reader's tests; not part
of the toolkit.
"""
from __future__ import annotations

FONT_CHARSETS = {"gbk": 134, "big5": 136}


def _escaped(text: str, encoding: str, unicode_escapes: bool) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        elif unicode_escapes:
            code = ord(ch)
            out.append(f"\\u{code if code < 32768 else code - 65536}?")
        else:
            out.append("".join(f"\\'{byte:02x}" for byte in ch.encode(encoding)))
    return "".join(out)


def wordpad_rtf(source: str, *, encoding: str = "gbk", unicode_escapes: bool = False) -> bytes:
    """``source`` as RTF bytes (ASCII); ``unicode_escapes`` writes \\uN instead of code-page bytes."""
    charset = FONT_CHARSETS.get(encoding, 0)
    code_page = {"gbk": 936, "big5": 950}.get(encoding, 1252)
    lines = [
        f"{{\\rtf1\\ansi\\ansicpg{code_page}\\deff0\\nouicompat\\deflang1033\\deflangfe2052"
        f"{{\\fonttbl{{\\f0\\fnil\\fcharset{charset} {_escaped('宋体', encoding, False)};}}}}",
        "{\\*\\generator Riched20 10.0.19041}\\viewkind4\\uc1",
    ]
    for line in source.split("\n"):
        if "\t" in line:
            cells = line.split("\t")
            row = "\\trowd\\trgaph108" + "".join(f"\\cellx{2000 * (k + 1)}" for k in range(len(cells)))
            row += " \\pard\\intbl " + " ".join(_escaped(cell, encoding, unicode_escapes) + "\\cell" for cell in cells)
            lines.append(row + "\\row")
        else:
            lines.append("\\pard\\sa200\\sl276\\slmult1\\f0\\fs24\\lang2052 " + _escaped(line, encoding, unicode_escapes) + "\\par")
    lines.append("}")
    return ("\r\n".join(lines) + "\r\n").encode("ascii")
