"""Excel workbooks (``.xlsx``): every sheet's rows as lines of tab-parted cells.

Union statistics (工会统计年报, 帮扶资金发放表) are often kept as spreadsheets.  Each sheet
becomes its name on a line of its own, then one line per row with its cells parted by tabs,
as a table pasted as text is read; a blank line parts the sheets.  A cell shows what Excel
shows: the value a formula last computed, a percentage as a percentage (0.935 formatted
``0.0%`` is ``93.5%``), a whole number without ``.0``, a date as ``2023-06-30``.  Empty
rows and the empty cells that end a row are left out.

The toolkit's own output workbooks (sheets ``documents``, ``indicators`` …) are not read:
they are refused with the reason, so that an archive holding one gets an error row, never a
second parse of its own tables.
"""
from __future__ import annotations

import datetime
import io
import zipfile

from ..errors import CorruptArchive, EmptyInput, UnsupportedFormat
from ..resources import load_toml


def xlsx_to_text(data: bytes, source: str) -> str:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise CorruptArchive(source, f"corrupt .xlsx: {exc}") from exc
    try:
        names = [sheet.title for sheet in book.worksheets]
        own = set(load_toml("read_formats.toml")["xlsx"]["own_output_sheets"])
        if names and set(names) <= own:
            raise UnsupportedFormat(source, "the toolkit's own output workbook (sheets "
                                            f"{', '.join(names)}): not read again")
        parts = []
        for sheet in book.worksheets:
            rows = [_row_text(row) for row in sheet.iter_rows()]
            rows = [row for row in rows if row.strip()]
            if rows:
                parts.append("\n".join([sheet.title, *rows]))
    finally:
        book.close()
    text = "\n\n".join(parts)
    if not text.strip():
        raise EmptyInput(source, "workbook has no filled cells")
    return text + "\n"


def _row_text(row) -> str:
    cells = [_cell_text(cell) for cell in row]
    while cells and not cells[-1]:
        cells.pop()
    return "\t".join(cells)


def _cell_text(cell) -> str:
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        if "%" in (getattr(cell, "number_format", "") or ""):
            return f"{_number(value * 100)}%"
        return _number(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return " ".join(str(value).split())  # (a cell's own line breaks and tabs are spaces in its row)


def _number(value: float) -> str:
    """A number as a person would write it: no ``.0``, no float noise (0.1 + 0.2)."""
    rounded = round(float(value), 10)
    if rounded == int(rounded) and abs(rounded) < 1e15:
        return str(int(rounded))
    return f"{rounded:.10f}".rstrip("0").rstrip(".")
