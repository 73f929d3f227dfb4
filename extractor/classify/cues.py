"""Cue words from ``data/category_cues.toml``, compiled once on first use."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping, NamedTuple, Optional

from ..errors import DataFileError
from ..needles import never_reads
from ..resources import load_toml

CUES_FILE = "category_cues.toml"
# Sentence punctuation: a line without any is a name, not a sentence.
_SENTENCE_PUNCT = re.compile(r"[。,,;;!!??]")
# Lines that are items or labels of a list of work, not names: "1、...", "(2)...", "三月份:".
_ITEM_LINE = re.compile(r"^(\(?[\d一二三四五六七八九十]+[\)、.．]|.*[::]$)")
# Clause boundaries for tense cues.
_CLAUSE_BREAK_CHARS = ",,。;;!!??\n"
_CLAUSE_BREAK = re.compile(f"[{re.escape(_CLAUSE_BREAK_CHARS)}]")
# Four-digit years (2013) and masked ones (201*, 20xx) in headings and titles.
_YEAR = re.compile(r"(20\d\d|19\d\d)(?=\s*年|\s*[::\s]|$)")


@dataclass(frozen=True)
class CueTables:
    heading_strong: Mapping[str, re.Pattern]
    heading_time: Mapping[str, re.Pattern]
    heading_weak: Mapping[str, re.Pattern]
    body: Mapping[str, re.Pattern]  # past / progress / future / problems
    body_ignore: re.Pattern
    # Per table ("heading.strong", ..., "body"), and for the three heading tables
    # together ("heading"): a pattern that matches wherever any cue of the
    # table does, a quick first test (None: no test).
    any_cue: Mapping[str, Optional["AnyCue"]]
    # True when every body cue stays inside a clause (see ``_clause_local``), so
    # body_counts may scan the whole body once per group instead of each clause.
    body_clause_local: bool
    weights: Mapping[str, float]
    doc_prior: Mapping[str, Mapping[str, float]]
    model_weight: float
    body_chars: int
    # positions of the future, past and progress groups in ``body``
    net_future_groups: tuple[int, int, int]
    # the hits of heading_strong, heading_time and heading_weak in a heading without cues
    no_heading_hits: tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]


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
        for pattern in self.patterns:  # a loop, not any(): called for every heading and clause
            if pattern.search(text):
                return True
        return False


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
        body_groups = _group(body, "body")
        return CueTables(
            heading_strong=_group(heading["strong"], "heading.strong"),
            heading_time=_group(heading["time"], "heading.time"),
            heading_weak=_group(heading["weak"], "heading.weak"),
            body=body_groups,
            body_ignore=_alternation(ignore, "body.ignore"),
            any_cue={"body": _any_of(body), **{f"heading.{name}": _any_of(table) for name, table in heading.items()},
                     "heading": _any_of({f"{name}.{group}": words for name, table in heading.items()
                                         for group, words in table.items()})},
            body_clause_local=all(_clause_local(pattern) for pattern in body_groups.values()),
            weights={k: float(v) for k, v in data["weights"].items()},
            doc_prior={k: dict(v) for k, v in data["doc_prior"].items()},
            model_weight=float(data["blend"]["model_weight"]),
            body_chars=int(data["blend"]["body_chars"]),
            net_future_groups=tuple(list(body_groups).index(name) for name in ("future", "past", "progress")),
            no_heading_hits=tuple((0,) * len(heading[name]) for name in ("strong", "time", "weak")),
        )
    except (KeyError, ValueError) as exc:  # ValueError: a body group missing from net_future_groups
        raise DataFileError(f"extractor/data/{CUES_FILE}", f"missing table or key {exc}") from exc


def count_matches(pattern: re.Pattern, text: str) -> int:
    """Non-overlapping matches, as ``finditer`` finds them."""
    return len(pattern.findall(text))


def body_counts(body: str, tables: CueTables) -> tuple[int, ...]:
    """Cue counts per body group (in the order of ``tables.body``), after
    removing words that only contain a cue.

    Past and progress cues in a clause that also has a future cue are not
    counted: "力争参赛队伍达到20支" states a target, not a result.
    """
    text = tables.body_ignore.sub("|", body[: tables.body_chars])
    any_cue = tables.any_cue["body"]
    if any_cue is not None and not any_cue.search(text):
        return (0,) * len(tables.body)  # most bodies of a section's opening hold no cue
    if not tables.body_clause_local:
        return tuple(_body_counts_by_clause(text, tables).values())
    # Every cue match lies inside one clause and reads nothing beyond it, so
    # one scan of the whole text finds the matches of all its clauses.
    future = tables.body.get("future")
    future_starts = [match.start() for match in future.finditer(text)] if future is not None else []
    if future_starts:  # the clauses whose past and progress cues do not count
        breaks = [match.start() for match in _CLAUSE_BREAK.finditer(text)]
        future_clauses = {bisect_right(breaks, start) for start in future_starts}
    counts = []
    for name, pattern in tables.body.items():
        if name == "future":
            counts.append(len(future_starts))
        elif future_starts and name in ("past", "progress"):
            counts.append(sum(bisect_right(breaks, match.start()) not in future_clauses
                              for match in pattern.finditer(text)))
        else:
            counts.append(len(pattern.findall(text)))
    return tuple(counts)


def _body_counts_by_clause(text: str, tables: CueTables) -> dict[str, int]:
    """``body_counts`` clause by clause, for cues that may read across a clause break."""
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


def _clause_local(pattern: re.Pattern) -> bool:
    """True when each match of ``pattern`` is one found clause by clause (see
    ``needles.never_reads``)."""
    return never_reads(pattern, _CLAUSE_BREAK_CHARS)


def heading_hits(heading: str, group: Mapping[str, re.Pattern], any_cue: Optional[AnyCue] = None) -> tuple[int, ...]:
    """Cue hits per category, in the order of ``group``; ``any_cue`` (see
    ``CueTables.any_cue``) skips the count when nothing matches."""
    if any_cue is not None and not any_cue.search(heading):
        return (0,) * len(group)
    return tuple([len(pattern.findall(heading)) for pattern in group.values()])


def heading_year_later(heading: str, title: str | None) -> bool:
    """True when the heading names a year later than the earliest year of the
    title: "2025 重点工作" under "2024年工作总结及2025年工作谋划" speaks of
    the next period."""
    heading_years = [int(y) for y in _YEAR.findall(heading)]
    if not heading_years:
        return False
    title_years = [int(y) for y in _YEAR.findall(title or "")]
    return bool(title_years) and max(heading_years) > min(title_years)


def looks_like_list(body: str, min_lines: int = 3, max_line_chars: int = 60) -> bool:
    """True when the body opens with short unpunctuated, unnumbered lines: a
    roster or a list of award winners rather than sentences or work items."""
    lines = []
    for line in body.split("\n"):
        line = line.strip()
        if line:
            lines.append(line)
            if len(lines) == min_lines:
                break
    if any(_FIGURE_AFTER_A_CELL.search(line) for line in lines):
        return False  # 新建工会组织 | 个 | 3 | 5: a table of figures reports results, no roster
    return len(lines) >= min_lines and all(
        len(line) <= max_line_chars and not _SENTENCE_PUNCT.search(line) and not _ITEM_LINE.match(line)
        for line in lines)


_FIGURE_AFTER_A_CELL = re.compile(r"\t\s*[-+≥≤]?\d[\d,.]*\s*(?:%|\t|$)")  # (a row number opens a roster's line)


class Evidence(NamedTuple):
    """What the cue words say about one section, wherever it sits in the tree.

    Rules and model features both read it, so each section's heading and
    body are scanned once, not once per classifier and per tree step.  Hits and
    counts follow the order of the categories and groups of the cue tables
    (``dict(zip(tables.heading_strong, ev.strong))`` names them).
    """

    strong: tuple[int, ...]  # heading_strong hits per category (heading_hits)
    time: tuple[int, ...]  # heading_time hits per category
    weak: tuple[int, ...]  # heading_weak hits per category
    body: tuple[int, ...]  # body cue counts per group (body_counts)
    year_later: bool  # heading_year_later
    list_body: bool  # looks_like_list
    untitled: bool  # no heading at all
    net_future: int  # body cues: future - past - progress


def evidence(heading: str, body: str, doc_title: str | None, tables: CueTables) -> Evidence:
    counts = body_counts(body, tables)
    future, past, progress = tables.net_future_groups
    any_cue = tables.any_cue
    if any_cue["heading"] is not None and not any_cue["heading"].search(heading):  # most headings hold no cue
        strong, time, weak = tables.no_heading_hits
    else:
        strong = heading_hits(heading, tables.heading_strong, any_cue["heading.strong"])
        time = heading_hits(heading, tables.heading_time, any_cue["heading.time"])
        weak = heading_hits(heading, tables.heading_weak, any_cue["heading.weak"])
    return Evidence(
        strong, time, weak, counts,
        heading_year_later(heading, doc_title),
        looks_like_list(body),
        not heading.strip(),
        counts[future] - counts[past] - counts[progress],
    )
