"""HTML pages saved from document sites: bytes -> the page's running text.

Block elements become line breaks so paragraphs stay paragraphs; scripts,
styles, navigation, footers and comments are dropped (data/read_html.toml).
Whitespace inside running text collapses the way a browser shows it.  The
returned text is what every span of an HTML source points into.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..errors import EmptyInput, UndecodableInput
from ..resources import load_toml
from .text import decode_text, doubted_declaration

# charset named in a <meta> tag or an XML declaration near the top
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)"""  # <meta charset=...> or content="...; charset=..."
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([-\w.:]+)""",  # <?xml ... encoding="..."?>
    re.IGNORECASE,
)
# lxml refuses str input that still carries an XML encoding declaration
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_CELL_GAP = re.compile(r" *\t *")  # a tab between two cells, without the spaces their blocks left
_CELL_SPACE = re.compile(r"[ \t\r\n\f\u00a0\u3000]+")
# HTML's collapsible whitespace (NBSP and the ideographic space are kept)
_HTML_SPACE = re.compile(r"[ \t\r\n\f]+")

_CHINESE_CODECS = frozenset(("gb18030", "big5", "big5hkscs", "cp950"))
# declared names -> the codec used and the name reported
_CHARSET_ALIASES = {
    "utf-8": "utf-8", "utf8": "utf-8",
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "x-gbk": "gb18030",
    "cp936": "gb18030", "euc-cn": "gb18030",
    "big5": "big5", "big5-hkscs": "big5hkscs", "cp950": "cp950", "x-x-big5": "big5",
    "utf-16": "utf-16", "utf-16le": "utf-16-le", "utf-16be": "utf-16-be",
}


# where a second page begins in a file of pages saved one after another (an article split over
# pages, 第1页 第2页: the parser would keep the first document and drop the rest)
_NEXT_DOCUMENT = re.compile(r"(?=<!doctype html|<html[\s>])", re.IGNORECASE)


def html_to_text(data: bytes, source: str) -> tuple[str, str]:
    """``(text, encoding)`` of an HTML page's visible running text (of every page, when the
    file holds several saved one after another)."""
    markup, encoding = decode_markup(data, source)
    pages = [page for page in _NEXT_DOCUMENT.split(markup) if page.strip()] if markup.lower().count("<html") > 1 \
        else [markup]
    text = "\n".join(filter(None, (_page_text(page, source, len(pages) > 1) for page in pages)))
    if not text.strip():
        raise EmptyInput(source, "HTML page has no visible text")
    return text, encoding


def _page_text(markup: str, source: str, one_of_several: bool) -> str:
    try:
        return _visible_text(_parse(markup, source))
    except EmptyInput:
        if one_of_several:
            return ""  # (a doctype line alone before its page's <html>)
        raise


def decode_markup(data: bytes, source: str) -> tuple[str, str]:
    """Decode by BOM, then the declared charset, then the plain-text detector.

    Sites often declare a wrong charset; a declaration is only trusted when
    the bytes decode under it without error.
    """
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = _declared_codec(data)
        if declared is not None:
            try:
                text = data.decode(declared)
            except UnicodeDecodeError:
                text = None
            if text is not None:
                if declared in _CHINESE_CODECS:  # GBK reads Big5 bytes without an error, into junk
                    return doubted_declaration(data, declared, text) or (text, declared)
                return text, declared
    return decode_text(data, source)


def _declared_codec(data: bytes) -> str | None:
    found = _DECLARED_CHARSET.search(data[:4096])
    if found is None:
        return None
    name = (found.group(1) or found.group(2)).decode("ascii", "replace").lower()
    return _CHARSET_ALIASES.get(name)


def _parse(markup: str, source: str):
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", markup, count=1), parser=parser)
    except lxml.etree.ParserError as exc:
        raise EmptyInput(source, "HTML page has no content") from exc
    except (ValueError, lxml.etree.LxmlError) as exc:
        raise UndecodableInput(source, f"cannot parse HTML: {exc}") from exc


def _visible_text(root) -> str:
    from lxml import etree

    tags = _tag_sets()
    data_cells = _data_table_cells(root)
    _hold_spanned_columns(root, data_cells)
    grid_cells = _grid_cells(root)
    data_cells |= grid_cells
    in_data_cell = 0  # inside a data table's cell, blocks are no line breaks
    pieces: list[str] = []
    in_pre = 0
    skipped = set()  # iterwalk still reports the end of an element whose subtree it skipped
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            if not tag or tag in tags["drop"] or _is_chrome_element(element, tags) or (
                    tag == "sup" and _is_footnote_marker(element, pieces)):
                walker.skip_subtree()
                skipped.add(element)
                continue
            in_pre += tag == "pre"
            if tag in tags["cell"] or element in grid_cells:
                pieces.append("\t")
                in_data_cell += element in data_cells
            elif tag in tags["block"]:
                pieces.append(" " if in_data_cell else "\n")
            pieces.append(_running(element.text, in_pre, in_data_cell))
        else:
            if element in skipped:  # nothing of it was read: only the text after it counts
                skipped.discard(element)
                pieces.append(_running(element.tail, in_pre))
                continue
            if tag in tags["cell"] or element in grid_cells:
                in_data_cell -= element in data_cells
            elif tag in tags["block"]:
                pieces.append(" " if in_data_cell else "\n")
            in_pre -= tag == "pre"
            pieces.append(_running(element.tail, in_pre, in_data_cell))
    return _tidy_lines("".join(pieces))


def _grid_cells(root) -> set:
    """The cells of tables laid out with <div>s (role="row" over role="cell", or class row over
    class cell): two rows or more of short cells, read as a data table's."""
    rules = load_toml("read_html.toml")
    row_roles, cell_roles = set(rules["grid_row_roles"]), set(rules["grid_cell_roles"])
    row_classes, cell_classes = set(rules["grid_row_classes"]), set(rules["grid_cell_classes"])
    limit = data_cell_max_chars()

    def is_row(element) -> bool:
        return element.get("role") in row_roles or bool(row_classes & set((element.get("class") or "").split()))

    def is_cell(element) -> bool:
        return element.get("role") in cell_roles or bool(cell_classes & set((element.get("class") or "").split()))

    found: set = set()
    groups: dict = {}
    for element in root.iter("div", "li", "span", "section"):
        if is_row(element):
            cells = [child for child in element if isinstance(child.tag, str) and is_cell(child)]
            if len(cells) >= 2:
                groups.setdefault(element.getparent(), []).append(cells)
    for rows in groups.values():
        if len(rows) >= 2 and all(len(" ".join(cell.text_content().split())) <= limit for row in rows for cell in row):
            found.update(cell for row in rows for cell in row)
    return found


