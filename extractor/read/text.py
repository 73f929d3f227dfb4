"""Plain text in UTF-8, GB18030/GBK, Big5 or UTF-16: bytes -> exact text.

Detection is deterministic: a byte-order mark decides first; NUL bytes mean
UTF-16 (or binary); strict UTF-8 comes next; otherwise GB18030 and Big5 are
both decoded strictly and scored by how Chinese the result looks, with
charset-normalizer's guess breaking near ties.  Short Chinese texts fool
statistical detectors, which is why the score and not the detector leads.

The text is returned exactly as decoded: BOM removed, no newline
translation, so ``open(path, encoding=encoding, newline="").read()`` gives
the same string.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

from ..errors import EmptyInput, UndecodableInput
from ..resources import load_toml

_RULES_FILE = "read_text.toml"

UNDECODABLE = "cannot decode: not text in UTF-8, GB18030, Big5 or UTF-16"

# (bom, codec used to decode, name reported); UTF-32 BOMs are not listed, so
# such files end as undecodable instead of as garbage UTF-16
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
    (b"\xff\xfe", "utf-16", "utf-16"),
    (b"\xfe\xff", "utf-16", "utf-16"),
)


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """``(text, encoding)`` of ``data``; raises ``EmptyInput`` or ``UndecodableInput``."""
    if not data:
        raise EmptyInput(source, "empty file")
    decoded = _decode_with_bom(data) or _decode_without_bom(data, source)
    text, encoding = decoded
    if _control_share(text) > _rules()["max_control_share"]:
        raise UndecodableInput(source, "cannot decode: binary data, not text")
    if not text.strip():
        raise EmptyInput(source, "file holds only whitespace")
    return text, encoding


def _decode_with_bom(data: bytes) -> tuple[str, str] | None:
    if data.startswith(b"\xff\xfe\x00\x00"):
        return None  # UTF-32 LE: left to the binary check
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError:
                return None
    return None


def _decode_without_bom(data: bytes, source: str) -> tuple[str, str]:
    if b"\x00" in data:
        found = _decode_utf16(data, _utf16_order_by_nuls(data))
        if found is None:
            raise UndecodableInput(source, "cannot decode: binary data (NUL bytes), not text")
        return found
    utf8 = _strict(data, "utf-8")
    if utf8 is not None and not _doubtful_utf8(data, utf8):
        return utf8, "utf-8"
    found = _best_chinese_decoding(data) or _decode_utf16(data, ("utf-16-le", "utf-16-be"))
    if found is not None:
        return found
    if utf8 is not None:
        return utf8, "utf-8"
    raise UndecodableInput(source, UNDECODABLE)


def _doubtful_utf8(data: bytes, text: str) -> bool:
    """A few bytes of GBK or UTF-16 can pass as UTF-8; only then look further.

    Long input that decodes as UTF-8 is UTF-8: other encodings almost never
    produce valid UTF-8 for more than a handful of characters.  Short input
    is doubted when it decodes to controls or to the two-byte UTF-8 range
    past Latin (IPA, combining marks, Greek, Cyrillic, Hebrew, Arabic), which
    is where GBK byte pairs land.
    """
    if len(data) > _rules()["short_bytes"]:
        return False
    return _control_share(text) > 0 or any(0x250 <= ord(char) <= 0x7FF for char in text)


def _utf16_order_by_nuls(data: bytes) -> tuple[str, str]:
    """ASCII characters in UTF-16 leave a NUL in their high byte."""
    sample = data[: _rules()["detector_bytes"]]
    if sample[1::2].count(0) >= sample[0::2].count(0):
        return ("utf-16-le", "utf-16-be")
    return ("utf-16-be", "utf-16-le")


def _decode_utf16(data: bytes, codecs: tuple[str, ...]) -> tuple[str, str] | None:
    if len(data) % 2:
        return None
    for codec in codecs:
        found = _accept(data, codec)
        if found is not None:
            return found
    return None


def _best_chinese_decoding(data: bytes) -> tuple[str, str] | None:
    rules = _rules()
    scored = []
    for codec in ("gb18030", "big5", "cp950"):
        if codec == "cp950" and any(name == "big5" for _, name, _ in scored):
            continue  # cp950 only stands in when strict Big5 fails
        text = _strict(data, codec)
        if text is not None:
            scored.append((chinese_score(text), codec, text))
    scored = [entry for entry in scored if entry[0] >= rules["min_score"]]
    if not scored:
        return None
    scored.sort(key=lambda entry: -entry[0])
    best = scored[0]
    close = [entry for entry in scored if best[0] - entry[0] < rules["tie_margin"]]
    if len(close) > 1:
        best = _break_tie(data, close)
    return best[2], best[1]


def doubted_declaration(data: bytes, codec: str, text: str) -> tuple[str, str] | None:
    """The decoding to use instead of ``codec`` (a Chinese one a page declares), when another
    Chinese codec reads the same bytes as clearly better Chinese (Big5 bytes under a false
    ``charset=gb2312`` decode as GBK too, into junk); None when the declaration stands."""
    best = _best_chinese_decoding(data)
    if best is None or best[1] == codec:
        return None
    return best if chinese_score(best[0]) - chinese_score(text) >= _rules()["tie_margin"] else None


def _accept(data: bytes, codec: str) -> tuple[str, str] | None:
    text = _strict(data, codec)
    if text is None or chinese_score(text) < _rules()["min_score"]:
        return None
    if _control_share(text) > _rules()["max_control_share"]:
        return None
    return text, codec


def _break_tie(data: bytes, close: list) -> tuple:
    """Near tie: GB18030 for short input (detectors guess wildly there), else the detector."""
    guess = detector_guess(data) if len(data) > _rules()["short_bytes"] else None
    for entry in close:
        if entry[1] == guess:
            return entry
    for entry in close:
        if entry[1] == "gb18030":
            return entry
    return close[0]


def detector_guess(data: bytes) -> str | None:
    """charset-normalizer's guess, named like our codecs, or None."""
    from charset_normalizer import from_bytes  # imported on use: it is slow to import

    best = from_bytes(
        data[: _rules()["detector_bytes"]],
        cp_isolation=["gb18030", "big5", "cp950", "utf_16_le", "utf_16_be"],
    ).best()
    if best is None:
        return None
    return {"gb18030": "gb18030", "big5": "big5", "cp950": "big5",
            "utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be"}.get(best.encoding)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def chinese_score(text: str) -> float:
    """How much ``text`` looks like Chinese: weighted share of its non-ASCII characters.

    Control characters count as zero; pure ASCII scores 1.0.
    """
    rules = _rules()
    weights = rules["weights"]
    common = _common_characters()
    total = 0.0
    count = 0
    for char in text[: rules["sample_chars"]]:
        code = ord(char)
        if 0x20 <= code < 0x7F or char in "\t\n\r\f":
            continue
        count += 1
        if char in common:
            total += weights["common_hanzi"]
        elif _is_symbol(code):
            total += weights["cjk_symbol"]
        elif _is_hanzi(code):
            total += weights["other_hanzi"]
        elif 0xC0 <= code <= 0x24F or 0x1E00 <= code <= 0x1EFF:
            total += weights["latin"]
        elif not _is_control(char):
            total += weights["other"]
    return total / count if count else 1.0


