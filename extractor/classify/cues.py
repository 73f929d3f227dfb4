"""Cue words from ``data/category_cues.toml``, compiled once on first use."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping, Optional

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
    # Per table ("heading.strong", ..., "body"): one pattern that matches
    # wherever any cue of the table does, a quick first test (None: no test).
    any_cue: Mapping[str, Optional["AnyCue"]]
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


# Back-references and conditionals point at group numbers, which joining renumbers.
_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")
# A cue that starts with one of these (or whose first character is optional)
# does not start with a plain literal character.
_NOT_LITERAL = frozenset("^$.[(\\|*+?{")


@dataclass(frozen=True)
class AnyCue:
    """Whether a text holds any cue of a table, in a few regex searches.

    The cues are joined in flat alternations, one for those anchored at the
    start, one for those opening with a literal character (the regex engine
    then scans for the first characters only) and one for the rest: their
    union matches exactly where some cue does.
    """

    patterns: tuple[re.Pattern, ...]

    def search(self, text: str) -> bool:
        return any(pattern.search(text) for pattern in self.patterns)


def _starts_literal(word: str) -> bool:
    return word[0] not in _NOT_LITERAL and word[1:2] not in ("?", "*", "{")


def _any_of(table: Mapping[str, list[str]]) -> Optional[AnyCue]:
    """All cues of a table as an ``AnyCue``; None when they cannot be joined."""
    words = [word for group in table.values() for word in group if word]
    if any(_GROUP_REFERENCE.search(word) for word in words):
        return None
    parts = ([w for w in words if w.startswith("^")], [w for w in words if _starts_literal(w)],
             [w for w in words if not w.startswith("^") and not _starts_literal(w)])
    try:
        return AnyCue(tuple(re.compile("|".join(part)) for part in parts if part))
    except re.error:  # e.g. an inline global flag, only allowed at the start
        return None


@lru_cache(maxsize=1)
def cue_tables() -> CueTables:
    data = load_toml(CUES_FILE)
    try:
        body = dict(data["body"])
        ignore = body.pop("ignore")
        heading = {name: data["heading"][name] for name in ("strong", "time", "weak")}
        return CueTables(
            heading_strong=_group(heading["strong"], "heading.strong"),
            heading_time=_group(heading["time"], "heading.time"),
            heading_weak=_group(heading["weak"], "heading.weak"),
            body=_group(body, "body"),
            body_ignore=_alternation(ignore, "body.ignore"),
            any_cue={"body": _any_of(body), **{f"heading.{name}": _any_of(table) for name, table in heading.items()}},
            weights={k: float(v) for k, v in data["weights"].items()},
            doc_prior={k: dict(v) for k, v in data["doc_prior"].items()},
            model_weight=float(data["blend"]["model_weight"]),
            body_chars=int(data["blend"]["body_chars"]),
        )
    except KeyError as exc:
        raise DataFileError(f"extractor/data/{CUES_FILE}", f"missing table or key {exc}") from exc


def count_matches(pattern: re.Pattern, text: str) -> int:
    """Non-overlapping matches, as ``finditer`` finds them."""
    return len(pattern.findall(text))


def body_counts(body: str, tables: CueTables) -> dict[str, int]:
    """Cue counts per body group, after removing words that only contain a cue.

    Past and progress cues in a clause that also has a future cue are not
    counted: "力争参赛队伍达到20支" states a target, not a result.
    """
    text = tables.body_ignore.sub("|", body[: tables.body_chars])
    counts = dict.fromkeys(tables.body, 0)
    any_cue = tables.any_cue["body"]
    for clause in _CLAUSE_BREAK.split(text):
        if any_cue is not None and not any_cue.search(clause):
            continue  # most clauses of a short body hold no cue: skip the per-group counts
        found = {name: count_matches(pattern, clause) for name, pattern in tables.body.items()}
        if found.get("future"):
            found["past"] = found["progress"] = 0
        for name, count in found.items():
            counts[name] += count
    return counts


def heading_hits(heading: str, group: Mapping[str, re.Pattern], any_cue: Optional[AnyCue] = None) -> dict[str, int]:
    """Cue hits per category; ``any_cue`` (see ``CueTables.any_cue``) skips the count when nothing matches."""
    if any_cue is not None and not any_cue.search(heading):
        return dict.fromkeys(group, 0)
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


@dataclass(frozen=True)
class Evidence:
    """What the cue words say about one section, wherever it sits in the tree.

    Rules and model features both read it, so each section's heading and
    body are scanned once, not once per classifier and per tree step.
    """

    strong: Mapping[str, int]  # heading_strong hits per category
    time: Mapping[str, int]  # heading_time hits per category
    weak: Mapping[str, int]  # heading_weak hits per category
    body: Mapping[str, int]  # body cue counts per group (body_counts)
    year_later: bool  # heading_year_later
    list_body: bool  # looks_like_list


def evidence(heading: str, body: str, doc_title: str | None, tables: CueTables) -> Evidence:
    return Evidence(
        strong=MappingProxyType(heading_hits(heading, tables.heading_strong, tables.any_cue["heading.strong"])),
        time=MappingProxyType(heading_hits(heading, tables.heading_time, tables.any_cue["heading.time"])),
        weak=MappingProxyType(heading_hits(heading, tables.heading_weak, tables.any_cue["heading.weak"])),
        body=MappingProxyType(body_counts(body, tables)),
        year_later=heading_year_later(heading, doc_title),
        list_body=looks_like_list(body),
    )


@lru_cache(maxsize=2048)
def _shared_evidence(heading: str, body: str, doc_title: str | None) -> Evidence:
    return evidence(heading, body, doc_title, cue_tables())


def section_evidence(heading: str, body: str, doc_title: str | None, tables: CueTables | None = None) -> Evidence:
    """Evidence of one section; cached by its text when read with the shipped cue tables."""
    if tables is None or tables is cue_tables():
        return _shared_evidence(heading, body, doc_title)
    return evidence(heading, body, doc_title, tables)
