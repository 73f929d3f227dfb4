"""Figures in the rows of tables pasted as text.

The reading step marks the gaps between a table's cells with one tab each
(``clean._mark_table_cells``), so a row is a line with tabs.  A figure in one
of its cells counts what the row's label names (``职工书屋建设  5家  6家  120%``:
all three are 职工书屋建设), and the header over its column says whether it is
a goal (目标值, 计划数) or a result (完成值, 完成率).  Cue words live in the
``[tables]`` part of ``data/indicators.toml``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from ..documents.rules import HEADING_START
from ..quantities import find_quantities
from ..records import Quantity, fill
from ..resources import load_toml
from .cues import TableWords, indicator_cues


@dataclass(frozen=True)
class TableCell:
    """What a table says of the figure in one of its cells."""

    label: str  # the row's label cell, as written
    status: Optional[str]  # from the column's header: target, actual, or None (the header says neither)
    own_words: bool  # the cell holds words besides the figure (5个项目, 举办新会员培训班2期)
    year: Optional[int] = None  # the year its column's header names (2020年, 2021年目标), if any
    prose: bool = False  # the cell holds sentences (家庭情况 | 本人……月工资2940元,……): read as text


def _words() -> TableWords:
    return indicator_cues().tables


# 118, 1,208, -3.5, +42 (a change column's sign says it grew: the figure is 42)
@lru_cache(maxsize=1)
def _approx_marks():
    """The recogniser's approximation words (约, 大约, 近 …) and what each marks: 约3000 alone in
    a cell is read with its mark."""
    from ..quantities.lexicon import lexicon

    marks = lexicon().approx_prefix
    return regex.compile("|".join(regex.escape(word) for word in marks)), marks


_CLAUSE_MARK = regex.compile(r"[,，。;；]")


@lru_cache(maxsize=1)
def _prose_cell_chars() -> int:
    """A cell longer than a table's figure cell may be (the reading step's max_cell_chars), with
    clause marks, holds sentences."""
    return load_toml("clean_rules.toml")["tables"]["max_cell_chars"]
_BOUND_MARKS = {"≥": "lower", "≤": "upper", ">": "lower", "<": "upper"}  # a cell's sign of its bound
_BARE_FIGURE = regex.compile(r"[-+]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
_FIGURE_CELL = regex.compile(r"(?!\s*(?:19|20)[0-9]{2}年)\s*[-+≥≤<>]?[0-9][0-9.,]*\s*(?:%|\p{Han}{1,3})?(?:以上|以下|左右)?\s*")  # 118, 5家, 93.7% (a year, 2022年, heads a column)


def _aligned(header: Optional[list[str]], cells: list[tuple[int, int]], of_people: bool = False) -> bool:
    """Whether a row's cells stand under its header's columns: as many, or fewer (empty last
    cells, 备注, leave no tab behind), a label and a figure at least; in a list of people, one
    fewer at most (小计:7户 | 14000元 is a total row of its own shape)."""
    if header is None:
        return False
    return len(header) - 1 <= len(cells) <= len(header) if of_people else 2 <= len(cells) <= len(header)


class TableRows:
    """The table rows of ``text[lo:hi]``, found once, asked about per figure."""

    def __init__(self, text: str, lo: int, hi: int):
        self._text = text
        # line start -> (cell spans, the header of its table, whether the row is that header)
        self._rows: dict[int, tuple[list[tuple[int, int]], Optional[list[str]], bool]] = {}
        self._by_place: set[int] = set()
        self._of_people: set[int] = set()  # ids of the headers with a column of names (姓名)
        if text.find("\t", lo, hi) < 0:
            return  # most documents hold no table
        header: Optional[list[str]] = None
        heading_rows = False  # still in the rows before a table's first figure
        header_rows: list[list[str]] = []  # the rows before the first figure (a caption, headers)
        units_above = False
        self._groups: dict[int, str] = {}  # row start -> the group line above its rows (一、收入)
        self._note_units: dict[int, str] = {}  # row start -> the unit a note above its table gives
        note_unit: Optional[str] = None
        group = ""
        previous_row_end = -2
        start = lo
        while start < hi:
            end = text.find("\n", start, hi)
            end = hi if end < 0 else end
            if text.find("\t", start, end) >= 0:
                cells = _cell_spans(text, start, end)
                if previous_row_end != start - 1:
                    if _group_line_between(text, previous_row_end, start) and any(
                            _FIGURE_CELL.fullmatch(text, a, b) for a, b in cells):  # (over a header row: a new table)
                        group = HEADING_START.sub("", text[previous_row_end + 1:start - 1].strip()).strip()
                    else:
                        header, heading_rows, header_rows, group = None, True, [], ""  # a table's first row
                        units_above = False  # whether the row above wrote a unit under the header's 单位
                        note_unit = self._unit_noted_above(start, lo)
                if group:
                    self._groups[start] = group
                if note_unit:
                    self._note_units[start] = note_unit
                if not heading_rows or any(_FIGURE_CELL.fullmatch(text, a, b) for a, b in cells):
                    if header is not None and len(cells) > len(header):
                        header = _split_run_together_header(header, len(cells))
                    if header is not None and len(cells) == len(header) - 1 and units_above:
                        cells = _split_label_and_unit(text, cells, header)
                    if header is not None and len(cells) == len(header) - 1:
                        cells = _split_label_and_figure(text, cells)
                    units_above = header is not None and _unit_in_column(text, cells, header)
                if heading_rows and not any(_FIGURE_CELL.fullmatch(text, a, b) for a, b in cells):
                    # the last row before the figures is the header (a caption row may come
                    # first: 附表 | ……预算表; 2021年决算数(万元) is a header's cell)
                    header = [text[a:b] for a, b in cells]
                    header_rows.append(header)
                else:
                    if heading_rows and len(header_rows) >= 2:
                        header = _spanned_header(header_rows, len(cells)) or header
                    heading_rows = False
                self._rows[start] = (cells, header, heading_rows)
                previous_row_end = end
            start = end + 1
        self._by_place = self._tables_by_place()
        person_column = _words().person_column
        self._of_people = {id(header) for _, header, _ in self._rows.values()
                           if header is not None and any(person_column.fullmatch(h.strip()) for h in header)}

    def _unit_noted_above(self, start: int, lo: int) -> Optional[str]:
        """The unit a note on one of the two lines above a table's first row gives (单位：个)."""
        end = start - 1
        for _ in range(2):
            if end <= lo:
                return None
            line_start = max(lo, self._text.rfind("\n", lo, end) + 1)
            note = _words().unit_note.search(self._text, line_start, end)
            if note:
                return note.group(1) if _as_written("1" + note.group(1)) else None
            end = line_start - 1
        return None

    def _tables_by_place(self) -> set[int]:
        """ids of the headers of the tables whose data rows are labelled with places."""
        words = _words()
        labels: dict[int, list[str]] = {}
        for cells, header, is_header in self._rows.values():
            if header is not None and not is_header and any(
                    _FIGURE_CELL.fullmatch(self._text, a, b) for a, b in cells[1:]):  # (a foot of names counts no place)
                label = self._label(cells, len(cells))
                if label and not words.total_label.search(label):
                    labels.setdefault(id(header), []).append(label)
        # (one stray label may close the table: a 审核人/填报人 line of a spreadsheet's foot)
        return {key for key, found in labels.items()
                if len(found) - sum(1 for label in found if words.place_label.search(label)) <= (1 if len(found) >= 4 else 0)}

    def __bool__(self) -> bool:
        return bool(self._rows)

    def header_quantities(self) -> list[Quantity]:
        """Bare figures in cells whose unit the table writes elsewhere: in the column's header
        (已建会企业(家) over 118), in the row's label (集体合同(份) | 120) or in a column of units
        (单位 | 份), or in a note above the table (单位：个): quantities as the recogniser would
        make of 118家."""
        text, found = self._text, []
        words = _words()
        for row_start, (cells, header, is_header) in self._rows.items():
            if is_header:
                continue
            titles = header[:len(cells)] if _aligned(header, cells, id(header) in self._of_people) else None
            unit_at = next((k for k, title in enumerate(titles) if words.unit_column.fullmatch(title.strip())),
                           None) if titles else None
            row_unit = self._row_unit(cells, unit_at) or self._note_units.get(row_start)
            if titles is None and row_unit is None:
                continue
            for k, (start, end) in enumerate(cells):
                if k == unit_at or (k == 0 and len(cells) > 2 and words.row_number.fullmatch(text[start:end].strip())):
                    continue  # (the row's number, 序号 1, counts nothing)
                if titles and words.weight_column.fullmatch(titles[k].strip()):
                    continue  # 分值 | 10: the points the scheme gives the row, no figure of the work
                figures = _cell_figures(text, start, end)
                if not figures:
                    continue
                unit = words.header_unit.fullmatch(titles[k].strip()) if titles else None
                written = unit.group(2) if unit else row_unit
                if titles and not unit and words.score_column.fullmatch(titles[k].strip()):
                    written = "分"  # 得分 | 6.5: points obtained, whatever the row counts
                if written == "%" and not unit and titles and words.change_column.search(titles[k]):
                    written = "个百分点"  # 职代会建制率(%) | 86.4 | 88.9 | 增减 2.5: a rate changes by points
                for figure in figures:
                    read = _as_written(figure.group().lstrip("+") + written) if written else None
                    bound = _BOUND_MARKS.get(text[figure.start() - 1]) if figure.start() > start else None
                    if read is None:
                        continue
                    value, reported, kind = read
                    at, to = figure.span()
                    mark = _approx_marks()[0].fullmatch(text, start, at) if at > start else None
                    at = at - 1 if bound else at  # (≥150: the sign is read with the figure)
                    found.append(fill(Quantity, {
                        "span": (start if mark else at, to), "text": text[start if mark else at:to],
                        "value": value, "unit": reported, "kind": kind,
                        "approx": _approx_marks()[1][mark.group()] if mark else None, "bound": bound, "range": None, "per": None, "masked": False,
                        "number_span": (at, to), "change": None, "implicit_unit": True,
                    }))
        return found

    def _row_unit(self, cells: list[tuple[int, int]], unit_at: Optional[int]) -> Optional[str]:
        """The unit a row writes for its figures: in its cell under 单位, or in its label (集体合同(份))."""
        if unit_at is not None:
            a, b = cells[unit_at]
            written = self._text[a:b].strip()
            return written if written and _as_written("1" + written) else None
        label = self._label(cells, len(cells), keep_unit=True)
        found = _words().header_unit.fullmatch(label) if label else None
        return found.group(2) if found and _as_written("1" + found.group(2)) else None

    def cell_of(self, start: int, end: int) -> Optional[TableCell]:
        """What the table says of the figure at ``start:end``, or None outside a table's data rows."""
        if not self._rows:
            return None
        line_start = self._text.rfind("\n", 0, start) + 1
        row = self._rows.get(line_start)
        if row is None:
            return None
        cells, header, is_header = row
        if is_header:
            return None  # the header row itself
        column = next((k for k, (a, b) in enumerate(cells) if a <= start and end <= b), None)
        aligned = _aligned(header, cells)
        label = self._label(cells, column, header=header if aligned else None, form=not aligned)
        if label and line_start in self._groups and _words().total_label.search(label) \
                and not label.startswith(self._groups[line_start]):
            label = self._groups[line_start] + label  # 一、收入 … 合计: the total of 收入
        if column is None or label is None:
            return None
        status = None
        if _aligned(header, cells, id(header) in self._of_people):
            status = column_status(header[column])
            thing = _column_thing(header[column])
            words = _words()
            names_more = status is None or not any(word in thing for word in (*words.actual_columns, *words.target_columns))
            if thing and names_more and (id(header) in self._by_place or id(header) in self._of_people):
                # 城关街道 | 118 under 已建会企业(家), 陈** | …… | 3000 under 慰问金额(元): the rows are
                # places or people, the column names the thing
                label = thing
        if (header is not None and len(header) != len(cells) and id(header) in self._of_people
                and _words().total_label.search(label.split(":")[0])):
            # 小计:7户 | 14000元 under a list of people: the money is what the column of its unit names
            written = _TRAILING_UNIT.search(self._text, start, end)
            for title in header:
                unit = _words().header_unit.fullmatch(title.strip())
                if written and unit and unit.group(2) == written.group():
                    label = _column_thing(title)
                    break
        if (header is not None and column < len(header) and label
                and _words().score_column.fullmatch(header[column].strip())):
            label = header[column].strip()  # 资金拨付及时率 | …… | 得分 5: the row's score, as the header names it
        cell_start, cell_end = cells[column]
        own_words = bool(_HAN.search(self._text, cell_start, start) or _HAN.search(self._text, end, cell_end))
        prose = cell_end - cell_start > _prose_cell_chars() and _CLAUSE_MARK.search(self._text, cell_start, cell_end) is not None
        year = None
        if header is not None and column < len(header) and (named := _HEADER_YEAR.search(header[column])):
            year = int(named.group(1))
        return TableCell(label, status, own_words, year, prose)

    def total_above(self, start: int, end: int, part_markers: tuple[str, ...]) -> Optional[tuple[int, int]]:
        """For a figure in a row labelled as a part (其中:女会员 | 37,816), the cell of its column
        in the nearest row above of the same table that is no part: the total it is a part of."""
        line_start = self._text.rfind("\n", 0, start) + 1
        row = self._rows.get(line_start)
        if row is None or row[2]:
            return None
        cells, header, _ = row
        column = next((k for k, (a, b) in enumerate(cells) if a <= start and end <= b), None)
        label = self._label(cells, column)
        if column is None or not label or not label.lstrip(" \u3000").startswith(part_markers):
            return None
        for above in sorted((at for at in self._rows if at < line_start), reverse=True):
            above_cells, above_header, is_header = self._rows[above]
            if is_header or above_header is not header:
                return None
            above_label = self._label(above_cells, len(above_cells))
            if above_label and not above_label.lstrip(" \u3000").startswith(part_markers):
                return above_cells[column] if column < len(above_cells) and len(above_cells) == len(cells) else None
        return None

    def _label(self, cells: list[tuple[int, int]], column: Optional[int], keep_unit: bool = False,
               header: Optional[list[str]] = None, form: bool = False) -> Optional[str]:
        """The first cell before ``column`` that names a thing (not a row number, not a figure),
        without the unit it may write (集体合同(份): 集体合同); under a header of label levels
        (一级指标 | 二级指标 | 三级指标), the last level's cell."""
        words = _words()
        naming = [(k, cell) for k, cell in enumerate(self._text[a:b].strip() for a, b in cells[:column])
                  if cell and not words.row_number.fullmatch(cell) and not cell[0].isdigit()
                  and cell[0] not in _BOUND_MARKS and not words.time_cell.fullmatch(cell)]
        if not naming:
            return None
        if header is not None and len(naming) >= 2 and any(
                k < len(header) and words.group_column.search(header[k]) for k, _ in naming[:-1]):
            levels = [cell for k, cell in naming if k < len(header)
                      and (words.group_column.search(header[k]) or column_status(header[k]) is None)]
            if levels:
                naming = [(0, levels[-1])]  # 产出指标 | 数量指标 | 帮扶困难职工户数: the row's own item
        if form and len(naming) >= 2 and column is not None and naming[-1][0] == column - 1 and column >= 3:
            return naming[-1][1]  # 家庭人口 | 4人 | 月人均收入 | 800元: a form's key right before its value
        # (组织建设 | 新建工会组织(家) | 48: a group's name, then the item that writes its unit)
        cell = next((later for _, later in naming[1:] if _writes_a_unit(later)), naming[0][1])
        if keep_unit:
            return cell
        unit = words.header_unit.fullmatch(cell)
        return unit.group(1).strip() if unit and unit.group(1).strip() and _as_written("1" + unit.group(2)) else cell


