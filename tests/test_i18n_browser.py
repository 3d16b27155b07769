"""Search in the reader's language, and fallbacks, as a reader meets them in Debian's Chromium."""

from __future__ import annotations

import pytest

from conftest import LOCALES, search

pytestmark = pytest.mark.browser

# A query typed the way readers type it, and the page it must find. French and Vietnamese
# readers often type without accents or tone marks.
QUERIES = {
    "en": ("severity", "commitment/"),
    "fr": ("gravite", "fr/commitment/"),
    "vi": ("muc do nghiem trong", "vi/commitment/"),
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
