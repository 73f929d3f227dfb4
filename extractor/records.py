"""The typed records passed between pipeline stages and handed to users.

Field names follow ``SPEC.md`` section 2 exactly; extra fields are allowed,
renaming or dropping a SPEC field is not.  Every record is a frozen
dataclass; JSON and pandas conversions live at the edges (``to_dict`` here,
``extractor.store`` for tables).

Spans are ``(start, end)`` character offsets, half-open.  Inside the
pipeline, stages work on the normalised copy of the text and their spans
point into that copy; ``pipeline.py`` maps every span back to the source text
before a record leaves the package, so a user only ever sees source spans.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any, Optional, Tuple

import orjson

Span = Tuple[int, int]

DOCUMENT_SCHEMA = "extractor.document/1"
ERROR_SCHEMA = "extractor.error/1"

DOC_TYPES = ("summary", "report", "plan", "other")
PERIOD_PARTS = ("year", "H1", "H2", "Q1", "Q2", "Q3", "Q4", "month", "multi_year")
CATEGORIES = ("achievements", "plans", "problems", "other")
KINDS = ("count", "money", "percent", "fraction", "measure", "other")
STATUSES = ("actual", "target")
SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True)
class SourceText:
    """What a reader produced from one file (or one archive member)."""

    source: str  # path as given; archive members as "archive.zip!member/path.txt"
    text: str  # decoded text; every span in the output points into this
    encoding: Optional[str]  # detected encoding, e.g. "gb18030"; None for docx/html parsed from bytes
    format: str  # "txt", "html", "docx", "doc", "xlsx", "xls", "markdown", "pdf", "rtf", "ofd", "odt", "ods", "mht" (a web archive: its page read as html)
    sha256: str = ""  # hash of the raw bytes, used as the file's key in stores
    # (start, end, level) of the lines a Word file styles as headings (Heading 1, 标题 2): Word's
    # automatic numbering is not in the text, the style still says they head a section; level 0:
    # a line that heads nothing whatever its number (a Markdown list's item)
    heading_lines: tuple = ()
    # (start, end) of markup the text carries but does not say (a Markdown file's ## and **, a
    # PDF's line breaks that only wrap a paragraph): left out of the normalised copy, while spans
    # still point into ``text``
    markup: tuple = ()


@dataclass(frozen=True)
class Quantity:
    """One number with everything written around it (issue 3's recogniser output)."""

    span: Span  # the whole expression: markers, numeral(s), unit
    text: str  # text[span[0]:span[1]] of the text that was searched
    value: Optional[float]  # base units (元 for money); None when masked or vague
    unit: Optional[str]  # simplified, "元" for yuan, "fraction", "%", "个百分点"...
    kind: str  # one of KINDS, or "ratio"
    approx: Optional[str] = None  # 余 多 近 约 左右 上下 ...
    bound: Optional[str] = None  # "lower" / "upper"
    range: Optional[Tuple[float, float]] = None
    per: Optional[str] = None  # 亩 in 每亩补助400元
    masked: bool = False
    number_span: Optional[Span] = None  # just the numeral
    change: Optional[str] = None  # "from" / "to" in 从700元提高到900元
    implicit_unit: bool = False  # unit supplied by context, not written (374职工)


@dataclass(frozen=True)
class Period:
    year: Optional[int] = None
    year_text: Optional[str] = None
    year_masked: bool = False
    part: Optional[str] = None
    year_inferred: Optional[int] = None
    year_evidence: Optional[str] = None


@dataclass(frozen=True)
class Section:
    id: str
    parent: Optional[str]
    level: int
    number: Optional[str]  # as written: "一", "(一)", "1", "(1)", "①"; None for unnumbered
    heading: str  # simplified, half-width
    span: Span  # heading start to the end of the section's body
    heading_span: Span
    category: Optional[str] = None
    confidence: Optional[float] = None
    style: Optional[str] = None  # numbering style key from data/numbering.toml


@dataclass(frozen=True)
class Indicator:
    id: str
    section: Optional[str]
    span: Span
    sentence_span: Span
    text: str  # source text exactly as written
    predicate: Optional[str]
    object: Optional[str]
    concept: Optional[str]
    value: Optional[float]
    unit: Optional[str]
    kind: str
    approx: Optional[str] = None
    bound: Optional[str] = None
    range: Optional[Tuple[float, float]] = None
    per: Optional[str] = None
    status: str = "actual"
    masked: bool = False
    part_of: Optional[str] = None
    confidence: float = 0.5
    change: Optional[str] = None
    quantity_span: Optional[Span] = None  # just the figure with its markers and unit ("25万余元")


@dataclass(frozen=True)
class Finding:
    check: str  # dotted id, e.g. "breakdown.sum_mismatch"
    severity: str  # one of SEVERITIES
    message: str
    span: Optional[Span] = None
    indicators: Tuple[str, ...] = ()
    source: Optional[str] = None  # set for cross-document findings
    doc_index: Optional[int] = None


@dataclass(frozen=True)
class Document:
    source: str
    doc_index: int
    span: Span
    title: Optional[str]
    org: Optional[str]
    doc_type: str
    period: Period
    sections: Tuple[Section, ...] = ()
    indicators: Tuple[Indicator, ...] = ()
    findings: Tuple[Finding, ...] = ()
    title_span: Optional[Span] = None
    encoding: Optional[str] = None
    format: Optional[str] = None
    sha256: str = ""
    schema: str = DOCUMENT_SCHEMA


@dataclass(frozen=True)
class FileError:
    """A file that could not be parsed: it still ends as a record."""

    source: str
    error: str  # one line a person understands
    code: str = "E000"  # from extractor.errors
    sha256: str = ""
    schema: str = ERROR_SCHEMA


def to_dict(record: Any) -> Any:
    """JSON-ready dict of a record (tuples become lists, nested records dicts)."""
    kind = type(record)
    if kind in _PLAIN:
        return record
    if kind is float:
        return int(record) if record.is_integer() else record
    if kind is tuple or kind is list:
        return [to_dict(x) for x in record]
    if is_dataclass(record) and not isinstance(record, type):
        return {name: to_dict(getattr(record, name)) for name in _field_names(kind)}
    return record


_PLAIN = frozenset({str, int, bool, type(None)})


def _json_fields(record: Any) -> dict:
    """The JSON encoder's hook: a record's fields, converted as ``to_dict``
    converts them, nested records left to the encoder (which calls back here).

    A record's ``__dict__`` holds its fields in class order (``__init__``,
    ``fill`` and ``evolve`` all fill it so), so it is handed to the encoder
    as it is; only the fields that can hold floats are looked at, since a
    whole float is written as an integer."""
    kind = type(record)
    converted = _FLOAT_FIELDS.get(kind)
    if converted is None:
        if not is_dataclass(record) or isinstance(record, type):
            raise TypeError(f"{kind.__name__} is not a record")
        converted = _FLOAT_FIELDS[kind] = _float_fields(kind)
    state = record.__dict__
    if len(state) != len(_field_names(kind)):  # something besides the fields: the slow, sure way
        return to_dict(record)
    out = None
    for name in converted:
        value = state[name]
        new = to_dict(value)
        if new is not value:
            if out is None:
                out = dict(state)
            out[name] = new
    return state if out is None else out


def _float_fields(cls) -> tuple[str, ...]:
    """Fields whose annotation admits a float (alone or in a tuple)."""
    return tuple(f.name for f in fields(cls) if "float" in str(f.type))


_FLOAT_FIELDS: dict = {}


# Only records reach the hook: orjson writes dicts, lists, tuples, strings and
# numbers itself, in C.
_ORJSON_OPTIONS = orjson.OPT_PASSTHROUGH_DATACLASS
# The same output from the standard library, for what orjson refuses
_STDLIB_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(",", ":"),
                                   default=_json_fields)


