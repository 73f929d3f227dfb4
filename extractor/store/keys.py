"""The keys that link a store's tables (kept free of heavy imports: workers use them)."""
from __future__ import annotations

import hashlib

from ..records import Document, FileError


def doc_key(file_key: str, doc_index: int) -> str:
    return f"{file_key}:{doc_index}"


def unread_key(source: str) -> str:
    """Key of a file whose bytes could not be read (no content hash exists)."""
    return "unread:" + hashlib.sha256(source.encode("utf-8")).hexdigest()


def file_key_of(record: Document | FileError) -> str:
    """The sha256 of the file's raw bytes, or a key made from its name when unread."""
    return record.sha256 or unread_key(record.source)
