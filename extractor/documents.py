"""Page chrome, splitting a page into documents, and each document's metadata.

Works on the normalised copy of a file's text (simplified characters,
half-width punctuation).  A page is cut into lines; lines that match the
chrome patterns of ``data/documents.toml`` are set aside; the rest is split at
continuation markers (``扩展阅读:``), article markers (``篇一``, ``总结2``) and
mid-page title lines, and every resulting block gets a title, organisation,
document type and period.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
import re
from typing import Optional

import regex

from .records import Period, Span
from .resources import load_toml

# patterns used in hot paths, compiled once
_TITLE_ENDS_IN_DOC_WORD = regex.compile(r"(总结|汇报|报告|计划|要点|打算|安排|意见|述职|规划|方案)(范文|参考)?$")
_TITLE_THEN_BODY = regex.compile(
    r"^(\S{6,60}?(总结|汇报|报告|计划|要点|方案))(?:\s+\S|(?=今年|去年|一年|半年|近年|上半年|下半年|为了|按照|根据|在\p{Han}{2,8}(领导|指导|支持)))")
_HEADLINE_FIGURE = regex.compile(r"\d+(\.\d+)?[万亿]?(人|家|份|元|个|名)")
_BARE_ORG_SUFFIX = regex.compile(r"^(总工会|工会|委员会)$")
_ENDS_IN_REPORT = regex.compile(r"(工作报告|报告)$")
_STARTS_WITH_YEAR_COMMA = regex.compile(r"^(?:19|20)\d{2}年[,，]")


@dataclass(frozen=True)
class Line:
    span: Span  # of the stripped line in the normalised text
    text: str


@dataclass(frozen=True)
class DocumentBlock:
    """One document found on a page, before sections and indicators."""

    span: Span
    lines: tuple[Line, ...]  # content lines, chrome removed, title included
    title: Optional[str]
    title_span: Optional[Span]
    org: Optional[str]
    doc_type: str
    period: Period


@dataclass(frozen=True)
class _Rules:
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
def _rules() -> _Rules:
    data = load_toml("documents.toml")
    p = data["period"]
    chrome_patterns = data["chrome"]["line_patterns"] + data["chrome"]["intro_patterns"]
    suffixes = "|".join(data["org"]["suffixes"])
    return _Rules(
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


_HEADING_START = regex.compile(r"^\s*(?:[一二三四五六七八九十]+[、,.]|[\((][一二三四五六七八九十\d]+[\))]|\d+[、.,]|[①-⑳])")
_SENTENCE_END = regex.compile(r"[。!?;]")
_TRAILING_PIPES = regex.compile(r"[\s|]+$")


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with the spans of their stripped text."""
    lines = []
    for match in regex.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        lines.append(Line((start, start + len(stripped)), stripped))
    return lines


def is_chrome(line: str) -> bool:
    rules = _rules()
    compact = line.replace(" ", "")
    return bool(rules.chrome_at_start.match(compact) or rules.chrome_anywhere.search(compact))


def _content_lines(lines: list[Line]) -> list[Line]:
    rules = _rules()
    kept = []
    for line in lines:
        compact = line.text.replace(" ", "")
        if kept and any(p.search(compact) for p in rules.end):
            break
        if not is_chrome(line.text):
            kept.append(line)
    return kept


def _is_title_like(text: str) -> bool:
    rules = _rules()
    text = _TRAILING_PIPES.sub("", text)
    if not text or len(text) > rules.title_max or _HEADING_START.match(text):
        return False
    return not any(p.search(text) for p in rules.not_title)


def _article_title(text: str) -> bool:
    return any(p.match(_TRAILING_PIPES.sub("", text)) for p in _rules().articles)


def _mid_page_title(text: str) -> bool:
    """A title line that starts a further document in the middle of a page."""
    rules = _rules()
    if not _is_title_like(text) or len(text) < 8:
        return False
    tail = _TITLE_ENDS_IN_DOC_WORD.search(text)
    return bool(tail) and bool(rules.org_pattern.search(text))


def _split_points(content: list[Line]) -> list[tuple[int, bool]]:
    """Indices where a document starts, with whether that line is a marker to drop."""
    rules = _rules()
    points: list[tuple[int, bool]] = [(0, False)]
    body_seen = False
    for i, line in enumerate(content):
        compact = line.text.replace(" ", "")
        if any(p.match(compact) for p in rules.continuation):
            points.append((i, True))
            body_seen = False
            continue
        if _article_title(line.text) or (body_seen and _mid_page_title(line.text)):
            if i != points[-1][0]:
                points.append((i, False))
            body_seen = False
            continue
        if len(line.text) >= 40:
            body_seen = True
    return points


