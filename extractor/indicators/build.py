"""Quantities → indicator records: what was counted, the verb, actual or target.

For every quantity in a document the clause around it is read: the words
left of the number up to the clause start (``建立基层工会委员会20家``), or the
noun phrase right after the unit (``组织28家企业``), give the object; the last
verb before the number gives the predicate, inherited by the items of an
enumeration that share it.  jieba segments only these short windows, never a
whole document.  Cue words live in ``data/indicators.toml``.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Optional, Sequence

import regex

from ..concepts import concept_for
from ..quantities import find_quantities
from ..quantities.lexicon import lexicon
from ..records import Indicator, Quantity, Section, Span, evolve, fill
from ..sections import section_at
from .context import Breaks, context_of
from .cues import indicator_cues
from ..segment import segment, tag_of
from .reading import Reading, is_verb, left_object, predicate_of, read_quantity, strip_object
from .tables import TableRows
from .status import part_of_total, status_of

_ENDS_A_CLAUSE = regex.compile(r"[,，。;；]")
_HAN = regex.compile(r"\p{Han}")
_ALL_HAN_WORDS = regex.compile(r"\p{Han}+")


def _counted_after_its_noun(text: str, q: Quantity) -> bool:
    """新建农业园区工会联合会【一个】,: 一个 after a noun, ending its clause, is a count."""
    if q.unit not in ("个", "家") or q.span[0] < 2 or not _ENDS_A_CLAUSE.match(text, q.span[1]):
        return False
    if "一个" in text[max(0, q.span[0] - 10):q.span[0]] or "每" in text[max(0, q.span[0] - 8):q.span[0]]:
        return False  # 建一个、巩固一个、发挥作用一个: a slogan's rhythm; 每个乡镇一个: per, no count
    before = segment(text[max(0, q.span[0] - 6):q.span[0]])
    # (a noun jieba tags as a verb, 超市, still names the thing: only a verb of the cue list is one)
    cues = indicator_cues()
    if before and before[-1] in cues.group_suffixes and len(before) >= 2:
        return True  # 农民工法律援助【点】一个: a one-character noun that ends a name (点, 站, 室)
    return bool(before) and len(before[-1]) >= 2 and (tag_of(before[-1])[:1] == "n"
                                                      or before[-1] not in cues.verbs)
_ONLY_CONJUNCTIONS = regex.compile(r"[、和及与\s]*")




def _last_class(text: str, start: int, end: int, cues) -> Optional[str]:
    """The last class noun (……研修班, ……培训班) in ``text[start:end]``."""
    found = None
    for found in cues.phrases["class_noun"].finditer(text, start, end):
        pass
    return strip_object(found.group("class")) or None if found else None


def _topic_of_line(text: str, q: Quantity, lo: int, made: Sequence[Indicator], cues) -> Optional[str]:
    """The topic an outline's line names before its colon, for a figure after the colon (see
    topic_line); the k-th of two topics parted by / for the k-th figure after the colon."""
    line_start = text.rfind("\n", lo, q.span[0]) + 1
    found = cues.phrases["topic_line"].match(text, line_start, q.span[0])
    if found is None:
        return _card_label(text, line_start, lo, cues)
    topic = found.group("topic").strip()
    parts = [part.strip() for part in topic.split("/")]
    if len(parts) == 2 and all(len(part) >= 3 and not is_verb(part) for part in parts):
        order = sum(1 for ind in made if found.end() <= ind.quantity_span[0] < q.span[0])
        return parts[order] if order < 2 else None
    return parts[0] or None


def _card_label(text: str, line_start: int, lo: int, cues) -> Optional[str]:
    """The label line right above a card's short line of a verb and figure (职工之家 / 新建12家)."""
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    if line_start - 1 <= lo or not cues.phrases["card_line"].fullmatch(text, line_start, line_end):
        return None
    label_start = text.rfind("\n", lo, line_start - 1) + 1
    label = cues.phrases["card_label"].fullmatch(text, max(label_start, lo), line_start - 1)
    return label.group() if label is not None else None


_LIST_REACH = 40  # lines a list of label-and-figure lines may run under its lead-in


def _listed_thing(text: str, q: Quantity, lo: int, cues) -> Optional[str]:
    """What a figure on a list line counts, as the list's lead-in names it (see list_lead_in)."""
    line_start = text.rfind("\n", lo, q.span[0]) + 1
    line_end = text.find("\n", q.span[1])
    line_end = len(text) if line_end < 0 else line_end
    if line_end - line_start > 40 or not cues.phrases["list_line"].fullmatch(text, line_start, line_end):
        return None
    end = line_start - 1
    for _ in range(_LIST_REACH):
        if end <= lo:
            return None
        start = max(lo, text.rfind("\n", lo, end) + 1)
        if start < end and not cues.phrases["list_line"].fullmatch(text, start, end):
            lead_in = cues.phrases["list_lead_in"].search(text, max(start, end - 60), end)
            if lead_in is None:
                return None
            thing = lead_in.group("thing")
            if lead_in.group("situation") and not (q.unit and q.unit[0] in thing):
                # ……入会情况如下: / 快递员386人, 项目推进情况如下: / 完成职工书屋建设12家: a situation's lines
                # name their own things (but 得票情况如下: / 王××79票 counts the 票 the lead-in names)
                return None
            return strip_object(thing) or thing
        end = start - 1
    return None


def _total_in_table(tables, q: Quantity, made: Sequence[Indicator], cues) -> Optional[str]:
    """A figure in a table's 其中 row is a part of the figure in its column of the row above."""
    if not tables:
        return None
    above = tables.total_above(q.span[0], q.span[1], cues.part_marker_words)
    if above is None:
        return None
    return next((i.id for i in reversed(made) if above[0] <= i.quantity_span[0] and i.quantity_span[1] <= above[1]), None)


def _phrase_start(text: str, floor: int, q: Quantity, predicate: Optional[str], obj: Optional[str]) -> int:
    """Where the words that name the figure begin: 【签订集体合同25份】 (never before ``floor``)."""
    number_start = q.span[0]
    window_start = max(floor, number_start - indicator_cues().left_window)
    start = number_start
    per_words = _per_words(q.per) if q.per else ()  # 【每人】2000元, 【户均】1500元
    for word in (obj, predicate, *per_words):
        if word:
            at = text.rfind(word, window_start, number_start)
            if 0 <= at < start:
                start = at
    return start


@lru_cache(maxsize=64)
def _per_words(per: str) -> tuple[str, ...]:
    """How a per-unit figure's unit is written before it: 每人, and the averages (人均, 人平)."""
    lex = lexicon()
    measured = (lex.per_prefix + measure + per for measure in _PER_MEASURES)  # 每【个】车间, 每【名】学生
    return (lex.per_prefix + per, *measured, *(word for word, unit in lex.per_averages.items() if unit == per))


_PER_MEASURES = ("个", "名", "位", "家", "所", "户", "座", "条", "项", "批")


def _shifted(q: Quantity, by: int) -> Quantity:
    number_span = (q.number_span[0] + by, q.number_span[1] + by) if q.number_span else None
    return replace(q, span=(q.span[0] + by, q.span[1] + by), number_span=number_span)


