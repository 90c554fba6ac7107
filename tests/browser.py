"""What the browser tests share: Debian's chromium driven by Playwright, and a page that records
what it logged, requested outside itself and opened as a dialog.

Without chromium or Playwright a browser test fails when CI=true (``scripts/setup --test``
installs both) and is skipped, with the reason, otherwise.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("PARTYKG_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu",
                 "--disable-background-networking", "--no-first-run"]


def unavailable(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests cannot run in CI: {reason} (scripts/setup --test installs "
                    "Debian's chromium)", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason}")


def launch():
    """Yield a headless chromium (use as the body of a module-scoped fixture)."""
    if not CHROMIUM.is_file():
        unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the Python package playwright is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


class Page:
    """A page loaded from a file, with what it logged (errors), requested outside the page
    (outside, aborted) and opened (dialogs, dismissed)."""

    def __init__(self, browser, path: Path, viewport: dict | None = None):
        self.page = browser.new_page(**({"viewport": viewport} if viewport else {}))
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text)
                     if m.type in ("error", "assert") else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri())

    def _dialog(self, d):
        self.dialogs.append(d.message)
        d.dismiss()

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def close(self):
        self.page.close()
