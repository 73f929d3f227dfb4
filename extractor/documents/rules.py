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
    chrome: tuple
    # the chrome and intro patterns as two alternations: those anchored at the line start are
    # tried there only, the rest searched along the line (the costliest check per line)
    chrome_at_start: object
    chrome_anywhere: object
    end: tuple
    intro: tuple
    continuation: tuple
    articles: tuple
    min_document_chars: int
    title_max: int
    not_title: tuple
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
    # the standard library's engine runs a long alternation several times faster than `regex`
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!x)x")


def _compile_all(patterns) -> tuple:
    return tuple(regex.compile(p) for p in patterns)


@lru_cache(maxsize=1)
def document_rules() -> Rules:
    data = load_toml("documents.toml")
    p = data["period"]
    chrome_patterns = data["chrome"]["line_patterns"] + data["chrome"]["intro_patterns"]
    suffixes = "|".join(data["org"]["suffixes"])
    return Rules(
        chrome=_compile_all(data["chrome"]["line_patterns"]),
        chrome_at_start=_alternation([p[1:] for p in chrome_patterns if p.startswith("^")]),
        chrome_anywhere=_alternation([p for p in chrome_patterns if not p.startswith("^")]),
        end=_compile_all(data["chrome"]["end_patterns"]),
        intro=_compile_all(data["chrome"]["intro_patterns"]),
        continuation=_compile_all(data["split"]["continuation_markers"]),
        articles=_compile_all(data["split"]["article_patterns"]),
        min_document_chars=data["split"]["min_document_chars"],
        title_max=data["title"]["max_chars"],
        not_title=_compile_all(data["title"]["not_title_patterns"]),
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


@dataclass(frozen=True)
class Line:
    span: Span  # of the stripped line in the normalised text
    text: str


def is_title_like(text: str) -> bool:
    rules = document_rules()
    text = TRAILING_PIPES.sub("", text)
    if not text or len(text) > rules.title_max or HEADING_START.match(text):
        return False
    return not any(p.search(text) for p in rules.not_title)