def _hold_spanned_columns(root, data_cells: set) -> None:
    """In a data table, a cell spanning rows (<td rowspan="3">组织建设</td>) leaves an empty cell
    in each row below it, and one spanning columns an empty cell after it for each further
    column, so every row keeps its columns (the text is read once, where it stands, as a
    spreadsheet shows a merged cell)."""
    from lxml import etree

    for table in root.iter("table"):
        rows = [row for row in table.iter("tr")]
        if not rows or not any(cell in data_cells for cell in rows[0]):
            continue
        pending: dict[int, int] = {}  # column -> rows still spanned below
        for row in rows:
            cells = [cell for cell in row if isinstance(cell.tag, str) and cell.tag.lower() in ("td", "th")]
            column, k = 0, 0
            while k < len(cells) or any(col >= column and left > 0 for col, left in pending.items()):
                if pending.get(column, 0) > 0:
                    filler = etree.Element("td")
                    if k < len(cells):
                        cells[k].addprevious(filler)
                    else:
                        row.append(filler)
                    data_cells.add(filler)
                    pending[column] -= 1
                    column += 1
                    continue
                if k >= len(cells):
                    column += 1
                    continue
                cell = cells[k]
                span, across = _span(cell.get("rowspan")), _span(cell.get("colspan"))
                if span > 1:
                    pending[column] = span - 1
                for extra in range(1, across):  # (a cell spanning columns: an empty cell for each it covers)
                    filler = etree.Element("td")
                    cell.addnext(filler)
                    data_cells.add(filler)
                    if span > 1:
                        pending[column + extra] = span - 1
                column += across
                k += 1


