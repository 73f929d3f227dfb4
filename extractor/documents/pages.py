"""Site chrome, splitting a page into its documents, and titles.

Works on the normalised copy of a file's text (simplified characters,
half-width punctuation).  A page is cut into lines; lines that match the
chrome patterns of ``data/documents.toml`` are set aside; the rest is split at
continuation markers (``扩展阅读:``), article markers (``篇一``, ``总结2``) and
mid-page title lines.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import Optional, Sequence

import regex

from ..records import Period, Span
from .metadata import doc_type_of, opening_text, org_of, period_of
from .rules import HEADING_START, Line, document_rules, is_title_like, strip_trailing_pipes

# patterns used in hot paths, compiled once
_TITLE_ENDS_IN_DOC_WORD = regex.compile(r"(总结|汇报|报告|计划|要点|打算|安排|意见|述职|规划|方案)(范文|参考)?$")
_TITLE_THEN_BODY = regex.compile(
    r"^(\S{6,60}?(总结|汇报|报告|计划|要点|方案))(?:\s+\S|(?=今年|去年|一年|半年|近年|上半年|下半年|为了|按照|根据|在\p{Han}{2,8}(领导|指导|支持)))")


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




def split_lines(text: str) -> list[Line]:
    """Non-blank lines with the spans of their stripped text."""
    lines = []
    at = 0  # where the current raw line starts
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = at + (len(raw) - len(raw.lstrip()))
            lines.append(Line((start, start + len(stripped)), stripped))
        at += len(raw) + 1
    return lines


def is_chrome(line: str) -> bool:
    compact = line.replace(" ", "")
    rules = document_rules()
    return bool(rules.chrome_at_start.match(compact) or rules.chrome_runs.match(compact)
                or rules.chrome_anywhere.search(compact))


def _content_lines(lines: list[Line]) -> tuple[list[Line], set[int], set[int]]:
    """The lines that are document text, and the indices among them of those that may be
    continuation markers.  After an end marker (相关阅读, 由互联网用户整理提供) the rest
    of the page is its footer, unless a further document starts there: a title line
    followed by a paragraph.  The third set holds the indices of the kept lines that a
    publication stamp follows (news headlines)."""
    rules = document_rules()
    end_or_chrome_anywhere = rules.end_or_chrome_anywhere.search
    end_or_continuation_at_start = rules.end_or_continuation_at_start.match
    chrome_at_start, chrome_runs = rules.chrome_at_start.match, rules.chrome_runs.match
    kept = []
    may_continue = set()
    stamped = set()
    in_footer = False
    in_contents = False  # in a bulletin's list of its items (本期导读)
    in_mail = False  # in an e-mail's headers and note, before the document it carries
    for i, line in enumerate(lines):
        compact = line.text.replace(" ", "")
        if in_contents:
            if len(compact) <= rules.contents_entry_max_chars and not compact.endswith("。") \
                    and not chrome_at_start(compact):
                continue  # an entry of the list: its item's headline comes again over the item
            in_contents = False
        if rules.contents_heading.match(compact):
            in_contents = True
            continue
        if rules.mail_header.match(compact):
            in_mail = True
            continue
        if in_mail:
            if chrome_at_start(compact) or not (_article_title(line.text) or _mid_page_title(line.text)):
                continue  # the mail's own words: a covering note, headers (主题:……总结), a quoted note
            in_mail = False
        # the full checks only where one of the two quick ones leaves them a chance
        anywhere = end_or_chrome_anywhere(compact)
        at_line_start = end_or_continuation_at_start(compact)
        if kept and (anywhere or at_line_start) and rules.end_any.search(compact):
            in_footer = True
            continue
        if in_footer:
            following = lines[i + 1].text if i + 1 < len(lines) else ""
            starts_document = (_article_title(line.text) or _mid_page_title(line.text)) and len(following) >= 60
            if not starts_document:
                continue
            in_footer = False
        if not (chrome_at_start(compact) or (anywhere and (chrome_runs(compact) or rules.chrome_anywhere.search(compact)))):
            if at_line_start:
                may_continue.add(len(kept))
            kept.append(line)
        elif kept and kept[-1] is lines[i - 1] and rules.stamp_line.match(compact):
            stamped.add(len(kept) - 1)  # the line right above a publication stamp
    return kept, may_continue, stamped


def _article_title(text: str) -> bool:
    text = strip_trailing_pipes(text)
    return bool(document_rules().article_line.match(text))


_LINK_BULLETS = frozenset("·•")


def _mid_page_title(text: str) -> bool:
    """A title line that starts a further document in the middle of a page."""
    # the cheap checks first: a line that ends in its document word ends in no pipe or
    # space, so is a title only if it is no longer than one as it stands
    if not 8 <= len(text) <= document_rules().title_max or not _TITLE_ENDS_IN_DOC_WORD.search(text):
        return False
    if text[0] in _LINK_BULLETS:
        return False  # ·台溪市总工会2019年工作总结: a link in a list of articles, no title
    return is_title_like(text) and bool(document_rules().org_pattern.search(text))


_PAGE_SUFFIX = regex.compile(r"\s*[(（](?:第\s*)?[0-9]{1,2}(?:\s*页)?[)）]$")


def _page_of(text: str, title: str) -> bool:
    """Whether ``text`` is ``title`` again with a page's number (……总结(2), ……总结(第3页))."""
    if not text.endswith((")", "）")):
        return False  # (most lines: the search would cost a regex call per line)
    found = _PAGE_SUFFIX.search(text)
    return found is not None and text[:found.start()] == _PAGE_SUFFIX.sub("", title) and len(title) >= 6


