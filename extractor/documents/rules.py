"""The rules of ``data/documents.toml``, compiled once on first use."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, NamedTuple

import regex

from ..records import Span
from ..resources import load_toml


@dataclass(frozen=True)
class Rules:
    # the chrome and intro patterns compiled for speed (the costliest check per line): those
    # anchored at the line start tried there only, the rest searched along the line
    chrome_at_start: object
    contents_heading: object  # 本期导读: a bulletin's list of its items follows
    mail_header: object  # 发件人: a mail's own words follow, up to a title
    contents_entry_max_chars: int
    chrome_runs: object  # the anchored ones that open with an unbounded run (see _chrome_at_start)
    chrome_anywhere: object
    end_any: object  # the end patterns as one alternation
    continuation_any: object  # the continuation markers as one alternation
    covering_notice: object  # 印发, 通知 in a title: its attachment is part of it
    attachment_marker: object  # 附件:
    annex_title: object  # ……分解表: an attachment that is a table or list, its document's annex
    attachment_list: object  # 附件:1.……: the numbered list of a document's attachments
    compilation_title: object  # ……材料汇编: a compilation's cover, whose documents follow it
    stamp_line: object  # 发布时间:2024-02-06 under a news headline
    # whether a line may be an end or a chrome line or a continuation marker, in two calls
    # instead of five (most lines are none): the end and chrome patterns that may match past
    # the line start, and what follows the run of those that open with one, searched along
    # it; and the end patterns anchored there together with the continuation markers matched
    # at its start
    end_or_chrome_anywhere: object
    end_or_continuation_at_start: object
    article_line: object  # whether a line is an article title (篇一), matched from its end (see _whole_lines)
    min_document_chars: int
    title_max: int
    not_title_any: object  # the not-title patterns as one alternation
    title_continuation: object
    issuer_line: object  # 青石县总工会 alone over 关于……的总结: a title printed over two lines
    form_marker: object  # 表3　临浦县总工会制表: a form's number and maker over its title
    document_number_line: object  # 汝工发〔2024〕6号: under an issuer alone, a masthead
    title_after_issuer: object
    title_first_half: object
    issuing_notice: object  # 关于印发《……》的通知: a notice that issues (or passes on) a document  # 白沙区总工会关于2022年度 / 工会统计调查情况的报告: broken mid-title
    bulletin_name: object  # 工会工作简报: a bulletin's name, an issue's title only when none follows
    strong_keyword: object
    doc_keyword: object  # any word of a document's kind in a title (工作 too)
    type_rules: tuple
    cues: dict
    default_titled: str
    default_untitled: str
    forward_looking_titles: object  # 关于召开……的通知: its figures are planned
    period: dict
    org_pattern: object
    org_suffix_any: object  # where an organisation suffix is
    org_drop: tuple
    org_bad_starts: str
    org_joint: object  # 行政与工会: two parties named together
    org_sub_body: object  # 女职工委员会 after a union's name
    org_sub_body_then: object  # what may follow it in a title
    org_prepositions: object  # 向, 在: open a clause before a name
    org_abbreviated_kinds: object  # 公司, 厂: names that headlines shorten
    org_company_forms: object  # 有限, 股份: left out of a headline's name
    org_meeting_in_title: object  # 第八届职工代表大会第三次会议 between a company and its union
    org_resolution_title: object  # ……决议: issued by the meeting its title names
    org_clause_lead: object  # a year before the name at a clause start
    org_reporting_lead: object  # 我受 before a name at a clause start
    org_lead_starts: frozenset  # what a year, a reporting lead or a masked name can start with
    org_masked: object  # a masked name, matched from a clause start up to where it ends
    org_not_one: object  # names of what is counted, not of one organisation
    org_one_character_names: str


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


def _after_run(pattern: str) -> str:
    """What follows the opening run of ``pattern`` (``^\\S*...``): it matches wherever the
    whole does, at the end of the run; the whole pattern if the run is lazy or possessive."""
    rest = pattern[len("^\\S*"):] if pattern.startswith("^\\S*") else pattern[len("^.*"):]
    return pattern if rest.startswith(("?", "+")) else rest


def _chrome_at_start(patterns) -> tuple[re.Pattern, regex.Pattern]:
    """The line-start patterns as one alternation, except those that open with an unbounded
    run (``^\\S*...//``): the standard library's engine backtracks through the whole line for
    them, `regex` first looks for the literal they need, so they are kept apart.  Only
    whether one matches is wanted, so their groups need not capture."""
    return (_alternation([_without_captures(p[1:]) for p in patterns if not _opens_with_run(p)]),
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
    if _BACKREFERENCE.search(pattern):
        return False
    outside = dict(_outside_groups(pattern))
    return outside.get(0) == "^" and outside.get(len(pattern) - 1) == "$" and "|" not in outside.values()


def _anchored_at_start(pattern: str) -> bool:
    """``^...`` with no ``|`` outside a group: it matches at the start of a text or nowhere."""
    outside = dict(_outside_groups(pattern))
    return outside.get(0) == "^" and "|" not in outside.values()


def _outside_groups(pattern: str) -> Iterator[tuple[int, str]]:
    """The unescaped characters of ``pattern`` outside every group and class, with their
    indices (group parentheses and class brackets not included)."""
    depth = 0
    for i, char, in_class in _unescaped(pattern):
        if in_class:
            continue
        if char in "()":
            depth += 1 if char == "(" else -1
        elif depth == 0:
            yield i, char


def _unescaped(pattern: str) -> Iterator[tuple[int, str, bool]]:
    """The unescaped characters of ``pattern`` with their indices and whether they belong
    to a character class (its brackets included)."""
    in_class, i = False, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
            yield i, char, True
        elif char == "[":
            yield i, char, True
            in_class = True
            i += 2 if pattern[i + 1:i + 2] == "^" else 1
            i += 1 if pattern[i:i + 1] == "]" else 0  # "[]...]": that "]" is a member
            continue
        else:
            yield i, char, False
        i += 1


def _without_captures(pattern: str) -> str:
    """``pattern`` with its capturing groups made plain ones ``(?:...)``: for whether a
    pattern matches they are the same, and the standard library's engine tries plain groups
    much faster.  Unchanged when the pattern refers to a group."""
    if _BACKREFERENCE.search(pattern) or "(?(" in pattern:
        return pattern
    for i, char, in_class in reversed(list(_unescaped(pattern))):
        if char == "(" and not in_class and pattern[i + 1:i + 2] != "?":
            pattern = pattern[:i + 1] + "?:" + pattern[i + 1:]
    return pattern


@lru_cache(maxsize=1)
def document_rules() -> Rules:
    data = load_toml("documents.toml")
    p = data["period"]
    chrome_patterns = data["chrome"]["line_patterns"] + data["chrome"]["intro_patterns"]
    end_patterns = data["chrome"]["end_patterns"]
    continuation_markers = data["split"]["continuation_markers"]
    chrome_at_start, chrome_runs = _chrome_at_start([p for p in chrome_patterns if p.startswith("^")])
    suffixes = "|".join(data["org"]["suffixes"])
    org = r"[\p{Han}\d]{1,14}?(?:" + suffixes + ")(?!员)"
    # where only whether a pattern matches, or its whole match, is used, its groups need not
    # capture (_without_captures)
    return Rules(
        chrome_at_start=chrome_at_start,
        contents_heading=regex.compile(data["chrome"]["contents_heading"]),
        mail_header=regex.compile(data["chrome"]["mail_header"]),
        contents_entry_max_chars=data["chrome"]["contents_entry_max_chars"],
        chrome_runs=chrome_runs,
        # `regex` searches an alternation of literal-led patterns along a line several times
        # faster than the standard library's engine
        chrome_anywhere=regex.compile(_joined([p for p in chrome_patterns if not p.startswith("^")])),
        end_any=regex.compile(_joined(end_patterns)),
        continuation_any=regex.compile(_joined(continuation_markers)),
        covering_notice=regex.compile(data["split"]["covering_notice"]),
        attachment_marker=regex.compile(data["split"]["attachment_marker"]),
        annex_title=regex.compile(data["split"]["annex_title"]),
        attachment_list=regex.compile(data["split"]["attachment_list"]),
        compilation_title=regex.compile(data["split"]["compilation_title"]),
        stamp_line=regex.compile(data["split"]["stamp_line"]),
        end_or_chrome_anywhere=regex.compile(_joined(
            [_without_captures(p) for p in end_patterns if not _anchored_at_start(p)]
            + [_without_captures(p) for p in chrome_patterns if not p.startswith("^")]
            + [_without_captures(_after_run(p)) for p in chrome_patterns if p.startswith("^") and _opens_with_run(p)])),
        end_or_continuation_at_start=regex.compile(_joined(
            _without_captures(p) for p in [p for p in end_patterns if _anchored_at_start(p)] + continuation_markers)),
        article_line=_whole_lines(data["split"]["article_patterns"]),
        min_document_chars=data["split"]["min_document_chars"],
        title_max=data["title"]["max_chars"],
        not_title_any=regex.compile(_joined(_without_captures(p_) for p_ in data["title"]["not_title_patterns"])),
        title_continuation=regex.compile(data["title"]["continuation_line"]),
        issuer_line=regex.compile(data["title"]["issuer_line"]),
        form_marker=regex.compile(data["title"]["form_marker"]),
        document_number_line=regex.compile(data["title"]["document_number_line"]),
        title_after_issuer=regex.compile(data["title"]["title_after_issuer"]),
        title_first_half=regex.compile(data["title"]["title_first_half"]),
        issuing_notice=regex.compile(data["doc_type"]["issuing_notice"]),
        bulletin_name=regex.compile(data["title"]["bulletin_name"]),
        strong_keyword=regex.compile("(" + "|".join(k for k in data["title"]["doc_keywords"] if k != "工作") + ")"),
        doc_keyword=regex.compile("|".join(data["title"]["doc_keywords"])),
        type_rules=tuple((t, regex.compile(_without_captures(p_))) for t, p_ in data["doc_type"]["title_rules"]),
        cues={name: _compile_all(map(_without_captures, data["doc_type"][f"{name}_cues"]))
              for name in ("news", "summary", "plan", "other")},
        default_titled=data["doc_type"]["default_titled"],
        default_untitled=data["doc_type"]["default_untitled"],
        forward_looking_titles=regex.compile(data["doc_type"]["forward_looking_titles"]),
        period={
            "masked": regex.compile(p["masked_year"]),
            "year": regex.compile(p["year"]),
            "cn_year": regex.compile(p["cn_year"]),
            "h1": regex.compile(_without_captures(p["h1"])),
            "h2": regex.compile(_without_captures(p["h2"])),
            "q": tuple((name, regex.compile(_without_captures(rx))) for name, rx in p["q"]),
            "month": regex.compile(p["month"]),
            "title_month": regex.compile(p["title_month"]),
            "month_anywhere": regex.compile(r"(?:19|20)\d{2}年\d{1,2}月(?:份)?[,，]"),
            "year_cues": regex.compile(_without_captures(p["year_cues"])),
            "term": regex.compile(p["term_cues"]),
            "event_report": regex.compile(p["event_report"]),
            "past_term": regex.compile(p["past_term"]),
            "multi": regex.compile(_without_captures(p["multi_year"])),
            # all evidence phrases as one alternation (plain phrases: the standard library's
            # engine finds them several times faster), then each alone to tell which matched
            "evidence": _alternation(rx for rx, _ in p["evidence"]),
            "evidence_each": tuple(re.compile(rx) for rx, _ in p["evidence"]),
            # whether any of h1, h2, q and multi_year matches (mostly none does)
            "any_part": regex.compile(_joined(
                _without_captures(rx) for rx in [p["h1"], p["h2"], *(rx for _, rx in p["q"]), p["multi_year"]])),
            "evidence_years": tuple(year for _, year in p["evidence"]),
            "anniversary": regex.compile("(" + "|".join(f"(?P<e{k}>{rx})" for k, (rx, _) in enumerate(p["anniversaries"]))
                                         + r")(?:的)?(?P<n>[\d一二三四五六七八九十百零〇两]{1,5})周年"),
            "anniversary_years": tuple(year for _, year in p["anniversaries"]),
        },
        org_pattern=regex.compile(org),
        org_suffix_any=_alternation(data["org"]["suffixes"]),
        org_drop=_compile_all(data["org"]["drop_prefixes"]),
        org_bad_starts=data["org"]["bad_starts"],
        org_joint=regex.compile(data["org"]["joint"]),
        org_sub_body=regex.compile(data["org"]["sub_body"]),
        org_sub_body_then=regex.compile(data["org"]["sub_body_then"]),
        org_prepositions=re.compile(data["org"]["prepositions"]),
        org_abbreviated_kinds=_alternation(data["org"]["abbreviated_kinds"]),
        org_company_forms=_alternation(data["org"]["company_forms"]),
        org_meeting_in_title=regex.compile(data["org"]["meeting_in_title"]),
        org_resolution_title=regex.compile(data["org"]["resolution_title"]),
        org_clause_lead=regex.compile(f"(?:(?:19|20)\\d{{2}}|{p['masked_year']})年度?"),
        org_reporting_lead=_alternation(data["org"]["reporting_leads"]),
        org_lead_starts=frozenset(data["org"]["lead_starts"]) | {lead[0] for lead in data["org"]["reporting_leads"]},
        org_masked=regex.compile(f"{data['org']['masked_name']}(\\p{{Han}}{{0,8}}?(?:{suffixes}))\\Z"),
        org_not_one=regex.compile(_joined(data["org"]["not_one_org"])),
        org_one_character_names=data["org"]["one_character_names"],
    )


HEADING_START = regex.compile(r"^\s*(?:[一二三四五六七八九十]+[、,.]|[\((][一二三四五六七八九十\d]+[\))]|\d+[、.,]|[①-⑳])")
SENTENCE_END = re.compile(r"[。!?;]")  # a class of plain characters: the standard library's engine splits faster
TRAILING_PIPES = regex.compile(r"[\s|]+$")


def strip_trailing_pipes(text: str) -> str:
    """``text`` without the trailing spaces and table pipes ``TRAILING_PIPES`` takes off.

    Only a text ending in one of them needs the regex: every character of ``[\\s|]``
    is ``|`` or ``str.isspace``, and lines are mostly stripped already."""
    if text and (text[-1] == "|" or text[-1].isspace()):
        return TRAILING_PIPES.sub("", text)
    return text


class Line(NamedTuple):  # a tuple: made for every line of a page
    span: Span  # of the stripped line in the normalised text
    text: str


def is_title_like(text: str) -> bool:
    rules = document_rules()
    text = strip_trailing_pipes(text)
    if not text or len(text) > rules.title_max or HEADING_START.match(text):
        return False
    return not rules.not_title_any.search(text)
