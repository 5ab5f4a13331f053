"""Headless Chromium for the tests: Debian's ``chromium`` driven by Playwright for Python.

Playwright's own browser download does not work offline, so the browser is
the system one (``make test`` installs it where it is missing and the user
is root). The report's tests use it now; the web UI's tests reuse it through
the ``browser`` fixture of ``conftest.py``. Screenshots go to
``test-artifacts/screenshots/`` (``$COUNTERCLAIM_SCREENSHOTS`` overrides),
where CI can keep them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = Path(os.environ.get("COUNTERCLAIM_CHROMIUM", "/usr/bin/chromium"))
#: Headless, sandbox off (the tests run as root in CI), nothing that reaches the network on its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(
    os.environ.get("COUNTERCLAIM_SCREENSHOTS", Path(__file__).resolve().parents[1] / "test-artifacts" / "screenshots")
)
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def chromium_missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM}: `make test` installs Debian's chromium (as root)"
    return None


@contextmanager
def launch() -> Iterator[Browser]:
    """The system Chromium under Playwright, closed afterwards."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def screenshot(page: Page, name: str, full_page: bool = False) -> Path:
    """Save a screenshot of ``page`` as ``SCREENSHOTS/name.png`` and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