def _writes_a_unit(cell: str) -> bool:
    unit = _words().header_unit.fullmatch(cell)
    return bool(unit and unit.group(1).strip() and _as_written("1" + unit.group(2)))


_HEADER_YEAR = regex.compile(r"((?:19|20)\d\d)年")  # 2020年, 2021年目标: the year a column is of
_HAN = regex.compile(r"\p{Han}{2}")  # words, not a bound or an approximation mark alone (以上 is two: see cell_of)
_TRAILING_UNIT = regex.compile(r"\p{Han}{1,3}$")  # the unit written at a figure's end (14000元)


@lru_cache(maxsize=4096)
def _as_written(figure_and_unit: str) -> Optional[tuple]:
    """(value, unit, kind) the recogniser reads in a figure written with its header's unit
    (1286.45 with 万元: 12864500, 元, money), or None when it reads no one quantity there."""
    found = find_quantities(figure_and_unit)
    if len(found) != 1 or found[0].span != (0, len(figure_and_unit)) or found[0].value is None:
        return None
    return found[0].value, found[0].unit, found[0].kind


def _column_thing(header: str) -> str:
    """What a column's header names, without its unit: 已建会企业 of 已建会企业(家)."""
    found = _words().header_unit.fullmatch(header.strip())
    thing = (found.group(1).strip() if found else "") or header.strip()  # (户数 names itself)
    words = _words()
    head, _, last = thing.rpartition(" ")  # 新建工会组织 目标: a spanned header's goal or result word
    if head and any(word in last for word in (*words.actual_columns, *words.target_columns)):
        return head
    return thing