def is_indicator(text: str, q: Quantity) -> bool:
    """SPEC section 3: a quantity that measures work, people, money or results."""
    cues = indicator_cues()
    unit = q.unit
    if unit is None or q.kind == "ratio":
        return False
    if unit in cues.drop_units and not (unit in cues.age_units and cues.average_before.search(text, max(0, q.span[0] - 6), q.span[0])):
        return False  # (平均年龄43.6岁: a group's average age describes the group, it stays)
    if (unit in cues.article_units and q.number_span and text[q.number_span[0]:q.number_span[1]] == "一"
            and not _counted_after_its_noun(text, q)):
        return False  # 一个宣传载体: an article (工会联合会【一个】, at a clause's end, counts)
    if q.number_span and text[q.number_span[0]:q.number_span[1]] == "一" and q.span[0] and text[q.span[0] - 1] == "每":
        return False  # 对每一户, 每一笔经费, 每一位职工: each, no count
    start, end = q.span
    if q.bound and unit in ("人", "名") and cues.size_class.match(text, end):
        return False  # 百人以上企业: a size class of what follows, not a count
    if (unit == "项" and q.number_span and cues.phrases["few"].fullmatch(text, q.number_span[0], q.number_span[1])
            and (cues.phrases["after_a_pair"].search(text, max(0, start - 10), start) or cues.phrases["summed_next"].match(text, end))):
        return False  # 职工活动和维权两项, 两项奖励资金共计6万元: the things named, summed, no count
    if unit == "分" and cues.score_grade.match(text, end):
        return False  # 90分以上为优秀: where a grade begins, no score obtained
    opened = text.rfind("《", max(0, start - 40), start)
    if opened >= 0 and "》" not in text[opened:start]:
        return False  # a count inside a title: 《……十项准则》
    if (q.number_span and not text[q.number_span[0]].isdigit() and cues.slogan_count.match(text, end)
            and (start and text[start - 1] == "”" or _ends_a_list(text, start))):
        return False  # “建会入会、维权帮扶、建功立业”三项重点, 突出建会入会、维权服务、素质提升三项重点: the parts named
    followed, preceded = _drop_rules_for(unit)
    if followed:  # slices, not pos/endpos: the rules anchor at their ^ and $
        following = text[end:end + 8]
        for rule in followed:
            if rule.search(following):
                return False
    if preceded:
        preceding = text[max(0, start - 16):start]
        for rule in preceded:
            if rule.search(preceding):
                return False
    return True


_CLAUSE_MARK = regex.compile(r"[,，;；。:：]")


def _ends_a_list(text: str, start: int) -> bool:
    """Whether the clause before ``start`` lists names with 、 (A、B、C三项重点)."""
    before = text[max(0, start - 24):start]
    marks = [m.end() for m in _CLAUSE_MARK.finditer(before)]
    return "、" in before[marks[-1] if marks else 0:]


@lru_cache(maxsize=1024)
def _drop_rules_for(unit: str) -> tuple[tuple, tuple]:
    """The drop rules whose unit pattern matches ``unit`` (units are few, figures many)."""
    cues = indicator_cues()
    return (tuple(f for u, f in cues.drop_followed if u.search(unit)),
            tuple(p for u, p in cues.drop_preceded if u.search(unit)))


