"""Typed errors.  Content problems are data (``Finding``); these are for input
that cannot be read, misuse of the API, and broken data files.  Every message
names the thing at fault and, where there is one, the fix."""
from __future__ import annotations


class ExtractorError(Exception):
    """Base class of every error the toolkit raises on purpose."""

    code = "E000"


class InputError(ExtractorError):
    """A file that cannot be turned into text; ``source`` names it."""

    code = "E100"

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class UnsupportedFormat(InputError):
    code = "E101"


class EmptyInput(InputError):
    code = "E102"


class UndecodableInput(InputError):
    code = "E103"


class CorruptArchive(InputError):
    code = "E104"


class InputTooLarge(InputError):
    code = "E105"


class UnsafeArchiveMember(InputError):
    code = "E106"


class DataFileError(ExtractorError):
    """A broken rule/lexicon file inside the package (or given by the user)."""

    code = "E200"

    def __init__(self, path: str, reason: str, line: int | None = None):
        self.path = path
        self.line = line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")


class ModelError(ExtractorError):
    code = "E300"


class StoreError(ExtractorError):
    code = "E400"


class UsageError(ExtractorError):
    code = "E500"


# A parser bug on one file: the file ends as an error record with this code
# and reason, and the batch goes on.
INTERNAL_ERROR_CODE = "E900"


def internal_error_reason(exc: BaseException) -> str:
    return f"internal error while parsing: {type(exc).__name__}: {exc}"
