"""Quick tests that tell when a rule pattern cannot match, read off the pattern itself.

The readings of a parsed pattern (the standard library's parser) live here:
*needles*, characters one of which every match contains; the *first
characters* every match starts with (``first_characters``); and whether a
pattern never reads given characters (``never_reads``).

Most documents have no corrupted number, most clauses no total word and most
objects fit few of the concepts, yet finding that out by the book means
folding the text (``clean.fold``) and running every pattern.  A *needle* is one to five characters in a row that
every match of a pattern contains (or one of several needles): three digits,
``、`` and a digit in ``([0-9]{3,})、([0-9]{2})``; 合计, 总计, ... or 共 in
``(合计|总计|...|共)``.  Needles are found in the parsed pattern
(``re._parser``), then widened to every source character that folds into
them, so the test runs on the unfolded text: no needle there, no match
after folding either.

Digits and Latin letters stand in almost every sentence of these
documents, so a needle with another character is preferred.  A pattern
whose needles cannot be read (case-insensitive, or built only of
optional parts) gets none, and the callers then always run it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Sequence

import regex

from .clean import fold, fold_table

try:  # the standard library's pattern parser (``sre_parse`` before 3.11)
    import re._constants as _sre
    import re._parser as _sre_parse
except ImportError:  # pragma: no cover
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

Needle = tuple[frozenset, ...]  # one to five positions, each the characters allowed there

_BREAK = "break"  # a place where the characters around are not known to be adjacent
_LARGEST_SET = 64  # a wider character class tells nothing useful
_LONGEST = 5  # characters in a needle: enough to pass over 1、 (a list) or 1500余 (no year)
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT))
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)


class _Unreadable(Exception):
    pass


def _char_set(items) -> Optional[frozenset]:
    """The characters of a ``[...]`` class, or None for a negated or wide one."""
    chars: set[str] = set()
    for op, av in items:
        if op is _sre.LITERAL:
            chars.add(chr(av))
        elif op is _sre.RANGE and av[1] - av[0] < _LARGEST_SET:
            chars.update(chr(code) for code in range(av[0], av[1] + 1))
        else:
            return None
    return frozenset(chars) if len(chars) <= _LARGEST_SET else None


def _specific(chars: frozenset) -> bool:
    return not any(c.isdigit() or (c.isascii() and c.isalnum()) for c in chars)


def _rank(needle: Needle) -> tuple:
    """Smaller is more selective: a specific character, more in a row, few choices."""
    specific = [len(p) for p in needle if _specific(p)]
    return (0 if specific else 1, -len(needle), min(specific) if specific else sum(map(len, needle)))


def _walk(items, positions: list, choices: list) -> None:
    """Append the positions of a parsed sequence (a character set, None for any
    character, or _BREAK) and, for each branch, its alternatives' needles."""
    for op, av in items:
        if op is _sre.LITERAL:
            positions.append(frozenset(chr(av)))
        elif op is _sre.IN:
            positions.append(_char_set(av))
        elif op in (_sre.ANY, _sre.NOT_LITERAL):
            positions.append(None)
        elif op in _ZERO_WIDTH:
            continue  # consumes nothing: the characters around it stay adjacent
        elif op is _sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                raise _Unreadable
            _walk(sub, positions, choices)
        elif op is getattr(_sre, "ATOMIC_GROUP", None):
            _walk(av, positions, choices)
        elif op in _REPEATS:
            low, high, sub = av
            if low == 0:
                positions.append(_BREAK)
                continue
            inner: list = []
            _walk(sub, inner, choices)
            copies = inner * min(low, _LONGEST)  # more show no other needle
            if low == high and _BREAK not in inner:
                positions.extend(copies)
            else:  # the first copies follow what comes before, the last precede what comes after
                positions.extend([*copies, _BREAK, *copies])
        elif op is _sre.BRANCH:
            walked = []
            for alternative in av[1]:
                alternative_positions: list = []
                _walk(alternative, alternative_positions, [])
                walked.append(alternative_positions)
            if len({len(p) for p in walked}) == 1 and all(
                    isinstance(p, frozenset) for alternative in walked for p in alternative):
                # (19|20): alternatives of single characters and one length, merged column by column
                positions.extend(frozenset().union(*column) for column in zip(*walked))
                continue
            alternatives = [_best(alternative) for alternative in av[1]]
            if all(alternatives):
                needles = tuple(n for best in alternatives for n in best[1])
                choices.append((max(best[0] for best in alternatives), needles))
            positions.append(_BREAK)
        else:
            positions.append(_BREAK)


