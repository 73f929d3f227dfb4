"""Actual or target, and which total a part belongs to."""
from __future__ import annotations

from bisect import bisect_left
from typing import Optional, Sequence

import regex

from ..records import Indicator, Quantity
from ..segment import segment
from .context import Context
from .cues import Cues, indicator_cues
from .reading import is_verb


def _blanked(match) -> str:
    return "\0" * len(match.group())


_QUOTED_NAME = regex.compile(r"“[^”“\n]{1,12}”")


def _last_start(pattern, text: str) -> int:
    """Where the last match of ``pattern`` in ``text`` starts (-1 when none)."""
    start = -1
    for match in pattern.finditer(text):
        start = match.start()
    return start


def _last_cue(text: str, cues: Cues, in_plan: bool, figures: Sequence[int] = ()) -> Optional[tuple[int, str]]:
    """Position and kind of the last status cue in ``text`` (``figures``: where the
    figures in it start)."""
    masked = cues.not_cues.sub(_blanked, text)
    if "“" in masked:
        masked = _QUOTED_NAME.sub(_blanked, masked)  # “攻坚计划”, “已就业”: a name's words are no cue
    if in_plan:
        masked = cues.relative_fact.sub(_blanked, masked)
    target_at = _last_start(cues.target, masked)
    actual_at = _last_start(cues.actual, masked)
    if not in_plan and target_at < 0:  # weak signs of a fact, where no target cue is
        actual_at = max(actual_at, _last_start(cues.weak_actual, masked))
    if in_plan:
        plan_at = _last_start(cues.plan_target, masked)
        if not 0 <= actual_at < plan_at or any(actual_at < at < plan_at for at in figures):
            # a fact cue speaks of its own figure (现有教职工186人,……入会率保持100%); with none
            # between, of what follows (目前,全县职工入会率保持在92%: it stays so now)
            target_at = max(target_at, plan_at)
    if actual_at < 0 and target_at < 0:
        best = None
    else:  # at the same position the fact cue wins
        best = (actual_at, "actual") if actual_at >= target_at else (target_at, "target")
    # a weak target cue counts when a verb follows it; the last such one after ``best`` wins
    for match in reversed(list(cues.weak_target.finditer(masked))):
        if best is not None and match.start() <= best[0]:
            break
        following = segment(masked[match.end():match.end() + 6])
        if following and (is_verb(following[0]) or following[0] in cues.weak_target_leads):
            clause_end = min((at for at in (masked.find(mark, match.end()) for mark in ",，;；") if at != -1),
                             default=len(masked))
            if match.group() == "将" and cues.disposal_verbs.search(masked, match.end(), clause_end):
                continue  # 将组建任务分解到……: 将 means 把, nothing is planned
            return match.start(), "target"
    return best


_GOAL_AFTER = regex.compile(r"[(（]目标[)）]|的?\p{Han}{0,4}?(任务|目标|指标)(?!\p{Han}*完成)")  # (……30个(目标)——已建成36个)


