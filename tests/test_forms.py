"""The ticket and translation-feedback forms, used in Debian's Chromium as a partner would."""

from __future__ import annotations

import email
import email.policy
import re
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml

from conftest import LOCALES, ROOT, watched_page
from partner_portal.blocks import length_for

REQUESTS = yaml.safe_load((ROOT / "data/requests.yml").read_text(encoding="utf-8"))
PROGRAMME = yaml.safe_load((ROOT / "data/programme.yml").read_text(encoding="utf-8"))
MESSAGES = {locale: yaml.safe_load((ROOT / f"locales/{locale}.yml").read_text(encoding="utf-8")) for locale in LOCALES}
ENGLISH = MESSAGES["en"]
SUPPORT = PROGRAMME["addresses"]["support"]

# Every character that breaks a naive mailto or e-mail: reserved URL characters, quotes,
# emoji with a skin-tone modifier, French and Vietnamese diacritics, every kind of line break.
TRICKY = "Tiếng Việt: mức độ nghiêm trọng — l'équipe « déjà » & % + # ? = \"quoted\" 👍🏽\r\nLine two\nLine three\rend"
DESCRIPTION = TRICKY + " filler" * 150
# The description's length in each language: words, characters in Japanese (data/requests.yml).
LENGTH = {locale: length_for(next(field for field in REQUESTS["fields"] if field["name"] == "description"), locale) for locale in LOCALES}
# 41 characters of a Japanese description (19 words to ICU's segmenter, particles among them).
JAPANESE = "大きなファイルを書き出すと、処理が途中で止まり、エラーが表示されます。\n再現します。"


def url(served: str, locale: str, path: str) -> str:
    return served + ("" if locale == "en" else f"{locale}/") + path


def decode_mailto(href: str) -> tuple[str, dict[str, str]]:
    """RFC 6068: the address, then percent-encoded header fields; '+' is a plus, never a space."""
    assert href.startswith("mailto:")
    parts = urlsplit(href)
    fields = {}
    for pair in parts.query.split("&"):
        name, _, value = pair.partition("=")
        fields[unquote(name)] = unquote(value)
    return unquote(parts.path), fields


def launched(errors: list[str]) -> list[str]:
    """Console errors other than Chromium saying it has no mail app to hand the link to."""
    return [error for error in errors if "does not have a registered handler" not in error]


def description_for(locale: str) -> str:
    """A valid description in `locale`: 150 to 200 words, or, where characters are counted,
    TRICKY (75 characters) and seven Japanese sentences (287): 362 of 300 to 400."""
    return TRICKY + JAPANESE * 7 if LENGTH[locale]["unit"] == "characters" else DESCRIPTION


def fill_ticket(page, description: str = DESCRIPTION) -> None:
    page.fill('form [name="customer_email"]', "client.name+tag@customer.example.org")
    page.select_option('form [name="request_type"]', "technical-support")
    page.check('form [name="reproducible"][value="yes"]')
    page.fill('form [name="user_id"]', "U-42\r\nBcc: evil@example.net")
    page.fill('form [name="admin_email"]', "admin@customer.example.org")
    page.fill('form [name="customization"]', "Workflow « Relance » & co")
    page.fill('form [name="occurred_at"]', "2026-11-20T14:30")
    page.check('form [name="support_access"][value="no"]')
    page.select_option('form [name="product"]', "desk")
    page.fill('form [name="description"]', description)
    page.fill('form [name="troubleshooting"]', "Cleared the cache.\nTried again: same & worse?")


