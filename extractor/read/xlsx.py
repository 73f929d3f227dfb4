"""Excel workbooks (``.xlsx``): every sheet's rows as lines of tab-parted cells.

Union statistics (工会统计年报, 帮扶资金发放表) are often kept as spreadsheets.  Each sheet
becomes its name on a line of its own when the sheets are named (a heading; the first sheet's
name after its title row, when it opens with one; a default name, Sheet1, is left out), then one line per row with its cells parted by tabs, as a table pasted as text is read; a blank line parts the
sheets.  A cell shows what Excel shows: the value a formula last computed, with the decimals
its format gives (0.07 formatted ``0.0%`` is ``7.0%``), a number in the General format
without ``.0``, a date as ``2023-06-30``.  Empty
rows and the empty cells that end a row are left out.

The toolkit's own output workbooks (sheets ``documents``, ``indicators`` …) are not read:
they are refused with the reason, so that an archive holding one gets an error row, never a
second parse of its own tables.

``workbook_text``, ``row_text`` and ``cell_text`` are the part every spreadsheet reader shares
(``xls.py`` reads Excel 97–2003 workbooks through them): one way to lay out a workbook as text.
"""
from __future__ import annotations

import datetime
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial

import regex

from ..errors import CorruptArchive, EmptyInput, UnsupportedFormat
from ..resources import load_toml


def xlsx_to_text(data: bytes, source: str) -> tuple[str, tuple]:
    """The text, and (start, end, 1) of each sheet's name when the sheets are named (the
    sheets of a workbook are its parts: 基本情况, 帮扶情况 head sections)."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # (openpyxl on damaged bytes: zip, zlib, XML and its own errors alike)
        raise CorruptArchive(source, f"corrupt .xlsx: {type(exc).__name__}: {exc}") from exc
    try:
        return _workbook_text(book, source)
    except (UnsupportedFormat, EmptyInput):
        raise
    except Exception as exc:  # (a sheet's part damaged: found only when its rows are read)
        raise CorruptArchive(source, f"corrupt .xlsx: {type(exc).__name__}: {exc}") from exc


def _workbook_text(book, source: str) -> tuple[str, tuple]:
    try:
        return workbook_text([(sheet.title, partial(_sheet_rows, sheet)) for sheet in book.worksheets], source)
    finally:
        book.close()


def _sheet_rows(sheet) -> Iterator[str]:
    for row in sheet.iter_rows():
        yield row_text(_cell_text(cell) for cell in row)


def _cell_text(cell) -> str:
    value = getattr(cell, "value", None)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return cell_text(value, getattr(cell, "number_format", "") or "")
    return cell_text(value)


def workbook_text(sheets: Sequence[tuple[str, Callable[[], Iterable[str]]]], source: str) -> tuple[str, tuple]:
    """The text and headings of a workbook given as its sheets' (name, reader of its rows'
    texts): the one assembly every spreadsheet reader (.xlsx, .xls) goes through.  A sheet's
    rows are read only once the workbook is known not to be the toolkit's own output."""
    names = [title for title, _ in sheets]
    own = set(load_toml("read_formats.toml")["xlsx"]["own_output_sheets"])
    if names and set(names) <= own:
        raise UnsupportedFormat(source, "the toolkit's own output workbook (sheets "
                                        f"{', '.join(names)}): not read again")
    parts = []
    for title, read_rows in sheets:
        rows = [row for row in read_rows() if row.strip()]
        if rows:
            parts.append((title, rows))
    default_name = regex.compile(load_toml("read_formats.toml")["xlsx"]["default_sheet_name"])
    named = len(parts) >= 2 and not any(default_name.fullmatch(title) for title, _ in parts)
    lines, headings, at = [], [], 0
    for k, (title, rows) in enumerate(parts):
        if k:
            lines.append("")
            at += 1
        caption = []
        if k == 0 and named and "\t" not in rows[0]:
            caption, rows = rows[:1], rows[1:]  # the workbook's title row first, then its first sheet's name
        for line in caption:
            lines.append(line)
            at += len(line) + 1
        if named:
            headings.append((at, at + len(title), 1))
        for line in ((title, *rows) if named else rows):  # (Sheet1, 工作表1: a default name says nothing)
            lines.append(line)
            at += len(line) + 1
    text = "\n".join(lines)
    if not text.strip():
        raise EmptyInput(source, "workbook has no filled cells")
    return text + "\n", tuple(headings)


def row_text(cells: Iterable[str]) -> str:
    """A row's cells' texts parted by tabs, without the empty cells that end it."""
    cells = list(cells)
    while cells and not cells[-1]:
        cells.pop()
    return "\t".join(cells)


def cell_text(value, number_format: str = "") -> str:
    """A cell's value as Excel shows it; ``number_format`` (Excel's, e.g. ``0.0%``) counts
    for numbers only."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        shown = number_format or ""
        places = _DECIMALS.search(shown)
        if "%" in shown:
            return f"{_number(value * 100, len(places.group(1)) if places else None)}%"
        return _number(value, len(places.group(1)) if places and shown != "General" else None)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return " ".join(str(value).split())  # (a cell's own line breaks and tabs are spaces in its row)


_DECIMALS = regex.compile(r"0\.(0+)")  # the decimals a format shows: 0.0%, #,##0.00


def _number(value: float, places: int | None = None) -> str:
    """A number as Excel shows it with ``places`` decimals (7.0%), else as a person would
    write it: no ``.0``, no float noise (0.1 + 0.2)."""
    if places is not None:
        return f"{float(value):.{places}f}"
    rounded = round(float(value), 10)
    if rounded == int(rounded) and abs(rounded) < 1e15:
        return str(int(rounded))
    return f"{rounded:.10f}".rstrip("0").rstrip(".")