def to_json(record: Any) -> str:
    """Compact JSON of a record: ``json.loads`` of it equals ``to_dict(record)``.

    Written by orjson, with no intermediate dicts and lists, since records are
    serialised by the thousand; an integer past 64 bits, which orjson does not
    write, sends the record to the standard library's encoder."""
    try:
        return orjson.dumps(record, default=_json_fields, option=_ORJSON_OPTIONS).decode()
    except TypeError:
        return _STDLIB_ENCODER.encode(record)


def _field_names(cls) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:  # dataclasses.fields() is slow; records are serialised by the thousand
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


_FIELD_NAMES: dict = {}


SPAN_FIELDS = ("span", "heading_span", "sentence_span", "title_span", "number_span", "quantity_span")


def _span_fields(cls) -> tuple[str, ...]:
    names = _SPAN_FIELDS_BY_CLASS.get(cls)
    if names is None:
        names = _SPAN_FIELDS_BY_CLASS[cls] = tuple(f.name for f in fields(cls) if f.name in SPAN_FIELDS)
    return names


_SPAN_FIELDS_BY_CLASS: dict = {}


def fill(cls: type, state: dict) -> Any:
    """``cls(**state)`` for a frozen record class, ``state`` becoming the record's
    ``__dict__`` as it is, for the records made by the thousand (quantities,
    sections, indicators): their ``__init__`` sets each field through
    ``object.__setattr__``, which costs more than the rest of making one.
    ``state`` must name every field, in the class's order, defaults included;
    a ``TypeError`` says when it does not."""
    if tuple(state) != _field_names(cls):
        raise TypeError(f"{cls.__name__} needs the fields {', '.join(_field_names(cls))}, in that order; "
                        f"got {', '.join(state)}")
    record = object.__new__(cls)
    object.__setattr__(record, "__dict__", state)
    return record


def evolve(record: Any, **changes) -> Any:
    """``dataclasses.replace`` for records the pipeline built itself: a fresh
    instance filled directly, without running ``__init__`` again (thousands
    of records per file make that the costlier part)."""
    copy = object.__new__(type(record))
    copy.__dict__.update(record.__dict__)
    copy.__dict__.update(changes)
    return copy


def map_spans(record: Any, mapper) -> Any:
    """Copy of ``record`` with every span field passed through ``mapper``."""
    state = None
    for name in _span_fields(type(record)):
        value = getattr(record, name)
        if value is not None:
            if state is None:
                state = dict(record.__dict__)
            state[name] = mapper(value)
    return record if state is None else evolve(record, **state)


__all__ = [
    "Span", "SourceText", "Quantity", "Period", "Section", "Indicator", "Finding",
    "Document", "FileError", "to_dict", "to_json", "map_spans", "evolve", "fill", "asdict", "field",
]
