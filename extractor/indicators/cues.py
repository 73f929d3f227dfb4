"""The cue words of ``data/indicators.toml``, compiled once on first use."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

import regex

from ..resources import load_toml


@dataclass(frozen=True)
class Cues:
    # the characters that end clauses and sentences, split three ways (Breaks.of finds each)
    clause_and_sentence_breaks: str
    clause_only_breaks: str
    sentence_only_breaks: str
    full_stops: str
    left_window: int
    right_window: int
    verbs: frozenset
    copulas: frozenset
    borrowing: frozenset
    object_before: frozenset
    not_objects: frozenset
    nominal_verbs: frozenset
    fund_heads: frozenset
    task_heads: frozenset  # 完成年度收缴【任务】: the verb before names the task
    not_right_objects: frozenset
    score_units: frozenset  # 分 of an assessment
    score_verbs: frozenset  # 扣: points taken off
    score_reason: object  # what the clause before says failed
    class_suffixes: tuple  # 班 of 培训班: a class named after its trainees
    class_sessions: object  # 5期 right after 培训: sessions named the same way
    goal_giving_verbs: frozenset  # 下达: the goal words after it are the thing
    standard_nouns: frozenset  # 的标准给予补助: the noun after the verb is the thing
    phrase_end_verbs: frozenset  # 赴, 前往: end the noun phrase after a unit
    phrase_end_suffixes: frozenset  # 不足: ends a longer token too (经费不足)
    group_suffixes: frozenset  # 组 of 走访组: a verb before it starts a noun
    whole_only_words: frozenset  # 总数: names only a whole
    resultative_complements: frozenset  # 成 in 调解成了: the verb's result, no object
    batch_units: frozenset  # 批: 分3批 says how a thing is done, 分 is no word of its name
    change_of_count_verbs: frozenset  # 新增, 退出: alone before a figure they name nothing
    reach_verbs: frozenset  # 惠及: its figure's thing is named elsewhere
    money_verbs: frozenset  # 补贴: after a verb used as a noun (培训), the pair names the money
    qualifying_verbs: frozenset  # 参赛: before a nominal verb (补贴) it names the aid
    achievement_verbs: frozenset  # 获: a part named by what it won counts its total's thing
    sum_words: frozenset
    running_total: object  # the sum words of more than one character (a bare 共 sits inside 公共)
    kind_units: frozenset
    remainder_words: frozenset  # 其余: the rest of what was counted before
    strip_prefix: frozenset
    strip_suffix: frozenset
    prefix_re: object
    suffix_re: object
    bad_edge_tags: frozenset
    locatives: frozenset  # 中, 里: what follows is the part counted
    locative_then: object  # 中只有: a place word, then the next count of the same thing
    frame: object  # 在X中 before a share
    compared_subject: object  # X比上年……: the subject compared, at a clause's start
    ranked_subject: object  # X占比最大, X次之: the thing a share after it belongs to
    age_units: frozenset
    level_suffixes: tuple  # 全国【级】
    aid_verbs: frozenset  # 资助: an amount per head may be of it
    commitment_bounds: object  # 不少于 before a figure
    not_relative_openers: frozenset  # 存在……的问题
    worth_words: frozenset  # 价值: names no thing alone
    size_class_lead: object  # 25人以下的 right after a count
    summed_list: object  # X、Y等 after a count
    generic_units: frozenset  # 个
    people_and_home_units: frozenset  # 人, 户: no goods
    time_item: object  # 8月 in a list before 分别
    time_listing: object  # 2016年至2020年 before 分别: times, no things
    place_name: object  # 江滨区: an object that is only a place
    place_tail: object  # 区, 坝区: what a place name leaves when its first word goes
    average_before: object  # 平均年龄【43.6岁】: an average, which an age unit does not drop
    vote_units: frozenset  # 票
    obtaining_votes: tuple  # 得, 获得: a verb of getting votes names no thing (also the end of the words before 7票)
    head_units: frozenset  # 人, 名, 位: people counted once each
    share_amount_joins: frozenset  # 、: all that stands between a share and its amount
    helped_outcomes: tuple  # 就业, 脱贫: the ends of helped_group, a cheap test before it
    votes_got: str  # what votes a candidate got are called: 得票
    surnames: frozenset  # the commonest surnames, one character each
    multiple_units: frozenset  # 倍: a multiple of a figure named before
    place_prefix: object  # 平川区 opening 平川区诉求量: a place before a thing's name
    part_markers: object
    part_marker_words: tuple  # the same words, for str.startswith
    nominalisers: object  # 力度, 工作 after a verb: it heads a noun
    comparison_opener: object  # 较/比 opening a clause: the base of a comparison
    share_of_base: object  # 占X的 right before a percent
    bare_share: object  # 30岁以下的占: a group's share, no base
    plan_bases: object  # 计划, 任务: a completion's base
    growth_against: object  # 比2015年增长: a clause that is only a change against a base
    growth_words: frozenset  # 增幅: alone, it measures the figure before
    gap_comparisons: object  # 高于……1.2个百分点: a gap measures the figure before
    change_markers: object  # 比上年, 同比: the figure after is a change, no total
    average_words: object  # 平均, 人均: an average is no total of parts
    allotted_by: object  # ……共分配 ending an object: who shares a quota, not what
    allot_last_chars: tuple  # the characters an allotted_by match ends in (a quick test first)
    phrases: Mapping  # [phrases]: name -> compiled pattern
    allotted_thing: object  # 名额, 指标, 任务: what a quota counts
    unit_name: object  # 江口县, 市教育工会: a unit a quota goes to
    allotment_reach: int  # characters after an allotted total its units' figures may follow
    part_run_enders: object  # a clause stating a whole again ends a list of parts
    part_lead_in: object  # what may open a sentence before its part marker
    respectively: object
    target: object
    actual: object
    goal_before: object  # 目标任务 right before a figure
    task_before: object  # 年度任务 right before an amount
    target_label: object  # 目标任务: opening a sentence
    actual_label: object  # 完成情况: opening a sentence
    remainder_before: object  # 尚未建会的: the figure after it is what is left now
    remainder_planned: object  # 剩余: the rest of a task, ...
    planned_after: object  # ... which the words after it plan (将于明年1月安排)
    disposal_verbs: object  # 将……分解到: 将 means 把
    present_marker: object  # 今年 in a plan's sentence
    future_opener: object  # 下一步 opening a paragraph outside a plan
    past_opener: object  # 去年 opening a plan's paragraph of facts
    past_year_opening: object  # 2018年, opening a sentence as its time
    past_year: object  # a year, not one that starts a span (2018年以来)
    not_cues: object  # words that look like cues but are not (公共 holds no 共)
    relative_fact: object  # 已完成的 before a noun: no fact of a plan's figure further on
    weak_target: object
    territory_before: object  # 全县 before 18个乡镇: a territory's own places, a fact
    completed_after: object  # ……32项重点任务【全部完成】: reported done
    prospective: object  # 确保, 力争: a clause planning what it then calls done
    arranging_verbs: frozenset  # 安排, 开设: verbs that only arrange a class, naming no hours
    territory_after: object
    fact_clause_opener: object  # 2021年, 累计 opening a clause: its figures are results
    lead_in_goal_nouns: tuple  # target cues that name a goal, framing no list after a colon
    weak_target_leads: frozenset  # words after a weak cue that lead its verb (将继续推进) or are one (将聚焦)
    plan_target: object  # 保持: a goal in a plan, after a fact cue too
    weak_actual: object
    any_status_cue: object  # any word of target, actual, weak_target and weak_actual
    joined_in: object  # a verb of taking part (and 了) right after a count of people
    people_units: frozenset
    headcount_units: frozenset  # 人, 名, 位: a total in one, its parts in another
    topic_opener: object  # a demonstrative that opens a clause naming a topic
    topic_adverb: object  # an adverb after the noun phrase that opens a clause naming a topic (也)
    comparison_base: object  # the words of a clause before the base of a comparison (比2019年的)
    spent: object  # a spending verb (and 了) that ends the words left of a sum of money
    purpose: object  # a verb of buying or building (and 了) that opens the words right of it
    increase_verbs: frozenset
    bracketed_units: object  # units in brackets inside a noun phrase: 村(社区)工会
    leading_year: object  # a year that opens an object: 2019年底全县会员
    span_of_time: object  # 半年, 三个月: ends a noun phrase
    frame_reach: int  # how far back the start of a sentence of ;-parts is sought
    size_class: object  # what follows a bounded count of people that sizes a kind of unit
    score_grade: object  # 90分以上为优秀: a grade's threshold follows a score
    slogan_count: object  # 三项重点 after a quoted slogan
    drop_units: frozenset
    article_units: frozenset
    drop_followed: tuple
    drop_preceded: tuple
    tables: TableWords


@dataclass(frozen=True)
class TableWords:
    """The ``[tables]`` words: how a table's header and labels are read (indicators/tables.py)."""

    actual_columns: tuple[str, ...]  # a header naming results: 完成值, 完成率
    target_columns: tuple[str, ...]  # ... or goals: 目标值, 计划数
    row_number: object  # a cell that only numbers its row
    header_unit: object  # 已建会企业(家): the column's thing, then its unit
    place_label: object  # a row labelled with a place
    total_label: object  # a row of totals
    unit_column: object  # a column's header saying it holds each row's unit: 单位, 计量单位
    person_column: object  # a column's header saying the rows are people: 姓名
    unit_note: object  # 单位：个 above a table: the unit of all its bare figures
    change_column: object  # 增减, 比上年增加: a column of changes
    time_cell: object  # 全年, 3月15日: a cell that says when
    score_column: object  # 得分: a column of points obtained
    weight_column: object  # 分值: a column of the points a scheme gives
    group_column: object  # 一级指标: a column of the groups rows belong to


