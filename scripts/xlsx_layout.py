"""Write a workbook given as UTF-8 text as an ``.xlsx``, as a statistician keeps one in Excel:
a line ``## 名称`` starts a sheet, every other line is a row of TAB-parted cells; a cell that
is a number is stored as one (``8.3%`` as 0.083 formatted ``0.0%``, ``1,652`` as 1652), any
other cell is text.

For the corpus's .xlsx samples (``scripts/make_corpora.py``) and fixtures; not part of the toolkit.

    python scripts/xlsx_layout.py SOURCE.txt TARGET.xlsx
"""
from __future__ import annotations

import io
import re
import sys
from pathlib import Path

_NUMBER = re.compile(r"^-?[0-9][0-9,]*(?:\.[0-9]+)?$")
_PERCENT = re.compile(r"^(-?[0-9]+(?:\.[0-9]+)?)%$")


def _cell(text: str):
    if _NUMBER.match(text):
        value = float(text.replace(",", ""))
        return (int(value) if value.is_integer() and "." not in text else value), None
    percent = _PERCENT.match(text)
    if percent:
        digits = len(percent.group(1).split(".")[1]) if "." in percent.group(1) else 0
        return float(percent.group(1)) / 100, "0." + "0" * digits + "%" if digits else "0%"
    return (text if text else None), None


def workbook(source: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    sheet = None
    for line in source.rstrip("\n").split("\n"):
        if line.startswith("## "):
            sheet = book.create_sheet(line[3:].strip())
            continue
        if sheet is None:
            sheet = book.create_sheet("Sheet1")
        values = [_cell(cell.strip()) for cell in line.split("\t")] if line.strip() else []
        sheet.append([value for value, _ in values])
        for column, (_, number_format) in enumerate(values, 1):
            if number_format:
                sheet.cell(row=sheet.max_row, column=column).number_format = number_format
    book.properties.creator = "extractor team"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


if __name__ == "__main__":
    Path(sys.argv[2]).write_bytes(workbook(Path(sys.argv[1]).read_text(encoding="utf-8")))