_TITLE_REACH = 3  # lines from a document's start its title may stand on


def _names_an_annex(content: list[Line], at: int) -> bool:
    """Whether the attachment marked at line ``at`` is a table or a list (附件:……分解表), its
    title after the colon or on the next line."""
    title = content[at].text.split(":", 1)[-1].split("：", 1)[-1].strip()
    if not title and at + 1 < len(content):
        title = content[at + 1].text
    return document_rules().annex_title.search(title) is not None


def _split_points(content: list[Line], may_continue: set[int], stamped: set[int] = frozenset()) -> list[tuple[int, bool]]:
    """Indices where a document starts, with whether that line is a marker to drop; a
    headline with a publication stamp under it starts a news item."""
    rules = document_rules()
    points: list[tuple[int, bool]] = [(0, False)]
    body_seen = False
    attached = False  # right after a covering notice's 附件: marker
    for i, line in enumerate(content):
        text = line.text
        if i in may_continue and rules.continuation_any.match(text.replace(" ", "")):
            if rules.attachment_marker.match(text.replace(" ", "")):
                first = points[-1][0]  # (the title may stand under a masthead and a document number)
                if any(rules.covering_notice.search(line.text) for line in content[first:first + _TITLE_REACH]):
                    attached = True  # the notice's attachment: its own title is no new document
                    continue
                if _names_an_annex(content, i) or rules.attachment_list.match(text.replace(" ", "")):
                    continue  # a table or a list annexed to the document, or the list of its attachments
            points.append((i, True))
            body_seen = False
            continue
        if attached and _mid_page_title(text):
            attached = False
            continue
        if _page_of(text, content[points[-1][0]].text):
            continue  # ……工作总结(2): the next page of an article split over pages, no new document
        if not body_seen and i and points == [(0, False)] and i in stamped and _mid_page_title(text):
            # a titled article with its publication stamp under it, below only short lines:
            # those are the page's columns (headlines, links), the document starts here
            points[0] = (i, False)
            continue
        if _article_title(text) or (body_seen and (_mid_page_title(text) or (i in stamped and is_title_like(text)))):
            if i != points[-1][0]:
                points.append((i, False))
            body_seen = False
            continue
        if len(text) >= 40 or (points == [(0, False)] and i < _TITLE_REACH and rules.compilation_title.search(text)):
            body_seen = True  # (a compilation's cover: the first title after it starts a document)
    return points


