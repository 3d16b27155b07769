"""What our scripts and Material's insert after load is in the page's language too: the DOM in
Chromium after each tool, form and the search panel has run, checked as the built pages are
(page_language.py: no English, each language's punctuation)."""

from __future__ import annotations

from typing import Callable

import pytest
from babel import Locale

from page_language import page_problems

pytestmark = pytest.mark.browser


def calculator(page) -> None:
    page.select_option("#portal-calc-severity", "critical")
    page.select_option("#portal-calc-region", "europe-uk")
    page.fill("#portal-calc-sent", "2026-06-13T03:00")
    page.locator('[data-milestone="acknowledgement_closes"] [data-zone="region"] time').wait_for()


def finder(page, locale: str) -> None:
    page.locator("#portal-finder-country").press_sequentially(Locale.parse(locale).territories["FR"])
    page.locator('[data-portal-tool="finder"] [data-result][data-region="europe-uk"]').wait_for()


def priority(page, locale: str) -> None:
    page.fill("#portal-priority-country", "")  # the finder's country is remembered across pages
    page.locator("#portal-priority-country").press_sequentially(Locale.parse(locale).territories["IN"])
    page.fill("#portal-priority-licences", "99")
    result = page.locator('[data-portal-tool="priority"] [data-result]')
    assert result.get_attribute("data-verdict") == "not-eligible", result.inner_html()


def refused_form(form: str) -> Callable:
    def submit(page) -> None:
        page.click(f'form[data-portal-form="{form}"] button[type="submit"]')
        page.locator('form [aria-invalid="true"]').first.wait_for()

    return submit


def search(page, locale: str) -> None:
    field = page.locator("input.md-search__input")
    field.click()
    field.press_sequentially({"fr": "gravite", "vi": "muc do"}[locale], delay=20)
    page.wait_for_selector(".md-search-result__item", state="attached", timeout=10_000)  # the fixed clock holds the panel's transition
    page.wait_for_timeout(300)  # the list fills in as the worker answers


STEPS = {
    "commitment/": lambda page, locale: calculator(page),
    "escalation/": finder,
    "priority-support/": priority,
    "ticket/": lambda page, locale: refused_form("ticket")(page),
    "feedback/": lambda page, locale: refused_form("feedback")(page),
    "": search,
}


@pytest.mark.parametrize("locale", ["fr", "vi"])
def test_after_the_scripts_have_run_the_page_is_still_in_its_language(served, watched, locale: str) -> None:
    page = watched.page
    page.clock.set_fixed_time("2026-06-12T20:00:00Z")
    problems = {}
    for path, step in STEPS.items():
        page.goto(f"{served}{locale}/{path}")
        step(page, locale)
        found = page_problems(page.content(), locale)
        if found:
            problems[path] = [str(problem) for problem in found]
    assert problems == {}
    assert watched.console_errors == []
