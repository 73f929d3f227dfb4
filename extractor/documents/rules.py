"""The rules of ``data/documents.toml``, compiled once on first use."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..records import Span
from ..resources import load_toml


@dataclass(frozen=True)
class Rules:
    # the chrome and intro patterns compiled for speed (the costliest check per line): those
    # anchored at the line start tried there only, the rest searched along the line
    chrome_at_start: object
    chrome_runs: object  # the anchored ones that open with an unbounded run (see _chrome_at_start)
    chrome_anywhere: object
    end_any: object  # the end patterns as one alternation
    continuation_any: object  # the continuation markers as one alternation
    article_line: object  # whether a line is an article title (篇一), matched from its end (see _whole_lines)
    min_document_chars: int
    title_max: int
    not_title_any: object  # the not-title patterns as one alternation
    title_continuation: object
    strong_keyword: object
    type_rules: tuple
    cues: dict
    default_titled: str
    default_untitled: str
    period: dict
    org_pattern: object
    org_drop: tuple
    org_bad_starts: str


def _alternation(patterns) -> re.Pattern:
    # the standard library's engine tries a long alternation at one position several times
    # faster than `regex`
    return re.compile(_joined(patterns))


def _joined(patterns) -> str:
    return "|".join(f"(?:{p})" for p in patterns) or r"(?!x)x"


def _compile_all(patterns) -> tuple:
    return tuple(regex.compile(p) for p in patterns)


def _opens_with_run(pattern: str) -> bool:
    return pattern.startswith(("^\\S*", "^.*"))


def _chrome_at_start(patterns) -> tuple[re.Pattern, regex.Pattern]:
    """The line-start patterns as one alternation, except those that open with an unbounded
    run (``^\\S*...//``): the standard library's engine backtracks through the whole line for
    them, `regex` first looks for the literal they need, so they are kept apart."""
    return (_alternation([p[1:] for p in patterns if not _opens_with_run(p)]),
            regex.compile(_joined([p for p in patterns if _opens_with_run(p)])))


def _whole_lines(patterns) -> regex.Pattern:
    """Patterns anchored at both ends (``^...$``) as one alternation, when only whether a line
    without a trailing line break matches one is wanted, compiled to match backwards from the
    line end: the same lines match, and a line whose last characters rule them out fails at
    once instead of after every length of a lazy prefix (``^(?P<base>.{2,40}?)...篇一$``)."""
    if all(_anchored_at_both_ends(p) for p in patterns):
        return regex.compile(_joined(patterns), regex.REVERSE)
    return regex.compile(_joined(patterns))


_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\\g<")


def _anchored_at_both_ends(pattern: str) -> bool:
    """``^...$`` with no ``|`` outside a group (``^a|b$`` is ``^a`` or ``b$``) and no
    backreference (which cannot be matched backwards)."""
    if not (pattern.startswith("^") and pattern.endswith("$")) or _BACKREFERENCE.search(pattern):
        return False
    depth, in_class, i = 0, False, 1
    while i < len(pattern) - 1:
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 2 if pattern[i + 1:i + 2] == "^" else 1
            i += 1 if pattern[i:i + 1] == "]" else 0  # "[]...]": that "]" is a member
            continue
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return False
        i += 1
    return i == len(pattern) - 1 and not in_class  # the final "$" is not escaped


@lru_cache(maxsize=1)
def document_rules() -> Rules:
    data = load_toml("documents.toml")
    p = data["period"]
    chrome_patterns = data["chrome"]["line_patterns"] + data["chrome"]["intro_patterns"]
    chrome_at_start, chrome_runs = _chrome_at_start([p for p in chrome_patterns if p.startswith("^")])
    suffixes = "|".join(data["org"]["suffixes"])
    return Rules(
        chrome_at_start=chrome_at_start,
        chrome_runs=chrome_runs,
        # `regex` searches an alternation of literal-led patterns along a line several times
        # faster than the standard library's engine
        chrome_anywhere=regex.compile(_joined([p for p in chrome_patterns if not p.startswith("^")])),
        end_any=regex.compile(_joined(data["chrome"]["end_patterns"])),
        continuation_any=regex.compile(_joined(data["split"]["continuation_markers"])),
        article_line=_whole_lines(data["split"]["article_patterns"]),
        min_document_chars=data["split"]["min_document_chars"],
        title_max=data["title"]["max_chars"],
        not_title_any=regex.compile(_joined(data["title"]["not_title_patterns"])),
        title_continuation=regex.compile(data["title"]["continuation_line"]),
        strong_keyword=regex.compile("(" + "|".join(k for k in data["title"]["doc_keywords"] if k != "工作") + ")"),
        type_rules=tuple((t, regex.compile(p_)) for t, p_ in data["doc_type"]["title_rules"]),
        cues={name: _compile_all(data["doc_type"][f"{name}_cues"]) for name in ("news", "summary", "plan", "other")},
        default_titled=data["doc_type"]["default_titled"],
        default_untitled=data["doc_type"]["default_untitled"],
        period={
            "masked": regex.compile(p["masked_year"]),
            "year": regex.compile(p["year"]),
            "h1": regex.compile(p["h1"]),
            "h2": regex.compile(p["h2"]),
            "q": tuple((name, regex.compile(rx)) for name, rx in p["q"]),
            "month": regex.compile(p["month"]),
            "month_anywhere": regex.compile(r"(?:19|20)\d{2}年\d{1,2}月(?:份)?[,，]"),
            "year_cues": regex.compile(p["year_cues"]),
            "multi": regex.compile(p["multi_year"]),
            # all evidence phrases as one alternation; the group that matched names the year
            "evidence": regex.compile("|".join(f"(?P<e{i}>{rx})" for i, (rx, _) in enumerate(p["evidence"]))),
            "evidence_years": tuple(year for _, year in p["evidence"]),
        },
        org_pattern=regex.compile(r"[\p{Han}\d]{1,14}?(?:" + suffixes + ")(?!员)"),
        org_drop=_compile_all(data["org"]["drop_prefixes"]),
        org_bad_starts=data["org"]["bad_starts"],
    )


HEADING_START = regex.compile(r"^\s*(?:[一二三四五六七八九十]+[、,.]|[\((][一二三四五六七八九十\d]+[\))]|\d+[、.,]|[①-⑳])")
SENTENCE_END = regex.compile(r"[。!?;]")
TRAILING_PIPES = regex.compile(r"[\s|]+$")


def strip_trailing_pipes(text: str) -> str:
    """``text`` without the trailing spaces and table pipes ``TRAILING_PIPES`` takes off.

    Only a text ending in one of them needs the regex: every character of ``[\\s|]``
    is ``|`` or ``str.isspace``, and lines are mostly stripped already."""
    if text and (text[-1] == "|" or text[-1].isspace()):
        return TRAILING_PIPES.sub("", text)
    return text


@dataclass(frozen=True)
class Line:
    span: Span  # of the stripped line in the normalised text
    text: str


def is_title_like(text: str) -> bool:
    rules = document_rules()
    text = strip_trailing_pipes(text)
    if not text or len(text) > rules.title_max or HEADING_START.match(text):
        return False
    return not rules.not_title_any.search(text)