def status_of(text: str, q: Quantity, ctx: Context, category: Optional[str], doc_type: str,
              body_start: int = 0, earlier_figures: Sequence[int] = (), doc_year: Optional[int] = None) -> str:
    """target or actual: the last cue before the figure in its sentence decides, else a
    target cue that opens its sentence of ;-parts, else the section.  ``body_start``
    is where the figure's section (or document) starts: no sentence starts before it;
    ``earlier_figures`` are where the figures before this one start, in order;
    ``doc_year`` is the year the document is about, when known."""
    in_plan = doc_type == "plan" or category == "plans"
    cues = indicator_cues()
    if q.change == "from":
        return "actual"  # 由原来的7项精简到3项, 由每人200元提高到300元: where a change starts is how things are
    if text.startswith("[ ]", text.rfind("\n", 0, q.span[0]) + 1):
        return "target"  # - [ ] 新建驿站8个: an open task of a Markdown list, still to do
    if (doc_type != "plan" and cues.completed_after.match(text, q.span[1], ctx.clause_end)
            and not cues.prospective.search(text, ctx.clause_start, q.span[0])):
        return "actual"  # 年初确定的32项重点任务全部完成: the goal reported done
    if (q.unit == "个" and cues.territory_before.search(text, max(ctx.clause_start, q.span[0] - 6), q.span[0])
            and cues.territory_after.match(text, q.span[1] - 1 if text[q.span[1] - 1] == "个" else q.span[1])):
        return "actual"  # 全县18个乡镇每个乡镇至少建成1个: the places the county has, not a goal
    if (cues.remainder_planned.search(text, max(ctx.clause_start, q.span[0] - 4), q.span[0])
            and cues.planned_after.match(text, q.span[1], ctx.clause_end)):
        return "target"  # 剩余14个名额将于明年1月安排: the rest of the task, still to be done
    if cues.phrases["scheduled_after"].match(text, q.span[1], ctx.clause_end):
        return "target"  # 2个问题将于2023年10月底前整改到位: to be done by the date
    if cues.remainder_before.search(text, max(ctx.clause_start, q.span[0] - 10), q.span[0]):
        return "actual"  # 对尚未建会的18家企业, 尚有64家工会组建任务未完成: what is left undone now
    if _GOAL_AFTER.match(text, q.span[1], ctx.clause_end):
        return "target"  # 下达的1500人参保任务, 发展会员2000人的目标: the figure is the goal
    if cues.goal_before.search(text, max(ctx.clause_start, q.span[0] - 6), q.span[0]) or (
            q.unit != "%" and cues.task_before.search(text, max(ctx.clause_start, q.span[0] - 6), q.span[0])):
        return "target"  # 会员发展全年目标任务1200人, 完成年度任务9800万元的74.1%: the figure is the goal
    if (not in_plan and cues.fact_clause_opener.match(text, ctx.clause_start, q.span[0])
            and ctx.clause_start > ctx.sentence_start
            and (_last_cue(text[ctx.clause_start:q.span[0]], cues, False) or (0, "actual"))[1] == "actual"):
        return "actual"  # 三年目标培养4500人,【2021年】培养1180人,【累计】培养1960人: a clause of results after the goal's
    # most sentences hold no cue word before the figure (not_cues words only mask cues)
    cue = None
    if cues.any_status_cue.search(text, ctx.sentence_start, q.span[0]) is not None:
        figures = ([at - ctx.sentence_start for at in earlier_figures[bisect_left(earlier_figures, ctx.sentence_start):]]
                   if in_plan else ())
        cue = _last_cue(text[ctx.sentence_start:q.span[0]], cues, in_plan, figures)
    if (in_plan and cue is not None and cue[1] == "actual" and q.bound == "lower"
            and cues.commitment_bounds.search(text, max(ctx.clause_start, q.span[0] - 4), q.span[1])):
        # in a plan a fact cue speaks of its own clause's figure, not of a bounded one after it:
        # 依托全市【现有】的12个工作站,提供法律咨询不少于3000人次 (the 3000 is planned)
        cue_at = ctx.sentence_start + cue[0]
        own = bisect_left(earlier_figures, cue_at)
        if own < len(earlier_figures) and earlier_figures[own] < ctx.clause_start:
            cue = None
    if cue is not None and in_plan and cues.plan_target.match(text, ctx.sentence_start + cue[0]):
        plan_only = cue  # 年内新发展会员73人 in a paragraph that opens with 2020年: the past wins
        cue = None
    else:
        plan_only = None
    if in_plan and doc_year and cue is None:
        # 2018年,全集团共有会员3420人 in a plan for 2019: an earlier year's fact, when the
        # year opens the sentence (up to its full stop) as its time; 去年…… opening the paragraph
        # (a sentence starts no earlier than its section: no scan of the text before it)
        full_start = max(text.rfind(mark, body_start, q.span[0]) for mark in cues.full_stops) + 1
        full_start = max(full_start, body_start)
        own_year = cues.past_year_opening.match(_head(text, full_start, q.span[0]))
        if own_year is not None and int(own_year.group(1)) >= doc_year:
            pass  # 到2025年底,……达到115个: the sentence names a year of the plan, whatever the paragraph opened with
        elif _opens_with_a_past_year(_head(text, ctx.sentence_start, q.span[0]), doc_year, cues) \
                or _opens_with_a_past_year(_head(text, full_start, q.span[0]), doc_year, cues) \
                or ((plan_only is None or not cues.present_marker.search(text, ctx.sentence_start, q.span[0]))
                    and _opens_with_the_past(text, q.span[0], doc_year, cues)):
            return "actual"  # (a plan-only cue such as 年内 in a sentence that says 今年 stays the plan's)
    cue = cue or plan_only
    if cue is not None:
        return cue[1]
    label = _sentence_label(text, ctx, cues)
    if label is not None:
        return label  # 目标任务:新建基层工会组织30家; 完成情况:新建36家
    if not in_plan and _paragraph_head(text, q.span[0], cues.future_opener):
        return "target"  # 下一步,县总工会将……;……不少于20家
    if not in_plan and _framed_as_target(text, ctx.sentence_start, body_start, earlier_figures, cues):
        return "target"
    if not in_plan and _listed_after_a_target_lead_in(text, ctx.sentence_start, body_start, cues):
        return "target"
    return "target" if in_plan else "actual"


def _sentence_label(text: str, ctx: Context, cues: Cues) -> Optional[str]:
    """target or actual when the figure's sentence opens with a label of goals or results
    (目标任务:, 年初下达任务为, 考核要求; 完成情况:), else None."""
    start = ctx.sentence_start
    while start < len(text) and text[start] in " \n":
        start += 1
    if cues.target_label.match(text, start):
        return "target"
    if cues.actual_label.match(text, start):
        return "actual"
    return None