@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
def test_a_valid_ticket_becomes_a_faithful_email(served, watched, locale: str) -> None:
    page = watched.page
    page.goto(url(served, locale, "ticket/"))
    description = description_for(locale)
    fill_ticket(page, description)
    page.click('form[data-portal-form="ticket"] button[type="submit"]')
    link = page.locator("[data-ticket-mailto]")
    assert link.is_visible()
    to, fields = decode_mailto(link.get_attribute("href"))
    assert to == SUPPORT
    assert set(fields) == {"subject", "body"}, "nothing typed may add a header"
    assert fields["subject"] == "Technical support | Desk | client.name+tag@customer.example.org"
    body = fields["body"]
    assert "\r\n" in body and "\n" not in body.replace("\r\n", "")
    lines = body.split("\r\n")
    labels = ENGLISH["ticket"]["fields"]
    assert f"{labels['customer_email']['label']}: client.name+tag@customer.example.org" in lines
    assert f"{labels['request_type']['label']}: Technical support" in lines
    assert f"{labels['reproducible']['label']} Yes" in lines  # a question keeps its mark, no colon after it
    assert any(line.startswith(f"{labels['occurred_at']['label']}: 2026-11-20 14:30 (") for line in lines), lines
    assert f"{labels['user_id']['label']}: U-42 Bcc: evil@example.net" in lines  # one line, never a header
    assert f"{labels['customization']['label']}: Workflow « Relance » & co" in lines
    assert f"{labels['support_access']['label']} No" in lines
    assert f"{labels['product']['label']}: Desk" in lines
    assert f"Language: {locale}" in lines
    # Free texts verbatim, every line break as CRLF.
    assert description.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n") in body
    assert "Cleared the cache.\r\nTried again: same & worse?" in body
    assert not page.locator("[data-ticket-mailto]").get_attribute("href").count("+"), "spaces are %20, never +"
    assert page.locator("[data-portal-too-long]").is_visible(), "this long ticket is past what mail apps accept in a link"
    assert launched(watched.console_errors) == []
    assert watched.foreign_requests == []


@pytest.mark.browser
def test_the_problems_date_names_the_partners_time_zone(served, browser) -> None:
    """A date and time field holds no zone; the e-mail says whose clock it is."""
    with watched_page(browser, timezone_id="America/New_York") as watched:
        page = watched.page
        page.goto(url(served, "en", "ticket/"))
        fill_ticket(page)
        page.click('form[data-portal-form="ticket"] button[type="submit"]')
        _, fields = decode_mailto(page.locator("[data-ticket-mailto]").get_attribute("href"))
        label = ENGLISH["ticket"]["fields"]["occurred_at"]["label"]
        assert f"{label}: 2026-11-20 14:30 (America/New_York, UTC-05:00)" in fields["body"].split("\r\n")


@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
def test_an_invalid_ticket_is_refused_with_messages_in_the_page_language(served, watched, locale: str) -> None:
    page = watched.page
    page.goto(url(served, locale, "ticket/"))
    page.fill('form [name="customer_email"]', "not-an-address")
    page.fill('form [name="description"]', "Trop court.")
    page.click('form[data-portal-form="ticket"] button[type="submit"]')
    errors = MESSAGES[locale]["form"]["errors"]
    assert page.locator("[data-portal-result]").is_hidden()
    assert page.locator("[data-ticket-mailto]").get_attribute("href") == f"mailto:{SUPPORT}"
    email_input = page.locator('form [name="customer_email"]')
    assert email_input.get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.activeElement.name") == "customer_email"
    described = email_input.get_attribute("aria-describedby").split()
    assert page.locator(f"#{described[-1]}").inner_text() == errors["email"]
    assert page.locator("#ticket-request_type-error").inner_text() == errors["required"]
    length = LENGTH[locale]
    too_few = page.locator("#ticket-description-error").inner_text()
    assert str(length["min"]) in too_few and too_few.startswith(errors[f"too_few_{length['unit']}"].split("{")[0])
    assert page.locator("#ticket-reproducible-error").is_visible()
    assert page.locator("#ticket-user_id-error").is_hidden(), "a field the partner cannot see is never an error"
    assert launched(watched.console_errors) == []