def find_indicators(text: str, span: Span, sections: Sequence[Section], doc_type: str,
                    first_id: int = 1, quantities: Optional[Sequence[Quantity]] = None,
                    doc_year: Optional[int] = None) -> list[Indicator]:
    """Indicator records of one document (spans in ``text``, the normalised copy).

    ``quantities`` are those of the whole ``text`` when the caller has them
    (one scan per page); otherwise the document's span is scanned.  ``doc_year``
    is the year the document is about, when known (a plan's earlier years report facts).
    """
    lo, hi = span
    if quantities is None:
        quantities = find_quantities(text[lo:hi])
        shift = lo
    else:
        quantities = [q for q in quantities if lo <= q.span[0] and q.span[1] <= hi]
        shift = 0
    if shift:
        quantities = [_shifted(q, shift) for q in quantities]
    breaks = Breaks.of(text, lo, hi)
    tables = TableRows(text, lo, hi)
    if tables:  # bare figures under a header that writes their unit: 已建会企业(家) over 118
        quantities = sorted([*quantities, *tables.header_quantities()], key=lambda q: q.span)
    cues = indicator_cues()
    # a document without any part marker (其中, 包括) has no parts to link: one scan, not one per figure
    may_have_parts = cues.part_markers.search(text, lo, hi) is not None
    section_starts = [section.span[0] for section in sections]
    made: list[Indicator] = []
    figure_starts: list[int] = []  # where each of ``made`` starts its number, in order
    totals: dict = {}
    consumed = lo
    previous: Optional[Indicator] = None
    allotted: Optional[tuple] = None  # (end, thing) of the last total shared out among units
    last_figure_end = lo  # a span never reaches back over another figure
    for q in quantities:
        if not is_indicator(text, q):
            if q.unit not in cues.drop_units:
                last_figure_end = q.span[1]  # (a span of time, 五年, is words of the clause)
            continue
        floor, last_figure_end = last_figure_end, q.span[1]
        ctx = context_of(breaks, lo, hi, q)
        prior = _of_its_kind(made, q, ctx) or previous  # the last figure of the kind of q, near
        reading = read_quantity(text, q, ctx, max(consumed, floor), _whole_of(prior, made, ctx))
        if (not reading.object and previous is not None and consumed > ctx.clause_start
                and previous.unit in cues.kind_units and previous.span[0] >= ctx.clause_start):
            # 五项集体合同177份: the first figure counts kinds of it, the noun counts here too
            reading = reading._replace(object=previous.object, predicate=reading.predicate or previous.predicate)
        predicate = reading.predicate
        same_sentence = previous is not None and previous.sentence_span[0] == ctx.sentence_start
        if predicate is None and same_sentence:
            predicate = previous.predicate  # an enumeration shares its verb
        same_prior = prior is not None and prior.sentence_span[0] == ctx.sentence_start
        clause_left = text[ctx.clause_start:q.span[0]].strip()  # the words of the clause before the figure
        if (q.kind == "money" and not reading.object and previous is not None and previous.kind == "count"
                and previous.object and previous.span[0] >= ctx.clause_start and previous.quantity_span[1] == q.span[0]):
            # 重复救助7户1.4万元: the money of the item the count right before it names
            reading = reading._replace(object=previous.object, confidence=0.6)
        elif (q.unit in cues.people_units and reading.confidence <= 0.35 and previous is not None
              and previous.unit in cues.batch_units and previous.object and previous.quantity_span[1] == q.span[0]):
            # 培训村级工会干部2期60人: the people of the classes counted right before
            reading = reading._replace(object=previous.object, confidence=0.6)
        elif (q.kind == "money" and not reading.object and previous is not None and previous.kind == "percent"
              and previous.object and text[previous.quantity_span[1]:q.span[0]] in cues.share_amount_joins):
            # 县总工会承担70%、约51万元: the amount of the share right before it
            reading = reading._replace(object=previous.object, confidence=0.6)
        group = cues.bare_share.fullmatch(text, ctx.clause_start, q.span[0]) if q.kind == "percent" else None
        if group is not None and _HAN.search(group.group("group")) and len(group.group("group").strip()) >= 2:
            # 30岁以下的占42.6%: the group's share, as written (its threshold is no object of its own)
            reading = reading._replace(object=group.group("group").strip(), confidence=0.7)
        elif same_prior and (prior.unit == q.unit or (prior.unit in cues.head_units and q.unit in cues.head_units)) \
                and prior.object and not q.per and (
                not reading.object
                # a verb for its object borrows only from the figure right before it (会员5万人,
                # 入会率92%,培训2000人: not 会员)
                or (reading.object == reading.predicate and reading.confidence <= 0.5 and prior is previous)
                or reading.confidence <= 0.35  # only a guess from the clause before
                or (_ONLY_CONJUNCTIONS.fullmatch(text[prior.quantity_span[1]:q.span[0]])
                    and reading.consumed_right <= q.span[1])  # (……3000元、2000元【奖励】: its own noun)
                or cues.locative_then.fullmatch(text, prior.span[1], q.span[0])) and not (
                reading.object == reading.predicate and reading.predicate in cues.nominal_verbs
                and prior.predicate != reading.predicate):  # 建立劳资纠纷调解【组织】79家: the verb names it
            # 应到职工代表96名,实到93名 / 分别奖励3000元、2000元: the noun is not repeated;
            # 办结93件,办结率94.9%,其余5件: nor after a rate; 22个帮扶站【中】只有5个
            reading = reading._replace(object=prior.object, confidence=0.6)
        elif (reading.object in cues.whole_only_words and same_sentence and previous.unit == q.unit
              and previous.object and previous.object not in cues.whole_only_words):
            # 新建户外劳动者服务驿站10个,总数突破70个: the whole of what was counted before
            reading = reading._replace(object=previous.object, confidence=0.6)
        elif (not reading.object and prior is not None and prior is previous and prior.unit == q.unit
              and prior.object and not q.per and text[prior.sentence_span[1]:prior.sentence_span[1] + 1] in ";；"
              and ctx.sentence_start - prior.sentence_span[1] <= 2):
            # 杨林县解困脱困率最高,达到78.5%;西河县最低,为52.3%: a ;-part naming nothing, in the unit
            # of the part before, measures the same thing
            reading = reading._replace(object=prior.object, confidence=0.5)
        elif (same_sentence and previous.object and previous.unit == q.unit
              and (cues.comparison_base.match(text[ctx.clause_start:q.span[0]].strip())
                   or cues.phrases["bracketed_base"].fullmatch(text, previous.quantity_span[1], q.span[0]))):
            # 投入达到1.05亿元,比2019年的5200万元增加了一倍多: the base counts the same thing
            reading = reading._replace(predicate=previous.predicate, object=previous.object, confidence=0.6)
            predicate = previous.predicate
        elif (same_sentence and q.per and not previous.per and previous.unit == q.unit and previous.object
              and (reading.object in (None, "", q.per, *_per_words(q.per))
                   or (reading.object == reading.predicate and reading.predicate not in cues.nominal_verbs))):
            # (人均追回近1.5万元: a bare verb; 每户借款1万元 names its money by the verb)
            # 发放助学金共计6.4万元,每人2000元: the amount each gets of what was counted before
            reading = reading._replace(object=previous.object, confidence=0.6)
        elif (same_sentence and reading.predicate is None and reading.object and previous.unit == q.unit
              and not cues.respectively.search(text, ctx.sentence_start, q.span[0])  # (……分别: see _respectively)
              and previous.object and len(reading.object) >= 3 and cues.place_name.search(reading.object)
              and not cues.place_name.search(previous.object) and reading.consumed_right <= q.span[1]):
            # 各县区新建工会组织不少于20家,高新区不少于10家: the place says where, the noun is the one before
            # (not a place counted after its measure word: 九个街道和【三个工业园区】)
            reading = reading._replace(object=previous.object, confidence=0.6)
        elif (same_sentence and q.per and previous.per and previous.unit == q.unit and previous.object
              and reading.object in (None, "", q.per, reading.predicate) and reading.object != previous.object):
            # 每个街道至少建设2个服务站点,每个镇至少建设1个: per place in parallel, the noun not repeated
            reading = reading._replace(object=previous.object, confidence=0.6)
        elif (not reading.object and same_sentence and previous.object and previous.unit not in cues.people_and_home_units
              and clause_left in cues.worth_words):
            # 发放慰问物资1.6万份,价值28.5万元: what the goods counted before are worth
            reading = reading._replace(object=previous.object, confidence=0.5)
        elif (q.per and not reading.object and prior is not None and prior.kind == q.kind == "money"
              and not prior.per and prior.object and ctx.sentence_start - prior.sentence_span[1] <= 2):
            # 发放助学金40.2万元。其中,在读大学生98名,每生每年3000元: the money of the sentence before
            reading = reading._replace(object=prior.object, confidence=0.4)
        if (same_sentence and previous.unit == q.unit and previous.object and reading.object
                and reading.object != previous.object
                and cues.phrases["compared_with"].match(clause_left) and reading.object in clause_left[1:]):
            # 拨缴经费收入905.37万元,比预算增加45.67万元: the change of the figure before, not of the base
            reading = reading._replace(object=previous.object, confidence=0.6)
        if (q.kind == "money" and not reading.object and previous is not None and same_sentence
                and (paid := cues.phrases["money_noun_end"].search(text, previous.quantity_span[1], q.span[0]))):
            # 拖欠46名农民工工资83.2万元: the money named right before the figure, after the count
            reading = reading._replace(object=strip_object(text[previous.quantity_span[1]:q.span[0]]) or paid.group(),
                                       confidence=0.6)
        if (q.kind == "fraction" and previous is not None and same_sentence and previous.kind == "percent"
                and previous.object and cues.phrases["bound_only"].fullmatch(text, ctx.clause_start, q.span[0])):
            # 签订率仅为71.3%,不到四分之三: the same rate again, as a fraction
            reading = reading._replace(object=previous.object, confidence=0.6)
        if (reading.object and reading.predicate and (
                (len(reading.object) <= 4 and cues.place_name.search(reading.object)
                 and reading.consumed_right <= q.span[1])  # (仍有3个【偏远乡镇】: the places are counted)
                or (reading.confidence <= 0.6 and 2 <= clause_left.find(reading.predicate) <= 5
                    and cues.place_name.search(clause_left[:clause_left.find(reading.predicate)])))
                and (earlier := _same_verb_before(made, q, reading.predicate, cues)) is not None):
            # 检查用人单位186家……柳林区检查52家: a place's share of what the verb was done to before
            # (the place as the object, or before the verb of a clause that borrowed its thing)
            reading = reading._replace(object=earlier.object, confidence=0.5)
        if (q.kind == "count" and not reading.predicate and 2 <= len(clause_left) <= 5
                and (not reading.object or len(reading.object) <= 1 or cues.place_name.search(reading.object))
                and cues.place_name.search(clause_left) and _ALL_HAN_WORDS.fullmatch(clause_left)
                and clause_left[0] not in "全各本该每" and clause_left not in cues.not_objects
                and (listed := _place_list_thing(text, made, q, ctx, cues)) is not None):
            # ……平川区诉求量最多,为318件;安北区247件;青川县186件: a place's share of the thing listed
            reading = reading._replace(object=listed, confidence=0.5)
        if (q.kind == "money" and not reading.object and clause_left in cues.sum_words
                and (named := _last_match(cues.phrases["money_named_before"], text, ctx.sentence_start, ctx.clause_start))):
            # 把拖欠的工钱一分不少地补上了,一共四万二千元: the money the sentence named before its sum
            words = segment(named)  # (the money's own word: 参与【捐款】, 拖欠的【工钱】)
            reading = reading._replace(object=words[-1] if len(words[-1]) >= 2 else named, confidence=0.5)
        if (q.kind == "money" and not reading.object and clause_left in cues.sum_words
                and (event := cues.phrases["event_topic"].match(text, ctx.sentence_start, q.span[0]))):
            # 此次慰问,……送去矿泉水310箱、香皂800块,共计3万元: what the event's goods were worth
            reading = reading._replace(object=event.group("event"), confidence=0.5)
        if q.per and not reading.object and (parallel := _last_per(text, made, q, ctx)) is not None:
            # 本科新生134名,每人5000元;专科新生178名,每人3000元: what each gets, as in the ;-part before
            reading = reading._replace(object=parallel.object, confidence=0.5)
        if (q.kind == "money" and q.per and not cues.phrases["money_char"].search(reading.object or "")
                and (standard := _standard_of_paragraph(text, q.span[0]))):
            # 慰问金标准:困难职工每户1000元至3000元,劳动模范每人2000元: the money the standard sets
            reading = reading._replace(object=standard, confidence=0.6)
        if (not reading.object or reading.confidence <= 0.6) and (label := _label_before_colon(text, ctx, q)):
            # (a figure right after its own label's colon is named by it, not borrowed: 女职工:352人,农民工:418人)
            reading = reading._replace(object=label, confidence=0.7)  # 职工人数:1268人 (a form's line)
            if q.kind == "money" and cues.unit_name.search(label) and (shared := _sum_shared_out(made)) is not None:
                # 江南区总工会:肆拾贰万元: a unit's share of the money the document shares out
                reading = reading._replace(object=shared.object, confidence=0.6)
        if reading.object and reading.object.endswith(cues.allot_last_chars) and cues.allotted_by.search(reading.object) and \
                (thing := _quota_before(made, q)) is not None:
            # 各县(市、区)总工会共分配78名: the quota shared out, not who shares it
            reading = reading._replace(object=thing.object, confidence=0.6)
            allotted = (q.span[1], thing.object)
        elif (allotted is not None and reading.object and cues.unit_name.search(reading.object)
              and q.span[0] - allotted[0] <= cues.allotment_reach and not predicate_of(reading.object)):
            # ……共分配78名: 江口县 15名, 西坝区 12名: each unit's share of the quota
            reading = reading._replace(object=allotted[1], confidence=0.6)
        if (q.unit in cues.people_units and text.endswith(cues.helped_outcomes, 0, q.span[0])
                and (helped := cues.phrases["helped_group"].search(text, max(ctx.clause_start, q.span[0] - 30), q.span[0]))):
            # 帮助脱贫劳动力和农村富余劳动力实现就业1,046人: the people helped, not their outcome
            reading = reading._replace(object=helped.group("group"), confidence=0.7)
        if q.unit in cues.vote_units and (not reading.object or reading.object in cues.obtaining_votes
                                          or text.endswith(cues.obtaining_votes, 0, q.span[0])
                                          or _names_a_person(reading.object, cues)):
            # 得7票, 郑晓红(女):140票: the votes a candidate got, not the candidate
            reading = reading._replace(object=cues.votes_got, confidence=0.7)
        cell = tables.cell_of(q.span[0], q.span[1])
        if (cell is not None and cell.own_words and reading.object and tag_of(reading.object)[:1] == "v"
                and any(ind.unit == q.unit and text.rfind("\n", 0, ind.span[0]) == text.rfind("\n", 0, q.span[0])
                        for ind in made[-4:])):
            # 困难职工 | 户 | 27 | 21户 | 全年解困9户: a remark's bare verb counts the row's thing
            reading = Reading(None, strip_object(cell.label) or cell.label, 0.6, -1)
        if cell is not None and not cell.prose and (not cell.own_words or not reading.object or reading.confidence < 0.5):
            # a figure alone in a table's cell counts what the row's label names (a cell with
            # words of its own, 5个项目, is read as a clause)
            stripped = strip_object(cell.label)
            # (人均(元): the column's thing is 人均, not the 人 its stripping leaves)
            reading = Reading(None, (stripped if len(stripped) > 1 else cell.label).lstrip(":：、 "), 0.8, -1)
            predicate = predicate_of(cell.label)
        if (cues.phrases["class_hour_units"].match(q.unit or "")
                and not (reading.object and reading.object == reading.predicate and reading.object not in cues.arranging_verbs)
                and (taught := _last_class(text, ctx.sentence_start, q.span[0], cues))):
            # 举办……研修班2期,每期24学时: the hours of the class named before
            reading = reading._replace(object=taught, confidence=0.6)
        if cell is None and (not reading.object or reading.object == reading.predicate or reading.object[:1] in "/:：") \
                and (topic := _topic_of_line(text, q, lo, made, cues)):
            # ● 职工之家/职工书屋:新建12个/9个, ● “两节”送温暖:走访386户: the line's topic before its colon
            reading = reading._replace(object=topic, confidence=0.6)
        if (cell is None or not cell.own_words) and (listed := _listed_thing(text, q, lo, cues)):
            # 各分工会代表名额如下: / 机加工车间分工会 24名: the lead-in names what each line counts
            reading = Reading(None, listed, 0.7, -1)
        if q.kind in ("percent", "fraction") and (share := cues.share_of_base.fullmatch(
                text, ctx.clause_start, q.span[0])) and not cues.plan_bases.search(share.group("base")):
            part = strip_object(share.group("part").strip()) if share.group("part").strip() else ""
            if not part and (amount := _last_amount(made, ctx)) is not None:
                part = amount.object  # 拨缴经费收入1046.38万元,占收入合计的70.71%
            if part:
                reading = reading._replace(object=part, confidence=0.7)
        if (q.unit == "%" and not reading.object and previous is not None and previous.object
                and text[previous.quantity_span[1]:q.span[0]] == "的"):
            # 完成年度任务1300份的86.6%: the share of the figure right before it
            reading = reading._replace(object=previous.object, confidence=0.6)
        if (q.unit in cues.multiple_units and not reading.object and previous is not None and previous.object
                and previous.sentence_span[0] == ctx.sentence_start):
            # 创新工作室从18家增加到27家,是上年的1.5倍: a multiple of what the sentence counted
            reading = reading._replace(object=previous.object, confidence=0.6)
        if (q.unit == "%" and cues.growth_against.fullmatch(clause_left)
                and (grown := _last_amount(made, ctx)) is not None):
            # 会员总数达到8.6万人,比2015年增长32%: the change of the last amount in the sentence
            reading = reading._replace(object=grown.object, confidence=0.6)
        if clause_left in cues.remainder_words and (named := cues.phrases["remainder_named"].match(text, q.span[1], ctx.clause_end)):
            # 其余12.6万元为企业和社会捐助: the rest named by what it is
            written = named.group(1) or named.group(2)
            reading = reading._replace(object=strip_object(written) or written, confidence=0.6)
        elif (clause_left in cues.remainder_words
                and (counted := _last_of_unit(made, q, ctx)) is not None):
            # 立案58件,立案率67.4%;其余28件……: the rest of what was counted before
            reading = reading._replace(object=counted.object, confidence=0.6)
        elif (not reading.object and reading.predicate in cues.borrowing
              and reading.predicate not in cues.increase_verbs  # (又增加5家,累计……50家: the total says)
              and (counted := _last_of_unit(made, q, ctx, _full_sentence_start(text, ctx))) is not None):
            # 东安区完成112家,……;西河县完成38家: a place's share of what was counted before
            reading = reading._replace(object=counted.object, confidence=0.5)
        section = section_at(sections, q.span[0], section_starts)
        start = _phrase_start(text, max(floor, ctx.clause_start), q, predicate, reading.object)
        if q.change == "to":
            start = min(start, max(floor, ctx.clause_start))  # 【增长到2022年的】6.56万元: the change's words
        status = status_of(text, q, ctx, section.category if section else None, doc_type,
                           section.span[0] if section else lo, figure_starts, doc_year)
        if cell is not None and cell.status is not None:
            status = cell.status  # the column's header: 目标值, 完成值
        elif cell is not None and cell.year is not None and doc_year is not None:
            status = "actual" if cell.year < doc_year else status  # a plan's table: its 2020年 column is done
        elif q.change == "from" and status == "target":
            status = "actual"  # 标准由400元提高到500元 in a plan: where it starts is a fact
        indicator = fill(Indicator, {  # every field, in the class's order
            "id": f"i{first_id + len(made)}", "section": section.id if section else None,
            "span": (start, max(q.span[1], reading.consumed_right)),
            "sentence_span": (ctx.sentence_start, ctx.sentence_end), "text": q.text,
            "predicate": predicate, "object": reading.object,
            "concept": concept_for(reading.object, predicate, q.unit, q.kind),
            "value": None if q.masked else q.value, "unit": q.unit, "kind": q.kind, "approx": q.approx,
            "bound": q.bound, "range": q.range, "per": q.per, "status": status, "masked": q.masked,
            # an amount per head is no share of a total (其中,为每户……发放慰问金2000元), nor is an
            # average age (其中女性2名……,平均年龄43.6岁)
            "part_of": (_total_in_table(tables, q, made, cues)
                        or part_of_total(text, q, ctx, made, totals, status)
                        or _list_goes_on(text, q, ctx, made, reading.predicate))
            if may_have_parts and not q.per and q.unit not in cues.age_units else None,
            "confidence": reading.confidence, "change": q.change, "quantity_span": q.span,
        })
        if indicator.part_of:
            total = next(i for i in made if i.id == indicator.part_of)
            if indicator.object is None or _names_what_they_did(indicator) or indicator.object.isdigit() \
                    or (indicator.object == indicator.predicate
                                            and (indicator.confidence <= 0.5 or indicator.predicate == total.predicate)
                                            and total.sentence_span == indicator.sentence_span):
                # (收缴工会经费1.36亿元,……其中二季度收缴7920万元: the total's verb again, its thing too)
                # 培训职工620人,其中320人取得了证书: a part named by its verb only counts the total's thing
                # (其中……35岁以下1名: an age class leaves only its number, the part is of the total's thing)
                indicator = evolve(indicator, object=total.object, concept=total.concept)
        elif (previous is not None and indicator.unit in cues.people_units and previous.unit in cues.people_units
              and previous.object and previous.sentence_span == indicator.sentence_span
              and cues.part_markers.search(text, previous.quantity_span[1], q.span[0])
              and _names_what_they_did(indicator)):
            # 培训农民工960人次,其中712人取得职业资格证书: people of the count before (in another
            # people's unit, so no part of it to add up), named by what they did
            indicator = evolve(indicator, object=previous.object, concept=previous.concept)
        made.append(indicator)
        figure_starts.append(q.span[0])
        previous = indicator
        consumed = max(q.span[1], reading.consumed_right)
    return _values_named_by_the_last(text, _tasks_named_by_their_figure(
        _money_per_head_named_by_its_sum(text, _objects_from_a_total(text, _respectively(text, made, lo, hi), lo, hi))))


