"""Search in the reader's language, and fallbacks, as a reader meets them in Debian's Chromium."""

from __future__ import annotations

import pytest
import yaml
from playwright.sync_api import expect

from conftest import LOCALES, ROOT, search

pytestmark = pytest.mark.browser

# A query typed the way readers type it, and the page it must find. French and Vietnamese
# readers often type without accents or tone marks.
QUERIES = {
    "en": ("severity", "commitment/"),
    "fr": ("gravite", "fr/commitment/"),
    "vi": ("muc do nghiem trong", "vi/commitment/"),
    "ar": ("الاولوية", "ar/priority-support/"),  # الأولوية, its hamza-alef typed as a bare alef
    "ja": ("重大度", "ja/commitment/"),
}


@pytest.mark.parametrize("locale", LOCALES)
def test_search_finds_the_readers_language_only_and_ignores_accents(served, watched, locale: str) -> None:
    query, expected = QUERIES[locale]
    root = "" if locale == "en" else f"{locale}/"
    found = search(watched.page, served, root, query)
    assert found, f"no result for {query!r} on /{root}"
    assert found[0] == expected, found
    others = [code for code in LOCALES if code not in ("en", locale)]
    assert not [url for url in found if url.startswith(tuple(f"{code}/" for code in others))], found
    if locale != "en":
        assert all(url.startswith(root) for url in found), found
    assert watched.console_errors == []
    assert watched.foreign_requests == []


def test_accented_queries_still_work(served, watched) -> None:
    assert search(watched.page, served, "fr/", "gravité")[0] == "fr/commitment/"
    assert search(watched.page, served, "vi/", "mức độ nghiêm trọng")[0] == "vi/commitment/"


def test_a_japanese_word_is_found_in_the_middle_of_a_sentence(served, watched) -> None:
    # 理由 ("reason") sits inside "エスカレーションの主な理由は次のとおりです。", with no space around it.
    found = search(watched.page, served, "ja/", "理由")
    assert "ja/escalation/" in found, found


@pytest.mark.parametrize(("root", "query", "expected"), [
    ("", "escalating", "escalation/"),  # the page says "escalate", "escalation": another ending
    ("ar/", "اسئلة", "ar/priority-support/"),  # أسئلة, its hamza-alef typed bare; ئ kept
    ("ja/", "優先サポート", "ja/priority-support/"),  # a compound typed in one piece
    ("ja/", "しきい値", "ja/priority-support/"),  # hiragana and kanji in one word
])
def test_the_benchmark_misses_are_found(served, watched, root: str, query: str, expected: str) -> None:
    found = search(watched.page, served, root, query)
    assert found and found[0] == expected, found
    assert watched.console_errors == []


def test_a_voiced_kana_is_another_word(served, watched) -> None:
    # ハートナー is パートナー ("partner", on every page) without its voicing mark: not a word.
    assert search(watched.page, served, "ja/", "パートナー")
    none = yaml.safe_load((ROOT / "locales" / "ja.yml").read_text(encoding="utf-8"))["theme"]["search_result_none"]
    page = watched.page
    page.goto(served + "ja/")
    field = page.locator("input.md-search__input")
    field.click()
    field.press_sequentially("ハートナー", delay=20)
    field.press("End")
    expect(page.locator(".md-search-result__meta")).to_have_text(none)
    assert page.locator(".md-search-result__item").count() == 0