@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
def test_the_word_counter_counts_words_of_the_language(served, watched, locale: str) -> None:
    page = watched.page
    page.goto(url(served, locale, "ticket/"))
    # A language added to mkdocs.yml needs its sample here (a KeyError says so).
    text, expected = {
        "en": ("The export fails when the file is large.", 8),
        "fr": ("L'export échoue lorsqu'il y a beaucoup d'enregistrements.", 7),  # "lorsqu'il", "d'enregistrements": one word each
        "vi": ("Mức độ nghiêm trọng của sự cố rất cao.", 9),
        "ar": ("يفشل التصدير عندما يكون الملفُّ كبيرًا.", 6),  # short vowels and tanween belong to their word
        "ja": (JAPANESE, 41),  # Japanese counts characters
    }[locale]
    page.fill('form [name="description"]', text)
    counter = page.locator("#ticket-description-count").inner_text()
    assert re.split("[:：]", counter)[1].strip().startswith(str(expected)), counter


@pytest.mark.browser
@pytest.mark.skipif("ja" not in LOCALES, reason="Japanese is not built (mkdocs.yml)")
def test_a_japanese_description_is_counted_in_characters(served, watched) -> None:
    page = watched.page
    page.goto(url(served, "ja", "ticket/"))
    messages, length = MESSAGES["ja"]["form"], LENGTH["ja"]
    assert length["unit"] == "characters"
    described = 'form [name="description"]'
    # Short: the error counts characters ("300文字以上…（現在41文字）"), never words.
    page.fill(described, JAPANESE)
    page.click('form[data-portal-form="ticket"] button[type="submit"]')
    error = page.locator("#ticket-description-error")
    assert error.inner_text() == messages["errors"]["too_few_characters"].format(min="300", count="41")
    # Typed within 300 to 400 characters (328 seen; the line breaks and spaces not counted), though
    # ICU's word segmenter would find fewer than 150 "words" in some such texts: no error.
    page.fill(described, "")
    page.locator(described).press_sequentially(JAPANESE * 7 + "　" + JAPANESE)
    assert page.locator("#ticket-description-count").inner_text() == messages["character_count"].format(count="328", min="300", max="400")
    assert error.is_hidden() and error.inner_text() == ""
    assert page.locator(described).get_attribute("aria-invalid") is None
    fill_ticket(page, page.input_value(described))
    page.click('form[data-portal-form="ticket"] button[type="submit"]')
    assert page.locator("[data-portal-result]").is_visible()
    _, fields = decode_mailto(page.locator("[data-ticket-mailto]").get_attribute("href"))
    assert (JAPANESE * 7).replace("\n", "\r\n") in fields["body"]
    assert launched(watched.console_errors) == []


@pytest.mark.browser
def test_the_draft_survives_a_reload_and_a_language_switch_until_cleared(served, watched) -> None:
    page = watched.page
    page.goto(url(served, "en", "ticket/"))
    page.fill('form [name="customer_email"]', "kept@customer.example.org")
    page.check('form [name="reproducible"][value="yes"]')
    page.fill('form [name="customization"]', "Fonction « calcul » 👍🏽")
    page.reload()
    assert page.input_value('form [name="customer_email"]') == "kept@customer.example.org"
    assert page.is_checked('form [name="reproducible"][value="yes"]')
    assert page.locator('form [name="customization"]').is_visible()
    page.goto(url(served, "vi", "ticket/"))
    assert page.input_value('form [name="customization"]') == "Fonction « calcul » 👍🏽"
    assert page.locator("[data-portal-status]").inner_text() == MESSAGES["vi"]["form"]["draft_restored"]
    page.click("[data-portal-clear]")
    page.reload()
    assert page.input_value('form [name="customer_email"]') == ""
    assert page.evaluate("Object.keys(localStorage).filter(key => key.startsWith('portal.draft'))") in ([], ["portal.draft.ticket"])
    assert page.evaluate("localStorage.getItem('portal.draft.ticket')") in (None, '{"v":1,"values":{"customer_email":"","request_type":"","reproducible":"","user_id":"","admin_email":"","customization":"","occurred_at":"","support_access":"","product":"","description":"","troubleshooting":""}}')