def _blocks(content: list[Line], may_continue: set[int], stamped: set[int] = frozenset()) -> list[list[Line]]:
    rules = document_rules()
    points = _split_points(content, may_continue, stamped)
    blocks = []
    for n, (start, is_marker) in enumerate(points):
        end = points[n + 1][0] if n + 1 < len(points) else len(content)
        block = content[start + (1 if is_marker else 0):end]
        body_chars = sum(len(x.text) for x in block if len(x.text) >= 20 or not is_title_like(x.text))
        if block and body_chars >= rules.min_document_chars:
            blocks.append(block)
        elif block and blocks and body_chars > 0 and not all(is_title_like(x.text) for x in block):
            blocks[-1].extend(block)  # a short tail belongs to the document before it
    if len(blocks) > 1 and any(rules.compilation_title.search(line.text) for line in blocks[0][:_TITLE_REACH]):
        blocks = blocks[1:]  # a compilation's cover and contents, before the documents it gathers
    if not blocks and content:
        blocks.append(list(content))
    return blocks


_CLAUSE_PUNCT = regex.compile(r"[,，。;；:：]")  # (a title holds none: a line that does is body text)
_SHORT_TITLE = 30  # a second title line no longer than this may take over from the first
_COLUMN_TAG = regex.compile(r"【[^】]{2,8}】\s*(?=\S{6})")


def _repeated_below_a_masthead(block: list[Line], i: int) -> bool:
    """Whether the line at ``i`` is a masthead's: a longer title holding its words follows within
    four lines, with only short lines of no sentence between (an issue number, an editor and date)."""
    text = block[i].text
    for later in block[i + 1:i + 5]:
        if _CLAUSE_PUNCT.search(later.text):
            return False  # (body text between: the same words again are another page's title)
        if len(text) >= 4 and text in later.text and len(later.text) > len(text) and is_title_like(later.text):
            return True
    return False


def _formal_title_below(block: list[Line], i: int) -> Optional[int]:
    """The index of a formal title (an organisation's, ending in its kind of document) one or
    two lines below the line at ``i``, when that line and any between are short lines naming no
    kind of document (a site's name, a news headline), else None."""
    rules = document_rules()
    for j in range(i + 1, min(i + 3, len(block))):
        between = block[i:j]
        if any(len(x.text) >= 40 or rules.doc_keyword.search(x.text) or HEADING_START.match(x.text) for x in between):
            return None
        if _mid_page_title(block[j].text) and not block[j].text.startswith(("—", "-")):
            return j  # (not a speech's subtitle: ——在……大会上的报告)
    return None


def _title(block: list[Line]) -> tuple[Optional[str], Optional[Span], int]:
    """The title, its span and the index of the first body line."""
    first = block[0]
    if _article_title(first.text):
        return strip_trailing_pipes(first.text), first.span, 1
    for i, line in enumerate(block[:4]):
        if len(line.text) >= 60 or HEADING_START.match(line.text):
            break
        tag = _COLUMN_TAG.match(line.text)
        if tag and is_title_like(line.text[tag.end():]):
            # 【年终访谈】把实事办到职工心坎上: a newspaper's column tag before its headline
            text = strip_trailing_pipes(line.text[tag.end():])
            return text, (line.span[0] + tag.end(), line.span[0] + tag.end() + len(text)), i + 1
        if document_rules().bulletin_name.match(line.text) and any(
                _mid_page_title(later.text) for later in block[i + 1:i + 1 + _TITLE_REACH]):
            continue  # 工会统计快报 over 凤山县总工会2022年1-9月工会工作统计快报: the issue's own title
        nxt = block[i + 1] if i + 1 < len(block) else None
        rules = document_rules()
        if nxt is not None and rules.issuer_line.match(line.text) and rules.document_number_line.search(nxt.text):
            continue  # 汝阳市总工会 / 汝工发〔2024〕6号: a red head's masthead, the title comes after
        if rules.form_marker.match(line.text.replace("\u3000", " ").strip()):
            continue  # 表3　临浦县总工会制表: a form's number over its title
        if is_title_like(line.text) and _repeated_below_a_masthead(block, i):
            continue  # a bulletin's masthead (……职工服务热线 / 运行情况通报), its issue's title repeating it below
        formal = _formal_title_below(block, i)
        if formal is not None:
            # 临水市人民政府 / 市总工会：全市38.6万名会员实现实名入库 / 临水市总工会关于……的报告: a portal's
            # name and a news headline over the document's own title; the headline's words are
            # the document's (its body starts there), the site's name is not
            title_line = block[formal]
            text = strip_trailing_pipes(title_line.text)
            return text, (title_line.span[0], title_line.span[0] + len(text)), i + 1
        if is_title_like(line.text):
            text = strip_trailing_pipes(line.text)
            span = (line.span[0], line.span[0] + len(text))
            if nxt is not None and rules.title_continuation.match(nxt.text) and len(nxt.text) < 40:
                return text + nxt.text, (line.span[0], nxt.span[1]), i + 2
            if nxt is not None and nxt.text == line.text and i + 2 < len(block):
                continue  # a running header over the title's first line, the same words
            if (nxt is not None and (rules.issuer_line.match(text) or (
                    rules.title_first_half.search(text) and not _TITLE_ENDS_IN_DOC_WORD.search(text)))
                    and (rules.title_after_issuer.match(nxt.text) or not rules.issuer_line.match(text))
                    and rules.doc_keyword.search(nxt.text) and is_title_like(nxt.text)
                    and not HEADING_START.match(nxt.text)):
                second = strip_trailing_pipes(nxt.text)
                return text + second, (line.span[0], nxt.span[0] + len(second)), i + 2
            if (nxt is not None and len(nxt.text) <= _SHORT_TITLE and not rules.doc_keyword.search(text)
                    and rules.doc_keyword.search(nxt.text) and is_title_like(nxt.text)
                    and not HEADING_START.match(nxt.text)):
                # 群众团体 / 工会工作: a book's chapter line over its entry's title (a line naming
                # no kind of document over one that does)
                return strip_trailing_pipes(nxt.text), (nxt.span[0], nxt.span[0] + len(strip_trailing_pipes(nxt.text))), i + 2
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