def _best(items) -> Optional[tuple[tuple, tuple[Needle, ...]]]:
    """(rank, needles) of the most selective choice for a parsed sequence."""
    positions: list = []
    choices: list = []
    _walk(items, positions, choices)
    for index in range(len(positions)):
        for length in range(1, _LONGEST + 1):
            window = tuple(positions[index:index + length])
            if len(window) < length or not all(isinstance(p, frozenset) for p in window):
                break
            choices.append((_rank(window), (window,)))
    # the most selective rank, then the fewest needles (完成 rather than 任务|计划|...)
    return min(choices, key=lambda choice: (choice[0], len(choice[1]))) if choices else None


# The regex module's own syntax (\p{Han}, named lists, fuzzy {e<=1}, POSIX classes,
# its inline flags) is not what the standard parser reads it as: such a pattern
# has no needles and always runs.
_BEYOND_PLAIN_SYNTAX = re.compile(r"\\(?:[pPX]|[NL]\{)|\(\?[^:=!<>P]|\{[^}0-9,]|\[:")


@lru_cache(maxsize=None)
def needles(source: str) -> Optional[tuple[Needle, ...]]:
    """Needles of a pattern: every match contains one of them; None if unknown."""
    if _BEYOND_PLAIN_SYNTAX.search(source):
        return None
    try:
        parsed = _sre_parse.parse(source)
        if parsed.state.flags & (_sre.SRE_FLAG_IGNORECASE | _sre.SRE_FLAG_LOCALE):
            return None
        best = _best(list(parsed))
    except Exception:  # unreadable (or a parser that changed): no needles, the pattern always runs
        return None
    return best[1] if best else None


@lru_cache(maxsize=None)
def _preimages() -> dict[str, str]:
    """Each character -> the other characters that fold into it (``clean.fold``)."""
    sources: dict[str, list[str]] = {}
    for code, folded in fold_table().items():  # every character fold changes
        sources.setdefault(folded, []).append(chr(code))
    return {target: "".join(found) for target, found in sources.items()}


def _unfolded(chars: frozenset) -> str:
    """Every character that folds into one of ``chars``, as a class body."""
    found = {c for c in chars if fold(c) == c}  # characters folding into themselves
    for char in chars:
        found.update(_preimages().get(char, ""))
    return "".join(re.escape(c) for c in sorted(found))


def _telling(needle: Needle) -> int:
    """The index of a needle's most telling position (the last one on a tie)."""
    return min(reversed(range(len(needle))), key=lambda i: (not _specific(needle[i]), len(needle[i])))


def needle_finder(sources: Sequence[str]) -> Optional[regex.Pattern]:
    """A pattern that finds, in unfolded text, the needles of any of the
    patterns ``sources``; None when one of them has none.  Each needle is
    looked for from its most telling character, the ones before it checked
    behind it, so the search skips from one such character to the next."""
    alternatives = []
    for source in sources:
        found = needles(source)
        if found is None:
            return None
        for needle in found:
            classes = [f"[{_unfolded(position)}]" for position in needle]
            anchor = _telling(needle)
            behind = f"(?<={''.join(classes[:anchor + 1])})" if anchor else ""
            alternatives.append(classes[anchor] + behind + "".join(classes[anchor + 1:]))
    return regex.compile("|".join(dict.fromkeys(alternatives)))


def needle_set(source: str) -> Optional[frozenset]:
    """Characters one of which every match of the pattern ``source`` holds (one
    position of each needle), for text that is folded already; None if unknown."""
    found = needles(source)
    if found is None:
        return None
    return frozenset().union(*(needle[_telling(needle)] for needle in found))


def needle_characters(source: str) -> Optional[str]:
    """The body of a character class that any text the pattern ``source``
    matches after folding holds before folding (``needle_set``, folded or
    not); None when the pattern has no needles."""
    chars = needle_set(source)
    if chars is None:
        return None
    return _unfolded(chars) + "".join(re.escape(c) for c in sorted(chars))


# --- the characters a match starts with ----------------------------------------------

def _first_items(pattern: str) -> Optional[list]:
    """What every match of ``pattern`` starts with, read off the parsed pattern: the items
    of a character class (``(?P<n>[一二三]{1,3})...`` -> 一 二 三), so that the pattern
    is not tried where it cannot match.  None when that is not plain to see (a negated class, an
    optional start, a case-insensitive flag, syntax of the `regex` module only)."""
    if not pattern or regex.compile(pattern).flags & regex.IGNORECASE:
        return None
    try:
        items = list(_sre_parse.parse(pattern))
    except Exception:  # the `regex` module's own syntax: no quick test, the style is always tried
        return None
    while items:
        op, av = items[0]
        if op is _sre.SUBPATTERN:
            if av[1] & (_sre.SRE_FLAG_IGNORECASE | _sre.SRE_FLAG_LOCALE):
                return None  # (?i:...)
            items = list(av[-1])
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            items = list(av[2])
        elif op is _sre.LITERAL:
            return [(op, av)]
        elif op is _sre.IN and all(kind is _sre.LITERAL or (kind, code) == (_sre.CATEGORY, _sre.CATEGORY_DIGIT)
                                  for kind, code in av):
            return list(av)
        else:
            return None
    return None


