"""Shared fixtures: a built copy of the sample site, and a scratch copy of the project to break."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest
import yaml
from bs4 import BeautifulSoup
from local_server import Nginx

ROOT = Path(__file__).resolve().parents[1]


def read_mkdocs_config(path: Path) -> dict:
    """A mkdocs.yml as plain data (its !!python/name tags dropped)."""
    return yaml.safe_load(re.sub(r"!!python/\S+", "", path.read_text(encoding="utf-8")))


def built_locales(config: dict) -> tuple[str, ...]:
    """Every language a mkdocs.yml's i18n plugin builds, the default first."""
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    return tuple(language["locale"] for language in sorted(i18n["languages"], key=lambda language: not language.get("default")) if language.get("build", True))


# Every language mkdocs.yml builds, the default first: each per-language test runs in all of them.
LOCALES = built_locales(read_mkdocs_config(ROOT / "mkdocs.yml"))
PAGES = ("", "commitment/", "escalation/", "priority-support/", "offerings/", "ticket/")


@dataclass
class Build:
    returncode: int
    log: str
    site: Path


def mkdocs_build(project: Path, site: Path, *extra: str, env: dict[str, str] | None = None) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site), *extra],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


def copy_project(destination: Path) -> Path:
    """The files a maintainer edits, copied so a test can break them; code and templates stay shared."""
    for name in ("data", "locales", "docs", "overrides", "hooks", "schemas"):
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    # --strict, as CI and releases build: any MkDocs warning, and any fallback to English, fails.
    build = mkdocs_build(ROOT, tmp_path_factory.mktemp("site") / "site", "--verbose", "--strict")
    assert build.returncode == 0, build.log
    return build


def page_parser(site: Path, default_locale: str):
    """parse(locale, "commitment/") → that page of a built site, parsed once."""
    cache: dict[Path, BeautifulSoup] = {}

    def parse(locale: str, path: str) -> BeautifulSoup:
        file = site / ("" if locale == default_locale else locale) / path / ("" if path.endswith(".html") else "index.html")
        if file not in cache:
            cache[file] = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        return cache[file]

    return parse


@pytest.fixture(scope="session")
def page(site: Build):
    return page_parser(site.site, LOCALES[0])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


# --- browser --------------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]


@pytest.fixture(scope="session")
def served(site: Build, tmp_path_factory: pytest.TempPathFactory):
    """The built site on Debian's nginx with the server block the build generated, as a vendor
    would publish it: its headers (the Content-Security-Policy among them), 404 pages and
    precompressed files are what every browser test meets."""
    with nginx_serving(site.site, tmp_path_factory.mktemp("nginx")) as url:
        yield url


@contextmanager
def nginx_serving(site: Path, scratch: Path) -> Iterator[str]:
    """A built site on Debian's nginx, with the server block its build generated: its URL."""
    server = Nginx(site, scratch)
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Watched:
    page: object
    console_errors: list[str]
    foreign_requests: list[str]


def keep_local(target, foreign: list[str]) -> None:
    """Let a page or context reach 127.0.0.1 only; record and refuse every other request."""

    def guard(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            foreign.append(url)
            route.abort()

    target.route("**/*", guard)


# Chromium logs most violations itself; the event also catches those it reports only to the page.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`Content-Security-Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} in ${event.sourceFile}:${event.lineNumber}`);
});
"""


@contextmanager
def watched_page(browser, **options) -> Iterator[Watched]:
    """A fresh page that records console errors (Content-Security-Policy violations among them) and
    any request leaving 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    watched = Watched(page, [], [])
    page.on("console", lambda message: watched.console_errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: watched.console_errors.append(str(error)))
    keep_local(page, watched.foreign_requests)
    try:
        yield watched
    finally:
        context.close()


@pytest.fixture
def watched(browser):
    with watched_page(browser) as page:
        yield page


def search(page, base: str, locale_root: str, query: str) -> list[str]:
    """Type `query` into Material's search on the language's home page; the result links."""
    page.goto(base + locale_root)
    field = page.locator("input.md-search__input")
    field.click()
    field.press_sequentially(query, delay=20)
    # Material reads the query on keyup; text that no key of the emulated US keyboard types
    # (Arabic, Japanese) is inserted without key events, as an input method would leave it.
    field.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.wait_for_timeout(300)  # the list fills in as the worker answers
    hrefs = page.eval_on_selector_all(".md-search-result__item > a.md-search-result__link", "links => links.map(link => link.href)")
    return [href.removeprefix(base).split("?")[0] for href in hrefs]
