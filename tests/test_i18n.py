"""The translators' workflow (issue #5): descriptions, status, outdated strings and their review,
fallbacks, a new language in one file, per-language accent-insensitive search, editor schemas."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator
from markupsafe import Markup

from conftest import LOCALES, PAGES, ROOT, copy_project, mkdocs_build
from local_server import serve
from partner_portal import fallbacks, i18n, search, translations
from partner_portal.load import load_portal
from partner_portal.localize import FALLBACK_CLOSE, FALLBACK_OPEN, Localizer
from partner_portal.sections import DATA_FILES
from partner_portal.validate import schema_reference, schema_validator
from test_i18n_browser import search as search_for
from test_validation import edit, line_of

MARKS = (FALLBACK_OPEN, FALLBACK_CLOSE)


def english_keys(asked: bool = True) -> list[str]:
    """The keys of locales/en.yml; `asked`: those the sample asks of translators, not the few
    that only a portal without one of its sections uses (sections.LocaleScope)."""
    def walk(node: dict, prefix: str = "") -> list[str]:
        keys = []
        for key, value in node.items():
            keys += walk(value, f"{prefix}{key}.") if isinstance(value, dict) else [f"{prefix}{key}"]
        return keys

    keys = walk(yaml.safe_load((ROOT / "locales/en.yml").read_text(encoding="utf-8")))
    if asked:
        scope = load_portal(ROOT, LOCALES, "en").locale_scope
        keys = [key for key in keys if scope.asked(key)]
    return keys


# --- 1. descriptions --------------------------------------------------------------------------


def test_every_english_string_has_a_description_that_names_its_placeholders() -> None:
    portal = load_portal(ROOT, LOCALES, "en")
    english = portal.translation.locales["en"]
    assert english.undescribed == []
    text = (ROOT / "locales/en.yml").read_text(encoding="utf-8")
    described = translations.descriptions(portal.locales["en"], text)
    assert len(described) == len(english_keys(asked=False))
    assert translations.description_problems(portal.locales["en"], text) == []  # the keys the sample does not ask too
    assert "{vendor}" in described[("site", "name")] and "40 characters" in described[("site", "name")]


def test_a_string_without_description_is_named_with_file_line_and_key(project: Path) -> None:
    text = (project / "locales/en.yml").read_text(encoding="utf-8")
    comment = re.search(r"\n(  # Button on the home page leading to the partner sign-up site\.[^\n]*\n)  become_partner:", text)
    assert comment, "the description of home.become_partner moved"
    (project / "locales/en.yml").write_text(text.replace(comment.group(1), "", 1), encoding="utf-8")
    edit(project, "locales/en.yml", "Name of the site: browser tab title, header and search results. {vendor}: the vendor's name,", "Name of the site: browser tab title, header and search results. The vendor's name,")
    portal = load_portal(project, LOCALES, "en")
    problems = [str(problem) for problem in portal.translation.strict_problems]
    button_line = line_of(project, "locales/en.yml", "become_partner:")
    name_line = line_of(project, "locales/en.yml", '  name: "{vendor} Partner Support"')
    assert f"locales/en.yml:{button_line}: home.become_partner: no description for translators: write a comment line right above the key (where the text appears, its length limit, what each {{placeholder}} holds)" in problems
    assert f"locales/en.yml:{name_line}: site.name: the description does not say what {{vendor}} holds" in problems
    assert [item["key"] for item in portal.translation.locales["en"].undescribed] == ["site.name", "home.become_partner"]


# --- 2. status, outdated strings and the review command -----------------------------------------


def test_the_sample_translations_are_complete_and_reviewed() -> None:
    status = load_portal(ROOT, LOCALES, "en").translation
    total = len(english_keys())
    for locale in ("fr", "vi"):
        entry = status.locales[locale]
        unreviewed = " ".join(item["key"] for item in entry.outdated)
        assert not unreviewed, f"translated but not marked reviewed: run ./portal i18n review {locale} {unreviewed}"
        assert (entry.total, entry.translated, entry.missing, entry.unused, entry.pages_missing) == (total, total, [], [], [])
    assert status.strict_problems == []


def test_a_changed_english_text_makes_its_translations_outdated_until_reviewed(project: Path) -> None:
    edit(project, "locales/en.yml", "  become_partner: Become a partner", "  become_partner: Join the partner programme")
    status = load_portal(project, LOCALES, "en").translation
    for locale in ("fr", "vi"):
        [outdated] = status.locales[locale].outdated
        assert outdated["key"] == "home.become_partner"
        assert outdated["reason"] == "english-changed"
        assert (outdated["previous_english"], outdated["english"]) == ("Become a partner", "Join the partner programme")
        assert outdated["line"] == line_of(project, f"locales/{locale}.yml", "become_partner:")
    # Outdated is reported, not refused: a release may ship a translation awaiting review.
    assert not any("become_partner" in str(problem) for problem in status.strict_problems)

    message = i18n.review(project, "fr", ["home.become_partner"])
    assert message == "1 string of locales/fr.yml marked reviewed against the current English (1 was outdated); recorded in locales/fr.sources.yml"
    records = yaml.safe_load((project / "locales/fr.sources.yml").read_text(encoding="utf-8"))
    assert records["home.become_partner"] == "Join the partner programme"
    status = load_portal(project, LOCALES, "en").translation
    assert status.locales["fr"].outdated == []
    assert [item["key"] for item in status.locales["vi"].outdated] == ["home.become_partner"]


def test_review_takes_a_group_or_everything_and_refuses_what_it_cannot_mark(project: Path) -> None:
    (project / "locales/vi.sources.yml").unlink()
    status = load_portal(project, LOCALES, "en").translation
    assert len(status.locales["vi"].outdated) == len(english_keys())
    assert {item["reason"] for item in status.locales["vi"].outdated} == {"unreviewed"}

    assert i18n.review(project, "vi", ["ticket.request_types"]).startswith("9 strings of locales/vi.yml marked reviewed")
    with pytest.raises(SystemExit, match=r"'home.become_partnr' is no key of locales/en.yml; did you mean 'home.become_partner'\?"):
        i18n.review(project, "vi", ["home.become_partnr"])
    edit(project, "locales/vi.yml", "  become_partner: ", "  become_partner_old: ")
    with pytest.raises(SystemExit, match="'home.become_partner' is not translated in locales/vi.yml yet"):
        i18n.review(project, "vi", ["home.become_partner"])
    assert i18n.main(["--root", str(project), "review", "vi", "--all"]) == 0
    status = load_portal(project, LOCALES, "en").translation
    assert status.locales["vi"].outdated == []
    assert [item["key"] for item in status.locales["vi"].missing] == ["home.become_partner"]
    assert [item["key"] for item in status.locales["vi"].unused] == ["home.become_partner_old"]


def test_a_broken_records_file_is_an_error_with_file_and_line(project: Path) -> None:
    edit(project, "locales/fr.sources.yml", '"common.no": "No"', '"common.no": ["No"]')
    line = line_of(project, "locales/fr.sources.yml", '"common.no"')
    from partner_portal.errors import PortalDataError

    with pytest.raises(PortalDataError) as caught:
        load_portal(project, LOCALES, "en")
    assert [str(problem) for problem in caught.value.problems] == [f"locales/fr.sources.yml:{line}: common.no: expected a text, got a list ([\"No\"])"]


def test_status_command_prints_one_line_per_language(project: Path, capsys) -> None:
    edit(project, "locales/fr.yml", "  become_partner: ", "  become_partnr: ")
    assert i18n.main(["--root", str(project), "status"]) == 0
    out = capsys.readouterr().out
    total = len(english_keys())
    assert f"Translation status en (source): {total} strings, {total} with a description for translators, 0 without, 0 over the limit" in out
    assert f"Translation status fr: {total - 1}/{total} strings translated (99%), 1 missing, 0 outdated, 1 unused, 0 placeholder mismatches, 0 over the limit" in out
    assert "  missing         locales/fr.yml: home.become_partner  (English: Become a partner)" in out
    assert f"  unused          locales/fr.yml:{line_of(project, 'locales/fr.yml', 'become_partnr')}: home.become_partnr; did you mean home.become_partner?" in out


# --- 2b. length limits: "At most 20 characters." in the description (#11 item 4) -----------------


def test_the_limit_is_read_from_the_description() -> None:
    assert translations.length_limit("Response-time table (commitment page), column header: the severity level. At most 20 characters.") == 20
    assert translations.length_limit("Commitment page, the term defined. At most 50 characters; use the glossary term.") == 50
    assert translations.length_limit("Link. At most 30\n  characters.") == 30  # a description wrapped over two comment lines
    # Other spellings are read too, so that no stated limit goes unchecked; the smallest wins.
    assert translations.length_limit("A label, up to 15 characters.") == 15
    assert translations.length_limit("A label: 25 characters at most.") == 25
    assert translations.length_limit("A label. Maximum 12 chars. At most 40 characters.") == 12
    for description in ("One or two words.", "Two sentences at most.", 'Length asked for ("150 to 200 words").', "{count}: the words typed."):
        assert translations.length_limit(description) is None, description


def test_every_limit_of_the_english_file_is_read_and_spelt_one_way() -> None:
    source = load_portal(ROOT, LOCALES, "en").locales["en"]
    described = translations.descriptions(source, (ROOT / "locales/en.yml").read_text(encoding="utf-8"))
    # A number of characters outside the quoted examples ("300 to 400 characters") is a limit.
    stated = {path: text for path, text in described.items() if re.search(r"\d+\s+char", re.sub(r'"[^"]*"', "", text))}
    assert len(stated) > 100
    for path, text in stated.items():
        unquoted = re.sub(r'"[^"]*"', "", text)
        assert len(re.findall(r"\d+\s+char", unquoted)) == len(re.findall(r"At most \d+ characters[.;]", unquoted)), f"{translations.dotted(path)}: write the limit as 'At most N characters.'"
        assert translations.length_limit(text) == int(re.search(r"At most (\d+) characters", text).group(1))
    assert translations.length_limit(described[("commitment", "columns", "severity")]) == 20


def test_characters_are_counted_as_a_reader_sees_them() -> None:
    composed = "Mức độ nghiêm trọng"
    decomposed = unicodedata.normalize("NFD", composed)  # base letters, then combining tone marks
    assert (len(composed), len(decomposed)) == (19, 25)
    assert translations.graphemes(composed) == translations.graphemes(decomposed) == 19
    # Japanese: one character is one character, as in English (no double width).
    assert translations.graphemes("重大度") == 3 and translations.graphemes("翻訳済みの文字列") == 8
    assert translations.graphemes("👩\u200d💻 🇫🇷") == 3  # an emoji sequence and a flag count once each
    # Placeholders count 10 each; spaces and line breaks as one space; Markdown as it shows.
    assert translations.visible_length("{vendor} Partner Support") == 10 + len(" Partner Support")
    assert translations.visible_length("Escalate  to\n  level {level}") == len("Escalate to level ") + 10
    assert translations.visible_length("Literal {{braces}}") == len("Literal {braces}")
    assert translations.visible_length("See [the status]({status}) of **{language}**.", markdown=True) == len("See the status of .") + 10
    assert translations.visible_length("Gravité\u00a0:") == 9  # a no-break space is a character


def test_a_string_over_its_limit_is_listed_everywhere_and_fails_strict(project: Path, capsys) -> None:
    # Vietnamese written with combining tone marks: 25 code points, 19 characters, within 20.
    edit(project, "locales/vi.yml", "  columns:\n    severity: Mức độ nghiêm trọng\n", f"  columns:\n    severity: {unicodedata.normalize('NFD', 'Mức độ nghiêm trọng')}\n")
    edit(project, "locales/fr.yml", "  columns:\n    severity: Gravité\n", "  columns:\n    severity: Niveau de gravité constaté\n")
    edit(project, "locales/en.yml", "  become_partner: Become a partner\n", "  become_partner: Become a partner and read on below\n")
    # Japanese counts as English does: 20 characters where English allows 20 is fine, 31 for 30 is not.
    edit(project, "locales/ja.yml", "  columns:\n    severity: 重大度\n", f"  columns:\n    severity: {'重大度' * 6}重大\n")
    edit(project, "locales/ja.yml", "  become_partner: パートナーになる\n", f"  become_partner: {'パートナーになる' * 3}パートナーにな\n")
    fr_line = line_of(project, "locales/fr.yml", "severity: Niveau de gravité constaté")
    en_line = line_of(project, "locales/en.yml", "become_partner:")
    button_line = line_of(project, "locales/ja.yml", "become_partner:")
    severity_line = line_of(project, "locales/en.yml", "    severity: Severity")

    status = load_portal(project, tuple(dict.fromkeys((*LOCALES, "ja"))), "en").translation
    assert status.locales["vi"].over_limit == []
    assert [(item["key"], item["line"], item["length"], item["limit"]) for item in status.locales["ja"].over_limit] == [("home.become_partner", button_line, 31, 30)]
    assert f"locales/ja.yml:{button_line}: home.become_partner: too long: 31 characters where its description (locales/en.yml:{en_line}) allows at most 30 (\"{'パートナーになる' * 3}パートナーにな\")" in [str(problem) for problem in status.strict_problems]

    assert i18n.main(["--root", str(project), "status", "en", "fr"]) == 0  # the command line
    out = capsys.readouterr().out
    assert "Translation status en (source): " in out and ", 1 over the limit" in out
    assert f"  over the limit  locales/en.yml:{en_line}: home.become_partner  (34 characters, at most 30: Become a partner and read on below)" in out
    assert f"  over the limit  locales/fr.yml:{fr_line}: commitment.columns.severity  (26 characters, at most 20: Niveau de gravité constaté)" in out

    build = mkdocs_build(project, project / "site")  # reported, not refused
    assert build.returncode == 0, build.log
    assert re.search(r"WARNING +-  Translation status fr: .*, 1 over the limit; ", build.log)
    assert re.search(r"INFO +-  Translation status vi: .*, 0 over the limit; ", build.log)
    data = json.loads((project / "site/i18n-status.json").read_text(encoding="utf-8"))["locales"]
    assert data["fr"]["counts"]["over_limit"] == 1 and data["vi"]["counts"]["over_limit"] == 0
    assert data["fr"]["over_limit"] == [
        {"key": "commitment.columns.severity", "line": fr_line, "length": 26, "limit": 20, "text": "Niveau de gravité constaté", "english_line": severity_line}
    ]
    assert [(item["key"], item["line"], item["length"], item["limit"]) for item in data["en"]["over_limit"]] == [("home.become_partner", en_line, 34, 30)]

    for prefix in ("", "fr/"):
        soup = soup_of(project / "site" / prefix / "translation-status/index.html")
        row = soup.select_one('table[data-portal-table="translation-status"] tr[data-locale="fr"]')
        assert row.select_one('[data-count="over-limit"]').get_text(strip=True) == "1"
        [item] = soup.select('section[data-locale="fr"] details[data-list="over-limit"] tbody tr')
        assert item["data-key"] == "commitment.columns.severity"
        assert f"locales/fr.yml:{fr_line}" in item.td.get_text()
        assert (item.select_one("[data-length]").get_text(), item.select_one("[data-limit]").get_text()) == ("26", "20")
        text = item.select("td")[-1]
        assert (text["lang"], text.get_text()) == ("fr", "Niveau de gravité constaté")
        assert not soup.select('section[data-locale="vi"] details[data-list="over-limit"]')
        [english] = soup.select('section[data-locale="en"] details[data-list="over-limit"] tbody tr')
        assert english["data-key"] == "home.become_partner"
    assert "Chaînes trop longues (1)" in soup.select_one('section[data-locale="fr"] details[data-list="over-limit"] summary').get_text()

    build = mkdocs_build(project, project / "strict-site", "--strict")
    assert build.returncode != 0
    assert f'locales/fr.yml:{fr_line}: commitment.columns.severity: too long: 26 characters where its description (locales/en.yml:{severity_line}) allows at most 20 ("Niveau de gravité constaté")' in build.log
    assert f'locales/en.yml:{en_line}: home.become_partner: too long: 34 characters where its description allows at most 30 ("Become a partner and read on below")' in build.log
    assert "locales/vi.yml:" not in build.log  # 19 characters, however many code points
    assert "Traceback" not in build.log
    assert not (project / "strict-site").exists()


# --- 3. fallbacks ---------------------------------------------------------------------------------


def test_a_missing_string_falls_back_to_english_marked_and_escaped() -> None:
    t = Localizer("de", {"common.yes": "Ja"}, {"common.yes": "Yes", "common.no": "No <b>", "x.link_md": "See [it]({url})."})
    assert t.text("common.yes") == "Ja"
    assert t.text("common.no") == f"{FALLBACK_OPEN}No &lt;b&gt;{FALLBACK_CLOSE}"
    assert t.text("x.link_md", url="https://example.com/") == f'{FALLBACK_OPEN}See <a href="https://example.com/">it</a>.{FALLBACK_CLOSE}'
    assert t.template("common.no") == "No <b>"  # for scripts, which insert text: no marker
    assert t.is_fallback("common.no") and not t.is_fallback("common.yes")


def test_fallback_markers_become_spans_in_text_and_vanish_where_no_tag_can_go() -> None:
    fallback = Localizer("de", {}, {"a": "Yes"}).text("a")
    html = Markup(
        '<html><head><title>{0} - site</title><meta name="description" content="{0}"></head><body>'
        '<p title="{0}">{0}</p><select><option>{0}</option></select>'
        '<script type="application/json">{{"label": "{0}"}}</script></body></html>'
    ).format(fallback)
    finished = fallbacks.finish_fallbacks(str(html), 'Not translated "yet"', Localizer("de", {}), "en")
    soup = BeautifulSoup(finished, "html.parser")
    [span] = soup.select("span.portal-fallback")
    assert span.parent.name == "p" and span["lang"] == "en" and span["title"] == 'Not translated "yet"' and span.get_text() == "Yes"
    assert "dir" not in span.attrs  # German and English run the same way
    arabic = BeautifulSoup(fallbacks.finish_fallbacks(str(html), "", Localizer("ar", {}), "en"), "html.parser")
    assert arabic.select_one("span.portal-fallback")["dir"] == "ltr"
    assert soup.title.get_text() == "Yes - site"
    assert soup.p["title"] == "Yes" and soup.option.get_text() == "Yes" and soup.meta["content"] == "Yes"
    assert json.loads(soup.script.string) == {"label": "Yes"}
    assert not any(mark in finished for mark in MARKS)


# --- 4. the built sample site: log, JSON, status page, search indexes ----------------------------


def test_build_log_has_one_summary_line_per_language(site) -> None:
    lines = [line for line in site.log.splitlines() if "Translation status" in line]
    assert [re.search(r"Translation status (\w+)", line).group(1) for line in lines] == list(LOCALES)
    total = len(english_keys())
    assert lines[1].endswith(f"Translation status fr: {total}/{total} strings translated (100%), 0 missing, 0 outdated, 0 unused, 0 placeholder mismatches, 0 over the limit; {len(PAGES) + 2}/{len(PAGES) + 2} pages")


def test_status_json_is_published(site) -> None:
    data = json.loads((site.site / "i18n-status.json").read_text(encoding="utf-8"))
    total = len(english_keys())
    assert data["format"] == 1 and data["source_locale"] == "en"
    assert data["locales"]["en"] == {"locale": "en", "file": "locales/en.yml", "source": True, "strings": total, "undescribed": [], "over_limit": []}
    for locale in LOCALES[1:]:
        entry = data["locales"][locale]
        assert entry["counts"] == {"translated": total, "missing": 0, "outdated": 0, "unused": 0, "placeholder_mismatches": 0, "over_limit": 0}
        assert entry["over_limit"] == []
        assert entry["percent"] == 100 and entry["pages"]["missing"] == []


@pytest.mark.parametrize("locale", LOCALES)
def test_status_page_in_every_language(page, locale: str) -> None:
    soup = page(locale, "translation-status/")
    assert soup.html["lang"] == locale
    rows = soup.select('table[data-portal-table="translation-status"] tbody tr')
    assert [row["data-locale"] for row in rows] == list(LOCALES[1:])  # every built translation
    for row in rows:
        assert row.select_one('[data-count="missing"]').get_text(strip=True) == "0"
        assert row.select_one('[data-count="over-limit"]').get_text(strip=True) == "0"
        assert row.th.span["lang"] == row["data-locale"]  # "Tiếng Việt" is read as Vietnamese
    assert not soup.select(".portal-fallback")
    link = soup.find("a", string="i18n-status.json")
    assert link is not None and link["href"].endswith("i18n-status.json")


@pytest.mark.parametrize("locale", LOCALES)
def test_each_language_searches_its_own_pages(site, page, locale: str) -> None:
    root = "" if locale == "en" else f"{locale}/"
    index = json.loads((site.site / root / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [locale]
    assert {"folded_title", "folded_text"} <= set(index["config"]["fields"])
    locations = [doc["location"] for doc in index["docs"]]
    assert "commitment/" in locations
    assert not [location for location in locations if location.startswith(("fr/", "vi/", "en/"))]
    assert not [location for location in locations if location.startswith("translation-status/")]  # for translators only
    # Each page's Material configuration points its search at its language's folder.
    config = json.loads(page(locale, "commitment/").select_one("script#__config").string)
    assert config["base"] == (f"../../{root}" if root else "..")
    config = json.loads(page(locale, "404.html").select_one("script#__config").string)
    assert config["base"] == f"/{root}"  # served at any depth under the language's prefix
    assert not any(mark in json.dumps(index, ensure_ascii=False) for mark in MARKS)


def test_search_index_folds_accents_and_vietnamese_tones(site) -> None:
    vi = json.loads((site.site / "vi/search/search_index.json").read_text(encoding="utf-8"))
    folded = " ".join(doc.get("folded_text", "") + " " + doc.get("folded_title", "") for doc in vi["docs"] if doc["location"].startswith("commitment/"))
    assert "muc do nghiem trong" in folded.lower()
    fr = json.loads((site.site / "fr/search/search_index.json").read_text(encoding="utf-8"))
    assert any("gravite" in doc.get("folded_title", "").lower() for doc in fr["docs"] if doc["location"].startswith("commitment/"))


def test_folding() -> None:
    assert search.fold("Mức độ nghiêm trọng") == "Muc do nghiem trong"
    assert search.fold("gravité, Đà Nẵng, cœur, Straße") == "gravite, Da Nang, coeur, Strasse"
    assert search.folded_words("<p>L’escalade (remontée) et la <b>gravité</b></p>") == "remontee gravite"
    assert search.lunr_language("vi") == "vi" and search.lunr_language("xx") == "en"


def test_folding_in_arabic_and_japanese() -> None:
    # Arabic: short vowels, tatweel and the hamza of an alef are what readers leave out.
    assert search.fold("إِدَارَةُ الحسابات") == "ادارة الحسابات"
    assert search.fold("أولوية، آخر، مـــرحبا، ٱلدعم") == "اولوية، اخر، مرحبا، الدعم"
    # Japanese: a voicing mark makes another word (パ pa, ハ ha); nothing to fold.
    assert search.fold("パートナーサポート・ガイド") == "パートナーサポート・ガイド"
    assert search.folded_words("パートナーサポートのガイド") == ""
    # Japanese and Arabic punctuation separate words as spaces do.
    assert search.folded_words("「重大度」、（إِدَارَة）؛") == "ادارة"


def words(language: str, text: str) -> list[str]:
    """The words lunr gets from `text` with a language's separator (Material splits the index and
    the query with it alike, then lowercases)."""
    return [word.lower() for word in re.split(search.separator(language), text) if word]


def test_the_hamza_on_a_yeh_or_a_waw_is_kept() -> None:
    # أسئلة typed as اسئلة: only the alef's hamza is left out; ئ and ؤ are keys of their own.
    assert search.fold("أسئلة، مسؤول") == "اسئلة، مسؤول"
    assert search.folded_words("<p>أسئلتكم وأسئلة</p>") == "اسئلتكم واسئلة"
    assert search.fold("\u0627\u0654\u0633\u0626\u0644\u0629") == "اسئلة"  # decomposed


def test_english_and_french_endings_are_the_same_word() -> None:
    # Material adds a wildcard to every query word, so lunr runs no stemmer on a query: the
    # separator takes endings off on both sides instead, and the prefix does the rest.
    assert set(words("en", "Escalating, escalation, escalates, escalated, escalate.")) == {"escalat"}
    assert words("en", "severity severities thresholds templates process processes") == ["severit", "severit", "threshold", "templat", "process", "process"]
    assert words("en", "the thing is in time zones") == ["the", "thing", "is", "in", "tim", "zon"]
    assert set(words("fr", "remontée remontées remonter remontee")) == {"remont"}
    assert words("fr", "délais gravité gravite modèle modeles fuseaux") == ["délai", "gravit", "gravit", "modèl", "model", "fuseau"]
    assert search.separator("vi") == search.separator("ar") == search.SEPARATOR  # no endings


def test_japanese_queries_split_where_the_script_changes() -> None:
    # Material runs TinySegmenter on the index but not on a query: 優先サポート typed as one word
    # must become the two words the index holds.
    assert words("ja", "優先サポート") == ["優先", "サポート"]
    assert words("ja", "しきい値") == ["しきい", "値"]
    assert words("ja", "サポートの対象") == ["サポート", "の", "対象"]  # where TinySegmenter cuts too
    assert words("ja", "向け") == ["向け"]  # kanji then hiragana: one word
    assert words("ja", "パートナー ハートナー") == ["パートナー", "ハートナー"]  # voicing marks untouched


def test_search_indexes_carry_the_new_separators(site) -> None:
    for locale in LOCALES:
        root = "" if locale == "en" else f"{locale}/"
        index = json.loads((site.site / root / "search/search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["separator"] == search.separator(locale)
        assert index["config"]["pipeline"] == ["stopWordFilter"]  # no stemmer: it would never reach a query
    ar = json.loads((site.site / "ar/search/search_index.json").read_text(encoding="utf-8"))
    folded = [doc.get("folded_title", "") for doc in ar["docs"] if doc["location"].startswith("priority-support/")]
    assert any("اسئلة" in title.split() for title in folded), folded


def test_a_complete_site_has_no_fallback_anywhere(site) -> None:
    for path in site.site.rglob("*"):
        if path.suffix in (".html", ".json", ".xml"):
            text = path.read_text(encoding="utf-8")
            assert not any(mark in text for mark in MARKS), path
            if path.suffix == ".html":
                assert "portal-fallback" not in text, path


# --- 5. editors: one schema per file, referenced from it, the one the build uses -----------------


QUILLORA = Path("examples/quillora")


@pytest.mark.parametrize(
    "name, schema",
    [(f"data/{name}.yml", f"{name}.schema.json") for name in DATA_FILES]
    + [(f"locales/{locale}.yml", "locale.schema.json") for locale in LOCALES]
    + [(f"locales/{locale}.sources.yml", "locale-sources.schema.json") for locale in LOCALES if locale != "en"]
    # The second example portal, two folders down, points at the same schemas.
    + [(f"{QUILLORA}/data/{path.name}", f"{path.stem}.schema.json") for path in sorted((ROOT / QUILLORA / "data").glob("*.yml"))]
    + [(f"{QUILLORA}/locales/{path.name}", "locale-sources.schema.json" if path.name.endswith(".sources.yml") else "locale.schema.json") for path in sorted((ROOT / QUILLORA / "locales").glob("*.yml"))],
)
def test_every_data_and_locale_file_names_the_schema_the_build_checks_it_with(name: str, schema: str) -> None:
    first_line = (ROOT / name).read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema={schema_reference(ROOT / name, schema.removesuffix('.schema.json'))}"
    path = (ROOT / name).parent / first_line.split("$schema=")[1]
    assert path.resolve() == (ROOT / "schemas" / schema).resolve()
    Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))
    validator = schema_validator(path.name.removesuffix(".schema.json"))
    data = yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))
    assert list(validator.iter_errors(data)) == []


# --- 6. a new language in one file ----------------------------------------------------------------

GERMAN = """\
# yaml-language-server: $schema=../schemas/locale.schema.json
site:
  name: "{vendor} Partner-Support"
