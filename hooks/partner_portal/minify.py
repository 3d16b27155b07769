"""Ship our JavaScript without its comments and indentation.

The modules are written for people (JSDoc types, comments that say why); readers' browsers get
them through rjsmin, which removes comments and white space but renames nothing, so what a
browser runs is still the code in overrides/assets/portal/js/, line for line.
"""

from __future__ import annotations

from pathlib import Path

import rjsmin

SCRIPTS = Path("assets") / "portal" / "js"


def minify_scripts(site_dir: Path) -> None:
    for path in (site_dir / SCRIPTS).rglob("*.js"):
        source = path.read_text(encoding="utf-8")
        path.write_text(rjsmin.jsmin(source), encoding="utf-8")
