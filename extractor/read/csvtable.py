"""CSV and TSV tables (statistics exported from a spreadsheet or a reporting system).

The file is decoded as any text file is (BOM, UTF-8, GB18030, Big5, UTF-16), its dialect
sniffed (comma, tab, semicolon or vertical bar; quotes as Excel writes them), and each row
given as one line of tab-parted cells, the way the spreadsheet readers lay out a sheet:
trailing empty cells (Excel pads every row to the widest) are dropped, an empty row stays an
empty line.  A table the toolkit wrote itself (``extractor parse --out x.csv``, ``compare
--out``) is refused with the reason, never read as a document.
"""
from __future__ import annotations

import csv
import io
from functools import lru_cache

from ..errors import EmptyInput, UndecodableInput, UnsupportedFormat
from ..resources import load_toml
from .text import decode_text


@lru_cache(maxsize=1)
def _rules() -> dict:
    return load_toml("read_formats.toml")["csv"]


def csv_to_text(data: bytes, source: str) -> tuple[str, str]:
    """``(text, encoding)``: the table's rows as lines of tab-parted cells."""
    decoded, encoding = decode_text(data, source)
    rules = _rules()
    sample = decoded[: int(rules["sniff_chars"])]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=rules["delimiters"])
    except csv.Error:  # one column, or too few rows to tell: the comma, as Excel writes
        dialect = csv.excel
    lines = []
    try:
        for row in csv.reader(io.StringIO(decoded, newline=""), dialect):
            cells = [" ".join(cell.split()) for cell in row]  # (a cell's own line breaks and tabs: spaces)
            while cells and not cells[-1]:
                cells.pop()
            lines.append("\t".join(cells))
    except csv.Error as exc:
        raise UndecodableInput(source, f"not a readable CSV table: {exc}") from exc
    header = {cell.strip().lower() for cell in lines[0].split("\t")} if lines else set()
    if len(header & set(rules["own_output_columns"])) >= int(rules["own_output_min_columns"]):
        raise UnsupportedFormat(source, "a table this toolkit wrote (its own output), not a document")
    text = "\n".join(lines).strip("\n")
    if not text.strip():
        raise EmptyInput(source, "the table holds no cell with text")
    return text, encoding