@pytest.mark.browser
def test_the_eml_draft_carries_the_screenshots(served, watched, tmp_path: Path) -> None:
    page = watched.page
    page.goto(url(served, "fr", "ticket/"))
    fill_ticket(page)
    png = bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + bytes(range(256))
    page.set_input_files('form [name="screenshots"]', files=[{"name": "capture d’écran.png", "mimeType": "image/png", "buffer": png}])
    assert page.locator('[data-files-for="screenshots"]').inner_text() == "capture d’écran.png"
    page.click('form[data-portal-form="ticket"] button[type="submit"]')
    assert page.locator("[data-portal-attach]").is_visible()
    with page.expect_download() as download:
        page.click("[data-portal-eml]")
    path = tmp_path / "ticket.eml"
    download.value.save_as(path)
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert message["X-Unsent"] == "1"
    assert message["To"] == SUPPORT
    assert message["Subject"] == "Technical support | Desk | client.name+tag@customer.example.org"
    text, attachment = message.get_body(("plain",)), next(message.iter_attachments())
    assert DESCRIPTION.replace("\r\n", "\n").replace("\r", "\n") in text.get_content().replace("\r\n", "\n")
    assert attachment.get_filename() == "capture d’écran.png"
    assert attachment.get_content() == png
    assert launched(watched.console_errors) == []  # the download (a blob: URL) within the Content-Security-Policy


@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
def test_translation_feedback_from_any_page(served, watched, locale: str) -> None:
    page = watched.page
    page.goto(url(served, locale, "commitment/"))
    page.click(".portal-feedback-link")
    page.wait_for_url(lambda address: "/feedback/?from=" in address)
    expected_page = "https://partners.example.com/" + ("" if locale == "en" else f"{locale}/") + "commitment/"
    assert page.input_value('form [name="page_url"]') == expected_page
    page.click('form[data-portal-form="feedback"] button[type="submit"]')
    assert page.locator('form [name="full_name"]').get_attribute("aria-invalid") == "true"
    page.fill('form [name="full_name"]', "Nguyễn Thị Hoa")
    page.fill('form [name="email"]', "hoa@reseller.example.net")
    page.fill('form [name="subject"]', "Sai dấu: « gravite » & #2")
    page.fill('form [name="error_description"]', "Dòng 1\nDòng 2")
    page.click('form[data-portal-form="feedback"] button[type="submit"]')
    result = page.locator("[data-portal-result]")
    assert result.is_visible()
    assert MESSAGES[locale]["form"]["ready"]["feedback"] in result.inner_text()
    to, fields = decode_mailto(page.locator("[data-feedback-mailto]").get_attribute("href"))
    assert to == PROGRAMME["addresses"]["translation_team"]
    assert fields["subject"] == f"{REQUESTS['feedback_subject_prefix']} | Sai dấu: « gravite » & #2"
    assert f"Page address: {expected_page}" in fields["body"].split("\r\n")
    assert "Dòng 1\r\nDòng 2" in fields["body"]
    assert launched(watched.console_errors) == []


@pytest.mark.browser
def test_without_javascript_the_template_is_there_to_copy(browser, served) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url(served, "fr", "ticket/"))
    assert page.locator("form[data-portal-form]").is_hidden()
    assert page.locator("pre.portal-plain-template").is_visible()
    assert MESSAGES["fr"]["ticket"]["fields"]["customer_email"]["label"] in page.locator("pre.portal-plain-template").inner_text()
    context.close()


def test_the_eml_module_writes_what_python_reads() -> None:
    raw = subprocess.run(["node", "tests/js/fixtures/make-eml.js"], cwd=ROOT, capture_output=True, check=True).stdout
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert not message.defects
    assert message["X-Unsent"] == "1"
    assert message["Subject"] == "Hỗ trợ kỹ thuật | Tiếng Việt có dấu: mức độ nghiêm trọng | khach.hang@example.net"
    body = message.get_body(("plain",)).get_content()
    assert "l'équipe 👍🏽" in body and "mức độ nghiêm trọng cao" in body
    attachment = next(message.iter_attachments())
    assert attachment.get_filename() == "ảnh chụp màn hình.png"
    assert attachment.get_content() == bytes([0x89, 0x50, 0x4E])
