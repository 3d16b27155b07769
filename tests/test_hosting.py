"""Safe to publish (issue #12): the Content-Security-Policy of every page, the host configurations
the build generates, and the site served by Debian's nginx with its generated server block
(the `served` fixture), checked over HTTP and in Chromium. Every page of every language loading
in Chromium through it with no violation is a gate of every portal: tests/test_gates.py."""

from __future__ import annotations

import base64
import gzip
import hashlib
import re
import urllib.error
import urllib.request
from pathlib import Path

import brotli
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import LOCALES, ROOT, Build, watched_page
from test_gates import violations

LANGUAGE_ROOTS = [f"{locale}/" for locale in LOCALES if locale != "en"]
NOT_FOUND_TITLE = {locale: yaml.safe_load((ROOT / "locales" / f"{locale}.yml").read_text(encoding="utf-8"))["not_found"]["title"] for locale in LOCALES}
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:css|js)$")


def prefix(locale: str) -> str:
    return "" if locale == "en" else f"{locale}/"


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def meta_policy(html: str) -> str:
    element = BeautifulSoup(html, "html.parser").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert element is not None
    return element["content"]


def directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


def inline_script_hashes(html: str) -> set[str]:
    hashes = set()
    for script in BeautifulSoup(html, "html.parser").find_all("script"):
        if script.get("src") or script.get("type") not in (None, "module", "text/javascript"):
            continue
        digest = hashlib.sha256(script.string.encode("utf-8")).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return hashes


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


# --- the policy in every page -----------------------------------------------------------------


