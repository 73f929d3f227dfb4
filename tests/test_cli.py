"""The command line: JSON Lines out, one error line per bad file, exit codes, no tracebacks."""
import json
import re
import subprocess
import sys
import zipfile

import pytest
from click.testing import CliRunner

from extractor.cli import cli

from conftest import CORPORA

GOOD = "平川县总工会2016年工作总结\n\n一、主要工作\n全年新建工会组织30家,发展会员2000人,签订集体合同50份。"


def run(*args):
    result = CliRunner().invoke(cli, list(args))
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return result, lines


def test_parse_prints_spec_json_lines(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="gb18030")
    result, lines = run("parse", "--no-model", "--format", "json", str(path))
    assert result.exit_code == 0
    (doc,) = lines
    assert doc["schema"] == "extractor.document/1" and doc["source"] == str(path)
    assert doc["doc_type"] == "summary" and doc["period"]["year"] == 2016
    assert [i["value"] for i in doc["indicators"]] == [30, 2000, 50]
    assert doc["sections"][0]["category"] in ("achievements", "plans", "problems", "other")


BAD_FILES = [
    ("empty.txt", b"", "empty"),
    ("binary.txt", bytes(range(256)) * 8, "decode"),
    ("scan.pdf", b"%PDF-1.4\n", "not a readable pdf"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "docx"),
    ("broken.zip", b"PK\x03\x04 garbage", "zip"),
]


@pytest.mark.parametrize("name,data,reason", BAD_FILES)
def test_bad_file_gives_an_error_record_and_the_batch_goes_on(tmp_path, name, data, reason):
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result, lines = run("parse", "--no-model", str(bad), str(good))
    assert result.exit_code == 1
    errors = [line for line in lines if line["schema"] == "extractor.error/1"]
    documents = [line for line in lines if line["schema"] == "extractor.document/1"]
    assert len(errors) == 1 and len(documents) == 1
    assert errors[0]["source"] == str(bad) and reason in errors[0]["error"].lower()
    assert name in result.stderr and "Traceback" not in result.stderr


def test_zip_member_that_escapes_is_refused(tmp_path):
    archive = tmp_path / "archive.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("ok/good.txt", GOOD.encode("utf-8"))
        zf.writestr("../evil.txt", GOOD.encode("utf-8"))
    result, lines = run("parse", "--no-model", str(archive))
    assert result.exit_code == 1
    assert sorted(line["schema"] for line in lines) == ["extractor.document/1", "extractor.error/1"]
    assert any(line["source"].endswith("archive.zip!ok/good.txt") for line in lines)


def test_missing_path_is_an_error_not_a_traceback(tmp_path):
    result, lines = run("parse", str(tmp_path / "nowhere.txt"))
    assert result.exit_code == 1 and lines[0]["schema"] == "extractor.error/1"


def test_show_prints_a_tree(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(cli, ["show", "--no-model", str(path)])
    assert result.exit_code == 0
    assert "主要工作" in result.stdout and "集体合同" in result.stdout


def test_show_html_writes_a_page_with_every_figure_marked(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    page = tmp_path / "page.html"
    result = CliRunner().invoke(cli, ["show", "--no-model", str(path), "--html", str(page)])
    assert result.exit_code == 0 and not result.stdout  # the page instead of the tree
    html = page.read_text(encoding="utf-8")
    from extractor.api import parse_file
    figures = parse_file(path, use_model=False)[0].indicators
    labels = re.findall(r'<mark class="entity".*?<span[^>]*>([^<]*)</span>', html, re.S)
    assert figures and [label.strip() for label in labels if " · " in label] == [
        f"{ind.concept or ind.kind} · {ind.status}" for ind in figures]


def test_show_html_writes_no_page_when_nothing_was_read(tmp_path):
    page = tmp_path / "page.html"
    result = CliRunner().invoke(cli, ["show", str(tmp_path / "nowhere.txt"), "--html", str(page)])
    assert result.exit_code == 1 and not page.exists() and "nowhere.txt" in result.output


def test_concepts_lists_unmapped_objects():
    result = CliRunner().invoke(cli, ["concepts", "--top", "5", str(CORPORA)])
    assert result.exit_code == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows and all(len(row) == 2 and row[0].isdigit() for row in rows)


def test_python_dash_m_runs():
    proc = subprocess.run([sys.executable, "-m", "extractor", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "parse" in proc.stdout


def test_parse_to_a_store_in_a_new_folder(tmp_path):
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text(GOOD, encoding="utf-8")
    target = tmp_path / "out" / "nested" / "results.duckdb"
    result = CliRunner().invoke(cli, ["parse", "--no-model", "--jobs", "1", str(good.parent), "--out", str(target)])
    assert result.exit_code == 0, result.output
    assert target.exists() and "1 files parsed" in result.stderr


def test_an_output_that_cannot_be_written_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(cli, ["parse", str(tmp_path), "--out", str(blocker / "sub" / "x.duckdb")])
    assert result.exit_code == 2
    assert "cannot create its folder" in result.stderr and "Traceback" not in result.stderr


def test_a_jsonl_store_holds_the_lines_parse_prints(tmp_path):
    target = tmp_path / "out.jsonl"
    stored = CliRunner().invoke(cli, ["parse", "--no-model", "--jobs", "2", str(CORPORA), "--out", str(target)])
    assert stored.exit_code == 0, stored.output
    printed, lines = run("parse", "--no-model", str(CORPORA))
    assert printed.exit_code == 0
    from_store = sorted(json.dumps(json.loads(line), sort_keys=True) for line in target.read_text("utf-8").splitlines())
    assert from_store == sorted(json.dumps(line, sort_keys=True) for line in lines)
