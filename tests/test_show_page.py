"""The page ``extractor show --html`` writes, opened in a real browser (headless
Chromium driven by Selenium): what a reader sees is the file's text, whole and
in order, with each figure and heading marked where the records say it is."""
from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from extractor.api import parse_file
from extractor.cli import cli

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="needs Chromium and its driver (Debian: chromium chromium-driver; .ci/run installs them)")

SUMMARY = """石桥县总工会2021年工作总结

2021年,石桥县总工会围绕中心、服务大局,各项工作取得新进展。

一、主要工作
全年新建工会组织12家,发展会员860人,其中农民工会员310人。签订集体合同45份,覆盖职工5200人。
投入帮扶资金36.5万元,走访慰问困难职工180户。职工书屋<试点>扩大到8个。

二、存在的问题
部分企业工会作用发挥不够,有2家企业工会未按时换届。

三、明年工作打算
力争新建工会组织15家,职代会建制率达到90%以上。
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1100,900", f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def _show_html(paths, page) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["show", *map(str, paths), "--html", str(page)])
    return result.exit_code, result.output


def _marks(browser) -> list[tuple[str, str]]:
    """(marked text, label) of every mark on the page, in order."""
    return [tuple(mark) for mark in browser.execute_script("""
        return Array.from(document.querySelectorAll('mark.entity')).map(mark => {
            const label = mark.querySelector('span');
            return [mark.innerText.slice(0, mark.innerText.length - label.innerText.length).trim(),
                    label.innerText.trim()];
        });""")]


def _page_text(browser) -> str:
    """The visible text of the files' parts of the page, labels left out, without white space."""
    text = browser.execute_script("""
        const parts = Array.from(document.querySelectorAll('.entities')).map(part => {
            const copy = part.cloneNode(true);
            copy.querySelectorAll('mark.entity > span').forEach(label => label.remove());
            return copy.textContent;
        });
        return parts.join('');""")
    return "".join(text.split())


def test_page_marks_every_figure_where_its_span_is(browser, tmp_path):
    source = tmp_path / "shiqiao_2021.txt"
    source.write_text(SUMMARY, encoding="utf-8")
    page = tmp_path / "page.html"
    code, output = _show_html([source], page)
    assert code == 0, output
    documents = parse_file(source)
    browser.get(page.as_uri())

    assert browser.title == f"extractor show {source}"
    # the text reads as the file does: nothing lost, repeated or moved (a stray "<" included)
    assert _page_text(browser) == "".join(SUMMARY.split())
    assert not browser.find_elements(By.TAG_NAME, "试点")
    marks = _marks(browser)
    figures = [(text, label) for text, label in marks if " · " in label]
    expected = [(ind.text, f"{ind.concept or ind.kind} · {ind.status}") for ind in documents[0].indicators]
    assert figures == expected
    assert ("投入帮扶资金36.5万元", "aid_funds · actual") in figures
    assert ("职工书屋<试点>扩大到8个", "workers_libraries · actual") in figures  # shown as written, not as a tag
    assert ("新建工会组织15家", "unions_founded · target") in figures  # next year's plans are targets
    headings = [(text, label) for text, label in marks if " · " not in label]
    assert [label for _, label in headings] == [s.category for s in documents[0].sections]
    assert headings[1][1] == "problems"


def test_marks_are_laid_out_inside_the_page(browser, tmp_path):
    source = tmp_path / "shiqiao_2021.txt"
    source.write_text(SUMMARY * 3, encoding="utf-8")  # long enough to wrap and scroll
    page = tmp_path / "page.html"
    assert _show_html([source], page)[0] == 0
    browser.get(page.as_uri())
    marks = browser.find_elements(By.CSS_SELECTOR, "mark.entity")
    assert marks and all(mark.is_displayed() and mark.size["width"] > 0 and mark.size["height"] > 0
                         for mark in marks)
    # no mark runs off the right edge: the text wraps instead of scrolling sideways
    width = browser.execute_script("return document.documentElement.clientWidth")
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width
    assert max(mark.rect["x"] + mark.rect["width"] for mark in marks) <= width


def test_a_folder_gives_one_part_per_readable_file_and_names_the_bad_one(browser, tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "a_summary.txt").write_text(SUMMARY, encoding="utf-8")
    (folder / "b_plan.txt").write_text("石桥县总工会2022年工作要点\n\n一、目标任务\n全年新建工会组织20家。\n",
                                       encoding="utf-8")
    (folder / "c_broken.docx").write_bytes(b"PK\x03\x04 not really a docx")
    page = tmp_path / "page.html"
    code, output = _show_html([folder], page)
    assert code == 1 and "c_broken.docx" in output
    browser.get(page.as_uri())
    titles = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "section.file h2")]
    assert titles == [str(folder / "a_summary.txt"), str(folder / "b_plan.txt")]
    assert ("新建工会组织20家", "unions_founded · target") in _marks(browser)


def test_each_file_lists_its_documents_and_what_the_audit_found(browser, tmp_path):
    source = tmp_path / "shiqiao_2021.txt"
    # 三、 is missing between 二、 and 四、: a numbering gap the audit reports
    source.write_text(SUMMARY.replace("三、明年工作打算", "四、明年工作打算"), encoding="utf-8")
    page = tmp_path / "page.html"
    assert _show_html([source], page)[0] == 0
    browser.get(page.as_uri())
    rows = [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
            for row in browser.find_elements(By.CSS_SELECTOR, "section.file table.documents tr")[1:]]
    (document,) = parse_file(source)
    assert rows == [[document.title, "石桥县总工会", "summary", "2021 year",
                     str(len(document.sections)), str(len(document.indicators))]]
    findings = [item.text for item in browser.find_elements(By.CSS_SELECTOR, "section.file ul.findings li")]
    assert findings == [f"{f.check} {f.message}" for f in document.findings]
    assert any(text.startswith("numbering.gap") and "“四”" in text for text in findings)
