"""Tables and stores: records as pandas frames, DuckDB, Parquet, CSV, Excel, JSON Lines.

``to_frames`` turns documents into the store's tables; ``open_store`` picks a
store by the output's extension; ``load_documents`` rebuilds the records a
run stored.  ``extractor.batch.run_batch`` drives the stores for whole archives.

The names below are loaded on first use, so a worker process that only
parses (``store.units``) never imports pandas or DuckDB.
"""
from importlib import import_module

_EXPORTS = {
    "to_frames": "frames", "load_documents": "load", "load_errors": "load",
    "read_store_table": "load", "open_store": "writers", "record_json": "writers",
    "TABLES": "schema",
}

__all__ = list(_EXPORTS)


def __getattr__(name):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'extractor.store' has no attribute {name!r}")
    return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