_BRACKETED = regex.compile(r"[(（][^)）]*[)）]")
_HAN_ONLY = regex.compile(r"\p{Han}+")


def _names_a_person(words: str, cues) -> bool:
    """Whether ``words`` are a person's name (郑晓红(女), 冯涛): tagged so, or two to four
    hanzi opening with a common surname."""
    name = _BRACKETED.sub("", words).replace(" ", "").replace("\u3000", "")
    return 2 <= len(name) <= 4 and (tag_of(name) == "nr" or (name[0] in cues.surnames and _HAN_ONLY.fullmatch(name) is not None))


def _last_match(pattern, text: str, start: int, end: int) -> str:
    """The last match of ``pattern`` in ``text[start:end]``, or ''."""
    found = ""
    for match in pattern.finditer(text, start, end):
        found = match.group()
    return found


def _values_named_by_the_last(text: str, made: list[Indicator]) -> list[Indicator]:
    """分别给予5000元、3000元、2000元【奖励】: values listed with only 、 between them, the last
    followed by its noun, all count that noun (the ones before it were named by the verb alone)."""
    result = made
    for k in range(len(made) - 1, 0, -1):
        last = made[k]
        if not last.object or last.span[1] <= last.quantity_span[1] or made[k - 1].unit != last.unit:
            continue  # (its noun is not written after it)
        j = k - 1
        while (j >= 0 and made[j].unit == last.unit and made[j].sentence_span == last.sentence_span
               and _ONLY_CONJUNCTIONS.fullmatch(text, made[j].quantity_span[1], made[j + 1].quantity_span[0])
               and (made[j].object in (None, made[j].predicate) or made[j].confidence <= 0.5)):  # (or a guess)
            if result is made:
                result = list(made)
            result[j] = evolve(made[j], object=last.object, concept=last.concept, confidence=0.6)
            j -= 1
    return result


