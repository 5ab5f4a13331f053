"""The workbench in a real browser: headless Chromium (Debian's) driven by Playwright, against uvicorn on loopback.

An analyst's path through it: the events list, the Kerman event (its brief
first, then matrix and timeline), a clause of the brief and a statement clicked through to its highlighted evidence, an
article pasted and analysed; and an article carrying script shown as text,
never run. Screenshots go to ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from browser import DESKTOP, screenshot
from counterclaim.web import WebSettings, create_app
from webserver import running

PASTED = (
    "Bomb kills six at bus station in Eastport\n\n"
    "A bomb left in a bag exploded at the main bus station of Eastport on Friday, killing six people and "
    "wounding 20, the regional police chief said. The Coastal Brigades claimed responsibility for the bombing "
    "in a message posted on Saturday. The interior minister accused the Coastal Brigades of targeting civilians."
)
HOSTILE = (
    "Hostile markup <script>document.title = 'pwned'; window.pwned = true;</script> in Westfield\n\n"
    "Gunmen attacked a checkpoint in Westfield on Monday, killing two soldiers, the army said. "
    'A spokesman wrote "<img src=x onerror="window.pwned = true">" in a statement claiming the attack '
    'for the Hill Front. <b>Bold</b> words and a <a href="javascript:window.pwned=true">link</a> stay text.'
)


@pytest.fixture(scope="module")
def demo_site(demo_db: Path) -> Iterator[str]:
    with running(create_app(WebSettings(db=str(demo_db)))) as url:
        yield url


@pytest.fixture(scope="module")
def writable_site(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    copy = tmp_path_factory.mktemp("browser") / "demo.db"
    shutil.copy(demo_db, copy)
    with running(create_app(WebSettings(db=str(copy)))) as url:
        yield url


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(**DESKTOP)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda err: errors.append(str(err)))
    yield tab
    context.close()
    assert errors == [], errors  # no script error on any page


def open_kerman(page: Page, site: str) -> None:
    page.goto(site + "/")
    expect(page.locator("table.events tr.event")).to_have_count(4)
    page.get_by_role("link", name=re.compile("Kerman")).click()
    expect(page).to_have_url(re.compile(r"/events/ev-"))


def test_events_list_then_the_kerman_event_with_matrix_and_timeline(page: Page, demo_site: str) -> None:
    page.goto(demo_site + "/")
    expect(page.locator("h1")).to_contain_text("Events")
    kerman = page.locator("tr.event", has_text="Kerman")
    expect(kerman.locator("td.consensus")).to_contain_text("claimed by Islamic State")
    screenshot(page, "web-events-list")
    open_kerman(page, demo_site)
    expect(page.locator("h1")).to_contain_text("Kerman, Iran")
    brief = page.locator("main section").first  # the report's brief opens the page
    expect(brief).to_have_id("brief")
    expect(brief.locator(".sentence.topic-claim").first).to_contain_text("The Islamic State claimed responsibility")
    expect(brief.locator(".sentence.topic-divergence").first).to_contain_text("Israel")
    sentences = brief.locator(".sentence")
    assert sentences.count() >= 5 and sentences.count() == brief.locator(".sentence:has(sup.ref a.note)").count()
    matrix = page.locator("table.matrix")
    expect(matrix.locator("thead")).to_contain_text("Israel")
    expect(matrix.locator("tbody tr").first).to_be_visible()
    assert matrix.locator("tbody tr").count() >= 3
    expect(matrix.locator("td.cell .stance.st-accuse").first).to_be_visible()
    statements = page.locator("#timeline li.statement")
    dots = page.locator("#timeline svg.chart circle.dot")
    assert statements.count() >= 10 and dots.count() == statements.count()
    expect(page.locator("#timeline svg.chart text.speaker", has_text="Esmail Qa'ani")).to_be_visible()
    expect(page.locator("#graph svg.chart path.edge.st-accuse").first).to_be_attached()
    page.locator("#timeline .legend .key.st-accuse").click()  # the legend hides a stance's dots
    expect(page.locator("#timeline svg.chart circle.dot.st-accuse").first).to_be_hidden()
    screenshot(page, "web-kerman-event", full_page=True)
    claim = brief.locator(".sentence.topic-claim").first.locator("a.note").first
    claim.click()  # a clause's evidence: its sentence, highlighted on the document page
    expect(page).to_have_url(re.compile(r"/documents/[0-9a-f]+\?span=\d+-\d+#ev-\d+-\d+$"))
    focus = page.locator("article.text mark.focus")
    expect(focus.first).to_be_in_viewport()
    assert "claimed responsibility" in " ".join(focus.all_inner_texts())


def test_a_statement_opens_its_highlighted_evidence(page: Page, demo_site: str) -> None:
    open_kerman(page, demo_site)
    statement = page.locator("#timeline li.statement", has_text="Esmail Qa'ani").first
    quote = statement.locator("a.quote")
    words = quote.inner_text().strip("“”")
    quote.click()
    expect(page).to_have_url(re.compile(r"/documents/[0-9a-f]+\?span=\d+-\d+#ev-\d+-\d+$"))
    focus = page.locator("article.text mark.focus")
    expect(focus.first).to_be_in_viewport()
    highlighted = " ".join(focus.all_inner_texts())
    assert "Zionists funded the terrorist attack" in highlighted and words.split("“")[-1][:20] in highlighted
    expect(page.locator("aside li.statement.focused")).to_contain_text("Esmail Qa'ani")
    screenshot(page, "web-evidence")


def test_paste_an_article_and_see_it_analysed(page: Page, writable_site: str) -> None:
    page.goto(writable_site + "/analyse")
    page.locator("#article").fill(PASTED)
    page.get_by_role("button", name="Analyse").click()
    expect(page).to_have_url(re.compile(r"/documents/[0-9a-f]+\?analysed=1$"), timeout=120_000)
    expect(page.locator(".notice")).to_contain_text("Analysed")
    expect(page.locator("h1")).to_have_text("Bomb kills six at bus station in Eastport")
    expect(page.locator("aside li.statement", has_text="claim").first).to_be_visible()
    expect(page.locator("article.text mark.casualty").first).to_be_visible()
    screenshot(page, "web-analysed")
    page.locator(".notice a").click()  # on to its event
    expect(page.locator("#consensus")).to_contain_text("Coastal Brigades")


def test_an_article_with_script_is_shown_as_text(page: Page, writable_site: str) -> None:
    page.goto(writable_site + "/analyse")
    page.locator("#article").fill(HOSTILE)
    page.locator("details summary").click()
    page.locator("input[name=title]").fill("<script>window.pwned = true</script>Checkpoint attack")
    page.get_by_role("button", name="Analyse").click()
    expect(page).to_have_url(re.compile(r"/documents/"), timeout=120_000)
    expect(page.locator("article.text")).to_contain_text("<script>document.title = 'pwned'")
    expect(page.locator("article.text")).to_contain_text('<img src=x onerror="window.pwned = true">')
    expect(page.locator("h1")).to_have_text("<script>window.pwned = true</script>Checkpoint attack")
    for path in ("", "/search?q=Westfield+checkpoint"):
        if path:
            page.goto(writable_site + path)
        assert page.evaluate("window.pwned") is None and page.title() != "pwned"
        assert page.locator("article.text script, h1 script, .snippet script, img[src=x]").count() == 0
    screenshot(page, "web-hostile-text")