def _head(text: str, start: int, at: int) -> str:
    """The first characters of the words from ``start`` to ``at``: all a match at their start reads."""
    return text[start:min(at, start + 20)].lstrip()


def _paragraph_head(text: str, at: int, pattern) -> bool:
    """Whether the paragraph holding ``at`` opens with ``pattern``."""
    return pattern.match(_head(text, text.rfind("\n", 0, at) + 1, at)) is not None


def _opens_with_the_past(text: str, at: int, doc_year: int, cues: Cues) -> bool:
    """Whether the paragraph holding ``at`` opens with 去年 or an earlier year than ``doc_year``."""
    head = _head(text, text.rfind("\n", 0, at) + 1, at)
    return bool(cues.past_opener.match(head)) or _opens_with_a_past_year(head, doc_year, cues)


def _opens_with_a_past_year(head: str, doc_year: int, cues: Cues) -> bool:
    year = cues.past_year_opening.match(head)
    return year is not None and int(year.group(1)) < doc_year


def _framed_as_target(text: str, part_start: int, body_start: int, earlier_figures: Sequence[int],
                      cues: Cues) -> bool:
    """Whether the sentence whose ;-part starts at ``part_start`` opens with a target cue
    and no figure before its first comma, which frames every part: 预计1-6月份,完成……;
    公共财政预算收入…… (not 计划建成职工之家10个,目前已建成8个;……, whose cue is its figure's).
    The sentence starts no earlier than ``body_start``."""
    if part_start <= body_start or text[part_start - 1] in cues.full_stops:
        return False  # the part is a whole sentence: its own cues were read
    reach = max(body_start, part_start - cues.frame_reach)
    last_stop = max(text.rfind(mark, reach, part_start) for mark in cues.full_stops)
    if last_stop < 0 and reach > body_start:
        return False  # no sentence start within reach
    start = last_stop + 1 if last_stop >= 0 else body_start
    first = bisect_left(earlier_figures, start)
    colon = max(text.rfind("：", start, part_start), text.rfind(":", start, part_start))
    if colon > start and not (first < len(earlier_figures) and earlier_figures[first] < colon):
        # 区总工会将聚焦主责主业,重点抓好这几件事:……;……: a lead-in of what is to be done frames its list
        lead_in = text[start:colon]
        cue = _last_cue(lead_in, cues, False)
        if cue is not None and cue[1] == "target" and not lead_in.startswith(cues.lead_in_goal_nouns, cue[0]):
            return True
    comma = min((at for at in (text.find(mark, start, part_start) for mark in cues.clause_only_breaks) if at >= 0),
                default=-1)
    if comma < 0:
        return False
    if first < len(earlier_figures) and earlier_figures[first] < comma:
        return False  # the opening clause reports a figure of its own
    opening = cues.not_cues.sub(_blanked, text[start:comma])
    cue = _last_start(cues.target, opening)
    if cue < 0:
        return False
    # (对照年度【目标】仍有差距:一是……: a goal named before a colon frames a report of how things stand)
    return not (opening.startswith(cues.lead_in_goal_nouns, cue) and (":" in opening[cue:] or "：" in opening[cue:]))


_LIST_ITEM = regex.compile(r"\s*[二三四五六七八九十]是")


def _listed_after_a_target_lead_in(text: str, sentence_start: int, body_start: int, cues: Cues) -> bool:
    """Whether the sentence is a later item (二是……) of a list whose lead-in is of work to do:
    会议要求,各级工会要重点抓好五个方面的工作:一是……。【二是】……开展培训3万人次以上。"""
    if not _LIST_ITEM.match(text, sentence_start):
        return False
    paragraph = max(text.rfind("\n", body_start, sentence_start) + 1, body_start)
    first = text.find("一是", paragraph, sentence_start)
    if first <= paragraph or text[first - 1] not in ":：":
        return False
    lead_start = max(paragraph, max(text.rfind(mark, paragraph, first - 1) for mark in cues.full_stops) + 1)
    lead_in = text[lead_start:first - 1]
    cue = _last_cue(lead_in, cues, False)
    return cue is not None and cue[1] == "target" and not lead_in.startswith(cues.lead_in_goal_nouns, cue[0])


def _clause_breaks(cues) -> str:
    return cues.clause_only_breaks + cues.clause_and_sentence_breaks


def _clause_start(text: str, at: int, cues, floor: int) -> int:
    """Where the clause holding ``at`` starts, never before ``floor`` (no scan past it)."""
    return max(floor, max(text.rfind(mark, floor, at) for mark in _clause_breaks(cues)) + 1)