def _sum_shared_out(made: Sequence[Indicator]) -> Optional[Indicator]:
    """The largest sum of money named before, by no unit's name: what a list of units shares out
    (本次下拨送温暖专项资金共计356万元, then 江南区总工会:42万元 ……)."""
    unit_name = indicator_cues().unit_name
    sums = [i for i in made if i.kind == "money" and not i.per and i.object and not unit_name.search(i.object)
            and i.value is not None]
    return max(sums, key=lambda i: i.value) if sums else None


def _tasks_named_by_their_figure(made: list[Indicator]) -> list[Indicator]:
    """新签工资专项集体合同1126份,完成年度任务1300份的86.6%: a task named only as a task counts
    what the figure before it in its sentence and unit counts (the completion rate after it
    keeps naming the task, as read); a task of money keeps its name (most writers' and
    annotators' usage: 全年任务160万元, 市总工会下达任务1200万元)."""
    only_a_task = indicator_cues().phrases["only_a_task"]
    result = made
    for k in range(1, len(made)):
        ind = made[k]
        if ind.kind in ("percent", "money") or not ind.object or not only_a_task.fullmatch(ind.object):
            continue  # (a sum of money set as a task is named as the task: 完成全年任务160万元的54%)
        # the last figure before it in its sentence and unit (a rate or a base may stand between)
        before = next((b for b in reversed(made[:k]) if b.sentence_span == ind.sentence_span and b.unit == ind.unit),
                      None)
        if before is not None and before.object and not only_a_task.fullmatch(before.object):
            if result is made:
                result = list(made)
            result[k] = evolve(ind, object=before.object, concept=before.concept, confidence=0.6)
    return result


