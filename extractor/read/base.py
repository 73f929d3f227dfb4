"""What every reader shares: the size limit, format lookup, hashing.

The size limit is a module constant so a caller (or a test) can change it;
readers look it up at call time.
"""
from __future__ import annotations

import fnmatch
import hashlib
from functools import lru_cache
from pathlib import PurePath

from ..errors import InputTooLarge, UnsupportedFormat
from ..resources import load_toml

# Largest file (or archive member) read, in bytes.  Official documents are
# tens of kilobytes; 20 MB leaves room for big HTML pages and docx files with
# images while keeping one file's text comfortably in memory.
MAX_INPUT_BYTES = 20 * 1024 * 1024

_FORMATS_FILE = "read_formats.toml"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_size(size: int, source: str) -> None:
    """Raise ``InputTooLarge`` when ``size`` bytes exceed the limit."""
    if size > MAX_INPUT_BYTES:
        raise InputTooLarge(source, f"file larger than the {_megabytes(MAX_INPUT_BYTES)} limit")


def _megabytes(size: int) -> str:
    megabytes = size / (1024 * 1024)
    return f"{megabytes:g} MB" if megabytes >= 1 else f"{size} bytes"


def suffix_of(name: str) -> str:
    """Lower-cased last suffix without the dot ("" when there is none)."""
    return PurePath(name).suffix.lower().lstrip(".")


def format_of(name: str, data: bytes | None = None) -> str:
    """"txt", "html", "docx", "doc", "xlsx", "pdf", "rtf", "markdown" or "zip" for ``name``; ``UnsupportedFormat`` otherwise.

    A name without extension is sniffed from ``data`` (when given) and
    taken as text when no known signature matches.
    """
    suffix = suffix_of(name)
    if suffix:
        found = load_toml(_FORMATS_FILE)["extensions"].get(suffix)
        if found is None:
            raise UnsupportedFormat(name, f"unsupported file type .{suffix}")
        return found
    sniffed = sniff(data or b"")
    if sniffed in (None, "html", "pdf", "rtf", "doc"):
        return sniffed or "txt"
    raise UnsupportedFormat(name, f"unsupported file type: the content looks like {sniffed.upper()}, not text")


def sniff(data: bytes) -> str | None:
    """Name of the format whose signature ``data`` starts with, if any."""
    head = data[:64].decode("latin-1")
    # markup may follow a BOM or blank lines, and its tags are case-blind
    markup = data[:256].lstrip(b"\xef\xbb\xbf \t\r\n").decode("latin-1").lower()
    for magic, name in load_toml(_FORMATS_FILE)["magic"].items():
        if (markup if name == "html" else head).startswith(magic):
            return name
    return None


@lru_cache(maxsize=1)
def _skip_globs() -> tuple[str, ...]:
    return tuple(glob.lower() for glob in load_toml(_FORMATS_FILE)["skip"]["globs"])  # (names are compared lower-cased)


def is_skipped(name: str) -> bool:
    """True for hidden files and the toolkit's own outputs (never read)."""
    base = PurePath(name).name
    if base.startswith("."):
        return True
    lowered = base.lower()
    return any(fnmatch.fnmatchcase(lowered, pattern) for pattern in _skip_globs())
