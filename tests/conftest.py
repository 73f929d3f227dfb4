"""Shared fixtures: where the corpora are, and the sample 公文 the PDF and OFD writers lay out."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
SCRIPTS = ROOT / "scripts"
DEV_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    if not DEV_CORPUS.is_dir():
        pytest.skip("the shared dev corpus is not beside this checkout")
    return DEV_CORPUS


def load_script(name: str):
    """A module of ``scripts/`` (the sample writers the reader tests use), loaded by path."""
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# A short county summary as its source lines for scripts/pdf_layout.py and scripts/ofd_layout.py:
# a centred title, a paragraph, headings, a TAB table and the signature flush right.
GONGWEN_SUMMARY = [
    "#c 青石县总工会",
    "#c 2023年工作总结",
    "",
    "　　2023年，县总工会紧紧围绕全县中心工作，扎实推进各项工作，取得了明显成效。"
    "全年新建基层工会组织38家，新发展会员2,160人，其中农民工会员1,380人；签订集体合同215份，覆盖职工2.3万人。",
    "一、帮扶困难职工",
    "　　全年走访慰问困难职工386户，发放慰问金57.9万元，比上年增长12.5%。",
    "二、2024年工作打算",
    "　　力争新建工会组织30家，新发展会员2000人以上。",
    "指标\t目标\t完成\t完成率",
    "新建工会(家)\t30\t38\t126.7%",
    "#r 青石县总工会",
    "#r 2024年1月8日",
]
# ... and the figures both readers must find in it, with their status
GONGWEN_SUMMARY_FIGURES = {(38, "家", "actual"), (2160, "人", "actual"), (1380, "人", "actual"), (215, "份", "actual"),
                           (23000, "人", "actual"), (579000, "元", "actual"), (12.5, "%", "actual"),
                           (30, "家", "target"), (2000, "人", "target")}