def first_characters(pattern: str) -> Optional[frozenset]:
    """The characters every match of ``pattern`` starts with; None if not known (or \\d)."""
    items = _first_items(pattern)
    if items is None or any(kind is not _sre.LITERAL for kind, _ in items):
        return None
    return frozenset(chr(code) for _, code in items)


# \d for the standard library's engine, widened to every character past the BMP: `regex`
# reads a newer Unicode, whose added digits (Garay, Kawi, ...) all lie there
_ANY_DIGIT = "\\d\\U00010000-\\U0010ffff"


def first_characters_class(patterns) -> Optional[str]:
    """A class body (for `re`) holding every character a match of any of ``patterns`` can
    start with (and a few more)."""
    body = []
    for pattern in patterns:
        items = _first_items(pattern)
        if items is None:
            return None
        body.extend(re.escape(chr(code)) if kind is _sre.LITERAL else _ANY_DIGIT for kind, code in items)
    return "".join(dict.fromkeys(body))



# --- patterns that never read given characters -------------------------------------

def never_reads(pattern: re.Pattern, chars: str) -> bool:
    """True when every match of ``pattern`` is at least one character long and
    neither it nor its lookarounds can read one of ``chars`` or test for the start or
    end of the text (an anchor): then the matches in a text are the matches in its
    pieces cut at ``chars``.  Unknown constructs count as reading them."""
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
        return parsed.getwidth()[0] > 0 and _avoids(parsed, chars)
    except Exception:  # the parser is internal to re: when in doubt, say it may read them
        return False


def _avoids(items, chars: str) -> bool:
    for op, arg in items:
        if op is _sre.LITERAL:
            if chr(arg) in chars:
                return False
        elif op is _sre.IN:
            for item_op, item_arg in arg:
                if item_op is _sre.LITERAL:
                    low = high = item_arg
                elif item_op is _sre.RANGE:
                    low, high = item_arg
                else:  # negated sets and categories (\s, \W...) may hold one
                    return False
                if any(low <= ord(char) <= high for char in chars):
                    return False
        elif op in _REPEATS:
            if not _avoids(arg[2], chars):
                return False
        elif op is _sre.SUBPATTERN:
            if not _avoids(arg[-1], chars):
                return False
        elif op is _sre.BRANCH:
            if not all(_avoids(branch, chars) for branch in arg[1]):
                return False
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            if not _avoids(arg[1], chars):
                return False
        elif op is getattr(_sre, "ATOMIC_GROUP", None):
            if not _avoids(arg, chars):
                return False
        else:  # anchors, any character, back-references...
            return False
    return True


class PatternSet:
    """Patterns run over many short folded texts, each only where it may match.

    One search for the characters of ``needle_set`` picks the patterns a text
    may hold; a pattern whose needles are plain strings is also skipped when
    none of them is in the text.
    """

    def __init__(self, patterns: Sequence[re.Pattern]):
        self.patterns = tuple(patterns)
        self.always: list[int] = []  # patterns without needles: run on every text
        self.by_char: dict[str, list[int]] = {}
        self.literals: list[Optional[tuple[str, ...]]] = []
        for index, compiled in enumerate(self.patterns):
            found = needles(compiled.pattern)
            chars = needle_set(compiled.pattern)
            if chars is None:
                self.always.append(index)
            for char in chars or ():
                self.by_char.setdefault(char, []).append(index)
            plain = found is not None and all(len(position) == 1 for needle in found for position in needle)
            self.literals.append(tuple("".join(next(iter(p)) for p in needle) for needle in found) if plain else None)
        self.chars = re.compile(f"[{''.join(re.escape(c) for c in sorted(self.by_char))}]") if self.by_char else None

    def matches(self, text: str) -> set[str]:
        """The matched strings of every pattern in ``text`` (a folded text)."""
        chosen = set(self.always)
        if self.chars is not None:
            for char in set(self.chars.findall(text)):
                chosen.update(self.by_char[char])
        found: set[str] = set()
        for index in chosen:
            literals = self.literals[index]
            if literals is None or any(literal in text for literal in literals):
                found.update(m.group(0) for m in self.patterns[index].finditer(text))
        return found