_SPLIT_CELL = regex.compile(r"\s*(?:[-+]?[0-9][0-9,.]*|[—–-]+)(?:\s*[;；]\s*(?:[-+]?[0-9][0-9,.]*|[—–-]+))+\s*")


def _cell_figures(text: str, start: int, end: int) -> list:
    """The bare figures of a cell: one (118, 1,208, +42, or 约3000: its mark is read with it), or
    several parted by ; when the row holds two things (96;260 under 参与人数, —;52 where the first
    has none)."""
    figure = _BARE_FIGURE.fullmatch(text, start, end)
    if figure is not None:
        return [figure]
    if end - start > 1 and text[start] in _BOUND_MARKS and (figure := _BARE_FIGURE.fullmatch(text, start + 1, end)):
        return [figure]  # ≥150 under a label that writes its unit (医疗救助人次(人次))
    marked = _approx_marks()[0].match(text, start, end)
    if marked and (figure := _BARE_FIGURE.fullmatch(text, marked.end(), end)):
        return [figure]
    if text.find(";", start, end) < 0 or not _SPLIT_CELL.fullmatch(text, start, end):
        return []
    return [m for m in _BARE_FIGURE.finditer(text, start, end)]


def _spanned_header(rows: list[list[str]], width: int) -> Optional[list[str]]:
    """One header from two rows written with merged cells (项目 | 2021年预算 | 2021年决算 over
    金额(万元) | 占比(%) | 金额(万元) | 占比(%)): the label cell spans both rows, each upper cell
    spans the same number of lower ones.  None when the rows do not fit ``width`` so."""
    upper, lower = rows[-2], rows[-1]
    if len(upper) == width and len(lower) < width and not lower[0].strip():
        lower = lower + [""] * (width - len(lower))  # (the last column spans both rows: its lower cell left no tab)
    if len(lower) == width and len(upper) <= width and not lower[0].strip():
        # 序号 | 县 | 新建工会组织(家) | ␣ over ␣ | ␣ | 目标 | 完成 (a spreadsheet's merged cells, shown
        # empty): each lower cell under the upper cell spanning it, its unit kept last
        combined, spanning = [], ""
        for k in range(width):
            cell = upper[k].strip() if k < len(upper) else ""
            spanning = cell or spanning
            below = lower[k].strip()
            if not below:
                combined.append(cell or spanning)
                continue
            unit = _words().header_unit.fullmatch(spanning)
            combined.append(f"{unit.group(1).strip()} {below}({unit.group(2)})" if unit else f"{spanning} {below}")
        return combined
    groups = len(upper) - 1
    if len(lower) != width - 1 or groups < 1 or (width - 1) % groups:
        return None
    spread = (width - 1) // groups
    return [upper[0]] + [f"{upper[1 + k // spread].strip()} {cell.strip()}" for k, cell in enumerate(lower)]


