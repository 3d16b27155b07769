"""The published site in Debian's Chromium: what a partner sees and clicks, in every language."""

from __future__ import annotations

import pytest

from conftest import LOCALES, PAGES

pytestmark = pytest.mark.browser


def url(served: str, locale: str, path: str = "") -> str:
    return served + ("" if locale == "en" else f"{locale}/") + path


@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_loads_cleanly(served, watched, locale: str) -> None:
    for path in PAGES:
        response = watched.page.goto(url(served, locale, path))
        assert response.status == 200
        assert watched.page.locator("html").get_attribute("lang") == locale
    assert watched.console_errors == []
    assert watched.foreign_requests == []


@pytest.mark.parametrize("locale", LOCALES)
def test_switching_language_keeps_the_page(served, watched, locale: str) -> None:
    page = watched.page
    page.goto(url(served, locale, "escalation/"))
    for target in LOCALES:
        page.locator(".md-header__option .md-select").hover()
        page.locator(f'a.md-select__link[hreflang="{target}"]').click()
        page.wait_for_url(url(served, target, "escalation/"))
        assert page.locator("html").get_attribute("lang") == target


@pytest.mark.parametrize("locale", LOCALES)
def test_choosing_a_region_shows_its_contacts(served, watched, locale: str) -> None:
    page = watched.page
    page.goto(url(served, locale, "escalation/"))
    europe = page.locator('.tabbed-block[data-region="europe-uk"]')
    assert not europe.is_visible()
    page.locator('.tabbed-labels label[data-region="europe-uk"]').click()
    assert europe.is_visible()
    assert europe.locator('tr[data-level="4"] a[href^="mailto:"]').count() == 7
    assert page.locator('.tabbed-block[data-region="anz"]').is_hidden()


@pytest.mark.parametrize("locale", LOCALES)
def test_pages_fit_a_phone_screen(browser, served, locale: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    for path in PAGES:
        page.goto(url(served, locale, path))
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{locale}/{path} scrolls sideways by {overflow}px"
    context.close()


TABLE_WIDTHS = "() => [...document.querySelectorAll('article table')].map((table) => table.offsetWidth)"


@pytest.mark.skipif("ja" not in LOCALES, reason="the sample has Japanese")
def test_japanese_tables_wrap_on_a_phone_as_english_ones_do(browser, served) -> None:
    """Phrase-by-phrase wrapping made each Japanese column as wide as its longest phrase: the
    tiers table was 619 px where 358 px fit and the English one took 410. A phone's tables may
    scroll in every language, but no wider in Japanese than about the English ones."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    wider = {}
    for path in PAGES:
        widths = {}
        for locale in ("en", "ja"):
            page.goto(url(served, locale, path))
            widths[locale] = page.evaluate(TABLE_WIDTHS)
        room = page.evaluate("document.querySelector('article').clientWidth")
        wider.update({f"{path} table {index + 1}": (japanese, english) for index, (english, japanese) in enumerate(zip(widths["en"], widths["ja"])) if japanese > 1.2 * max(english, room)})
    context.close()
    assert wider == {}


def test_a_missing_page_gets_the_404_of_its_language(served, watched) -> None:
    # http.server does not serve custom 404 pages; open the page the host would serve.
    page = watched.page
    page.goto(url(served, "vi", "404.html"))
    assert page.locator("html").get_attribute("lang") == "vi"
    page.locator("article a.md-button").click()
    page.wait_for_url(url(served, "vi"))
    assert watched.console_errors == []
