"""Excel 97–2003 workbooks (``.xls``, and WPS Spreadsheets' ``.et``, the same BIFF8 format).

Read with xlrd, then laid out exactly as an ``.xlsx`` is (``xlsx.workbook_text``): each sheet's
name as a heading when the sheets are named, one line per row with its cells parted by tabs, a
cell as Excel shows it.  The number format that gives a cell its decimals or its percent sign
comes from the workbook's cell formats (xlrd's ``formatting_info``); a workbook whose formats
xlrd cannot read is read again without them, its numbers then shown as in the General format.

A password-protected workbook is refused with the reason.  (An ``.xlsx`` or an HTML page named
``.xls``, as sites often serve them, never comes here: ``base.format_of`` sends it to its reader.)
"""
from __future__ import annotations

import datetime
import io
from collections.abc import Iterator
from functools import partial

from ..errors import CorruptArchive, EmptyInput, InputError, UndecodableInput
from ..resources import load_toml
from .xlsx import cell_text, row_text, workbook_text

_COMPOUND_MAGIC = b"\xd0\xcf\x11\xe0"
_BIFF_BOFS = (b"\x09\x00", b"\x09\x02", b"\x09\x04", b"\x09\x08")  # a bare BIFF2–8 stream, no compound file


def xls_to_text(data: bytes, source: str) -> tuple[str, tuple]:
    """The text and the sheets' heading spans, as ``xlsx_to_text`` gives them."""
    if not data:
        raise EmptyInput(source, "empty file")
    if not data.startswith((_COMPOUND_MAGIC, *_BIFF_BOFS)):
        raise UndecodableInput(source, "not an Excel 97–2003 workbook (no compound-file or BIFF signature): "
                                       "an .xls in name only")
    book = _open(data, source)
    try:
        sheets = [(sheet.name, partial(_sheet_rows, book, sheet)) for sheet in book.sheets()]
        return workbook_text(sheets, source)
    except InputError:
        raise
    except Exception as exc:  # (xlrd on a damaged sheet: struct, index and its own errors alike)
        raise CorruptArchive(source, f"corrupt .xls: {type(exc).__name__}: {exc}") from exc
    finally:
        book.release_resources()


def _open(data: bytes, source: str):
    import xlrd

    stream = _workbook_stream(data, source)
    failure: Exception | None = None
    for formats in (True, False):  # (the cell formats give decimals and percent; a workbook can be read without them)
        try:
            # xlrd writes its warnings to stdout unless given a log of its own; ragged rows keep a
            # damaged cell's far-off address from padding every row to it
            return xlrd.open_workbook(file_contents=stream, formatting_info=formats, ragged_rows=True,
                                      logfile=io.StringIO(), verbosity=0)
        except xlrd.XLRDError as exc:
            if "encrypted" in str(exc).lower():
                raise UndecodableInput(source, "the workbook is encrypted with a password; "
                                               "save an unprotected copy to read it") from exc
            failure = exc
        except Exception as exc:  # (damaged bytes: struct, index, assertion errors alike)
            failure = exc
    raise CorruptArchive(source, f"corrupt .xls: {type(failure).__name__}: {failure}") from failure


def _workbook_stream(data: bytes, source: str) -> bytes:
    """The BIFF records of the workbook, taken out of its compound file with olefile (xlrd's own
    compound-file reader loops without end on a damaged sector chain); xlrd reads them bare."""
    import olefile

    if not data.startswith(_COMPOUND_MAGIC):
        return data  # (an Excel 2–4 file: BIFF records without a compound file)
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # (olefile on damaged bytes: OSError, struct and index errors alike)
        raise CorruptArchive(source, f"corrupt .xls: not a readable compound file ({exc})") from exc
    try:
        for name in load_toml("read_formats.toml")["compound"]["xls"]:
            if ole.exists(name):
                if ole.get_size(name) > len(data):
                    raise CorruptArchive(source, f"corrupt .xls: its {name} stream is larger than the file")
                stream = ole.openstream(name).read()
                if not stream:
                    raise CorruptArchive(source, f"corrupt .xls: its {name} stream is empty")
                return stream
        raise UndecodableInput(source, "not an Excel workbook: the compound file holds no Workbook stream "
                                       "(a Word document saved as .xls?)")
    except InputError:
        raise
    except Exception as exc:
        raise CorruptArchive(source, f"corrupt .xls: its workbook stream cannot be read ({exc})") from exc
    finally:
        ole.close()


def _sheet_rows(book, sheet) -> Iterator[str]:
    for index in range(sheet.nrows):
        yield row_text(_cell_text(book, cell) for cell in sheet.row(index))


def _cell_text(book, cell) -> str:
    import xlrd

    kind, value = cell.ctype, cell.value
    if kind == xlrd.XL_CELL_NUMBER:
        return cell_text(value, _number_format(book, cell))
    if kind == xlrd.XL_CELL_DATE:
        moment = _date(value, book.datemode)
        return cell_text(value, _number_format(book, cell)) if moment is None else cell_text(moment)
    if kind == xlrd.XL_CELL_TEXT:
        return cell_text(value)
    if kind == xlrd.XL_CELL_BOOLEAN:
        return cell_text(bool(value))
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, "")  # (#DIV/0!, #N/A: as openpyxl gives an .xlsx's)
    return ""  # empty or blank


def _number_format(book, cell) -> str:
    """The cell's number format (``0.0%``, ``#,##0.00``); "" when the formats were not read."""
    try:
        return book.format_map[book.xf_list[cell.xf_index].format_key].format_str
    except (AttributeError, IndexError, KeyError, TypeError):
        return ""


def _date(value: float, datemode: int) -> datetime.datetime | datetime.time | None:
    """An Excel serial date as a datetime (a time alone below 1, as openpyxl reads one);
    None for a value no date can be (negative, or in the 1900 calendar's phantom February)."""
    import xlrd

    try:
        year, month, day, hour, minute, second = xlrd.xldate_as_tuple(value, datemode)
    except (xlrd.XLDateError, ValueError, OverflowError):
        return None
    if (year, month, day) == (0, 0, 0):
        return datetime.time(hour, minute, second)
    try:
        return datetime.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