common:
  "yes": "Ja"
  "no": "Nein"
commitment:
  columns:
    severity: Schweregrad
i18n:
  fallback:
    note: "Noch nicht auf {language} übersetzt: auf Englisch angezeigt."
  page_fallback:
    title: "Diese Seite gibt es noch nicht auf {language}"
"""
GERMAN_KEYS = 6


def add_german(project: Path) -> Path:
    (project / "locales/de.yml").write_text(GERMAN, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    entry = "        - locale: vi\n          name: Tiếng Việt\n          build: true\n"
    assert entry in config
    (project / "mkdocs.yml").write_text(config.replace(entry, entry + "        - locale: de\n          name: Deutsch\n          build: true\n"), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory):
    project = add_german(copy_project(tmp_path_factory.mktemp("german") / "project"))
    build = mkdocs_build(project, project / "site")
    assert build.returncode == 0, build.log
    return build


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("path", PAGES)
def test_a_new_language_gets_every_page(german, path: str) -> None:
    soup = soup_of(german.site / "de" / path / "index.html")
    assert soup.html["lang"] == "de"
    assert soup.title.get_text().endswith("Halcyra Partner-Support")
    # Built from English: a banner in German, the English prose marked as English.
    banner = soup.select_one(".portal-page-fallback")
    assert banner["lang"] == "de"
    assert banner.select_one(".admonition-title").get_text(strip=True) == "Diese Seite gibt es noch nicht auf Deutsch"
    assert banner.find_next_sibling("div")["lang"] == "en"


def test_a_new_language_falls_back_string_by_string(german) -> None:
    soup = soup_of(german.site / "de/commitment/index.html")
    headers = soup.select('table[data-portal-table="matrix"] thead th')
    assert headers[0].get_text(strip=True) == "Schweregrad" and not headers[0].select(".portal-fallback")
    fallback = headers[1].select_one("span.portal-fallback")
    assert fallback["lang"] == "en"
    assert fallback.get_text() == "Acknowledgement (first response time)"
    assert fallback["title"] == "Noch nicht auf Deutsch übersetzt: auf Englisch angezeigt."
    # The blocks of an English page are in the reader's language, marked so.
    assert headers[0].find_parent("div", attrs={"lang": True})["lang"] == "de"
    for path in german.site.rglob("*"):
        if path.suffix in (".html", ".json"):
            assert not any(mark in path.read_text(encoding="utf-8") for mark in MARKS), path


def test_a_new_language_is_in_the_status_log_json_page_and_search(german) -> None:
    total = len(english_keys())
    pages = len(list((ROOT / "docs/en").rglob("*.md")))
    assert f"Translation status de: {GERMAN_KEYS}/{total} strings translated ({int(100 * GERMAN_KEYS / total)}%), {total - GERMAN_KEYS} missing, {GERMAN_KEYS} outdated, 0 unused, 0 placeholder mismatches, 0 over the limit; 0/{pages} pages" in german.log
    data = json.loads((german.site / "i18n-status.json").read_text(encoding="utf-8"))["locales"]["de"]
    assert data["counts"] == {"translated": GERMAN_KEYS, "missing": total - GERMAN_KEYS, "outdated": GERMAN_KEYS, "unused": 0, "placeholder_mismatches": 0, "over_limit": 0}
    assert {item["reason"] for item in data["outdated"]} == {"unreviewed"}
    assert data["pages"]["translated"] == 0 and {item["file"] for item in data["pages"]["missing"]} >= {"docs/de/index.md", "docs/de/commitment.md"}
    missing = {item["key"]: item for item in data["missing"]}
    assert missing["commitment.columns.acknowledgement"]["english"] == "Acknowledgement (first response time)"
    row = soup_of(german.site / "translation-status/index.html").select_one('tr[data-locale="de"]')
    assert row.select_one('[data-count="missing"]').get_text(strip=True) == f"{total - GERMAN_KEYS:,}"
    index = json.loads((german.site / "de/search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["de"] and "commitment/" in [doc["location"] for doc in index["docs"]]


def test_strict_refuses_a_fallback_and_names_locale_key_and_file(tmp_path: Path) -> None:
    project = add_german(copy_project(tmp_path / "project"))
    build = mkdocs_build(project, project / "site", "--strict")
    assert build.returncode != 0
    assert "translation problems (--strict allows no fallback to English); nothing was built:" in build.log
    line = line_of(project, "locales/de.yml", "columns:")
    assert f'locales/de.yml:{line}: commitment.columns.acknowledgement: missing translation (English: "Acknowledgement (first response time)"); readers see the English text' in build.log
    assert "docs/de/commitment.md:1: (top level): missing translation of docs/en/commitment.md; readers get the English page" in build.log
    assert "Traceback" not in build.log
    assert not (project / "site").exists()


@pytest.fixture(scope="module")
def served_german(german):
    server = serve(german.site)
    yield server.url
    server.shutdown()


@pytest.mark.browser
def test_a_fallback_is_read_as_english_and_explained(served_german, watched) -> None:
    page = watched.page
    page.goto(served_german + "de/commitment/")
    assert page.locator("html").get_attribute("lang") == "de"
    fallback = page.locator('table[data-portal-table="matrix"] thead th .portal-fallback').first
    # The language a screen reader uses for it, as the browser computes it.
    assert fallback.evaluate("node => node.closest('[lang]').lang") == "en"
    assert fallback.get_attribute("title") == "Noch nicht auf Deutsch übersetzt: auf Englisch angezeigt."
    marker = fallback.evaluate("node => getComputedStyle(node, '::after').content")
    assert "EN" in marker
    assert page.locator(".portal-page-fallback .admonition-title").inner_text() == "Diese Seite gibt es noch nicht auf Deutsch"
    assert watched.console_errors == []


@pytest.mark.browser
def test_german_search_stays_in_the_german_site(served_german, watched) -> None:
    found = search_for(watched.page, served_german, "de/", "severity")
    assert found[0] == "de/commitment/"
    assert all(url.startswith("de/") for url in found), found


# --- 7. TRANSLATING.md ------------------------------------------------------------------------------


def test_translating_guide_covers_the_workflow() -> None:
    guide = (ROOT / "TRANSLATING.md").read_text(encoding="utf-8")
    for needle in ("./portal serve", "./portal i18n status", "./portal i18n review", "i18n-status.json", "translation-status/", "--strict", "locales/en.yml", "Transifex", "Crowdin", "Weblate", "mkdocs.yml"):
        assert needle in guide, needle
    # What the column "over the limit" counts, as the build counts it.
    assert "At most N characters." in guide and "Over the limit" in guide
    assert f"counts as **{translations.PLACEHOLDER_CHARACTERS} characters**" in guide
