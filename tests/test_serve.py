"""`mkdocs serve` picks up an edit to data/ or locales/ without a restart (hook modules are not
reloaded by serve, so the data cache must notice the change); the translators' preview
(`./portal serve --lang fr`) serves French and English only and shows an edit in the open page."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import LOCALES, ROOT, watched_page
from local_server import fetch, free_port


def wait_for(url: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.3)
    return False


def test_serve_rebuilds_when_data_or_locales_change(project: Path) -> None:
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        home = f"http://127.0.0.1:{port}/fr/"
        assert wait_for(home, "Halcyra"), "the site was not served"
        programme = project / "data/programme.yml"
        programme.write_text(programme.read_text(encoding="utf-8").replace("vendor: Halcyra", "vendor: Corvane"), encoding="utf-8")
        assert wait_for(home, "Support partenaires Corvane"), "an edit to data/ was not picked up"
        locale = project / "locales/fr.yml"
        locale.write_text(locale.read_text(encoding="utf-8").replace("Support partenaires {vendor}", "Assistance partenaires {vendor}"), encoding="utf-8")
        assert wait_for(home, "Assistance partenaires Corvane"), "an edit to locales/ was not picked up"
        # A mistake while serving is reported and the server stays up (MkDocs holds requests until
        # the next good build); mending the file brings the page back.
        good = programme.read_text(encoding="utf-8")
        programme.write_text(good.replace("vendor: Corvane", "vendor: [Corvane"), encoding="utf-8")
        time.sleep(3)
        assert server.poll() is None
        programme.write_text(good.replace("vendor: Corvane", "vendor: Halcyra"), encoding="utf-8")
        assert wait_for(home, "Assistance partenaires Halcyra"), "the server did not recover from the mistake"
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=20)
    assert "data/programme.yml:" in errors and "YAML syntax error" in errors
    assert "Traceback" not in errors


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.browser
def test_preview_serves_one_language_and_shows_an_edit(project: Path, browser) -> None:
    port = free_port()
    # What `./portal serve --lang fr` runs (the script serves the repository on port 8000).
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PORTAL_PREVIEW": "fr"}
    left_out = [locale for locale in LOCALES if locale not in ("en", "fr")]
    assert left_out, "the sample has languages besides en and fr"
    # Another translator's broken file does not stop the preview of French: it is not read.
    (project / f"locales/{left_out[0]}.yml").write_text("site: [unclosed\n", encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(base + "fr/", "Support partenaires Halcyra"), "the preview was not served"
        # French, and English where the preview needs it: the default language at the root, which
        # the language switcher, the fallbacks and the 404 page lead to.
        assert "Partner Support" in fetch(base)
        for locale in left_out:
            assert status(f"{base}{locale}/") == 404, f"/{locale}/ is served by a preview of fr"
        for page in ("", "fr/", "fr/escalation/", "fr/translation-status/", "404.html"):
            html = fetch(base + page)
            switcher = re.findall(r'<a href="([^"]*)" hreflang="([^"]*)" class="md-select__link">', html)
            assert page == "404.html" or sorted(lang for _, lang in switcher) == ["en", "fr"], (page, switcher)
            for locale in left_out:  # no link leads to a language the preview did not build
                assert not re.search(rf'(href|src)="[^"]*/{locale}/|"/{locale}/"', html), (page, locale)
        assert set(re.findall(r'data-locale="([a-z]+)"', fetch(base + "fr/translation-status/"))) == {"fr"}
        assert list(json.loads(fetch(base + "i18n-status.json"))["locales"]) == ["en", "fr"]
        assert set(re.findall(r'hreflang="([a-z]+)"', fetch(base + "sitemap.xml"))) == {"en", "fr"}
        assert json.loads(fetch(base + "fr/search/search_index.json"))["config"]["lang"] == ["fr"]

        # An edit to the French locale file is served, and the page open in the browser reloads by
        # itself (MkDocs' live-reload script is inline: the preview's policy must allow it).
        with watched_page(browser) as watched:
            watched.page.goto(base + "fr/")
            assert watched.page.title().endswith("Support partenaires Halcyra")
            locale = project / "locales/fr.yml"
            locale.write_text(locale.read_text(encoding="utf-8").replace("Support partenaires {vendor}", "Assistance partenaires {vendor}"), encoding="utf-8")
            assert wait_for(base + "fr/", "Assistance partenaires Halcyra"), "an edit to locales/fr.yml was not picked up"
            deadline = time.monotonic() + 30
            while not watched.page.title().endswith("Assistance partenaires Halcyra"):  # read by Playwright, not a script of the page
                assert time.monotonic() < deadline, f"the open page did not reload by itself: {watched.console_errors}"
                watched.page.wait_for_timeout(200)
            assert watched.console_errors == [] and watched.foreign_requests == []
        page = project / "docs/fr/escalation.md"
        text = page.read_text(encoding="utf-8")
        assert text.startswith("# ")
        page.write_text(text.replace("# ", "# Brouillon : ", 1), encoding="utf-8")
        assert wait_for(base + "fr/escalation/", "Brouillon : "), "an edit to docs/fr/ was not picked up"
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=20)
    assert f"Preview: building en, fr only; {', '.join(left_out)} left out" in errors
    assert "Traceback" not in errors and "ERROR" not in errors


def test_preview_of_an_unknown_language_says_which_exist() -> None:
    for arguments in (["--lang", "xx"], ["--lang=fr-CA"], ["--lang"]):
        result = subprocess.run([str(ROOT / "portal"), "serve", *arguments], capture_output=True, text=True, timeout=120)
        assert result.returncode == 2, (arguments, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
        if arguments != ["--lang"]:
            assert lines[0] == f"./portal serve --lang: unknown language '{arguments[-1].removeprefix('--lang=')}' for the preview: mkdocs.yml has en (default), {', '.join(LOCALES[1:])}"


def test_serve_on_a_busy_port_says_so_in_one_line() -> None:
    with socket.socket() as taken:
        try:
            taken.bind(("127.0.0.1", 8000))
            taken.listen()
        except OSError:
            pass  # already in use by something else: the same case
        result = subprocess.run([str(ROOT / "portal"), "serve"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.strip().splitlines() == ["./portal serve: port 8000 is in use (another ./portal serve?); stop it, or choose another port: ./portal serve --dev-addr 127.0.0.1:8001"]
