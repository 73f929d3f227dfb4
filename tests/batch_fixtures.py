"""Small archives for the store, batch and engine tests (texts written for these tests)."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd

from extractor.store import read_store_table

ORGS = ("青山县总工会", "绿水镇工会", "白云区总工会", "东湖街道工会", "南岭乡工会", "北港市总工会")

SUMMARY = ("{org}{year}年工作总结\n\n一、主要工作\n今年共发展会员{members}人，签订集体合同{contracts}份，"
           "慰问困难职工{households}户。\n二、存在问题\n部分企业建会率不高。\n"
           "三、明年打算\n力争新建基层工会{target}家。\n")
REPORT = ("{org}{year}年上半年工作汇报\n\n1、组建工会{target}家，发展会员{members}人。\n"
          "2、开展培训{contracts}期，培训职工{households}人次。\n")

# Files no reader accepts: (name pattern, bytes pattern), one of each per group.
BAD_FILES = (
    ("binary{n}.txt", lambda n: b"\x00\x01\x02\xff" * 8 + n.to_bytes(4, "little")),
    ("empty{n}.txt", lambda n: b""),
    ("scan{n}.pdf", lambda n: b"%PDF-1.4 " + str(n).encode()),
    ("photo{n}.png", lambda n: b"\x89PNG\r\n\x1a\n" + str(n).encode()),
)


def good_text(n: int) -> str:
    template = SUMMARY if n % 2 == 0 else REPORT
    return template.format(org=ORGS[n % len(ORGS)], year=2010 + n % 8, members=100 + 7 * n,
                           contracts=3 + n, households=20 + n, target=2 + n % 5)


def write_good(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"doc{n:03d}.txt"
        path.write_text(good_text(n), encoding="utf-8")
        paths.append(path)
    return paths


def write_bad(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        name, content = BAD_FILES[n % len(BAD_FILES)]
        path = folder / name.format(n=n)
        path.write_bytes(content(n))
        paths.append(path)
    return paths


def write_zip(path: Path, count: int, start: int = 0) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        for n in range(start, start + count):
            archive.writestr(f"inner/doc{n:03d}.txt", good_text(n).encode("gb18030"))
    return path


# Columns that differ between runs of the same input.
VOLATILE = ("run_id",)
SORT_KEYS = {"documents": ["doc_key"], "sections": ["doc_key", "id"],
             "indicators": ["doc_key", "id"], "findings": ["finding_key"],
             "errors": ["file_key", "source"], "files": ["file_key"]}


def stable_tables(store) -> dict[str, pd.DataFrame]:
    """A store's tables without run ids, sorted by key, for comparing two runs."""
    tables = {}
    for name, keys in SORT_KEYS.items():
        frame = read_store_table(store, name).to_pandas()
        frame = frame.drop(columns=[c for c in VOLATILE if c in frame.columns])
        tables[name] = frame.sort_values(keys).reset_index(drop=True)
    return tables


def assert_same_tables(left, right) -> None:
    a, b = stable_tables(left), stable_tables(right)
    for name in SORT_KEYS:
        pd.testing.assert_frame_equal(a[name], b[name], check_like=False, obj=name)