_GROUP_LINE_CHARS = 24


def _group_line_between(text: str, previous_row_end: int, start: int) -> bool:
    """Whether one short line without cells (第1组城关镇) parts two rows of one table."""
    if previous_row_end < 0:
        return False
    between = text[previous_row_end + 1:start - 1]
    return bool(between.strip()) and "\n" not in between and len(between) <= _GROUP_LINE_CHARS \
        and not any(mark in between for mark in "。;,")


_HEADER_CELL_END = regex.compile(r"(?<=[)\]）])(?=\p{Han})")  # 基层工会组织(个)|工会会员(人), run together


def _split_run_together_header(header: list[str], width: int) -> list[str]:
    """``header`` with its cells that hold two columns' titles parted (a PDF prints two
    columns so close that no tab is left between them), when its rows have ``width`` cells."""
    parted = [piece for title in header for piece in _HEADER_CELL_END.split(title)]
    return parted if len(parted) == width else header


def _unit_in_column(text: str, cells: list[tuple[int, int]], header: list[str]) -> bool:
    """Whether the row writes a unit (人, 万元) under its header's 单位: a column of measures,
    not of employers (姓名 | 单位 | 金额)."""
    words = _words()
    unit_at = next((k for k, title in enumerate(header) if words.unit_column.fullmatch(title.strip())), None)
    if unit_at is None or unit_at >= len(cells):
        return False
    a, b = cells[unit_at]
    written = text[a:b].strip()
    return bool(written) and _as_written("1" + written) is not None