def _money_per_head_named_by_its_sum(text: str, made: list[Indicator]) -> list[Indicator]:
    """其中本科生每人4000元、专科生每人3000元 after 发放助学金23.5万元: an amount per head named by
    nothing, only by the people it goes to, or by a verb of the clause before (资助困难职工子女
    126名,每人3000元,发放助学金37.8万元) is the money the sentence sums (助学金)."""
    cues = indicator_cues()
    result = made
    for k, ind in enumerate(made):
        if not (ind.kind == "money" and ind.per and (ind.object is None or (
                cues.phrases["people_end"].search(ind.object) and ind.object not in cues.nominal_verbs)
                or (ind.object == ind.predicate and ind.object not in _own_clause(text, ind))
                or (ind.predicate is None and ind.object in cues.aid_verbs
                    and ind.object not in _own_clause(text, ind, whole=True)))):
            continue  # (每户借款1万元, 每人奖励5000元: the verb of its own clause names the money)
        total = next((t for t in made if t.sentence_span == ind.sentence_span and t.kind == "money"
                      and not t.per and t.object and cues.phrases["money_end"].search(t.object)), None)
        if total is None:
            total = _sum_its_parts_follow(text, made, k, cues)
        if total is not None:
            if result is made:
                result = list(made)
            result[k] = evolve(ind, object=total.object, confidence=0.5,
                               concept=concept_for(total.object, ind.predicate, ind.unit, ind.kind))
    return result


def _sum_its_parts_follow(text: str, made: list[Indicator], k: int, cues) -> Optional[Indicator]:
    """发放助学金125.4万元。其中,资助本科新生138名,每人5000元;……: the money a sentence before
    sums, when 其中 opens its parts and only amounts per head stand between, in one paragraph."""
    ind = made[k]
    for before in reversed(made[:k]):
        if before.kind != "money" or before.per:
            continue
        between = text[before.quantity_span[1]:ind.quantity_span[0]]
        if ("\n" not in between and before.object and cues.phrases["money_end"].search(before.object)
                and cues.part_markers.match(between.lstrip("。;；,，:： "))):
            return before
        return None  # (a money figure of its own stands between)
    return None


def _own_clause(text: str, ind: Indicator, whole: bool = False) -> str:
    """The words of a figure's clause, from its last clause break to the figure's end (to the
    clause's end when ``whole``)."""
    start = max(text.rfind(mark, ind.sentence_span[0], ind.quantity_span[0]) for mark in ",，;；:：") + 1
    end = ind.quantity_span[1]
    if whole:
        end = min((at for at in (text.find(mark, end, ind.sentence_span[1]) for mark in ",，;；:：。") if at >= 0),
                  default=ind.sentence_span[1])
    return text[max(start, ind.sentence_span[0]):end]


_LABEL = regex.compile(r"[\p{Han}()“”]{2,12}")


def _standard_of_paragraph(text: str, at: int) -> str:
    """The money a paragraph opening with its standard's label names (【慰问金】标准:……), or ''."""
    start = text.rfind("\n", 0, at) + 1
    found = indicator_cues().phrases["standard_label"].match(text, start, at)
    if found is None:  # (二)慰问标准。【慰问金标准为:】困难职工每户1000元: the label opens the sentence
        sentence_start = max(text.rfind(mark, start, at) for mark in "。;") + 1
        found = indicator_cues().phrases["standard_label"].match(text, max(start, sentence_start), at)
    return found.group("thing") if found else ""


_SAME_VERB_REACH = 600  # characters back a place's figure may find the total its verb was done to


def _place_list_thing(text: str, made: Sequence[Indicator], q: Quantity, ctx, cues) -> Optional[str]:
    """The thing the figure before, up to the last full stop and in the figure's unit, counts,
    without the place that opens its name (平川区诉求量 → 诉求量), when that is more than a place."""
    stop = max(text.rfind(mark, 0, ctx.sentence_start) for mark in cues.full_stops)
    for indicator in reversed(made):
        if indicator.quantity_span[0] <= stop:
            return None
        if indicator.unit == q.unit and indicator.object:
            thing = cues.place_prefix.sub("", indicator.object)
            return thing if len(thing) >= 2 and not cues.place_name.search(thing) else None
    return None


def _same_verb_before(made: Sequence[Indicator], q: Quantity, verb: str, cues) -> Optional[Indicator]:
    """The last figure in the unit of ``q``, with the same verb and an object that is no place."""
    for indicator in reversed(made):
        if q.span[0] - indicator.quantity_span[1] > _SAME_VERB_REACH:
            return None
        if (indicator.predicate == verb and indicator.unit == q.unit and indicator.object
                and not indicator.part_of and not cues.place_name.search(indicator.object)):
            return indicator  # (a part's total, not the part: 检查用人单位186家,其中……其他用人单位22家)
    return None


def _in_the_part_before(text: str, indicator: Indicator, ctx) -> bool:
    """Whether the figure's sentence is the ;-part right after ``indicator``'s."""
    end = indicator.sentence_span[1]
    return text[end:end + 1] in ";；" and 0 <= ctx.sentence_start - end <= 2


def _last_per(text: str, made: Sequence[Indicator], q: Quantity, ctx) -> Optional[Indicator]:
    """The last figure per the same thing in the unit of ``q``, with an object, in its sentence or
    the ;-part right before it."""
    for indicator in reversed(made):
        if not (indicator.sentence_span[0] == ctx.sentence_start or _in_the_part_before(text, indicator, ctx)):
            return None
        if indicator.per == q.per and indicator.unit == q.unit and indicator.object:
            return indicator
    return None


_LIST_ITEM_CHARS = 12  # an item of a list of parts names its kind in a few words


