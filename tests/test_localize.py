"""Unit tests of the localizer and of the escaping of every string from data or locale files."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup

from conftest import mkdocs_build
from partner_portal.localize import Localizer
from partner_portal.source import load_source
from partner_portal.worktime import parse_hours, parse_window


def test_durations_follow_each_languages_plural_rules() -> None:
    assert Localizer("en", {}).duration(1, "hour") == "1\u00a0hour"  # one line: a no-break space
    assert Localizer("en", {}).duration(3, "day") == "3\u00a0days"
    assert Localizer("fr", {}).duration(3, "hour") == "3\u00a0heures"
    assert Localizer("vi", {}).duration(3, "day") == "3\u00a0ngày"  # vi has no long unit names of its own


def test_arabic_durations_have_their_plural_forms_and_always_a_figure() -> None:
    ar = Localizer("ar", {})
    # CLDR's six Arabic plural categories; one and two are words without a figure in CLDR.
    assert [ar.duration(n, "hour") for n in (0, 1, 2, 3, 11, 100)] == [f"{n}\u00a0{unit}" for n, unit in ((0, "ساعة"), (1, "ساعة"), (2, "ساعة"), (3, "ساعات"), (11, "ساعة"), (100, "ساعة"))]
    assert [ar.duration(n, "day") for n in (1, 2, 5, 11)] == ["1\u00a0يوم", "2\u00a0يوم", "5\u00a0أيام", "11\u00a0يومًا"]
    for n in range(0, 30):
        for unit in ("hour", "day"):
            text = Localizer("ar", {}).duration(n, unit)
            assert str(n) in text and "duration" not in text, text
    assert Localizer("ja", {}).duration(4, "hour") == "4\u00a0時間"


def test_minutes_in_every_language_with_its_plural_forms() -> None:
    assert [Localizer("en", {}).duration(n, "minute") for n in (1, 30)] == ["1\u00a0minute", "30\u00a0minutes"]
    assert [Localizer("fr", {}).duration(n, "minute") for n in (0, 1, 2, 45)] == ["0\u00a0minute", "1\u00a0minute", "2\u00a0minutes", "45\u00a0minutes"]  # French "one" holds 0 and 1
    assert [Localizer("vi", {}).duration(n, "minute") for n in (1, 30)] == ["1\u00a0phút", "30\u00a0phút"]  # no plural: the short form is the language's own
    assert [Localizer("ja", {}).duration(n, "minute") for n in (1, 30)] == ["1\u00a0分", "30\u00a0分"]
    # Arabic: zero, one, two, few (3-10), many (11-99), other (100...), each with its figure;
    # CLDR writes one and two as words alone (دقيقة, دقيقتان), which a range cannot use.
    ar = Localizer("ar", {})
    assert [ar.duration(n, "minute") for n in (0, 1, 2, 3, 10, 11, 45, 100, 102)] == [
        f"{n}\u00a0{word}" for n, word in ((0, "دقيقة"), (1, "دقيقة"), (2, "دقيقة"), (3, "دقائق"), (10, "دقائق"), (11, "دقيقة"), (45, "دقيقة"), (100, "دقيقة"), (102, "دقيقة"))
    ]
    for locale in ("en", "fr", "vi", "ar", "ja"):
        for n in range(0, 120):
            assert str(n) in Localizer(locale, {}).duration(n, "minute"), (locale, n)


def test_a_range_names_its_lower_units_only_where_the_units_differ() -> None:
    def text(locale: str, low: str, high: str) -> str:
        range_text = {"en": "{min} to {max}", "fr": "{min} à {max}", "vi": "{min} đến {max}", "ar": "من {min} إلى {max}", "ja": "{min}～{max}"}[locale]
        return Localizer(locale, {"common.range": range_text}).duration_range(parse_window({"min": low, "max": high}))

    assert text("en", "1 hour", "3 hours") == "1 to 3\u00a0hours"  # as the brief writes it
    assert text("en", "30 minutes", "1 hour") == "30\u00a0minutes to 1\u00a0hour"
    assert text("fr", "45 minutes", "2 hours") == "45\u00a0minutes à 2\u00a0heures"
    assert text("vi", "30 minutes", "1 hour") == "30\u00a0phút đến 1\u00a0giờ"
    assert text("ar", "30 minutes", "1 hour") == "من 30\u00a0دقيقة إلى 1\u00a0ساعة"
    assert text("ar", "16 hours", "1 day") == "من 16\u00a0ساعة إلى 1\u00a0يوم"
    assert text("ja", "30 minutes", "1 hour") == "30\u00a0分～1\u00a0時間"
    assert text("ja", "2 days", "3 days") == "2～3\u00a0日"


@pytest.mark.parametrize("locale", ["en", "fr", "vi", "ar", "ja"])
def test_support_hours_read_as_the_browsers_intl_writes_them(locale: str) -> None:
    """Babel's interval of two times and Intl.DateTimeFormat#formatRange (Node's ICU): the same CLDR
    pattern, on the language's own clock ("8:00 AM – 6:00 PM", "08:00 – 18:00", "8時00分～18時00分")."""
    pairs = [("08:00", "18:00"), ("09:30", "17:45"), ("00:00", "23:59"), ("07:00", "12:00")]
    script = """
      const [lang, pairs] = JSON.parse(require("fs").readFileSync(0, "utf8"));
      const f = new Intl.DateTimeFormat(lang, {timeZone: "UTC", timeStyle: "short"});
      const at = (hm) => Date.UTC(2026, 0, 5, ...hm.split(":").map(Number));
      console.log(JSON.stringify(pairs.map(([a, b]) => f.formatRange(at(a), at(b)))));"""
    node = subprocess.run(["node", "-e", script], input=json.dumps([locale, pairs]), capture_output=True, text=True, check=True)
    t = Localizer(locale, {})
    assert [t.hours(parse_hours({"opens": a, "closes": b})) for a, b in pairs] == json.loads(node.stdout)
    assert t.hours(parse_hours({"opens": "08:00", "closes": "18:00"})) == {
        "en": "8:00\u202fAM\u2009–\u20096:00\u202fPM", "fr": "08:00\u2009–\u200918:00", "vi": "08:00–18:00", "ar": "8:00 ص\u2009–\u20096:00 م", "ja": "8時00分～18時00分",
    }[locale]


