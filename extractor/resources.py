"""Load the package's data files (TOML, TSV, JSON) once, on first use.

Rules, lexicons, unit lists and cue words live in ``extractor/data``; code
asks for them by file name.  A broken file raises ``DataFileError`` naming
the file and line, never a bare parser exception.
"""
from __future__ import annotations

import json
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import DataFileError

_PACKAGE = "extractor.data"


def _read(name: str) -> str:
    try:
        return resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(f"extractor/data/{name}", "data file is missing; reinstall the package") from exc


@lru_cache(maxsize=None)
def load_toml(name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(_read(name))
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"extractor/data/{name}", f"invalid TOML: {exc}") from exc


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    try:
        return json.loads(_read(name))
    except json.JSONDecodeError as exc:
        raise DataFileError(f"extractor/data/{name}", f"invalid JSON: {exc.msg}", exc.lineno) from exc


@lru_cache(maxsize=None)
def load_tsv(name: str, columns: int | None = None) -> tuple[tuple[str, ...], ...]:
    """Rows of a TSV file; ``#`` starts a comment line, blank lines are skipped."""
    rows = []
    for number, line in enumerate(_read(name).splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        row = tuple(cell.strip() for cell in line.split("\t"))
        if columns is not None and len(row) < columns:
            raise DataFileError(f"extractor/data/{name}", f"expected {columns} tab-separated columns, got {len(row)}", number)
        rows.append(row)
    return tuple(rows)


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    """Non-comment, non-blank lines of a word list."""
    return tuple(
        line.strip() for line in _read(name).splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


@lru_cache(maxsize=None)
def load_text(name: str) -> str:
    """A data file's text as it is (a page template)."""
    return _read(name)
