"""Ship our JavaScript minified.

The modules are written for people (JSDoc types, comments that say why, long names); readers'
browsers get them through tdewolff/minify (the Go minifier Hugo uses, here as its Python wheel
`tdewolff-minify`: no Node at build time), which removes comments and white space and shortens
local names. Exported names, and so the modules' imports, stay as written. The budget (10 KB
gzipped, issue #6) is checked by tests/test_quality.py and reported by benchmarks/js_budget.py.
"""

from __future__ import annotations

from pathlib import Path

import minify as tdewolff

SCRIPTS = Path("assets") / "portal" / "js"


def minify_scripts(site_dir: Path) -> None:
    for path in (site_dir / SCRIPTS).rglob("*.js"):
        source = path.read_text(encoding="utf-8")
        path.write_text(tdewolff.string("application/javascript", source), encoding="utf-8")