def test_lists_weekdays_and_countries_come_from_cldr() -> None:
    assert Localizer("fr", {}).territories(["FR", "MC"]) == "France et Monaco"
    assert Localizer("vi", {}).territories(["150", "GB"]) == "Châu Âu và Vương quốc Anh"
    assert Localizer("en", {}).join(["a", "b", "c"]) == "a, b, and c"
    assert Localizer("fr", {}).weekday("monday") == "lundi"
    assert Localizer("vi", {}).weekday("friday") == "Thứ Sáu"
    assert Localizer("fr", {}).language_name == "Français"


def test_text_and_parameters_are_escaped() -> None:
    t = Localizer("en", {"greeting": "<b>Hi</b> {name}", "link_md": "See [the <i>blog</i>]({blog})."})
    assert t.text("greeting", name="<script>x</script>") == "&lt;b&gt;Hi&lt;/b&gt; &lt;script&gt;x&lt;/script&gt;"
    assert t.text("greeting", name=Markup("<em>trusted</em>")) == "&lt;b&gt;Hi&lt;/b&gt; <em>trusted</em>"
    assert t.text("link_md", blog="https://blog.example.net/?a=1&b=2") == 'See <a href="https://blog.example.net/?a=1&amp;b=2">the &lt;i&gt;blog&lt;/i&gt;</a>.'


def test_join_escapes_each_item() -> None:
    assert Localizer("en", {}).join(["<a>", "b & c"]) == "&lt;a&gt; and b &amp; c"