def _blocks(content: list[Line]) -> list[list[Line]]:
    rules = _rules()
    points = _split_points(content)
    blocks = []
    for n, (start, is_marker) in enumerate(points):
        end = points[n + 1][0] if n + 1 < len(points) else len(content)
        block = content[start + (1 if is_marker else 0):end]
        body_chars = sum(len(x.text) for x in block if len(x.text) >= 20 or not _is_title_like(x.text))
        if block and body_chars >= rules.min_document_chars:
            blocks.append(block)
        elif block and blocks and body_chars > 0 and not all(_is_title_like(x.text) for x in block):
            blocks[-1].extend(block)  # a short tail belongs to the document before it
    if not blocks and content:
        blocks.append(list(content))
    return blocks


def _title(block: list[Line]) -> tuple[Optional[str], Optional[Span], int]:
    """The title, its span and the index of the first body line."""
    first = block[0]
    if _article_title(first.text):
        return _TRAILING_PIPES.sub("", first.text), first.span, 1
    for i, line in enumerate(block[:4]):
        if len(line.text) >= 60 or _HEADING_START.match(line.text):
            break
        if _is_title_like(line.text):
            text = _TRAILING_PIPES.sub("", line.text)
            span = (line.span[0], line.span[0] + len(text))
            nxt = block[i + 1] if i + 1 < len(block) else None
            if nxt is not None and _rules().title_continuation.match(nxt.text) and len(nxt.text) < 40:
                return text + nxt.text, (line.span[0], nxt.span[1]), i + 2
            return text, span, i + 1
    # a title and the first sentence on one line: "……调研报告 今年以来,……"
    head = _TITLE_THEN_BODY.match(first.text)
    if head:
        text = head.group(1)
        return text, (first.span[0], first.span[0] + len(text)), 0
    return None, None, 0


def find_documents(text: str) -> list[DocumentBlock]:
    """Documents on a page of normalised text, in order."""
    return _years_from_neighbours(_find_documents(text))


def _years_from_neighbours(documents: list[DocumentBlock]) -> list[DocumentBlock]:
    """A masked year with no evidence, read from the next document on the page:
    an annual summary or report followed by a plan of year Y reports on Y-1."""
    result = list(documents)
    for i, doc in enumerate(result[:-1]):
        nxt = result[i + 1]
        period = doc.period
        if (period.year_masked and period.year_inferred is None and doc.doc_type in ("summary", "report")
                and period.part == "year" and nxt.doc_type == "plan" and nxt.period.year_inferred
                and nxt.org == doc.org):
            evidence = f"followed on the page by the {nxt.period.year_inferred} plan ({nxt.title or ''})"
            result[i] = replace(doc, period=replace(period, year_inferred=nxt.period.year_inferred - 1,
                                                    year_evidence=evidence))
    return result


def _find_documents(text: str) -> list[DocumentBlock]:
    content = _content_lines(split_lines(text))
    documents = []
    for block in _blocks(content):
        title, title_span, body_index = _title(block)
        body_lines = block[body_index:] if body_index < len(block) else []
        if body_index == 0 and title_span:
            first = block[0]
            body_lines = [Line((title_span[1], first.span[1]), text[title_span[1]:first.span[1]].strip())] + block[1:]
        opening = _opening_text(body_lines)
        doc_type = _doc_type(title, opening)
        start = title_span[0] if title_span else block[0].span[0]
        documents.append(DocumentBlock(
            span=(start, block[-1].span[1]),
            lines=tuple(block),
            title=title,
            title_span=title_span,
            org=_org(title, opening),
            doc_type=doc_type,
            period=_period(title, opening, doc_type, text[start:block[-1].span[1]],
                           text[max(0, start - 300):(body_lines[0].span[1] if body_lines else start)]),
        ))
    return documents


def _opening_text(body_lines: list[Line], limit: int = 400) -> str:
    parts, size = [], 0
    for line in body_lines:
        if _is_title_like(line.text) and len(line.text) < 25 and not parts:
            continue  # subtitle lines and bylines before the body
        parts.append(line.text)
        size += len(line.text)
        if size >= limit:
            break
    return "\n".join(parts)[:limit]


def _first_sentences(opening: str, count: int = 1) -> str:
    pieces = _SENTENCE_END.split(opening)
    return "。".join(pieces[:count])[:200]


def _doc_type(title: Optional[str], opening: str) -> str:
    rules = _rules()
    if title:
        for doc_type, pattern in rules.type_rules:
            if pattern.search(title):
                return doc_type
        if _HEADLINE_FIGURE.search(title):
            return "report"
        return rules.default_titled
    head = _first_sentences(opening, 2)
    scores = {name: sum(1 for p in cues if p.search(head)) for name, cues in rules.cues.items()}
    best = max(scores, key=lambda k: scores[k])
    if scores[best] == 0:
        return rules.default_untitled
    return {"news": "report", "summary": "summary", "plan": "plan", "other": "other"}[best]


