"""No English on a French or Vietnamese page, and each language's punctuation on every page
(#11): in the text and in the attributes a reader meets (title, aria-label, placeholder, alt,
a button's value), as built. The same checks run on the DOM after the tools and forms have run,
in tests/test_page_language_browser.py. Then the December 2026 native-reader reviews' findings
on the generator, one by one where a test can state them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import LOCALES, ROOT
from page_language import page_problems, punctuation_problems
from partner_portal.validate import flatten

NBSP = "\u00a0"


def pages(site: Path, locale: str) -> list[Path]:
    root = site if locale == "en" else site / locale
    others = {code for code in LOCALES if code != "en"}
    return sorted(path for path in root.rglob("*.html") if locale != "en" or path.relative_to(root).parts[0] not in others)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_speaks_its_language_with_its_punctuation(site, locale: str) -> None:
    built = pages(site.site, locale)
    assert len(built) >= 9
    problems = {str(path.relative_to(site.site)): page_problems(path.read_text(encoding="utf-8"), locale) for path in built}
    assert {path: [str(problem) for problem in found] for path, found in problems.items() if found} == {}


LOCALE_FILES = sorted(path for path in [*ROOT.glob("locales/*.yml"), *ROOT.glob("examples/*/locales/*.yml")] if not path.name.endswith(".sources.yml"))


@pytest.mark.parametrize("path", LOCALE_FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_locale_string_has_its_punctuation(path: Path) -> None:
    """The pages above show only the strings of the sample's shape; a string shown only when, say,
    regions work different hours is checked here, in the locale file."""
    texts = flatten(yaml.safe_load(path.read_text(encoding="utf-8")))
    problems = [str(problem) for key, text in texts.items() if isinstance(text, str) for problem in punctuation_problems(text, path.stem, ".".join(map(str, key)))]
    assert len(texts) > 300
    assert problems == []


@pytest.mark.parametrize(
    ("locale", "html", "expected"),
    [
        ("fr", '<label title="Switch to dark mode">x</label>', "English"),
        ("vi", "<p>Initializing search</p>", "English"),
        ("fr", '<a aria-label="Précédent: Accueil">x</a>', "no-break space"),
        ("fr", "<p>Périmètre : DACH</p>", "ordinary space"),
        ("fr", "<pre><code>Le problème est-il reproductible\u00a0?: \n</code></pre>", '"?:"'),
        ("fr", "<p>« texte\u00a0»</p>", "after '«'"),
        ("vi", "<p>Có thể tái hiện sự cố không?: </p>", '"?:"'),
        ("en", "<p>Covers : DACH</p>", "space before"),
        ("fr", '<p><span lang="en" class="portal-fallback">Not yet</span></p>', "fallback"),
    ],
)
def test_the_checker_sees_what_the_reviewers_saw(locale: str, html: str, expected: str) -> None:
    found = page_problems(f"<html><body>{html}</body></html>", locale)
    assert any(expected in str(problem) for problem in found), found


def test_the_checker_lets_names_times_and_addresses_be() -> None:
    html = "<p>Halcyra, Jonas Hartmann, 16:30, https://partners.example.com/?a=1, English, i18n-status.json : ok</p>"
    assert page_problems(f"<html><body>{html.replace(' :', NBSP + ':')}</body></html>", "fr") == []


# --- the reviews' findings (/work/generator-findings.md numbers in brackets) -------------------


def test_vietnamese_back_to_top_goes_to_the_top_of_the_page(page) -> None:  # high [5]
    for path in ("", "escalation/"):
        assert page("vi", path).select_one(".md-top").get_text(strip=True) == "Lên đầu trang"


def test_vietnamese_payment_renewal_is_a_renewal_payment(page) -> None:  # high (locale file)
    choice = page("vi", "ticket/").select_one('li[data-choice="payment-renewal"]')
    assert choice.get_text(strip=True) == "Thanh toán gia hạn"


@pytest.mark.parametrize(
    ("locale", "dark", "light", "permalink"),
    [("fr", "Passer en mode sombre", "Passer en mode clair", "Lien permanent"), ("vi", "Chuyển sang chế độ tối", "Chuyển sang chế độ sáng", "Liên kết cố định")],
)
def test_palette_toggles_and_permalinks_are_named_in_the_language(page, locale: str, dark: str, light: str, permalink: str) -> None:  # [3] [4]
    soup = page(locale, "commitment/")
    assert [toggle["aria-label"] for toggle in soup.select("input[name=__palette]")] == [dark, light]
    assert {link["title"] for link in soup.select("a.headerlink")} == {permalink}


def test_vietnamese_search_panel(page) -> None:  # [6] [7]
    soup = page("vi", "")
    assert soup.select_one(".md-search-result__meta").get_text(strip=True) == "Đang khởi tạo tìm kiếm"
    assert soup.select_one("button.md-search__icon[type=reset]")["aria-label"] == "Xóa"


def test_an_area_and_its_countries_read_as_a_name_with_brackets(page) -> None:  # [1]
    contacts = [re.sub(r"[ \t\n]+", " ", item.get_text()) for item in page("fr", "escalation/").select(".portal-contact")]
    assert any("Périmètre\u00a0: DACH (Allemagne, Autriche et Suisse)" in contact for contact in contacts), contacts
    assert not any("DACH:" in contact for contact in contacts)


@pytest.mark.parametrize("locale", ["fr", "vi"])
def test_the_request_template_joins_labels_and_values_per_language(page, locale: str) -> None:  # [2]
    template = page(locale, "ticket/").select_one("pre.portal-plain-template").get_text()
    assert "?:" not in template
    label = {"fr": "Identifiant utilisateur\u00a0: ", "vi": "Mã định danh người dùng: "}[locale]
    assert f"\n{label}\n" in template


def test_holidays_are_a_list_one_date_per_line(page) -> None:  # [8] [11]
    for locale in ("fr", "vi"):
        cells = page(locale, "escalation/").select('table[data-portal-table="calendar"] ul.portal-holidays')
        assert cells and all(len(cell.select("li > time")) == len(cell.select("time")) for cell in cells)
    first = page("fr", "escalation/").select_one('table[data-portal-table="calendar"] time[datetime="2026-01-01"]')
    assert first.get_text() == "1er janv. 2026"


def test_french_time_zone_cells_are_names(page) -> None:  # [10]
    cells = [cell.contents[0].strip() for cell in page("fr", "escalation/").select("td[data-time-zone]")]
    assert cells and not any(cell.startswith("heure :") or cell.startswith("heure\u00a0:") for cell in cells), cells
    assert "heure de l’Est de l’Australie" in cells


def test_french_footer_links(page) -> None:  # [14]
    soup = page("fr", "commitment/")
    assert soup.select_one(".md-footer__link--prev")["aria-label"].startswith("Précédent\u00a0: ")
    assert soup.select_one(".md-footer__link--next")["aria-label"].startswith("Suivant\u00a0: ")