def test_line_numbers_point_at_the_key(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text("a:\n  - id: one\n    name: One\n  - id: two\n    name: Two\n", encoding="utf-8")
    source = load_source(path, "x.yml")
    assert source.line_of(("a", 1, "name")) == 5
    assert source.line_of(("a", 1, "missing")) == 4


def test_markup_in_data_and_translations_shows_as_text(project: Path) -> None:
    def edit(name: str, old: str, new: str) -> None:
        path = project / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    edit("data/programme.yml", "vendor: Halcyra", 'vendor: "Halcyra <b>&</b> Co"')
    edit("data/catalogue.yml", "name: Pipeline,", 'name: "<img src=x onerror=alert(1)>",')
    edit("locales/fr.yml", "  adapt-features:\n    title: ", "  adapt-features:\n    title: <script>alert(1)</script> ")
    build = mkdocs_build(project, project / "site")
    assert build.returncode == 0, build.log
    home = (project / "site/fr/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in home
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in home
    assert "<b>&</b>" not in home and "Halcyra &lt;b&gt;&amp;&lt;/b&gt; Co" in home
    ticket = (project / "site/ticket/index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in ticket and "&lt;img src=x onerror=alert(1)&gt;" in ticket
    soup = BeautifulSoup(home, "html.parser")
    assert not [script for script in soup.find_all("script") if "alert(1)" in script.get_text()]


@pytest.mark.parametrize("locale", ["fr", "vi", "ja", "ar"])
def test_country_names_sort_as_the_browsers_collator_sorts_them(locale: str) -> None:
    """The static lists (built with ICU) and the tools (the browser's Intl.Collator) in one order."""
    t = Localizer(locale, {})
    names = [name for code, name in t.babel.territories.items() if code.isalpha()]
    script = "const names = JSON.parse(require('fs').readFileSync(0, 'utf8')); console.log(JSON.stringify(names.sort(new Intl.Collator(process.argv[1]).compare)))"
    node = subprocess.run(["node", "-e", script, locale], input=json.dumps(names), capture_output=True, text=True, check=True)
    assert t.sorted(names) == json.loads(node.stdout)


def test_collation_is_the_languages_own() -> None:
    assert Localizer("vi", {}).sorted(["Đức", "Dominica", "Ấn Độ", "Ai Cập", "Úc", "Uganda"]) == ["Ai Cập", "Ấn Độ", "Dominica", "Đức", "Úc", "Uganda"]
    assert Localizer("fr", {}).sorted(["Égypte", "Zambie", "Espagne", "État de la Cité du Vatican", "Eswatini"]) == ["Égypte", "Espagne", "Eswatini", "État de la Cité du Vatican", "Zambie"]
    # Japanese: kana in gojūon order, the long-vowel mark read as the vowel it lengthens (ガーナ is
    # "gaana", before カナダ "kanada"; voicing counts only after that), then kanji.
    assert Localizer("ja", {}).sorted(["北朝鮮", "カナダ", "ガーナ", "アメリカ合衆国", "中国", "イタリア"]) == ["アメリカ合衆国", "イタリア", "ガーナ", "カナダ", "中国", "北朝鮮"]


def test_a_name_holding_the_lists_comma_is_shortened_in_a_list() -> None:
    # CLDR's Vietnamese name of Hong Kong holds a comma: in a comma-separated list it reads as two places.
    assert Localizer("vi", {}).territories(["HK", "MO", "FJ"]) == "Hồng Kông, Macao và Fiji"
    assert Localizer("vi", {}).territory("HK") == "Đặc khu Hành chính Hồng Kông, Trung Quốc"  # alone, in full
    assert Localizer("fr", {}).territories(["US", "GB"]) == "États-Unis et Royaume-Uni"  # no comma: never abbreviated
    assert Localizer("ar", {}).territories(["HK", "US"]) == "هونغ كونغ الصينية (منطقة إدارية خاصة) والولايات المتحدة"


def test_texts_side_by_side_take_a_space_except_after_a_full_width_character() -> None:
    assert Localizer("en", {}).adjoin("We do not work at weekends.", "Response times count working days.") == "We do not work at weekends. Response times count working days."
    assert Localizer("ja", {}).adjoin("対応していません。", "応答時間は営業日のみです。") == "対応していません。応答時間は営業日のみです。"
    assert Localizer("ja", {}).adjoin("担当：", Markup("<bdi>Australia</bdi>")) == "担当：<bdi>Australia</bdi>"
    assert Localizer("en", {}).adjoin("<b>", "x") == "&lt;b&gt; x"  # escaped like every text
    assert Localizer("ja", {}).alternatives(["はい", "いいえ"]) == "はいまたはいいえ"


@pytest.mark.parametrize(
    ("locale", "code", "others"),
    [
        ("de", "US", ["USA"]),
        ("de", "CI", ["Elfenbeinküste"]),
        ("de", "HK", ["Hongkong"]),
        ("en", "CZ", ["Czech Republic"]),
        ("fr", "GB", ["R.-U."]),
        ("ja", "US", ["アメリカ"]),
        ("en", "FR", []),
    ],
)
def test_a_country_has_the_other_names_cldr_gives_it(locale: str, code: str, others: list[str]) -> None:
    """What readers type besides the full name ("USA", "Elfenbeinküste"): CLDR's short and variant
    names, which the finder and the priority check accept (api countries[].other_names)."""
    assert Localizer(locale, {}).territory_other_names(code) == others
