"""Actual or target, and which total a part belongs to."""
from __future__ import annotations

from typing import Optional, Sequence

import regex

from ..records import Indicator, Quantity
from ..segment import segment
from .context import Context
from .cues import Cues, indicator_cues
from .reading import is_verb


def _last_cue(text: str, cues: Cues, in_plan: bool) -> Optional[tuple[int, str]]:
    """Position and kind of the last status cue in ``text``."""
    masked = cues.not_target.sub(lambda m: "\0" * len(m.group()), text)
    best = None
    patterns = [("target", cues.target), ("actual", cues.actual)]
    if not in_plan and not cues.target.search(masked):
        patterns.append(("actual", cues.weak_actual))
    for kind, pattern in patterns:
        for match in pattern.finditer(masked):
            if best is None or match.start() >= best[0]:
                best = (match.start(), kind)
    for match in cues.weak_target.finditer(masked):
        following = segment(masked[match.end():match.end() + 6])
        if following and is_verb(following[0]) and (best is None or match.start() > best[0]):
            best = (match.start(), "target")
    return best


_GOAL_AFTER = regex.compile(r"的?\p{Han}{0,4}?(任务|目标|指标)(?!\p{Han}*完成)")


def status_of(text: str, q: Quantity, ctx: Context, category: Optional[str], doc_type: str) -> str:
    """target or actual: the last cue before the figure in its sentence decides, else the section."""
    in_plan = doc_type == "plan" or category == "plans"
    if _GOAL_AFTER.match(text, q.span[1], ctx.clause_end):
        return "target"  # 下达的1500人参保任务, 发展会员2000人的目标: the figure is the goal
    cue = _last_cue(text[ctx.sentence_start:q.span[0]], indicator_cues(), in_plan)
    if cue is not None:
        return cue[1]
    return "target" if in_plan else "actual"


def part_of_total(text: str, q: Quantity, ctx: Context, made: Sequence[Indicator], totals: dict) -> Optional[str]:
    """The id of the total a part belongs to (发展会员5005人,其中农牧民工3500人)."""
    cues = indicator_cues()
    marker = None
    for marker in cues.part_markers.finditer(text, ctx.sentence_start, q.span[0]):
        pass
    if marker is None:
        return None
    key = (ctx.sentence_start, marker.start())
    if key in totals:
        return totals[key]
    total = None
    for indicator in reversed(made):
        if indicator.span[1] <= marker.start() and indicator.unit == q.unit and indicator.span[0] >= ctx.sentence_start - 200:
            total = indicator
            break
    totals[key] = total.id if total else None
    return totals[key]