_LABEL_THEN_FIGURE = regex.compile(r"(.*[\p{Han})）\]])\s*([-+]?[0-9][0-9,]*(?:\.[0-9]+)?%?)")


def _split_label_and_figure(text: str, cells: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``cells`` with a first cell that holds the row's label and its first figure parted
    (基层工会组织(家)486 | 521 | 35: a label printed up to the next column leaves no gap)."""
    a, b = cells[0]
    found = _LABEL_THEN_FIGURE.fullmatch(text, a, b)
    if found is None or not _HAN.search(found.group(1)):
        return cells
    return [(a, found.end(1)), found.span(2), *cells[1:]]


def _split_label_and_unit(text: str, cells: list[tuple[int, int]], header: list[str]) -> list[tuple[int, int]]:
    """``cells`` with a label cell that holds the row's unit as well (劳动争议调解案件 件 | 412,
    户外劳动者服务站点个 | 118: the unit column printed too close) parted in two, when the
    header's column of units stands right after the label's."""
    words = _words()
    unit_at = next((k for k, title in enumerate(header) if words.unit_column.fullmatch(title.strip())), None)
    if not unit_at:
        return cells
    a, b = cells[unit_at - 1]
    label = text[a:b].rstrip()
    space = max(label.rfind(" "), label.rfind("\u3000"))
    tails = [len(label) - space - 1] if space > 0 else [3, 2, 1]  # (words run together: the longest unit)
    for size in tails:
        unit = label[len(label) - size:]
        if 0 < size < len(label) - 1 and _as_written("1" + unit) and _HAN.search(label[:len(label) - size]):
            cut = a + len(label) - size
            return [*cells[:unit_at - 1], (a, a + len(label[:len(label) - size].rstrip())), (cut, a + len(label)),
                    *cells[unit_at:]]
    return cells


def _cell_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    at = start
    while True:
        tab = text.find("\t", at, end)
        if tab < 0:
            spans.append((at, end))
            return spans
        spans.append((at, tab))
        at = tab + 1


def column_status(header: str) -> Optional[str]:
    """target or actual as a column's header says (完成值: actual; 目标值: target), else None."""
    words = _words()
    if any(word in header for word in words.actual_columns):
        return "actual"
    if any(word in header for word in words.target_columns):
        return "target"
    return None
