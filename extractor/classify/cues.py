"""Cue words from ``data/category_cues.toml``, compiled once on first use."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

from ..errors import DataFileError
from ..resources import load_toml

CUES_FILE = "category_cues.toml"
# Sentence punctuation: a line without any is a name, not a sentence.
_SENTENCE_PUNCT = re.compile(r"[。,,;;!!??]")
# Lines that are items or labels of a list of work, not names: "1、...", "(2)...", "三月份:".
_ITEM_LINE = re.compile(r"^(\(?[\d一二三四五六七八九十]+[\)、.．]|.*[::]$)")
# Clause boundaries for tense cues.
_CLAUSE_BREAK = re.compile(r"[,,。;;!!??\n]")
# Four-digit years (2013) and masked ones (201*, 20xx) in headings and titles.
_YEAR = re.compile(r"(20\d\d|19\d\d)(?=\s*年|\s*[::\s]|$)")


@dataclass(frozen=True)
class CueTables:
    heading_strong: Mapping[str, re.Pattern]
    heading_time: Mapping[str, re.Pattern]
    heading_weak: Mapping[str, re.Pattern]
    body: Mapping[str, re.Pattern]  # past / progress / future / problems
    body_ignore: re.Pattern
    weights: Mapping[str, float]
    doc_prior: Mapping[str, Mapping[str, float]]
    model_weight: float
    body_chars: int


def _alternation(patterns: list[str], where: str) -> re.Pattern:
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!x)x")
    except re.error as exc:
        raise DataFileError(f"extractor/data/{CUES_FILE}", f"bad regular expression in {where}: {exc}") from exc


def _group(table: Mapping[str, list[str]], where: str) -> dict[str, re.Pattern]:
    return {name: _alternation(list(words), f"{where}.{name}") for name, words in table.items()}


@lru_cache(maxsize=1)
def cue_tables() -> CueTables:
    data = load_toml(CUES_FILE)
    try:
        body = dict(data["body"])
        ignore = body.pop("ignore")
        return CueTables(
            heading_strong=_group(data["heading"]["strong"], "heading.strong"),
            heading_time=_group(data["heading"]["time"], "heading.time"),
            heading_weak=_group(data["heading"]["weak"], "heading.weak"),
            body=_group(body, "body"),
            body_ignore=_alternation(ignore, "body.ignore"),
            weights={k: float(v) for k, v in data["weights"].items()},
            doc_prior={k: dict(v) for k, v in data["doc_prior"].items()},
            model_weight=float(data["blend"]["model_weight"]),
            body_chars=int(data["blend"]["body_chars"]),
        )
    except KeyError as exc:
        raise DataFileError(f"extractor/data/{CUES_FILE}", f"missing table or key {exc}") from exc


def count_matches(pattern: re.Pattern, text: str) -> int:
    return sum(1 for _ in pattern.finditer(text))


def body_counts(body: str, tables: CueTables) -> dict[str, int]:
    """Cue counts per body group, after removing words that only contain a cue.

    Past and progress cues in a clause that also has a future cue are not
    counted: "力争参赛队伍达到20支" states a target, not a result.
    """
    text = tables.body_ignore.sub("|", body[: tables.body_chars])
    counts = dict.fromkeys(tables.body, 0)
    for clause in _CLAUSE_BREAK.split(text):
        found = {name: count_matches(pattern, clause) for name, pattern in tables.body.items()}
        if found.get("future"):
            found["past"] = found["progress"] = 0
        for name, count in found.items():
            counts[name] += count
    return counts


def heading_hits(heading: str, group: Mapping[str, re.Pattern]) -> dict[str, int]:
    return {name: count_matches(pattern, heading) for name, pattern in group.items()}


def heading_year_later(heading: str, title: str | None) -> bool:
    """True when the heading names a year later than the earliest year of the
    title: "2025 重点工作" under "2024年工作总结及2025年工作谋划" speaks of
    the next period."""
    heading_years = [int(y) for y in _YEAR.findall(heading)]
    title_years = [int(y) for y in _YEAR.findall(title or "")]
    if not heading_years or not title_years:
        return False
    return max(heading_years) > min(title_years)


def looks_like_list(body: str, min_lines: int = 3, max_line_chars: int = 60) -> bool:
    """True when the body opens with short unpunctuated, unnumbered lines: a
    roster or a list of award winners rather than sentences or work items."""
    lines = [line.strip() for line in body.split("\n") if line.strip()][:min_lines]
    return len(lines) >= min_lines and all(
        len(line) <= max_line_chars and not _SENTENCE_PUNCT.search(line) and not _ITEM_LINE.match(line)
        for line in lines)