def _span(value) -> int:
    try:
        return max(1, min(int(value or 1), 100))
    except ValueError:
        return 1


def _is_footnote_marker(element, pieces: list[str]) -> bool:
    """Whether a ``sup`` marks a footnote (3,268人<sup>1</sup>), not a power (m<sup>2</sup>)."""
    marker, letters = _footnote_patterns()
    if not marker.match(element.text_content()):
        return False
    before = next((piece for piece in reversed(pieces) if piece), "")
    return not letters.search(before)


@lru_cache(maxsize=1)
def _footnote_patterns():
    import re

    rules = load_toml("read_html.toml")
    return re.compile(rules["footnote_marker"]), re.compile(rules["unit_letters_before"])


@lru_cache(maxsize=1)
def data_cell_max_chars() -> int:
    """The longest cell a data table holds (read_html.toml; the docx reader uses it too)."""
    return load_toml("read_html.toml")["data_cell_max_chars"]


def _data_table_cells(root) -> set:
    """The cells of the page's data tables (see data_cell_max_chars in the rules file)."""
    limit = data_cell_max_chars()
    cells: set = set()
    for table in root.iter("table"):
        if any(True for _ in table.iterdescendants("table")):
            continue  # a layout table: it holds another table
        rows = [row for row in table.iter("tr")]
        row_cells = [[cell for cell in row if isinstance(cell.tag, str) and cell.tag.lower() in ("td", "th")]
                     for row in rows]
        if len(rows) < 2 or not all(row_cells):
            continue
        if all(len(" ".join(cell.text_content().split())) <= limit for row in row_cells for cell in row):
            cells.update(cell for row in row_cells for cell in row)
    return cells


def _is_chrome_element(element, tags: dict[str, frozenset[str]]) -> bool:
    """Whether the element's class, id or role names site chrome (class="sidebar")."""
    attributes = element.attrib
    if not attributes:
        return False
    names = (attributes.get("class") or "").lower().split()
    if attributes.get("id"):
        names.append(attributes["id"].lower())
    return any(name in tags["drop_classes"] for name in names) or \
        (attributes.get("role") or "").lower() in tags["drop_roles"]


def _running(text: str | None, in_pre: int, in_data_cell: int = 0) -> str:
    if not text:
        return ""
    if in_data_cell:  # 合&nbsp;&nbsp;计: spaces inside a cell are one, never a gap between cells
        return _CELL_SPACE.sub(" ", text)
    return text if in_pre else _HTML_SPACE.sub(" ", text)


def _tidy_lines(text: str) -> str:
    """One line per block: outer spaces and tabs stripped, empty lines dropped; a table row whose
    first cells are empty (under a cell spanning rows) keeps a tab for each of them."""
    lines = []
    for line in text.replace("\r\n", "\n").split("\n"):
        tidy = _CELL_GAP.sub("\t", line.strip(" \t"))
        if tidy and "\t" in tidy:
            opening = line[:len(line) - len(line.lstrip(" \t"))]
            tidy = "\t" * max(0, opening.count("\t") - 1) + tidy  # (each cell opens with a tab)
        if tidy:
            lines.append(tidy)
    return "\n".join(lines)


@lru_cache(maxsize=1)
def _tag_sets() -> dict[str, frozenset[str]]:
    rules = load_toml("read_html.toml")
    return {key: frozenset(rules[key]) for key in ("drop", "block", "cell", "drop_classes", "drop_roles")}
