"""The package's verbs, thin over the pipeline stages (heavy imports on first use)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional, Sequence, Union

from .records import Document, FileError, Finding


def parse_file(path: Union[str, Path], *, use_model: bool = True) -> list[Document]:
    """Documents of one file; raises ``extractor.errors.InputError`` when it cannot be read."""
    from .pipeline import parse_file as _parse_file

    return _parse_file(path, use_model=use_model)


def parse_text(text: str, source: str = "<text>", *, use_model: bool = True) -> list[Document]:
    """Documents in a string; spans point into ``text``."""
    from .pipeline import parse_text as _parse_text

    return _parse_text(text, source, use_model=use_model)


def parse_paths(paths: Iterable[Union[str, Path]], *, use_model: bool = True):
    """Documents and FileError records of every file under ``paths`` (folders, zips)."""
    from .pipeline import parse_paths as _parse_paths

    return _parse_paths(paths, use_model=use_model)


def audit(documents: Sequence[Document], texts: Optional[dict] = None) -> tuple[Finding, ...]:
    """Every finding: those of each document, then those across documents."""
    from .checks import audit_corpus

    within = tuple(f for doc in documents for f in doc.findings)
    return within + tuple(audit_corpus(documents, texts))


def compare(documents: Sequence[Document], concept: Optional[str] = None, org: Optional[str] = None):
    """A wide pandas table: concept × (organisation, period), targets and actuals apart."""
    from .comparison import compare_table

    return compare_table(documents, concept=concept, org=org)


def to_frames(documents: Iterable[Document], errors: Iterable[FileError] = ()):
    """A dict of pandas DataFrames: documents, sections, indicators, findings, errors."""
    from .store.frames import to_frames as _to_frames

    return _to_frames(documents, errors)