def test_every_page_of_every_language_carries_one_and_the_same_strict_policy(site: Build) -> None:
    policies = {}
    every_inline_script = set()
    for path in pages(site.site):
        html = path.read_text(encoding="utf-8")
        assert html.count('http-equiv="Content-Security-Policy"') == 1, path
        # A <meta> policy covers only what follows it: nothing but the charset may come first.
        head = html.split('<meta http-equiv="Content-Security-Policy"')[0]
        assert "<script" not in head and "<link" not in head, path
        policies[path] = meta_policy(html)
        every_inline_script |= inline_script_hashes(html)
    assert len(set(policies.values())) == 1
    policy = directives(next(iter(policies.values())))
    assert "'unsafe-inline'" not in str(policy) and "'unsafe-eval'" not in str(policy)
    assert set(policy["script-src"]) == {"'self'"} | every_inline_script  # each hash is one inline script of the site
    assert len(every_inline_script) >= 4  # Material's palette, tabs and scope scripts at each page depth
    assert policy["default-src"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert "frame-ancestors" not in policy  # ignored in <meta>: sent as a header only


def test_the_header_policy_is_the_page_policy_with_frame_ancestors(site: Build) -> None:
    page_policy = meta_policy((site.site / "index.html").read_text(encoding="utf-8"))
    header = f"{page_policy}; frame-ancestors 'none'"
    assert f'add_header Content-Security-Policy "{header}" always;' in (site.site / ".hosting" / "nginx.conf").read_text(encoding="utf-8")
    assert f'Header always set Content-Security-Policy "{header}"' in (site.site / ".htaccess").read_text(encoding="utf-8")
    assert f"  Content-Security-Policy: {header}\n" in (site.site / "_headers").read_text(encoding="utf-8")


# --- the configurations of the other hosts --------------------------------------------------------


def test_apache_serves_each_languages_404_headers_and_precompressed_files(site: Build) -> None:
    text = (site.site / ".htaccess").read_text(encoding="utf-8")
    assert "ErrorDocument 404 /404.html\n" in text
    for root in LANGUAGE_ROOTS:
        assert f'<If "%{{REQUEST_URI}} =~ m#^/{root}#">\n    ErrorDocument 404 /{root}404.html\n</If>' in text
    for header in ("X-Content-Type-Options \"nosniff\"", "Referrer-Policy \"same-origin\"", "Permissions-Policy", "Strict-Transport-Security \"max-age=31536000\""):
        assert f"Header always set {header}" in text
    assert 'Header set Cache-Control "no-cache"' in text
    assert 'Header set Cache-Control "public, max-age=31536000, immutable"' in text
    assert "RewriteCond %{REQUEST_FILENAME}.br -f" in text and "RewriteCond %{REQUEST_FILENAME}.gz -f" in text
    assert "Header set Content-Encoding br" in text and "Header set Content-Encoding gzip" in text


def parse_headers_file(text: str) -> dict[str, dict[str, str]]:
    """Netlify's format: a path on its own line, then its headers indented."""
    rules: dict[str, dict[str, str]] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if not line.startswith(" "):
            path = line
            assert path not in rules, f"{path} twice"
            rules[path] = {}
        else:
            name, value = line.strip().split(": ", 1)
            rules[path][name] = value
    return rules


def test_netlify_and_cloudflare_get_headers_cache_rules_and_404_rules(site: Build) -> None:
    rules = parse_headers_file((site.site / "_headers").read_text(encoding="utf-8"))
    assert set(rules["/*"]) == {"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "Strict-Transport-Security"}
    fingerprinted = sorted(path.relative_to(site.site).as_posix() for path in site.site.rglob("*") if FINGERPRINTED.search(path.name))
    assert len(fingerprinted) >= 4
    assert {path: rule for path, rule in rules.items() if path != "/*"} == {f"/{path}": {"Cache-Control": "public, max-age=31536000, immutable"} for path in fingerprinted}
    redirects = (site.site / "_redirects").read_text(encoding="utf-8")
    assert [line for line in redirects.splitlines() if not line.startswith("#")] == [f"/{root}*  /{root}404.html  404" for root in LANGUAGE_ROOTS]


def test_the_github_pages_workflow_builds_strict_and_publishes(site: Build) -> None:
    workflow = yaml.safe_load((site.site / ".hosting" / "github-pages.yml").read_text(encoding="utf-8"))
    build_steps = workflow["jobs"]["build"]["steps"]
    assert {"run": "./portal build site --strict"} in build_steps
    assert any(step.get("uses", "").startswith("actions/upload-pages-artifact@") and step["with"]["path"] == "site" for step in build_steps)
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_text_files_are_precompressed_and_smaller(site: Build) -> None:
    for name in ("index.html", "fr/escalation/index.html", "vi/search/search_index.json", "assets/portal/css/portal.css"):
        original = (site.site / name).read_bytes()
        assert gzip.decompress((site.site / f"{name}.gz").read_bytes()) == original
        assert brotli.decompress((site.site / f"{name}.br").read_bytes()) == original
        assert (site.site / f"{name}.br").stat().st_size < (site.site / f"{name}.gz").stat().st_size < len(original)


# --- nginx -------------------------------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_nginx_answers_a_missing_page_with_its_languages_404(served: str, locale: str) -> None:
    for missing in ("no-such-page/", "commitment/no-such-page.html", "deep/er/path"):
        status, _, body = get(served + prefix(locale) + missing)
        assert status == 404
        soup = BeautifulSoup(body, "html.parser")
        assert soup.html["lang"] == locale
        assert soup.h1.get_text(strip=True) == NOT_FOUND_TITLE[locale]


def test_nginx_sends_the_security_headers_on_pages_assets_and_errors(served: str, site: Build) -> None:
    policy = meta_policy((site.site / "index.html").read_text(encoding="utf-8")) + "; frame-ancestors 'none'"
    for path in ("", "fr/commitment/", "vi/api/portal.json", "assets/portal/js/mail-form.js", "fr/no-such-page/"):
        _, headers, _ = get(served + path)
        assert headers["Content-Security-Policy"] == policy, path
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"
        assert "camera=()" in headers["Permissions-Policy"]
        assert headers["Strict-Transport-Security"] == "max-age=31536000"


def test_nginx_caches_fingerprinted_files_for_good_and_revalidates_the_rest(served: str, site: Build) -> None:
    bundle = next(site.site.glob("assets/javascripts/bundle.*.min.js")).relative_to(site.site).as_posix()
    assert get(served + bundle)[1]["Cache-Control"] == "max-age=31536000"
    for path in ("", "fr/escalation/", "assets/portal/js/mail-form.js", "search/search_index.json"):
        assert get(served + path)[1]["Cache-Control"] == "no-cache", path


def test_nginx_sends_the_precompressed_file_to_a_client_that_accepts_it(served: str, site: Build) -> None:
    original = (site.site / "fr" / "escalation" / "index.html").read_bytes()
    status, headers, body = get(served + "fr/escalation/", **{"Accept-Encoding": "br"})
    assert (status, headers["Content-Encoding"]) == (200, "br")
    assert body == (site.site / "fr" / "escalation" / "index.html.br").read_bytes()
    assert brotli.decompress(body) == original
    status, headers, body = get(served + "fr/escalation/", **{"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == original
    assert "Accept-Encoding" in headers["Vary"]
    status, headers, body = get(served + "fr/escalation/", **{"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in headers and body == original


def test_nginx_keeps_the_configurations_from_readers(served: str) -> None:
    for path in (".hosting/nginx.conf", ".hosting/github-pages.yml", ".htaccess", "_headers", "_redirects"):
        assert get(served + path)[0] == 404, path


def test_nginx_adds_the_trailing_slash_on_the_readers_own_host(served: str) -> None:
    request = urllib.request.Request(served + "fr/commitment")

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object) -> None:
            return None

    with pytest.raises(urllib.error.HTTPError) as redirect:
        urllib.request.build_opener(NoRedirect).open(request, timeout=10)
    assert redirect.value.code == 301
    assert redirect.value.headers["Location"] == "/fr/commitment/"


# --- Chromium through nginx (every page of every language: tests/test_gates.py) ----------------


@pytest.mark.browser
@pytest.mark.parametrize("locale", LANGUAGE_ROOTS)
def test_a_host_with_one_404_page_sends_the_reader_to_their_languages(browser, served: str, locale: str) -> None:
    """GitHub Pages answers every missing URL with the site's /404.html."""
    with watched_page(browser) as watched:
        page = watched.page
        default_404 = get(served + "404.html")[2]
        page.route(f"{served}{locale}no-such-page/", lambda route: route.fulfill(status=404, body=default_404, content_type="text/html"))
        page.goto(f"{served}{locale}no-such-page/")
        page.wait_for_url(f"{served}{locale}404.html")
        assert page.locator("html").get_attribute("lang") == locale.rstrip("/")
        assert violations(watched.console_errors) == []


# --- units -------------------------------------------------------------------------------------


def test_the_policy_hashes_executable_inline_scripts_only_and_is_applied_once(tmp_path: Path) -> None:
    from partner_portal.security import apply_policy, script_hash

    page = '<html><head>\n    <meta charset="utf-8">\n<title>x</title></head><body>{}</body></html>'
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(page.format('<script>one()</script><script type="application/json">{"a": 1}</script>'), encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text(page.format('<script type="module">two()</script><script src="x.js"></script>'), encoding="utf-8")
    first = apply_policy(tmp_path)
    assert first.script_hashes == tuple(sorted((script_hash("one()"), script_hash("two()"))))
    assert apply_policy(tmp_path) == first  # a rebuild over the same files (mkdocs serve) changes nothing
    html = (tmp_path / "a" / "index.html").read_text(encoding="utf-8")
    assert html.count("Content-Security-Policy") == 1
    assert html.startswith(f'<html><head>\n    <meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="{first.meta}">\n<title>')
    assert script_hash("one()") == "'sha256-" + base64.b64encode(hashlib.sha256(b"one()").digest()).decode() + "'"
