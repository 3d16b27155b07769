"""Right to left (issue #10): Arabic pages run right to left as a whole, and what runs the other
way inside them (English fallbacks, Latin names and addresses, "24×5") is isolated. That every
page states its language and direction is a gate of every portal: tests/test_gates.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel import Locale

from conftest import LOCALES, ROOT, mkdocs_build

RTL = [locale for locale in LOCALES if Locale.parse(locale).character_order == "right-to-left"]
OUR_CSS = sorted((ROOT / "overrides").rglob("*.css"))
PHYSICAL = re.compile(r"\b(?:(?:margin|padding|border|inset)-(?:left|right)|(?:left|right)\s*:|(?:text-align|float|clear)\s*:\s*(?:left|right))", re.I)


def test_the_sample_has_a_right_to_left_language() -> None:
    assert RTL == ["ar"]


def test_our_css_uses_logical_properties_only() -> None:
    assert OUR_CSS
    for path in OUR_CSS:
        found = PHYSICAL.findall(path.read_text(encoding="utf-8"))
        assert found == [], f"{path.relative_to(ROOT)}: {found}"


@pytest.mark.parametrize("locale", RTL)
def test_latin_values_are_isolated_in_a_right_to_left_page(page, locale: str) -> None:
    escalation = page(locale, "escalation/")
    names = escalation.select("[data-portal-table=levels] .portal-contact a[data-email]")
    assert names and all(link.find("bdi") for link in names)
    assert all(cell.find("bdi") for cell in page(locale, "offerings/").select("[data-portal-table=offerings] td") if not cell.select(".portal-yes, .portal-no"))
    assert page(locale, "ticket/").select_one(".portal-plain-template") is not None


def test_an_english_fallback_in_an_arabic_page_runs_left_to_right(project: Path) -> None:
    path = project / "locales" / "ar.yml"
    text = path.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("  level_column: "))
    path.write_text(text.replace(line + "\n", "", 1), encoding="utf-8")
    build = mkdocs_build(project, project / "site")
    assert build.returncode == 0, build.log
    html = (project / "site" / "ar" / "escalation" / "index.html").read_text(encoding="utf-8")
    assert '<span lang="en" dir="ltr" class="portal-fallback"' in html
    french = (project / "site" / "fr" / "escalation" / "index.html").read_text(encoding="utf-8")
    assert 'dir="ltr" class="portal-fallback"' not in french  # the same direction: nothing to isolate


TYPED_FIELDS = '.md-typeset :is(input:not([type]), input[type="text"], textarea)'
SENTENCE = "Cleared cache; tried another browser."


@pytest.mark.browser
@pytest.mark.parametrize("path", ["ticket/", "feedback/", "escalation/", "priority-support/"])
def test_what_a_partner_types_runs_in_its_own_direction(served, watched, path: str) -> None:
    page = watched.page
    page.goto(f"{served}ar/{path}")
    fields = page.locator(TYPED_FIELDS)
    assert fields.count() >= 1
    for index in range(fields.count()):
        field = fields.nth(index)
        style = field.evaluate("element => [getComputedStyle(element).unicodeBidi, getComputedStyle(element).direction]")
        assert style == ["plaintext", "rtl"], field.evaluate("element => element.outerHTML")
        if field.is_visible():  # a field shown by an earlier answer is left hidden here
            field.fill(SENTENCE)
            assert field.input_value() == SENTENCE
    assert watched.console_errors == []