def _a_whole_stated_again(text: str, after: int, q: Quantity, made: Sequence[Indicator], cues) -> bool:
    """Whether a figure in the unit of ``q`` between ``after`` and ``q`` states a whole again:
    a word such as 总数 or 全县 in its clause (其中……六家,全县基层工会总数达到436家), not in
    a clause of another unit (其中……120人,累计发放助学金60万元,医疗救助200人)."""
    if cues.part_run_enders.search(text, _clause_start(text, q.span[0], cues, after), q.span[0]):
        return True  # the figure's own clause (……,会员总数由2.36万人增加到2.5万人)
    for indicator in reversed(made):
        if indicator.quantity_span[0] < after:
            break
        if indicator.unit == q.unit:
            low = _clause_start(text, indicator.quantity_span[0], cues, after)
            if cues.part_run_enders.search(text, low, indicator.quantity_span[0]):
                return True
    return False


def _closed_in_brackets(text: str, span: tuple, before: int) -> bool:
    """Whether ``span`` stands inside brackets that close before ``before``."""
    opened = max(text.rfind("(", max(0, span[0] - 40), span[0]), text.rfind("（", max(0, span[0] - 40), span[0]))
    if opened < 0 or ")" in text[opened:span[0]] or "）" in text[opened:span[0]]:
        return False
    return any(0 <= text.find(mark, span[1], before) for mark in ")）")


_NAMED_WHOLE = regex.compile(r"\p{Han}{4,}$")  # (a noun of its own before the marker, not 其中 alone)


def part_of_total(text: str, q: Quantity, ctx: Context, made: Sequence[Indicator], totals: dict,
                  status: Optional[str] = None) -> Optional[str]:
    """The id of the total a part belongs to (发展会员5005人,其中农牧民工3500人); of the
    candidates, the nearest of the part's ``status`` (收缴1.36亿元,完成年度任务2.6亿元的52.3%,
    其中二季度收缴7920万元: the money collected, not the task)."""
    cues = indicator_cues()
    marker = None
    for marker in cues.part_markers.finditer(text, ctx.sentence_start, q.span[0]):
        pass
    if marker is None:
        return None
    if marker.end() < ctx.clause_start and cues.part_run_enders.search(text, marker.end(), q.span[0]):
        # a clause after the marker's own states a whole again: the parts ended before it
        first_break = min((i for i in (text.find(b, marker.end(), q.span[0]) for b in _clause_breaks(cues)) if i != -1),
                          default=-1)
        if first_break != -1 and _a_whole_stated_again(text, first_break, q, made, cues):
            return None
    key = (ctx.sentence_start, marker.start(), status)
    if key in totals:
        return totals[key]
    marker_clause = _clause_start(text, marker.start(), cues, ctx.sentence_start)
    if _NAMED_WHOLE.search(text, marker_clause, marker.start()):
        # ……612.5万元,【工会经费收入】含上级工会补助收入1580.6万元: the marker's clause names its own
        # whole, with no figure: the figure is a part of that, not of a total before
        if not any(marker_clause <= ind.span[0] and ind.span[1] <= marker.start() for ind in made):
            totals[key] = None
            return None
    # the total stands before the marker in its sentence, or in the sentence before when the
    # marker opens this one (……共筹集286万元;其中……), not across a clause of other words
    # (……4000元;另一部分……实施资助,其中本科以上资助3000元: no total)
    opens = cues.part_lead_in.match(text, ctx.sentence_start, marker.start()) is not None
    reach = ctx.sentence_start - 200 if opens else ctx.sentence_start
    total = None
    if opens and made and made[-1].span[1] <= marker.start() and made[-1].unit != q.unit \
            and made[-1].unit[:1] == q.unit[:1] and made[-1].sentence_span[0] < ctx.sentence_start:
        totals[key] = None  # ……救助困难职工家庭491户次。其中……405户: the total before is of another unit
        return None
    for indicator in reversed(made):
        if indicator.span[1] <= marker.start() and indicator.span[0] >= reach and (
                indicator.unit == q.unit or (indicator.unit in cues.headcount_units and q.unit in cues.headcount_units)):
            low = _clause_start(text, indicator.span[0], cues, max(0, reach, indicator.span[0] - 8))
            if cues.change_markers.search(text, low, indicator.quantity_span[0]):
                continue  # 比上年增加6家: a change, not the total
            if indicator.per or cues.average_words.search(text, low, indicator.quantity_span[0]):
                continue  # 平均月收入6240元: an average, not a sum
            if _closed_in_brackets(text, indicator.span, marker.start()):
                continue  # 436份(含……38份),……其中312份: a part in brackets is no total outside them
            if total is None:
                total = indicator
            if status is None or indicator.status == status:
                total = indicator
                break
    totals[key] = total.id if total else None
    return totals[key]