@lru_cache(maxsize=1)
def indicator_cues() -> Cues:
    data = load_toml("indicators.toml")
    words, status, tables = data["words"], data["status"], data["tables"]

    # Lists of literal words find the same matches with the standard ``re``
    # (ordered alternation, leftmost first), whose calls cost less;
    # the patterns written in the data file keep ``regex``.
    def alternation(items, after: str = ""):
        """The words, longest first, as one group, followed by ``after`` (``了?``: 参加了)."""
        words = "|".join(re.escape(x) for x in sorted(items, key=len, reverse=True))
        return re.compile(f"({words}){after}" if after else words)

    clause_breaks, sentence_breaks = data["clauses"]["clause_breaks"], data["clauses"]["sentence_breaks"]

    return Cues(
        clause_and_sentence_breaks="".join(sorted(set(clause_breaks) & set(sentence_breaks))),
        clause_only_breaks="".join(sorted(set(clause_breaks) - set(sentence_breaks))),
        sentence_only_breaks="".join(sorted(set(sentence_breaks) - set(clause_breaks))),
        full_stops=data["clauses"]["full_stops"],
        left_window=data["clauses"]["left_window"],
        right_window=data["clauses"]["right_window"],
        verbs=frozenset(words["verbs"]),
        copulas=frozenset(words["copulas"]),
        borrowing=frozenset(words["borrowing"]),
        object_before=frozenset(words["object_before"]),
        not_objects=frozenset(words["not_objects"]),
        nominal_verbs=frozenset(words["nominal_verbs"]),
        fund_heads=frozenset(words["fund_heads"]),
        task_heads=frozenset(words["task_heads"]),
        not_right_objects=frozenset(words["not_right_objects"]),
        standard_nouns=frozenset(words["standard_nouns"]),
        goal_giving_verbs=frozenset(words["goal_giving_verbs"]),
        class_suffixes=tuple(words["class_suffixes"]),
        class_sessions=regex.compile(words["class_sessions"]),
        score_units=frozenset(words["score_units"]),
        score_verbs=frozenset(words["score_verbs"]),
        score_reason=regex.compile(words["score_reason"]),
        phrase_end_verbs=frozenset(words["phrase_end_verbs"]),
        phrase_end_suffixes=frozenset(words["phrase_end_suffixes"]),
        group_suffixes=frozenset(words["group_suffixes"]),
        whole_only_words=frozenset(words["whole_only_words"]),
        resultative_complements=frozenset(words["resultative_complements"]),
        batch_units=frozenset(words["batch_units"]),
        change_of_count_verbs=frozenset(words["change_of_count_verbs"]),
        reach_verbs=frozenset(words["reach_verbs"]),
        money_verbs=frozenset(words["money_verbs"]),
        qualifying_verbs=frozenset(words["qualifying_verbs"]),
        achievement_verbs=frozenset(words["achievement_verbs"]),
        sum_words=frozenset(words["sum_words"]),
        running_total=alternation(w for w in words["sum_words"] if len(w) > 1),
        kind_units=frozenset(words["kind_units"]),
        remainder_words=frozenset(words["remainder_words"]),
        strip_prefix=frozenset(words["strip_prefix"]),  # looked up per token: sets, not lists
        strip_suffix=frozenset(words["strip_suffix"]),
        prefix_re=re.compile("^(?:" + "|".join(re.escape(w) for w in sorted(
            (w for w in words["strip_prefix"] if len(w) > 1), key=len, reverse=True)) + ")"),
        suffix_re=re.compile("(?:" + "|".join(
            (f"(?<![{re.escape(words['strip_suffix_not_after'][w])}])" if w in words["strip_suffix_not_after"] else "")
            + re.escape(w) for w in sorted(words["strip_suffix"], key=len, reverse=True)) + ")$"),
        bad_edge_tags=frozenset(words["bad_edge_tags"]),
        locatives=frozenset(words["locatives"]),
        locative_then=regex.compile("(?:" + alternation(words["locatives"]).pattern + ")[,，]?(?:"
                                    + alternation(words["locative_then"]).pattern + ")?"),
        frame=regex.compile(words["frame"]),
        compared_subject=regex.compile(words["compared_subject"]),
        ranked_subject=regex.compile(words["ranked_subject"]),
        age_units=frozenset(words["age_units"]),
        level_suffixes=tuple(words["level_suffixes"]),
        place_name=regex.compile(words["place_name"]),
        place_tail=regex.compile(words["place_tail"]),
        average_before=regex.compile(words["average_before"]),
        vote_units=frozenset(words["vote_units"]),
        obtaining_votes=tuple(words["obtaining_votes"]),
        head_units=frozenset(words["head_units"]),
        share_amount_joins=frozenset(words["share_amount_joins"]),
        helped_outcomes=tuple(words["helped_outcomes"]),
        votes_got=words["votes_got"],
        surnames=frozenset(words["surnames"]),
        multiple_units=frozenset(words["multiple_units"]),
        place_prefix=regex.compile(words["place_prefix"]),
        generic_units=frozenset(words["generic_units"]),
        people_and_home_units=frozenset(words["people_and_home_units"]),
        time_item=regex.compile(words["time_item"]),
        time_listing=regex.compile(words["time_listing"]),
        size_class_lead=regex.compile(words["size_class_lead"]),
        worth_words=frozenset(words["worth_words"]),
        aid_verbs=frozenset(words["aid_verbs"]),
        commitment_bounds=alternation(words["commitment_bounds"]),
        not_relative_openers=frozenset(words["not_relative_openers"]),
        summed_list=regex.compile(words["summed_list"]),
        part_markers=alternation(words["part_markers"]),
        part_marker_words=tuple(words["part_markers"]),
        part_run_enders=alternation(words["part_run_enders"]),
        change_markers=alternation(words["change_markers"]),
        average_words=alternation(words["average_words"]),
        allotted_by=regex.compile(f"(?:共|合计)?(?:{'|'.join(words['allot_verbs'])})(?:{'|'.join(words['allot_after'])})?$"),
        allot_last_chars=tuple({word[-1] for word in words["allot_verbs"] + words["allot_after"]}),
        phrases={name: regex.compile(pattern) for name, pattern in data["phrases"].items()},
        allotted_thing=regex.compile(words["allotted_thing"]),
        unit_name=regex.compile(words["unit_name"]),
        allotment_reach=int(words["allotment_reach"]),
        gap_comparisons=alternation(words["gap_comparisons"]),
        growth_words=frozenset(words["growth_words"]),
        comparison_opener=regex.compile(words["comparison_opener"]),
        growth_against=regex.compile(words["growth_against"]),
        share_of_base=regex.compile(words["share_of_base"]),
        bare_share=regex.compile(words["bare_share"]),
        plan_bases=regex.compile(words["plan_bases"]),
        nominalisers=regex.compile(words["nominalisers"]),
        part_lead_in=re.compile("(?:" + alternation(words["part_lead_ins"]).pattern + ")*$"),
        respectively=alternation(words["respectively"]),
        target=alternation(status["target_cues"]),
        actual=alternation(status["actual_cues"]),
        not_cues=alternation(status["not_cues"]),
        relative_fact=regex.compile(status["relative_fact"]),
        goal_before=regex.compile(status["goal_before"]),
        task_before=regex.compile(status["task_before"]),
        target_label=regex.compile(status["target_label"]),
        actual_label=regex.compile(status["actual_label"]),
        remainder_before=regex.compile(status["remainder_before"]),
        remainder_planned=regex.compile(status["remainder_planned"]),
        planned_after=regex.compile(status["planned_after"]),
        disposal_verbs=alternation(status["disposal_verbs"]),
        past_opener=alternation(status["past_openers"]),
        future_opener=alternation(status["future_openers"]),
        present_marker=alternation(status["present_markers"]),
        past_year_opening=regex.compile(status["past_year_opening"]),
        past_year=regex.compile(r"(?<![\d.])((?:19|20)\d\d)年(?!" + "|".join(status["past_year_not_after"]) + ")"),
        weak_target=alternation(status["weak_target_cues"]),
        territory_before=regex.compile(status["territory_before"]),
        completed_after=regex.compile(status["completed_after"]),
        prospective=alternation(status["prospective_cues"]),
        arranging_verbs=frozenset(words["arranging_verbs"]),
        territory_after=regex.compile(status["territory_after"]),
        fact_clause_opener=regex.compile(status["fact_clause_opener"]),
        lead_in_goal_nouns=tuple(status["lead_in_goal_nouns"]),
        weak_target_leads=frozenset(status["weak_target_leads"]) | frozenset(status["weak_target_work_verbs"]),
        plan_target=alternation(status["plan_target_cues"]),
        weak_actual=alternation(status["weak_actual_cues"]),
        any_status_cue=alternation(sorted({*status["target_cues"], *status["actual_cues"],
                                           *status["weak_target_cues"], *status["weak_actual_cues"]})),
        joined_in=alternation(words["joined_in"], "了?"),
        people_units=frozenset(words["people_units"]),
        headcount_units=frozenset(words["headcount_units"]),
        topic_opener=alternation(words["topic_openers"]),
        topic_adverb=alternation(words["topic_adverbs"]),
        comparison_base=re.compile(words["comparison_base"]),
        spent=alternation(words["spending_verbs"], "了?$"),
        purpose=alternation(words["purpose_verbs"], "了?"),
        increase_verbs=frozenset(words["increase_verbs"]),
        bracketed_units=regex.compile(words["bracketed_units"]),
        leading_year=regex.compile(words["leading_year"]),
        span_of_time=regex.compile(words["span_of_time"]),
        frame_reach=data["clauses"]["frame_reach"],
        size_class=regex.compile(data["select"]["size_class_follow"]),
        score_grade=regex.compile(data["select"]["score_grade"]),
        slogan_count=regex.compile(data["select"]["slogan_count_after_quote"]),
        drop_units=frozenset(data["select"]["drop_units"]),
        article_units=frozenset(data["select"]["article_units"]),
        drop_followed=tuple((regex.compile(u), regex.compile(f)) for u, f in data["select"]["drop_when_followed"]),
        drop_preceded=tuple((regex.compile(u), regex.compile(p + "$" if not p.endswith("$") else p))
                            for u, p in data["select"]["drop_when_preceded"]),
        tables=TableWords(tuple(tables["actual_columns"]), tuple(tables["target_columns"]),
                          regex.compile(tables["row_number"]), regex.compile(tables["header_unit"]),
                          regex.compile(tables["place_label"]), regex.compile(tables["total_label"]),
                          regex.compile(tables["unit_column"]), regex.compile(tables["person_column"]),
                          regex.compile(tables["unit_note"]), regex.compile(tables["change_column"]),
                          regex.compile(tables["time_cell"]), regex.compile(tables["score_column"]),
                          regex.compile(tables["weight_column"]), regex.compile(tables["group_column"])),
    )