def _is_symbol(code: int) -> bool:
    return 0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFFEF or 0x2010 <= code <= 0x2027


def _is_hanzi(code: int) -> bool:
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x3FFFF


def _is_control(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Co", "Cs", "Cn") or char == "\ufffd"


# Characters that are surely no control (printable ASCII, the CJK block, CJK and
# full-width punctuation, whitespace controls): only the rest is looked up.
_SURELY_NOT_CONTROL = re.compile("[ -~\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e\t\n\r\f\v]+")


def _control_share(text: str) -> float:
    sample = text[: _rules()["sample_chars"]]
    controls = sum(1 for char in _SURELY_NOT_CONTROL.sub("", sample) if _is_control(char))
    return controls / len(sample) if sample else 0.0


@lru_cache(maxsize=1)
def _common_characters() -> frozenset[str]:
    """Frequent hanzi and symbols, derived from the codecs (no table to keep).

    GB2312: symbol rows A1-A3, pinyin row A8, level-1 hanzi B0-D7.
    Big5: symbol rows A1-A3 and the frequent hanzi A440-C67E.
    """
    gb_rows = [0xA1, 0xA2, 0xA3, 0xA8] + list(range(0xB0, 0xD8))
    chars = set(_decode_cells(gb_rows, range(0xA1, 0xFF), "gb2312"))
    big5_cells = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))
    chars.update(_decode_cells(range(0xA1, 0xC6), big5_cells, "big5"))
    chars.update(_decode_cells([0xC6], range(0x40, 0x7F), "big5"))
    return frozenset(chars)


def _decode_cells(rows: Iterable[int], cells: Iterable[int], codec: str) -> Iterable[str]:
    cells = list(cells)
    for row in rows:
        for cell in cells:
            try:
                yield bytes((row, cell)).decode(codec)
            except UnicodeDecodeError:
                continue


@lru_cache(maxsize=1)
def _rules() -> dict:
    return load_toml(_RULES_FILE)
