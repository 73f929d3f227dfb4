"""The normalised copy of a text and its map back to the source.

Later stages search a copy in which traditional characters are simplified,
full-width forms are half-width, pinyin and emoji annotations are gone,
whitespace is tidied and lines broken by page breaks are joined again.  The
copy is made only by 1:1 character mappings and deletions, never by
insertions, so every character of the copy comes from exactly one source
character.  ``NormalizedText`` keeps that source offset per character and
maps spans back with two array look-ups.

Rules live in ``data/clean_rules.toml`` and ``data/clean_pinyin.txt``.

>>> norm = normalize("總結(jié)：簽訂集體合同２５份")
>>> norm.text
'总结:签订集体合同25份'
>>> start, end = norm.to_source((5, 11))
>>> norm.source[start:end]
'集體合同２５'
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable

import numpy as np

from .errors import DataFileError
from .records import Span
from .resources import load_lines, load_toml

__all__ = ["NormalizedText", "normalize", "fold"]

_RULES_FILE = "clean_rules.toml"
_PINYIN_FILE = "clean_pinyin.txt"


@dataclass(frozen=True)
class NormalizedText:
    """``text`` is the normalised copy of ``source``.

    ``index[i]`` is the source offset of ``text[i]``; one more entry,
    ``len(source)``, closes the array so end positions map too.
    """

    source: str
    text: str
    index: array = field(repr=False, compare=False)

    def to_source_pos(self, pos: int) -> int:
        """Source offset of normalised position ``pos`` (``len(text)`` maps to ``len(source)``)."""
        if not 0 <= pos <= len(self.text):
            raise ValueError(f"position {pos} is outside the normalised text (0..{len(self.text)})")
        return self.index[pos]

    def to_source(self, span: Span) -> Span:
        """Source span showing what ``text[start:end]`` shows.

        The source span runs from the first to the last source character
        behind the normalised span, so deletions inside it (annotations,
        joined line breaks) are inside the source span too.  An empty span
        maps to an empty span at the matching source position.
        """
        start, end = span
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {span!r} is not inside the normalised text (0..{len(self.text)})")
        if start == end:
            return (self.index[start], self.index[start])
        return (self.index[start], self.index[end - 1] + 1)

    def to_norm_pos(self, source_pos: int) -> int:
        """First normalised position at or after source offset ``source_pos``."""
        if not 0 <= source_pos <= len(self.source):
            raise ValueError(f"position {source_pos} is outside the source text (0..{len(self.source)})")
        return bisect_left(self.index, source_pos, 0, len(self.text))

    def from_source(self, span: Span) -> Span:
        """Normalised span covering the source characters of ``span`` that survived."""
        start, end = span
        if not 0 <= start <= end <= len(self.source):
            raise ValueError(f"span {span!r} is not inside the source text (0..{len(self.source)})")
        norm_start = bisect_left(self.index, start, 0, len(self.text))
        norm_end = bisect_right(self.index, end - 1, 0, len(self.text)) if end > start else norm_start
        return (norm_start, max(norm_start, norm_end))


def normalize(text: str) -> NormalizedText:
    """The normalised copy of ``text`` with its offset map (see the module doc)."""
    rules = _rules()
    copy = _fold(text, rules)  # 1:1, so offsets in `copy` are source offsets
    index = array("i", range(len(text)))
    first = _spans(rules.crlf, text) + _spans(rules.junk, copy)
    copy, index = _delete(copy, index, first)
    copy, index = _delete(copy, index, _pinyin_spans(copy, rules))
    copy, index = _delete(copy, index, _space_spans(copy, rules))
    copy, index = _delete(copy, index, _line_join_spans(copy, rules))
    index.append(len(text))
    return NormalizedText(text, copy, index)


def fold(text: str) -> str:
    """Only the 1:1 character mappings of ``normalize`` (same length as ``text``).

    Simplified characters, half-width forms, every space-like character as
    a space and every line-break character as a line feed; nothing is deleted.  For
    short normalised fields (a title, a unit) where offsets do not matter.
    """
    return _fold(text, _rules())


_CODE_POINT = np.dtype("<u4")  # as UTF-32-LE writes them
_ARRAY_FOLD_FROM = 100  # below this many characters str.translate is quicker


def _fold(text: str, rules: "_Rules") -> str:
    """``text.translate(rules.table)``; a long text goes through the array instead,
    about ten times faster than a dict look-up per character."""
    if len(text) < _ARRAY_FOLD_FROM:
        return text.translate(rules.table)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=_CODE_POINT)
    table = rules.code_table
    inside = codes < len(table)  # code points past the table's end stay as they are
    folded = table[codes] if inside.all() else np.where(inside, table[np.minimum(codes, len(table) - 1)], codes)
    return folded.astype(_CODE_POINT, copy=False).tobytes().decode("utf-32-le", "surrogatepass")


def _spans(pattern: re.Pattern, text: str) -> list[Span]:
    return [match.span() for match in pattern.finditer(text) if match.end() > match.start()]


def _delete(text: str, index: array, spans: Iterable[Span]) -> tuple[str, array]:
    """``text`` without ``spans``, and ``index`` without the matching entries."""
    spans = sorted(spans)
    if not spans:
        return text, index
    pieces: list[str] = []
    kept = array("i")
    position = 0
    for start, end in spans:
        if start > position:
            pieces.append(text[position:start])
            kept.extend(index[position:start])
        position = max(position, end)
    pieces.append(text[position:])
    kept.extend(index[position:len(text)])
    return "".join(pieces), kept


def _pinyin_spans(text: str, rules: "_Rules") -> list[Span]:
    """Pinyin annotations after hanzi; toneless ones only beside tone-marked ones."""
    toned: list[Span] = []
    toneless: list[Span] = []
    for match in rules.pinyin.finditer(text):
        syllables = match.group(1).split()
        bare = [syllable.translate(rules.tone_bases).lower() for syllable in syllables]
        if len(syllables) > rules.max_syllables or not all(s in rules.syllables for s in bare):
            continue
        if any(char in rules.tone_letters for char in match.group(1)):
            toned.append(match.span())
        elif match.group(1).islower() and len(bare[0]) > 1:
            toneless.append(match.span())
    return toned + toneless if toned else []


def _space_spans(text: str, rules: "_Rules") -> list[Span]:
    """Spaces at line ends, runs beyond one space, and one space between CJK (PDF spacing)."""
    spans: list[Span] = []
    for match in rules.space_runs.finditer(text):
        start, end = match.span()
        if start == 0 or end == len(text) or text[start - 1] == "\n" or text[end] == "\n":
            spans.append((start, end))
        elif end - start > 1:
            spans.append((start + 1, end))
        elif rules.cjk_before_space.match(text[start - 1]) and rules.cjk_after_space.match(text[end]):
            spans.append((start, end))
    return spans


def _line_join_spans(text: str, rules: "_Rules") -> list[Span]:
    """Line breaks that split a sentence (page breaks, hard wrapping).

    Each physical line is looked at a bounded number of times, so a long
    hard-wrapped text costs linear time.
    """
    spans: list[Span] = []
    first_break = text.find("\n")
    paragraph = _Paragraph(text[:first_break] if first_break >= 0 else text, rules)
    for match in rules.newlines.finditer(text):
        next_end = text.find("\n", match.end())
        after = text[match.end():next_end if next_end >= 0 else len(text)]
        if _joins(paragraph, after, rules):
            spans.append(match.span())
            paragraph.extend(after, rules)
        else:
            paragraph = _Paragraph(after, rules)
    return spans


class _Paragraph:
    """What the join rules need of the (possibly already joined) line before a break."""

    __slots__ = ("first", "last", "length", "prose", "single")

    def __init__(self, line: str, rules: "_Rules"):
        self.first = self.last = line  # the first line tells headings, the last how it ends
        self.length = len(line)
        self.prose = rules.prose.search(line) is not None
        self.single = True

    def extend(self, line: str, rules: "_Rules") -> None:
        self.last = line
        self.length += len(line)
        self.prose = self.prose or rules.prose.search(line) is not None
        self.single = False


def _joins(before: _Paragraph, after: str, rules: "_Rules") -> bool:
    """Whether the break between ``before`` and ``after`` splits one paragraph."""
    if not before.last or not after:
        return False
    if not rules.join_after.match(before.last[-1]) or not rules.join_before.match(after[0]):
        return False
    if rules.heading.match(after) or rules.label.match(after):
        return False
    if not (before.prose and rules.prose.search(after)):
        return False
    if before.length < rules.min_line_chars:
        return False
    if before.length <= rules.heading_max_chars and (rules.heading.match(before.first) or rules.label.match(before.first)):
        return False  # a numbered heading or a "field: value" line
    if before.last.endswith(rules.stop_endings):
        return False  # a title or a photo credit
    if before.single and before.length <= 2 * rules.heading_max_chars and before.first.count(":") > rules.max_colons:
        return False  # a "时间:... 来源:..." metadata line
    if len(after) <= rules.heading_max_chars and after.endswith(rules.title_endings):
        return False
    title_like = len(after) < rules.min_line_chars and after[-1].isalnum()
    return not title_like


@dataclass(frozen=True)
class _Rules:
    t2s: dict[int, str]
    table: dict[int, str]
    code_table: "np.ndarray"  # the same mapping, entry i the code point that i folds to
    crlf: re.Pattern
    junk: re.Pattern
    pinyin: re.Pattern
    tone_letters: frozenset[str]
    tone_bases: dict[int, str]
    syllables: frozenset[str]
    max_syllables: int
    space_runs: re.Pattern
    cjk_before_space: re.Pattern
    cjk_after_space: re.Pattern
    newlines: re.Pattern
    join_after: re.Pattern
    join_before: re.Pattern
    heading: re.Pattern
    label: re.Pattern
    prose: re.Pattern
    min_line_chars: int
    heading_max_chars: int
    max_colons: int
    stop_endings: tuple[str, ...]
    title_endings: tuple[str, ...]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_toml(_RULES_FILE)
    try:
        return _compile_rules(data)
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise DataFileError(f"extractor/data/{_RULES_FILE}", f"bad rule: {exc!r}") from exc


def _compile_rules(data: dict) -> _Rules:
    classes = data["classes"]
    notes = data["annotations"]
    lines = data["lines"]
    t2s = _t2s_table(frozenset(data["t2s"]["keep"]))
    tone_letters, tone_bases = notes["tone_letters"], notes["tone_bases"]
    letters = "a-zA-Zü" + tone_letters
    table = _translation_table(t2s, data["width"], data["space"])
    return _Rules(
        t2s=t2s,
        table=table,
        code_table=_code_table(table),
        crlf=re.compile(r"\r(?=\n)"),
        junk=re.compile(rf"[{data['space']['delete']}]+|\((?:[{classes['emoji']}]){{1,{notes['emoji_max']}}}\)"),
        # the literal "(" comes first so the scan is fast; the look-behind then wants a hanzi before it
        pinyin=re.compile(rf"\((?<=[{classes['hanzi']}]\() ?([{letters}]+(?: [{letters}]+)*) ?\)"),
        tone_letters=frozenset(tone_letters),
        tone_bases=str.maketrans(tone_letters, tone_bases),
        syllables=frozenset(" ".join(load_lines(_PINYIN_FILE)).split()),
        max_syllables=notes["max_syllables"],
        space_runs=re.compile(" +"),
        cjk_before_space=re.compile(f"[{classes['hanzi']}{classes['cjk_punct']},;:!?%)]"),
        cjk_after_space=re.compile(f"[{classes['hanzi']}{classes['cjk_punct']}]"),
        newlines=re.compile(r"\n+"),
        join_after=re.compile(f"[{lines['join_after']}]"),
        join_before=re.compile(f"[{lines['join_before']}]"),
        heading=re.compile(lines["heading_start"]),
        label=re.compile(lines["label_start"]),
        prose=re.compile(f"[{re.escape(lines['prose_marks'])}]"),
        min_line_chars=lines["min_line_chars"],
        heading_max_chars=lines["heading_max_chars"],
        max_colons=lines["max_colons"],
        stop_endings=tuple(lines["title_endings"]) + tuple(lines["credit_endings"]),
        title_endings=tuple(lines["title_endings"]),
    )


def _translation_table(t2s: dict[int, str], width: dict, space: dict) -> dict[int, str]:
    table = dict(t2s)
    for first, last, target in width["ranges"]:
        offset = ord(target) - ord(first)
        table.update({code: chr(code + offset) for code in range(ord(first), ord(last) + 1)})
    table.update({ord(key): value for key, value in width["chars"].items()})
    table.update({ord(char): " " for char in space["to_space"]})
    table.update({ord(char): "\n" for char in space["to_newline"]})
    if any(len(value) != 1 for value in table.values()):
        raise ValueError("every mapping must give exactly one character")
    return table


def _code_table(table: dict[int, str]) -> "np.ndarray":
    codes = np.arange(max(table, default=-1) + 1, dtype=_CODE_POINT)
    for code, target in table.items():
        codes[code] = ord(target)
    return codes


def _t2s_table(keep: frozenset[str]) -> dict[int, str]:
    """Traditional -> simplified, one character to one (opencc's TSCharacters)."""
    path = resources.files("opencc").joinpath("dictionary", "TSCharacters.txt")
    table: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        candidates = targets.split()
        if len(source) == 1 and candidates and len(candidates[0]) == 1 and source not in keep:
            if candidates[0] != source:
                table[ord(source)] = candidates[0]
    return table
