"""Each document's metadata: document type, organisation and period.

Read from the title line and the opening sentences (``data/documents.toml``):
a masked year (``201*年``) gives ``year: None`` with ``year_text``, and is
inferred from evidence (``建国60周年`` → 2009) where the text allows.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

import regex

from ..records import Period
from ..quantities.numerals import parse_number
from ..segment import segment, tag_of
from .rules import SENTENCE_END, Line, document_rules, is_title_like

_HEADLINE_FIGURE = regex.compile(r"\d+(\.\d+)?[万亿]?(人|家|份|元|个|名)")
_BARE_ORG_SUFFIX = regex.compile(r"^(总工会|工会|委员会)$")
# not an event's (送温暖活动情况报告) nor a study's (调研报告: about a question, not a period); a
# meeting's speech reviews the year and sets its tasks
_ENDS_IN_REPORT = regex.compile(r"(?<!活动情况)(?<!活动)(?<!调研)(?<!调查)(工作报告|报告|汇报|讲话)$")
_STARTS_WITH_YEAR_COMMA = regex.compile(r"^(?:19|20)\d{2}年[,，]")

def opening_text(body_lines: list[Line], limit: int = 400) -> tuple[str, str]:
    """The first ``limit`` characters of the body proper, and the subtitle lines and
    bylines before it (short, title-like: "城南小学工会XX年工作计划" under "学校工会工作计划 篇一")."""
    parts, subtitles, size = [], [], 0
    for line in body_lines:
        if not parts and len(line.text) < 25 and is_title_like(line.text):
            subtitles.append(line.text)
            continue
        parts.append(line.text)
        size += len(line.text)
        if size >= limit:
            break
    return "\n".join(parts)[:limit], "\n".join(subtitles)


def first_sentences(opening: str, count: int = 1) -> str:
    pieces = SENTENCE_END.split(opening, maxsplit=count)  # the rest stays one piece, unread
    return "。".join(pieces[:count])[:200]


def doc_type_of(title: Optional[str], opening: str) -> str:
    rules = document_rules()
    if title and (issued := rules.issuing_notice.search(title)):
        title = issued.group("issued")  # 关于印发《……实施方案》的通知: of the type of what it issues
    if title:
        for doc_type, pattern in rules.type_rules:
            if pattern.search(title):
                return doc_type
        if _HEADLINE_FIGURE.search(title):
            return "report"
        return rules.default_titled
    head = first_sentences(opening, 2)
    scores = {name: sum(1 for p in cues if p.search(head)) for name, cues in rules.cues.items()}
    best = max(scores, key=lambda k: scores[k])
    if scores[best] == 0:
        return rules.default_untitled
    return {"news": "report", "summary": "summary", "plan": "plan", "other": "other"}[best]


def _clean_org(name: str) -> Optional[str]:
    rules = document_rules()
    for prefix in rules.org_drop:
        name = prefix.sub("", name)
    while name and name[0] in rules.org_bad_starts and not _opens_a_name(name) and not _ONE_CHARACTER_PLACE.match(name, 1):
        name = name[1:]  # (和坪县总工会: 和 starts the county's name, 坪县 would be no place)
    if rules.org_not_one.search(name):  # 全市工会: all the unions of a place, not one organisation
        return None
    if rules.org_joint.search(name):  # 公司行政与工会: two parties, not one organisation's name
        return None
    stem = _org_stem(name)
    if len(stem) == 1 and stem not in rules.org_one_character_names:
        return None  # 建工会 of 在已建工会中: a verb's tail, not a name
    return name if len(name) >= 2 and not _BARE_ORG_SUFFIX.match(name) else None


# the standard library's engine splits along a text faster than `regex`; its \s also takes
# \x1c-\x1f, which `regex` does not.  No two breaks start alike, so their order is free.
_ORG_CLAUSE_BREAK = re.compile(r"[,,。:;、【】\[\]()“”《》|丨]|(?![\x1c-\x1f])\s"  # (丨: a post title's bar, 数说2023丨清河区总工会这一年)
                               r"|本期|召开|开展|举[行办]|新(?:发展|组建)|组[建织]|主席|记者|联合(?!会)|网讯")




_ONE_CHARACTER_PLACE = regex.compile(r"\p{Han}(?:省|市|县|区|旗|镇|乡|街道)")


def _opens_a_name(text: str) -> bool:
    """Whether the character a clause opens with starts a name, not a preposition or a
    function word before one: 【向阳镇】总工会, 【上海市】总工会, 【本溪市】 (a noun of two
    characters or more in jieba's dictionary) against 向|县总工会, 上级|工会, 各级|工会."""
    first = segment(text[:6])[0]
    return len(first) >= 2 and tag_of(first)[:1] == "n"


def _break_at_prepositions(sentence: str) -> str:
    """``sentence`` with each preposition that opens a clause before a name made a line
    break (the same length), but for one that starts a name (向阳镇)."""
    prepositions = document_rules().org_prepositions
    if not prepositions.search(sentence):
        return sentence
    return prepositions.sub(lambda m: m.group() if _opens_a_name(m.string[m.start():]) else "\n", sentence)


MASK = "*"  # opens what _clause_orgs yields for a masked name, before the rest of the name


def _clause_orgs(text: str) -> Iterator[str]:
    """The organisation names that open a clause of ``text``, in order, lazily (mostly only
    the first is wanted).  A sentence at a time, since a 。 is a break wherever it is and most
    texts name their organisation early; its clause breaks become line breaks (no clause
    holds one, as ``\\s`` is a break), and only the clauses that hold an organisation
    suffix, which a name ends in, are tried."""
    rules = document_rules()
    start = 0
    while start < len(text):
        end = text.find("。", start) + 1 or len(text)
        sentence = text[start:end]
        start = end
        if not rules.org_suffix_any.search(sentence):
            continue  # no name ends here: breaks become line breaks, which join nothing
        clauses = _ORG_CLAUSE_BREAK.sub("\n", _break_at_prepositions(sentence))
        tried = -1
        for suffix in rules.org_suffix_any.finditer(clauses):
            clause_start = clauses.rfind("\n", 0, suffix.start()) + 1
            if clause_start == tried:
                continue
            tried = clause_start
            name_start = clause_start
            if clauses[clause_start:clause_start + 1] in rules.org_lead_starts:  # most clauses open with the name
                lead = rules.org_clause_lead.match(clauses, clause_start)
                name_start = lead.end() if lead else clause_start
                reporting = rules.org_reporting_lead.match(clauses, name_start)
                masked = rules.org_masked.match(clauses, reporting.end() if reporting else name_start, suffix.end())
                if masked:  # "2025年,*区总工会坚持...": the document withholds the name
                    yield MASK + masked.group(1)
                    continue
            match = rules.org_pattern.match(clauses, name_start)
            if match:
                end = match.end()
                while ((more := rules.org_pattern.match(clauses, end)) and rules.org_sub_body.match(more.group())
                       and rules.org_sub_body_then.match(clauses, more.end())):
                    end = more.end()  # 南湖区总工会【女职工委员会】: a body of the union, named whole
                if name := _clean_org(clauses[match.start():end]):
                    yield name


_NEWS_SOURCE = regex.compile(r"^\S{0,12}?(网讯|日讯|讯)\s*")  # "梧州工会网讯 ": the site, not the subject


_ORG_SUFFIX = regex.compile(r"(总工会|工会委员会|工会联合会|工会|妇联|团委)$")


def _org_stem(name: str) -> str:
    """The place part of an organisation name: 桂园街道总工会 → 桂园街道."""
    return _ORG_SUFFIX.sub("", name)


# 各县(区)总工会,天门经济开发区工会: a line of addressees (to whom, not by whom)
_ADDRESSEES = regex.compile(r"^(?:[^\n。,，:：]{2,25}[,，、])*[^\n。,，:：]{2,25}(?:工会|委员会|单位|部门|公司|学校|医院|各位)[:：]\s*$",
                            regex.M)


def org_of(title: Optional[str], opening: str, subtitles: str = "", masthead: str = "") -> Optional[str]:
    """The organisation a document is by: named in its title, its masthead (天门市总工会文件),
    a subtitle, or the first clauses of its body (not its addressees)."""
    if _ADDRESSEES.search(opening[:120]):
        opening = _ADDRESSEES.sub("", opening, count=1)
    if subtitles and _ADDRESSEES.search(subtitles):
        subtitles = _ADDRESSEES.sub("", subtitles)
    if title and document_rules().org_resolution_title.search(title) and (
            meeting := document_rules().org_meeting_in_title.search(title)) and meeting.start() > 0:
        return title[:meeting.end()]  # 信和集团公司第六届职工代表大会第二次会议关于……的决议: the meeting resolves
    if title:
        title = document_rules().org_meeting_in_title.sub("", title)  # 集团公司【第八届职代会第三次会议】工会
        if "——访" in title:
            title = title.split("——访", 1)[1]  # an interview's headline: ……——访莲花市总工会主席 赵立群
    title_org = next(_clause_orgs(title), None) if title else None
    if title_org and title_org.startswith(MASK):
        return None  # "XX县总工会2019年工作总结": withheld
    if title_org and len(title_org) > 5:
        if not title_org.startswith(MASK) and document_rules().org_abbreviated_kinds.search(title_org):
            first = next(_clause_orgs(_NEWS_SOURCE.sub("", opening[:300])), None)
            if first and not first.startswith(MASK) and _abbreviates(_org_stem(title_org), _org_stem(first)):
                return first  # a headline's short name (瑞丰纺织公司工会) for the text's full one
        return title_org
    subtitle_org = next(_clause_orgs(subtitles), None) if subtitles else None
    if subtitle_org and not subtitle_org.startswith(MASK) and len(subtitle_org) > 5:
        return subtitle_org  # a generic title ("学校工会工作计划"), the school named below it
    body_orgs = _clause_orgs(_NEWS_SOURCE.sub("", opening[:300]))
    if title_org is None:
        name = next(body_orgs, None)
        if masthead and (top := next(_clause_orgs(masthead), None)) and not top.startswith(MASK) and (
                name is None or (name != top and top.endswith(name)) or f"在{name}的" in opening):
            # 天门市总工会文件 above a title that names no organisation, and a body that names none,
            # only its short form (市总工会) or those who lead it (在市委和省总工会的坚强领导下)
            name = top
        return None if name is None or name.startswith(MASK) else name
    stem = _org_stem(title_org)
    for name in body_orgs:  # "县总工会" in the title, "嘉荫县总工会" in the text
        if name.startswith(MASK):
            if _org_stem(name[len(MASK):]).endswith(stem):
                return None  # "区总工会" in the title, "*区总工会" in the text: withheld
            continue
        if name != title_org and len(name) > len(title_org) and (
                _org_stem(name).endswith(stem) or _abbreviates(stem, _org_stem(name))):
            return name  # (瑞丰纺织公司工会 in a headline, 青潭瑞丰纺织有限公司工会 in the text)
    return title_org


def _abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` without its place and company-form words (瑞丰纺织公司 of
    青潭瑞丰纺织有限公司; not 平川县医院 of 平川县中医院, nor 青潭集团公司 of 青潭集团公司机关)."""
    if len(short) < 4:
        return False
    reduced = document_rules().org_company_forms.sub("", full)
    return reduced != short and reduced.endswith(short) and len(reduced) - len(short) <= 4


def period_of(title: Optional[str], opening: str, doc_type: str, doc_text: str, page_head: str) -> Period:
    rules = document_rules().period
    first = first_sentences(opening)
    year, year_text, masked = _year(title) if title else (None, None, False)
    if year is None and not masked:
        # a titled document names its year in the first sentences; an untitled one in the first
        # (not the year a term that has run out began)
        opening_words = first_sentences(opening, 3 if title else 1)
        if "届满" in opening_words:
            opening_words = rules["past_term"].sub("", opening_words)
        year, year_text, masked = _year(opening_words)
    if year is None and not masked and doc_type == "report":
        stamp = _STAMP_YEAR.search(page_head)  # news pages: the publication stamp
        if stamp:
            year_text = next(g for g in stamp.groups() if g)
            year = int(year_text)
    looking_back = doc_type == "report" and rules["multi"].search(first_sentences(opening, 2)) is not None
    part = _part(title or "", first, doc_type, has_title=title is not None, looking_back=looking_back)
    if part is None and looking_back:
        part = "multi_year"
    if part == "multi_year":
        year = None
    inferred, evidence = (None, None)
    if year is None:
        found = []  # (position, year, phrase): the first evidence the mask admits wins
        for match in rules["evidence"].finditer(doc_text):
            # the alternative that matched: the first that matches where the alternation did
            which = next(i for i, pattern in enumerate(rules["evidence_each"]) if pattern.match(doc_text, match.start()))
            if _fits_mask(rules["evidence_years"][which], year_text):
                found.append((match.start(), rules["evidence_years"][which], match.group()))
                break
        for match in rules["anniversary"].finditer(doc_text) if "周年" in doc_text else ():  # (a scan costs)
            event = next(k for k, base in enumerate(rules["anniversary_years"]) if match.group(f"e{k}"))
            count = parse_number(match.group("n"))
            if isinstance(count, int) and 0 < count < 200:
                dated = rules["anniversary_years"][event] + count
                if _fits_mask(dated, year_text):
                    found.append((match.start(), dated, match.group()))
                    break
        if found:
            _, inferred, evidence = min(found)
    return Period(year=year, year_text=year_text, year_masked=masked, part=part,
                  year_inferred=inferred, year_evidence=evidence)


_MASK_DIGITS = str.maketrans({"二": "2", "〇": "0", "○": "0", "零": "0"})


def _fits_mask(year: int, year_text: Optional[str]) -> bool:
    """Whether ``year`` agrees with the digits a masked year shows: 201* admits 2010-2019
    only (建党90周年 may date it, 工会十五大 (2008) not); XX and 20xx admit any year."""
    if not year_text:
        return True
    shown = year_text.translate(_MASK_DIGITS)
    if len(shown) != 4:
        return True
    return all(not mark.isdigit() or mark == digit for mark, digit in zip(shown, str(year)))


_STAMP_YEAR = regex.compile(r"((?:19|20)\d{2})[-/.年]\d{1,2}[-/.月]\d{1,2}|\d{1,2}\.\d{1,2}\.((?:19|20)\d{2})")


def _year(text: Optional[str]) -> tuple[Optional[int], Optional[str], bool]:
    if not text:
        return None, None, False
    rules = document_rules().period
    masked = rules["masked"].search(text)
    plain = rules["year"].search(text)
    if masked and (not plain or masked.start() <= plain.start()):
        return None, masked.group(), True
    if plain:
        return int(plain.group()), plain.group(), False
    written = rules["cn_year"].search(text)
    if written:  # 二〇一八年
        year = int(written.group().translate(_CN_YEAR_DIGITS))
        if 1900 <= year <= 2099:
            return year, written.group(), False
    return None, None, False


_CN_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def _part(title: str, first: str, doc_type: str, has_title: bool, looking_back: bool = False) -> Optional[str]:
    """``looking_back``: a report whose first sentences look back on years (过去五年)."""
    rules = document_rules().period
    if has_title and rules["term"].search(title):
        return None  # 2020—2021学年第一学期: a school's term, none of the parts
    if has_title and rules["event_report"].search(title) and not rules["year"].search(title):
        return None  # ……关于第五次会员代表大会选举结果的报告: one event, no period
    for text in (title, first) if has_title else (first,):
        if rules["any_part"].search(text):  # else none of the four checks holds
            if rules["h1"].search(text) and not rules["h2"].search(text.split("上半年")[0]):
                return "H1"
            if rules["h2"].search(text):
                return "H2"
            for name, pattern in rules["q"]:
                if pattern.search(text):
                    return name
            if rules["multi"].search(text):
                return "multi_year"
        if text is title and text and rules["title_month"].search(text):
            return "month"  # 安和市总工会……2023年11月运行情况通报
        if text is title and text and rules["year_cues"].search(text):
            return "year"
    if rules["month"].search(first) or (doc_type == "report" and rules["month_anywhere"].search(first)):
        return "month"
    if doc_type in ("summary", "plan"):
        return "year"
    if has_title and _ENDS_IN_REPORT.search(title.split("——")[0]):  # (a speech's subtitle after ——)
        return "multi_year" if looking_back else "year"  # (……代表大会上的报告 on 过去五年)
    if not has_title and _STARTS_WITH_YEAR_COMMA.match(first):
        return "year"
    return None
