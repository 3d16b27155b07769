"""`mkdocs serve` picks up an edit to data/ or locales/ without a restart (hook modules are not
reloaded by serve, so the data cache must notice the change)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from local_server import fetch, free_port


def wait_for(url: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.3)
    return False


def test_serve_rebuilds_when_data_or_locales_change(project: Path) -> None:
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        home = f"http://127.0.0.1:{port}/fr/"
        assert wait_for(home, "Halcyra"), "the site was not served"
        programme = project / "data/programme.yml"
        programme.write_text(programme.read_text(encoding="utf-8").replace("vendor: Halcyra", "vendor: Corvane"), encoding="utf-8")
        assert wait_for(home, "Support partenaires Corvane"), "an edit to data/ was not picked up"
        locale = project / "locales/fr.yml"
        locale.write_text(locale.read_text(encoding="utf-8").replace("Support partenaires {vendor}", "Assistance partenaires {vendor}"), encoding="utf-8")
        assert wait_for(home, "Assistance partenaires Corvane"), "an edit to locales/ was not picked up"
        # A mistake while serving is reported and the server stays up (MkDocs holds requests until
        # the next good build); mending the file brings the page back.
        good = programme.read_text(encoding="utf-8")
        programme.write_text(good.replace("vendor: Corvane", "vendor: [Corvane"), encoding="utf-8")
        time.sleep(3)
        assert server.poll() is None
        programme.write_text(good.replace("vendor: Corvane", "vendor: Halcyra"), encoding="utf-8")
        assert wait_for(home, "Assistance partenaires Halcyra"), "the server did not recover from the mistake"
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=20)
    assert "data/programme.yml:" in errors and "YAML syntax error" in errors
    assert "Traceback" not in errors
