"""A strict Content-Security-Policy, computed from the site as it is finally written.

Material writes a few small inline scripts into every page (the palette and tab state read from
localStorage before the page paints); they differ with the page's depth (`new URL("../..")`).
Rather than allow inline scripts at all, the policy lists the sha256 of each inline script found
in the final HTML of every language. Every page carries the same policy in a
`<meta http-equiv>` (for hosts that cannot set headers), and the host configurations send it as a
header with the directives a meta element cannot carry.

`mkdocs serve` adds an inline script of its own to every page it serves, different on every
request (the reload that shows an edit): there the policy allows inline scripts instead of
listing hashes (a hash would make the browser ignore 'unsafe-inline'), so the browser reloads by
itself; everything else is the published policy. `mkdocs build` never writes it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
# Data islands (application/json) are never executed, so they need no hash.
EXECUTABLE_TYPE = re.compile(r'\btype="(?!text/javascript"|module")[^"]*"', re.IGNORECASE)
EXISTING_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?')
CHARSET_META = re.compile(r'<meta charset="utf-8">\n?', re.IGNORECASE)

# style-src needs no 'unsafe-inline': Material sets styles through the CSSOM (element.style),
# which CSP allows, and writes no style attribute or <style> element into the HTML.
# img-src needs data: because Material's stylesheet draws its icons as CSS masks of data: SVGs.
# connect-src and worker-src: search runs in a worker from our origin and fetches its index there.
FIXED_DIRECTIVES = (
    ("default-src", "'none'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("form-action", "'self'"),
    ("base-uri", "'self'"),
    ("object-src", "'none'"),
)
# Ignored in a <meta> element, so sent only as a header.
HEADER_ONLY_DIRECTIVES = (("frame-ancestors", "'none'"),)


def inline_scripts(html: str) -> list[str]:
    return [match["body"] for match in SCRIPT.finditer(html) if "src=" not in match["attributes"] and not EXECUTABLE_TYPE.search(match["attributes"])]


def script_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@dataclass(frozen=True)
class Policy:
    script_hashes: tuple[str, ...]
    live_reload: bool = False  # mkdocs serve: any inline script

    def _directives(self, extra: tuple[tuple[str, str], ...]) -> str:
        script_src = "'self' 'unsafe-inline'" if self.live_reload else " ".join(("'self'", *self.script_hashes))
        directives = (FIXED_DIRECTIVES[0], ("script-src", script_src), *FIXED_DIRECTIVES[1:], *extra)
        return "; ".join(f"{name} {value}" for name, value in directives)

    @property
    def meta(self) -> str:
        return self._directives(())

    @property
    def header(self) -> str:
        return self._directives(HEADER_ONLY_DIRECTIVES)


def html_pages(site_dir: Path) -> list[Path]:
    return sorted(path for path in site_dir.rglob("*.html") if not any(part.startswith(".") for part in path.relative_to(site_dir).parts))


def page_hashes(site_dir: Path) -> set[str]:
    """The hashes of the inline scripts of every page under `site_dir`, read one page at a time."""
    return {script_hash(body) for path in html_pages(site_dir) for body in inline_scripts(EXISTING_META.sub("", path.read_text(encoding="utf-8")))}


def write_policy(site_dir: Path, policy: Policy) -> None:
    """Put the policy into the head of every page under `site_dir` (in place of the one it had)."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy.meta}">\n'
    for path in html_pages(site_dir):
        html = EXISTING_META.sub("", path.read_text(encoding="utf-8"))
        # The policy covers only what follows it, so it goes first in <head>, after the charset.
        html, count = CHARSET_META.subn(lambda match: match[0] + meta, html, count=1)
        if not count:
            html = html.replace("<head>", "<head>" + meta, 1)
        path.write_text(html, encoding="utf-8")


def apply_policy(site_dir: Path, hashes: Iterable[str] = (), live_reload: bool = False) -> Policy:
    """Hash every inline script of the site, and `hashes` (those of pages written elsewhere, put in
    the site later: partner_portal/parallel.py), then put the one policy into every page's head
    (`live_reload`: mkdocs serve's policy, which hashes nothing)."""
    policy = Policy((), True) if live_reload else Policy(tuple(sorted(page_hashes(site_dir) | set(hashes))))
    write_policy(site_dir, policy)
    return policy
