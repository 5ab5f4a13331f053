"""The HTML report in headless Chromium: one self-contained file, readable on a phone and on paper, citations that
open their sentence, article text escaped. Screenshots go to ``test-artifacts/screenshots/`` (``tests/browser.py``).

Reports come from the real pipeline and a real SQLite store (``report_store``
in ``conftest.py``): the Kerman example and the three Crocus City Hall articles.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from spacy.language import Language

from browser import DESKTOP, PHONE, screenshot
from conftest import analyse_into
from counterclaim.report import event_narrative, render_narrative, render_narratives, write_narrative
from counterclaim.store import Store


def report_file(store: Store, document_name: str, folder: Path) -> Path:
    """The HTML report of the event holding ``document_name``, written to ``folder``."""
    summary = next(s for s in store.event_summaries() if document_name in s.document_names)
    return write_narrative(event_narrative(store, summary), folder / f"{document_name}.html")


@pytest.fixture(scope="module")
def pages(report_store: Store, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("html")
    return {event: report_file(report_store, document, folder) for event, document in _EVENTS.items()}


#: Event -> a document of it.
_EVENTS = {"kerman": "kerman_reactions", "crocus": "m07_afp_crocus_2024"}


def open_page(browser: Browser, path: Path, device: dict, requests: list[str] | None = None) -> Page:
    page = browser.new_page(**device)
    if requests is not None:
        page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    return page


class _Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize("event", list(_EVENTS))
def test_one_self_contained_file_whose_links_all_land(event: str, pages: dict[str, Path], browser: Browser) -> None:
    source = pages[event].read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(source)
    names = {tag for tag, _ in parser.tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed"}
    assert not re.search(r"url\(|@import", source)
    ids = {attrs["id"] for _, attrs in parser.tags if attrs.get("id")}
    hrefs = [attrs["href"] for tag, attrs in parser.tags if tag == "a"]
    assert hrefs and all(h and h.startswith("#") and h[1:] in ids for h in hrefs)
    requests: list[str] = []
    page = open_page(browser, pages[event], DESKTOP, requests)
    assert requests == [pages[event].as_uri()]  # nothing else is fetched: it works offline
    screenshot(page, f"{event}-desktop")
    page.close()


@pytest.mark.parametrize("event", list(_EVENTS))
def test_readable_on_a_phone(event: str, pages: dict[str, Path], browser: Browser) -> None:
    page = open_page(browser, pages[event], PHONE)
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1]  # no sideways scrolling of the page (the matrix scrolls in its own box)
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.brief p')).fontSize)")
    assert size >= 16
    screenshot(page, f"{event}-phone")
    page.locator("#e1-matrix").scroll_into_view_if_needed()
    screenshot(page, f"{event}-phone-matrix")
    page.close()


def test_a_tapped_citation_opens_its_sentence_in_its_paragraph_highlighted(
    pages: dict[str, Path], browser: Browser
) -> None:
    page = open_page(browser, pages["kerman"], PHONE)
    citation = page.locator(".brief sup.ref a").nth(3)
    target = citation.get_attribute("href")
    citation.tap()
    assert page.evaluate("location.hash") == target
    note = page.locator(target)
    assert note.is_visible() and note.evaluate("n => n.matches(':target')")
    box, view = note.bounding_box(), page.viewport_size
    assert box is not None and view is not None and 0 <= box["y"] < view["height"]
    assert note.locator("blockquote .sent").count() == 1 and note.locator("mark").count() >= 1
    highlighted = note.evaluate("n => getComputedStyle(n).backgroundColor")
    assert highlighted not in ("rgba(0, 0, 0, 0)", "transparent")
    screenshot(page, "kerman-phone-note")
    page.locator(f"{target} .back a").first.tap()  # and back to where it was cited
    assert page.evaluate("location.hash") == "#" + citation.get_attribute("id")
    page.close()


def test_print_stylesheet_prints_the_notes_as_endnotes(
    pages: dict[str, Path], browser: Browser, tmp_path: Path
) -> None:
    page = open_page(browser, pages["kerman"], DESKTOP)
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.back')).display") == "none"
    assert page.locator("ol.notes > li").first.is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('mark')).fontWeight") in ("700", "bold")
    before = page.evaluate("getComputedStyle(document.querySelector('sup.ref'), '::before').content")
    assert before == '"["'
    screenshot(page, "kerman-print", full_page=True)
    pdf = tmp_path / "kerman.pdf"
    page.pdf(path=str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.read_bytes().count(b"/Type /Page") > 2
    page.close()


def test_article_text_is_escaped(pipeline: Language, tmp_path: Path, browser: Browser) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    hostile = '<img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>'
    (folder / "night<b>raid.txt").write_text(
        "Gunmen kill five in Kano market raid\n\nGunmen killed five traders at a market in Kano, Nigeria, on "
        f"Monday night, police said. A note left at the scene read {hostile} and nothing else.\n\nThe police "
        f'spokesman said the group called itself "the <b>Night</b> Riders" and had claimed the raid.',
        encoding="utf-8",
    )
    with analyse_into(str(tmp_path / "hostile.db"), [folder], pipeline) as store:
        path = report_file(store, "night<b>raid", tmp_path)
        markdown = render_narrative(event_narrative(store, store.event_summaries()[0]), "markdown")
    source = path.read_text(encoding="utf-8")
    assert "<b>" not in source and "&lt;b&gt;" in source
    page = open_page(browser, path, PHONE)
    assert page.title() != "pwned" and page.locator("img, script, b").count() == 0
    assert "night<b>raid" in page.inner_text("body")
    page.close()
    assert "night\\<b\\>raid" in markdown


def test_several_events_on_one_page_keep_their_notes_apart(report_store: Store) -> None:
    reports = [event_narrative(report_store, s) for s in report_store.event_summaries()]
    page = "".join(render_narratives(reports, "html"))
    parser = _Tags()
    parser.feed(page)
    ids = [attrs["id"] for _, attrs in parser.tags if attrs.get("id")]
    assert len(ids) == len(set(ids))
    assert all(attrs["href"][1:] in ids for tag, attrs in parser.tags if tag == "a")
    assert sum(tag == "article" for tag, _ in parser.tags) == len(reports) >= 5
