"""Quality gates (issue #6) on the sample, beyond those every portal is held to
(tests/test_gates.py: language and direction, valid HTML, links, weight, axe in each palette, no
violation through nginx): the region tabs, the three tools and both forms with the keyboard alone
(axe in both palettes as they change the page), our JavaScript's budget, MkDocs' own link
validation, and print on A4.

The tools come from package-lock.json (axe-core: `./portal test` runs `npm ci`) and poppler-utils
from Debian; a missing one fails the gate rather than skipping it.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from babel import Locale

from conftest import LOCALES, ROOT, Build, mkdocs_build
from test_gates import JS_BUDGET, axe_violations, needs_command



def prefix(locale: str) -> str:
    return "" if locale == "en" else f"{locale}/"


# --- 3. links and anchors -------------------------------------------------------------------


def test_mkdocs_validation_fails_the_strict_build_on_broken_links(project: Path) -> None:
    config = yaml.safe_load(re.sub(r"!!python/\S+", "", (project / "mkdocs.yml").read_text(encoding="utf-8")))
    assert config["validation"]["links"] == {"not_found": "warn", "anchors": "warn", "absolute_links": "warn", "unrecognized_links": "warn"}
    page = project / "docs" / "fr" / "commitment.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[a](offerings.md#no-such-anchor) [b](no-such-page.md)\n", encoding="utf-8")
    build = mkdocs_build(project, project / "site", "--strict")
    assert build.returncode != 0
    assert "does not contain an anchor '#no-such-anchor'" in build.log
    assert "'fr/no-such-page.md' is not found" in build.log


# --- 4. weight ------------------------------------------------------------------------------


def load_js_budget():
    spec = importlib.util.spec_from_file_location("js_budget", ROOT / "benchmarks" / "js_budget.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_our_javascript_fits_its_budget(site: Build) -> None:
    budget = load_js_budget()
    measured = budget.measure(site.site)
    heaviest = max(measured["pages"].items(), key=lambda item: item[1])
    assert budget.PAGE_BUDGET == JS_BUDGET
    assert heaviest[1] <= JS_BUDGET, f"{heaviest[0]} loads {heaviest[1]} bytes of our JavaScript, gzipped"
    assert measured["all_as_one"] <= budget.ALL_AS_ONE_BUDGET, f"all of our JavaScript is {measured['all_as_one']} bytes gzipped"


# --- 1. accessibility -----------------------------------------------------------------------


def both_palettes(page) -> list[str]:
    """axe in the palette the page is in, then in the other (Material's attribute on <body>;
    without transitions, or axe would read colours halfway through them: Material turns them off
    for readers who prefer reduced motion)."""
    page.emulate_media(reduced_motion="reduce")
    found = axe_violations(page)
    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    page.evaluate("(s) => document.body.setAttribute('data-md-color-scheme', s)", "default" if scheme == "slate" else "slate")
    found += [f"[{'default' if scheme == 'slate' else 'slate'}] {v}" for v in axe_violations(page)]
    page.evaluate("(s) => document.body.setAttribute('data-md-color-scheme', s)", scheme)
    return found


# Keyboard alone: Tab, arrows, Space, Enter and typing; no click, no fill().


def tab_to(page, selector: str, limit: int = 120) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reaches {selector}")


def focused(page, selector: str) -> bool:
    return page.evaluate("(s) => document.activeElement.matches(s)", selector)


@pytest.mark.browser
def test_region_tabs_work_with_the_keyboard(served, watched) -> None:
    page = watched.page
    page.goto(served + "escalation/")
    blocks = page.locator(".portal-regions .tabbed-block")
    assert blocks.nth(0).is_visible() and blocks.nth(1).is_hidden()
    tab_to(page, 'input[name="__tabbed_region"]')
    labels = page.locator(".portal-regions .tabbed-labels")
    assert labels.evaluate("(l) => getComputedStyle(l).outlineStyle") != "none", "the focused tabs show no focus ring"
    page.keyboard.press("ArrowRight")
    assert blocks.nth(1).is_visible() and blocks.nth(0).is_hidden()
    page.keyboard.press("ArrowLeft")
    assert blocks.nth(0).is_visible()
    assert watched.console_errors == []


@pytest.mark.browser
def test_escalation_finder_works_with_the_keyboard(served, watched) -> None:
    page = watched.page
    page.goto(served + "escalation/")
    tab_to(page, "#portal-finder-country")
    page.keyboard.type("Germany")
    result = page.locator('[data-portal-tool="finder"] [data-result]')
    assert result.is_visible() and result.get_attribute("data-region") == "europe-uk"
    assert page.locator('.tabbed-block[data-region="europe-uk"]').is_visible()
    assert focused(page, "#portal-finder-country"), "opening the region took the focus away"
    assert both_palettes(page) == []
    assert watched.console_errors == []


@pytest.mark.browser
def test_priority_check_works_with_the_keyboard(served, watched) -> None:
    page = watched.page
    page.goto(served + "fr/priority-support/")
    tab_to(page, "#portal-priority-country")
    page.keyboard.type("Allemagne")
    page.keyboard.press("Tab")
    assert focused(page, "#portal-priority-licences")
    page.keyboard.type("100000")
    result = page.locator('[data-portal-tool="priority"] [data-result]')
    assert result.get_attribute("data-verdict") in ("eligible", "not-offered")
    assert result.get_attribute("data-region")
    assert both_palettes(page) == []
    assert watched.console_errors == []


@pytest.mark.browser
def test_response_time_calculator_works_with_the_keyboard(served, watched) -> None:
    page = watched.page
    page.goto(served + "commitment/")
    tab_to(page, "#portal-calc-severity")
    first = page.input_value("#portal-calc-severity")
    page.keyboard.press("ArrowDown")
    assert page.input_value("#portal-calc-severity") != first
    tab_to(page, '[data-portal-tool="calculator"] [data-action="now"]')  # through the date's fields
    page.keyboard.press("Enter")
    tab_to(page, "#portal-calc-region")
    page.keyboard.press("ArrowDown")
    assert page.input_value("#portal-calc-region") != ""
    times = page.locator('[data-portal-tool="calculator"] [data-times]')
    assert times.is_visible()
    assert page.locator('[data-milestone="escalation_from"] [data-zone="region"] time').get_attribute("datetime")
    assert both_palettes(page) == []
    assert watched.console_errors == []


PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a4b50000000049454e44ae426082")


@pytest.mark.browser
def test_ticket_form_works_with_the_keyboard(served, watched) -> None:
    page = watched.page
    page.goto(served + "ticket/")
    form = 'form[data-portal-form="ticket"]'
    tab_to(page, f"{form} button[type=submit]")
    page.keyboard.press("Enter")  # empty: the errors show and the first field with one gets the focus
    assert focused(page, f'{form} [name="customer_email"]')
    assert page.locator(f'{form} [name="customer_email"]').get_attribute("aria-invalid") == "true"
    assert page.locator("#ticket-customer_email-error").is_visible()
    assert both_palettes(page) == []

    page.keyboard.type("client@customer.example.org")
    page.keyboard.press("Tab")
    assert focused(page, f'{form} [name="request_type"]')
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    assert focused(page, f'{form} [name="reproducible"][value="yes"]')
    page.keyboard.press("Space")
    assert page.locator(f"{form} fieldset.portal-group").is_visible()  # the reproduction details
    page.keyboard.press("ArrowRight")  # radios: arrows move the choice
    assert page.is_checked(f'{form} [name="reproducible"][value="no"]')
    assert page.locator(f"{form} fieldset.portal-group").is_hidden()
    tab_to(page, f'{form} [name="product"]')
    page.keyboard.press("ArrowDown")
    assert page.input_value(f'{form} [name="product"]') != ""
    page.keyboard.press("Tab")
    assert focused(page, f'{form} [name="description"]')
    page.keyboard.insert_text(" ".join(["word"] * 160))
    tab_to(page, f'{form} [name="screenshots"]')
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files([{"name": "screen.png", "mimeType": "image/png", "buffer": PNG}])
    assert page.locator(f'{form} [data-files-for="screenshots"]').inner_text() == "screen.png"
    tab_to(page, f"{form} button[type=submit]")
    page.keyboard.press("Enter")
    result = page.locator(f"{form} [data-portal-result]")
    assert result.is_visible()
    assert focused(page, f"{form} [data-portal-result]")
    assert both_palettes(page) == []


@pytest.mark.browser
def test_feedback_form_works_with_the_keyboard(served, watched) -> None:
    page = watched.page
    page.goto(served + "vi/feedback/")
    form = 'form[data-portal-form="feedback"]'
    tab_to(page, f'{form} [name="full_name"]')
    page.keyboard.type("Nguyễn Văn An")
    page.keyboard.press("Tab")
    page.keyboard.type("an@partner.example.net")
    page.keyboard.press("Tab")
    page.keyboard.type("Lỗi dịch")
    tab_to(page, f"{form} button[type=submit]")
    page.keyboard.press("Enter")
    assert focused(page, f"{form} [data-portal-result]")
    assert both_palettes(page) == []


# --- 5. print -------------------------------------------------------------------------------

A4_POINTS = "595.92 x 842.88 pts (A4)"


def pdf_text(pdf: Path) -> str:
    text = subprocess.run([needs_command("pdftotext", "poppler-utils"), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", text)


@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
def test_commitment_escalation_and_offerings_print_on_a4(browser, served, page, tmp_path: Path, locale: str) -> None:
    """Chromium's print to PDF: A4 pages, every escalation region with its contacts' addresses,
    every tier and severity, and none of the screen-only parts (forms, header, footer)."""
    soup = page(locale, "escalation/")
    regions = [label.get_text(strip=True) for label in soup.select(".portal-regions .tabbed-labels label")]
    assert len(regions) == 8
    expected = {
        "escalation/": regions + ["escalations@", "samuel.adeyemi@halcyra.example.com"],
        "commitment/": [th.get_text(" ", strip=True).split(" ")[0] for th in page(locale, "commitment/").select('[data-portal-table="matrix"] tbody th')],
        "offerings/": [th.get_text(strip=True) for th in page(locale, "offerings/").select("[data-portal-table=offerings] thead th[data-tier]")],
    }
    context = browser.new_context()
    for path, words in expected.items():
        tab = context.new_page()
        tab.goto(served + prefix(locale) + path)
        pdf = tmp_path / f"{path.strip('/')}.pdf"
        tab.pdf(path=str(pdf), format="A4")
        info = subprocess.run([needs_command("pdfinfo", "poppler-utils"), str(pdf)], capture_output=True, text=True, check=True).stdout
        assert A4_POINTS in info, info
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        assert 1 <= pages <= 10, f"{path}: {pages} pages"
        tab.emulate_media(media="print")
        text = re.sub(r"\s+", "", pdf_text(pdf))  # Japanese lines break inside words
        if Locale.parse(locale).character_order == "right-to-left":
            # pdftotext cannot read joined Arabic letters back (الإشراف comes out as اإلشراف):
            # the Arabic words are looked for in what the page shows in print media.
            text += re.sub(r"\s+", "", tab.locator("body").inner_text())
        missing = [word for word in words if re.sub(r"\s+", "", word) not in text]
        assert missing == [], f"{locale}/{path} printed without {missing}"
        for selector in (".md-header", ".md-sidebar", ".md-footer", ".portal-tool__form", ".portal-tool__result", ".md-typeset .md-button"):
            shown = [element for element in tab.query_selector_all(selector) if element.is_visible()]
            assert shown == [], f"{locale}/{path}: {selector} prints"
        tab.close()
    context.close()