def _list_goes_on(text: str, q: Quantity, ctx, made: Sequence[Indicator], verb: Optional[str]) -> Optional[str]:
    """The total of a list of parts that goes on past a ; (其中企业工会812个,占61.4%;机关事业单位
    工会365个,占27.6%;……): the figure right after the ;, in the unit of the part before it and
    with no verb of its own (not ;注销基层工会16个), is a part of the same total."""
    if (verb is not None and verb not in indicator_cues().nominal_verbs) or q.kind == "percent" or not made:
        return None  # (社会组织工会58个: jieba's verb 组织 is a noun's part)
    previous = next((i for i in reversed(made) if i.unit == q.unit), None)
    if previous is None or previous.part_of is None or previous.sentence_span != made[-1].sentence_span:
        return None
    if not _in_the_part_before(text, previous, ctx):
        return None
    cues = indicator_cues()
    between = text[ctx.sentence_start:q.span[0]]
    if len(between) > _LIST_ITEM_CHARS or cues.change_markers.search(between) or cues.part_run_enders.search(between):
        return None  # ;比上年增加6个 / ;全县总数达到…… / ;因企业关停……注销基层工会16个: no part
    return previous.part_of


def _quota_before(made: Sequence[Indicator], q: Quantity) -> Optional[Indicator]:
    """The last total (no part) in the unit of ``q`` that counts a quota or a task (名额, 指标)."""
    cues = indicator_cues()
    return next((i for i in reversed(made) if i.unit == q.unit and i.part_of is None and i.object
                 and cues.allotted_thing.search(i.object)), None)


def _label_before_colon(text: str, ctx, q: Quantity) -> str:
    """The label of a form's line whose value is the figure right after its colon (职工人数:1268人,
    入会率:97.9%), or ''."""
    colon = ctx.clause_start - 1
    if colon <= 0 or text[colon] not in ":：" or text[ctx.clause_start:q.span[0]].strip():
        return ""
    start = max(text.rfind(mark, 0, colon) for mark in "\n。;,") + 1
    label = text[start:colon].strip()
    if not _LABEL.fullmatch(label) or predicate_of(label):
        return ""  # (目标任务:…, 完成情况:… name no thing; 全年共发放: a verb)
    return strip_object(label) or label


def _names_what_they_did(indicator: Indicator) -> bool:
    """Whether a count of people is named by what they did (其中320人【取得了职业资格证书】): as
    a part of a total of people, it counts the total's thing."""
    cues = indicator_cues()
    if not indicator.object or indicator.span[0] != indicator.quantity_span[0]:
        return False  # (参保人数达到了1793人: the words before the figure name it)
    words = segment(indicator.object)
    if not words:
        return False
    if indicator.object.startswith(tuple(cues.achievement_verbs)) and indicator.kind == "count":
        return True  # 其中1项【获】全国电力行业优秀QC成果一等奖, 6人【获评】市级以上技术能手
    return indicator.unit in cues.people_units and words[0].rstrip("了") in cues.verbs


def _whole_of(prior: Optional[Indicator], made: Sequence[Indicator], ctx) -> Optional[Indicator]:
    """``prior``, or its total when it is a part in an earlier sentence: a bare verb in a
    later sentence speaks of the whole (征集合理化建议1526条,其中……273条。采纳实施683条)."""
    if prior is None or prior.part_of is None or prior.sentence_span[0] == ctx.sentence_start:
        return prior
    return next((i for i in reversed(made) if i.id == prior.part_of), prior)


def _full_sentence_start(text: str, ctx) -> int:
    """Where the sentence up to its full stop (not a ;) holding the figure starts."""
    return max(text.rfind(mark, 0, ctx.sentence_start) for mark in indicator_cues().full_stops) + 1


def _last_amount(made: Sequence[Indicator], ctx) -> Optional[Indicator]:
    """The last figure with an object in the sentence that is no percent (拨缴经费收入1046.38万元,
    占收入合计的70.71%,比上年增长8.2%: the money grew, not its share)."""
    found = None
    for indicator in reversed(made):
        if indicator.sentence_span[0] != ctx.sentence_start:
            break
        if indicator.kind != "percent" and indicator.object:
            if indicator.status == "actual":
                return indicator  # (收缴工会经费7262万元,完成年度任务9800万元的74.1%,同比增长6.8%: the funds)
            found = found or indicator
    return found


def _last_of_unit(made: Sequence[Indicator], q: Quantity, ctx, floor: Optional[int] = None) -> Optional[Indicator]:
    """The last figure in the unit of ``q`` with an object, in its sentence or the one before
    (or, given a ``floor``, after it)."""
    for indicator in reversed(made):
        if indicator.sentence_span[1] < (ctx.sentence_start - 2 if floor is None else floor):
            return None
        if indicator.unit == q.unit and indicator.object and not indicator.per:
            if indicator.part_of:  # 其中因病致困187户;其余125户: the rest of the total, not of the part
                return next((i for i in made if i.id == indicator.part_of), indicator)
            return indicator
    return None


def _of_its_kind(made: Sequence[Indicator], q: Quantity, ctx) -> Optional[Indicator]:
    """The last figure of the kind of ``q`` (a count, a sum of money) in its sentence or the
    one before, when a figure of another kind stands between (审查立案45件,立案率66.2%;
    已办结41件): a clause that names nothing reads the thing of its own kind."""
    if not made or made[-1].kind == q.kind or q.kind not in ("count", "money"):
        return None
    for indicator in reversed(made):
        if indicator.sentence_span[1] < ctx.sentence_start - 2:
            return None
        if indicator.kind == q.kind:
            return indicator
    return None


def _objects_from_a_total(text: str, made: list[Indicator], lo: int, hi: int) -> list[Indicator]:
    """在去年45家的基础上,今年又增加5家,累计签订工资集体协议50家: figures with no
    object before a running total (累计, 共计, not a bare 共, which words such as
    公共 hold) in the same sentence, in its unit, with no verb, the total's or one of
    growth, count what the total counts."""
    cues = indicator_cues()
    running_total = cues.running_total
    if running_total.search(text, lo, hi) is None:  # no running total in the document (most)
        return made
    result = list(made)
    total: Optional[Indicator] = None
    for k in range(len(result) - 1, -1, -1):
        ind = result[k]
        if total is not None and (ind.sentence_span != total.sentence_span or ind.unit != total.unit):
            total = None
        # no object, or only its verb for one (新建3家,累计建成职工书屋20家); and no verb of
        # its own but the total's or one of growth (今年培训120人次,累计慰问…: not the same thing)
        unread = ind.object is None or ind.confidence <= 0.35 or (ind.object == ind.predicate and ind.confidence <= 0.5)
        if (unread and total is not None and not ind.per
                and (ind.predicate in (None, total.predicate) or ind.predicate in cues.increase_verbs)):
            result[k] = evolve(ind, object=total.object,
                               concept=concept_for(total.object, ind.predicate, ind.unit, ind.kind), confidence=0.5)
            continue
        if ind.object is not None:
            since = result[k - 1].quantity_span[1] if k and result[k - 1].sentence_span == ind.sentence_span \
                else ind.sentence_span[0]
            found = not ind.per and running_total.search(text, since, ind.quantity_span[0]) is not None
            total = ind if found else None
    return result


_LIST_SEPARATORS = regex.compile(r"[、,和及与]+")