_EDITOR_LINE = regex.compile(r"^(?P<by>\S{2,30}?)(?:办公室|办公厅|宣传部|研究室)?(?:编印|编|主办)(?=\s|$)")
_EDITOR_REACH = 4  # lines under a bulletin's name its editor's line may stand on


def _masthead(block: list[Line], title_span: Optional[Span], lines: Sequence[Line] = (),
              line_starts: Sequence[int] = ()) -> str:
    """A red-header masthead above the title (天门市总工会文件), without its 文件; or a
    bulletin's editor line under its name (云溪市总工会办公室编 2022年9月26日: a line of the
    page's ``lines``, chrome to the document), without the office."""
    if title_span is None:
        return ""
    for line in block:
        if line.span[0] >= title_span[0]:
            break
        if line.text.endswith("文件") and len(line.text) <= 32:
            return line.text[:-2]
    seen = 0
    for at in range(bisect_left(line_starts, title_span[1]), len(lines)):  # (``line_starts``: of ``lines``)
        if not lines[at].text:
            continue
        editor = _EDITOR_LINE.match(lines[at].text)
        if editor:
            return editor.group("by")
        seen += 1
        if seen == _EDITOR_REACH:
            break
    return ""


def _find_documents(text: str) -> list[DocumentBlock]:
    lines = split_lines(text)
    line_starts = [line.span[0] for line in lines]
    content, may_continue, stamped = _content_lines(lines)
    documents = []
    for block in _blocks(content, may_continue, stamped):
        title, title_span, body_index = _title(block)
        body_lines = block[body_index:] if body_index < len(block) else []
        if body_index == 0 and title_span:
            first = block[0]
            body_lines = [Line((title_span[1], first.span[1]), text[title_span[1]:first.span[1]].strip())] + block[1:]
        opening, subtitles = opening_text(body_lines)
        doc_type = doc_type_of(title, opening)
        start = title_span[0] if title_span else block[0].span[0]
        if body_lines and body_lines[0].span[0] < start:
            start = body_lines[0].span[0]  # a headline over the formal title is the document's
        documents.append(DocumentBlock(
            span=(start, block[-1].span[1]),
            lines=tuple(block),
            title=title,
            title_span=title_span,
            org=org_of(title, opening, subtitles, _masthead(block, title_span, lines, line_starts)),
            doc_type=doc_type,
            period=period_of(title, opening, doc_type, text[start:block[-1].span[1]],
                           text[max(0, start - 300):(body_lines[0].span[1] if body_lines else start)]),
        ))
    return documents
