"""Markdown texts (`_md` keys) against a corpus of XSS spellings, judged on the HTML they become.

Markdown has many spellings of a link, and browsers forgive many spellings of a scheme, so each
entry is rendered as a page would render it and the result is checked as a browser would read it;
each must also stop the build with a problem naming its file, line and key.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import LOCALES, copy_project
from partner_portal.errors import PortalDataError
from partner_portal.load import load_portal
from partner_portal.localize import Localizer

CORPUS = {
    "leading_space_md": "[x]( javascript:alert(1))",
    "leading_tab_md": "[x](\tjavascript:alert(1))",
    "control_character_md": "[x](\u0001javascript:alert(1))",
    "mixed_case_md": "[x](JaVaScRiPt:alert(1))",
    "hex_entity_md": "[x](jav&#x61;script:alert(1))",
    "decimal_entity_md": "[x](&#106;avascript:alert(1))",
    "named_entity_md": "[x](javascript&colon;alert(1))",
    "angle_brackets_md": "[x](<javascript:alert(1)>)",
    "reference_md": "[x][r]\n\n[r]: javascript:alert(1)",
    "autolink_md": "<javascript:alert(1)>",
    "data_url_md": "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "vbscript_md": "[x](vbscript:msgbox(1))",
    "image_md": "![x](javascript:alert(1))",
    "raw_link_md": '<a href="javascript:alert(1)">x</a>',
    "raw_img_md": "<img src=x onerror=alert(1)>",
    "raw_script_md": "<script>alert(1)</script>",
    "raw_svg_md": "<svg onload=alert(1)>",
    "raw_iframe_md": '<iframe src="javascript:alert(1)"></iframe>',
}
SAFE_TAGS = {"a", "em", "strong", "code", "br"}
SAFE_SCHEMES = {"", "https", "mailto"}


def rendered(text: str) -> BeautifulSoup:
    html = Localizer("fr", {"corpus.text_md": text}).text("corpus.text_md")
    return BeautifulSoup(f"<body>{html}</body>", "html.parser")


def scheme(url: str) -> str:
    # As a browser reads a URL: without surrounding spaces and control characters, tabs and
    # newlines removed wherever they are, the scheme in any case.
    return urlsplit(re.sub(r"[\t\n\r]", "", url).strip("".join(map(chr, range(33))))).scheme.lower()


@pytest.mark.parametrize("key", CORPUS)
def test_nothing_dangerous_survives_rendering(key: str) -> None:
    body = rendered(CORPUS[key]).body
    for element in body.find_all(True):
        assert element.name in SAFE_TAGS, element
        assert not [name for name in element.attrs if name.lower().startswith("on")], element
        for name in ("href", "src"):
            if name in element.attrs:
                assert scheme(element[name]) in SAFE_SCHEMES, element


def test_raw_html_in_a_translation_shows_as_text() -> None:
    html = Localizer("fr", {"corpus.text_md": CORPUS["raw_img_md"]}).text("corpus.text_md")
    assert html == "&lt;img src=x onerror=alert(1)&gt;"


def test_what_our_texts_use_is_kept() -> None:
    t = Localizer("en", {"x_md": "*Read* **the** `guide` at [help]({help}), [mail]({mail}) or [here]({page})."})
    html = t.text("x_md", help="https://help.example.com/?a=1&b=2", mail="mailto:desk@example.com", page="../escalation/#support-calendar")
    assert html == (
        '<em>Read</em> <strong>the</strong> <code>guide</code> at <a href="https://help.example.com/?a=1&amp;b=2">help</a>, '
        '<a href="mailto:desk@example.com">mail</a> or <a href="../escalation/#support-calendar">here</a>.'
    )


@pytest.fixture(scope="module")
def corpus_problems(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """Every corpus entry in locales/fr.yml at once, under `corpus:`, and what validation says."""
    project = copy_project(tmp_path_factory.mktemp("corpus") / "project")
    entries = "".join(f"  {key}: {json.dumps(text)}\n" for key, text in CORPUS.items())
    with (project / "locales/fr.yml").open("a", encoding="utf-8") as file:
        file.write(f"corpus:\n{entries}")
    with pytest.raises(PortalDataError) as caught:
        load_portal(project, LOCALES, "en")
    return project, [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize("key", CORPUS)
def test_each_spelling_is_a_problem_naming_file_line_and_key(corpus_problems: tuple[Path, list[str]], key: str) -> None:
    project, found = corpus_problems
    lines = (project / "locales/fr.yml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if text.startswith(f"  {key}: "))
    assert [message for message in found if message.startswith(f"locales/fr.yml:{line}: corpus.{key}: ")], found