_ALL_UNITS = regex.compile(r"全(市|县|区|省|镇|乡)")


def _clean_org(name: str) -> Optional[str]:
    rules = _rules()
    for prefix in rules.org_drop:
        name = prefix.sub("", name)
    while name and name[0] in rules.org_bad_starts:
        name = name[1:]
    if _ALL_UNITS.search(name):  # 全市工会: all the unions of a place, not one organisation
        return None
    return name if len(name) >= 2 and not _BARE_ORG_SUFFIX.match(name) else None


_ORG_CLAUSE_BREAK = regex.compile(r"[,,。:;、\s【】\[\]()“”|]|在|由|据|向|从|把|将|本期|召开|开展|举行|举办|新发展|新组建|组建|主席|记者|联合|组织|网讯")


def _clause_orgs(text: str) -> list[str]:
    names = []
    for clause in _ORG_CLAUSE_BREAK.split(text):
        match = _rules().org_pattern.match(clause)
        if match and (name := _clean_org(match.group())):
            names.append(name)
    return names


_NEWS_SOURCE = regex.compile(r"^\S{0,12}?(网讯|日讯|讯)\s*")  # "梧州工会网讯 ": the site, not the subject


def _org_stem(name: str) -> str:
    """The place part of an organisation name: 桂园街道总工会 → 桂园街道."""
    return regex.sub(r"(总工会|工会委员会|工会联合会|工会|妇联|团委)$", "", name)


def _org(title: Optional[str], opening: str) -> Optional[str]:
    title_orgs = _clause_orgs(title) if title else []
    body_orgs = _clause_orgs(_NEWS_SOURCE.sub("", opening[:300]))
    if title_orgs:
        title_org = title_orgs[0]
        stem = _org_stem(title_org)
        for name in body_orgs:  # "县总工会" in the title, "嘉荫县总工会" in the text
            if name != title_org and len(title_org) <= 5 and _org_stem(name).endswith(stem) and len(name) > len(title_org):
                return name
        return title_org
    return body_orgs[0] if body_orgs else None


def _period(title: Optional[str], opening: str, doc_type: str, doc_text: str, page_head: str) -> Period:
    rules = _rules().period
    first = _first_sentences(opening)
    year, year_text, masked = _year(title) if title else (None, None, False)
    if year is None and not masked:
        # a titled document names its year in the first sentences; an untitled one in the first
        year, year_text, masked = _year(_first_sentences(opening, 3 if title else 1))
    if year is None and not masked and doc_type == "report":
        stamp = _STAMP_YEAR.search(page_head)  # news pages: the publication stamp
        if stamp:
            year_text = next(g for g in stamp.groups() if g)
            year = int(year_text)
    part = _part(title or "", first, doc_type, has_title=title is not None)
    if part is None and doc_type == "report" and rules["multi"].search(_first_sentences(opening, 2)):
        part = "multi_year"
    if part == "multi_year":
        year = None
    inferred, evidence = (None, None)
    if year is None:
        match = rules["evidence"].search(doc_text)  # the first evidence in the text
        if match:
            inferred = rules["evidence_years"][int(match.lastgroup[1:])]
            evidence = match.group()
    return Period(year=year, year_text=year_text, year_masked=masked, part=part,
                  year_inferred=inferred, year_evidence=evidence)


_STAMP_YEAR = regex.compile(r"((?:19|20)\d{2})[-/.年]\d{1,2}[-/.月]\d{1,2}|\d{1,2}\.\d{1,2}\.((?:19|20)\d{2})")


def _year(text: Optional[str]) -> tuple[Optional[int], Optional[str], bool]:
    if not text:
        return None, None, False
    rules = _rules().period
    masked = rules["masked"].search(text)
    plain = rules["year"].search(text)
    if masked and (not plain or masked.start() <= plain.start()):
        return None, masked.group(), True
    if plain:
        return int(plain.group()), plain.group(), False
    return None, None, False


def _part(title: str, first: str, doc_type: str, has_title: bool) -> Optional[str]:
    rules = _rules().period
    for text in (title, first) if has_title else (first,):
        if rules["h1"].search(text) and not rules["h2"].search(text.split("上半年")[0]):
            return "H1"
        if rules["h2"].search(text):
            return "H2"
        for name, pattern in rules["q"]:
            if pattern.search(text):
                return name
        if rules["multi"].search(text):
            return "multi_year"
        if text is title and text and rules["year_cues"].search(text):
            return "year"
    if rules["month"].search(first) or (doc_type == "report" and rules["month_anywhere"].search(first)):
        return "month"
    if doc_type in ("summary", "plan"):
        return "year"
    if has_title and _ENDS_IN_REPORT.search(title):
        return "year"
    if not has_title and _STARTS_WITH_YEAR_COMMA.match(first):
        return "year"
    return None