def _respectively(text: str, made: list[Indicator], lo: int, hi: int) -> list[Indicator]:
    """X、Y和Z分别为10家、20家、30家: the k-th figure after 分别 counts the k-th listed thing."""
    marker_words = indicator_cues().respectively
    if marker_words.search(text, lo, hi) is None:  # no 分别 anywhere in the document (most)
        return made
    result = list(made)
    i = 0
    while i < len(result):
        ind = result[i]
        marker = None
        for marker in marker_words.finditer(text, ind.sentence_span[0], ind.quantity_span[0]):
            pass
        run = [i]
        while (marker is not None and run[-1] + 1 < len(result)
               and _ONLY_CONJUNCTIONS.fullmatch(text[result[run[-1]].quantity_span[1]:result[run[-1] + 1].quantity_span[0]])):
            run.append(run[-1] + 1)
        names = _listed_names(text, ind.sentence_span[0], marker.start()) if marker is not None else []
        if marker is not None and indicator_cues().time_listing.fullmatch(
                text, _clause_start_before(text, ind.sentence_span[0], marker.start()), marker.start()):
            # 累计新建基层工会组织326家,2016年至2020年分别为58家、71家: each year's share of the total
            total = _total_before(result, i, marker.start())
            if total is not None:
                for k in run:
                    old = result[k]
                    result[k] = evolve(old, object=total.object, predicate=total.predicate, confidence=0.7,
                                       concept=concept_for(total.object, total.predicate, old.unit, old.kind),
                                       part_of=old.part_of or total.id)  # the years share out the total
            i = run[-1] + 1
            continue
        if marker is not None and len(run) == 1 and (places := _placed_values(text, result, i, marker)):
            # 各县(市、区)新建工会组织分别不少于:江滨区30家、澄浦区25家: each place's figure
            # counts the thing named before 分别, the place only says where
            thing = left_object(text[_clause_start_before(text, ind.sentence_span[0], marker.start()):marker.start()])
            if thing:
                for k in places:
                    old = result[k]
                    result[k] = evolve(old, object=thing, confidence=0.7,
                                       concept=concept_for(thing, old.predicate, old.unit, old.kind))
                i = places[-1] + 1
                continue
        last = result[run[-1]]
        if (len(run) >= 2 and len(names) == len(run) and not left_object(text[marker.end():ind.quantity_span[0]])
                and last.span[1] <= last.quantity_span[1]):  # (……分别给予10万元、5万元【经费补助】: the
            # noun after the last figure names them all, the names before 分别 say who gets them)
            # (市、县两级工会分别举办【职业技能竞赛】24场、57场: the figures name their thing after
            # 分别, the names before it say who)
            # 维权支出398.72万元,主要用于A、B、C和D,分别为……: a total of their unit before the
            # list, in the sentence, is what they share out
            total = _total_before(result, i, marker.start())
            for k, name in zip(run, names):
                old = result[k]
                result[k] = evolve(old, object=name, concept=concept_for(name, old.predicate, old.unit, old.kind),
                                   confidence=0.8, part_of=total.id if total else old.part_of)
        elif len(run) >= 2 and all(result[k].unit == "%" for k in run) and marker is not None:
            # 帮扶困难职工244户、发放帮扶资金73.2万元,分别占全年的41.7%和39.8%: the k-th share is of
            # the k-th figure listed before 分别
            listed = [j for j in range(i) if result[j].sentence_span == ind.sentence_span
                      and result[j].quantity_span[1] <= marker.start() and result[j].unit != "%" and result[j].object]
            if len(listed) == len(run):
                for k, j in zip(run, listed):
                    old, named = result[k], result[j]
                    result[k] = evolve(old, object=named.object, confidence=0.7,
                                       concept=concept_for(named.object, old.predicate, old.unit, old.kind))
        i = run[-1] + 1
    return result


def _total_before(made: list[Indicator], first: int, marker_start: int) -> Optional[Indicator]:
    """The last figure with an object in the sentence and unit of ``made[first]``, written
    before the 分别 at ``marker_start``: the total its list shares out."""
    ind = made[first]
    return next((t for t in reversed(made[:first]) if t.sentence_span == ind.sentence_span and t.unit == ind.unit
                 and t.object and t.quantity_span[1] <= marker_start), None)


def _placed_values(text: str, made: list[Indicator], first: int, marker) -> list[int]:
    """The figures after ``marker`` (分别) in its sentence, from ``first`` on, each written after a
    place name (江滨区30家、澄浦区25家): their indices, or none when not every one is."""
    sentence = made[first].sentence_span
    found = []
    for k in range(first, len(made)):
        ind = made[k]
        if ind.sentence_span != sentence:
            break
        if not indicator_cues().place_name.search(_written_before(text, marker.end(), ind.quantity_span[0])):
            return []
        found.append(k)
    colon = any(mark in text[marker.end():made[first].quantity_span[0]] for mark in ":：")
    listed_before = text[made[first].sentence_span[0]:marker.start()]
    if any(_written_before(text, marker.end(), made[k].quantity_span[0])[-2:] in listed_before for k in found):
        return []  # 覆盖乡镇和社区分别为:乡镇12个、社区35个: the places are what is counted
    return found if len(found) >= 2 and colon else []


def _written_before(text: str, low: int, at: int) -> str:
    """The words between the list mark before ``at`` (not before ``low``) and ``at``."""
    return text[max(text.rfind(mark, low, at) for mark in "、,:;：，；") + 1:at]


def _clause_start_before(text: str, sentence_start: int, at: int) -> int:
    return max([sentence_start] + [text.rfind(mark, sentence_start, at) + 1 for mark in ",;:"])


def _after_its_verb(piece: str) -> str:
    """The first thing listed, after the verb that opens the list (主要【用于】困难职工帮扶)."""
    tokens = segment(piece)
    verbs = indicator_cues().verbs
    first = next((k for k, token in enumerate(tokens) if token in verbs), None)
    if first is not None and first + 1 < len(tokens):
        return strip_object("".join(tokens[first + 1:]))
    return strip_object(piece)


def _listed_names(text: str, sentence_start: int, marker_start: int) -> list[str]:
    """The things listed right before 分别, in their order."""
    start = _clause_start_before(text, sentence_start, marker_start)
    if start > sentence_start and not text[start:marker_start].strip():
        # 主要用于困难职工帮扶、职工医疗互助……,分别为: the list is the clause before
        marker_start = start - 1
        start = _clause_start_before(text, sentence_start, marker_start)
    listing = text[start:marker_start]
    pieces = [p for p in _LIST_SEPARATORS.split(listing) if p]
    if len(pieces) < 2 or any(indicator_cues().time_item.match(p) for p in pieces):
        return []  # (8月、9月织造车间……分别达到39小时: months say when, not what)
    place_name = indicator_cues().place_name
    if all(place_name.search(p) for p in pieces[:-1]) and (thing := left_object(pieces[-1])) \
            and not place_name.search(thing):
        # 西河县、高阳县、经开区第四季度新建工会组织分别不少于42家、14家、10家: the places say
        # where, the words after the last one what is counted
        return [thing] * len(pieces)
    names = [left_object(pieces[0]) or _after_its_verb(pieces[0])] + [strip_object(p) for p in pieces[1:]]
    return names if all(names) else []
