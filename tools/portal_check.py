"""`./portal check`: the quality gates of tests/test_gates.py on any portal, after its strict build.

Usage: python tools/portal_check.py [--config-file PATH] [PYTEST ARGS...]

Builds the portal of PATH (default: mkdocs.yml) with --strict into a fresh temporary folder,
then runs tests/test_gates.py on that build (PORTAL_CONFIG, PORTAL_SITE: pytest's output), and
ends with one line that says what passed or failed. Exits non-zero on any failure, of the build or of a gate.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GATES = "tests/test_gates.py"


def gate_name(testcase: str) -> str:
    """test_axe_finds_no_wcag_violation_on_any_page[dark] → "axe finds no wcag violation on any page [dark]"."""
    name, _, parameter = testcase.partition("[")
    return name.removeprefix("test_").replace("_", " ") + (f" [{parameter}" if parameter else "")


class Outcomes:
    """A pytest plugin: the names of the tests that passed and of those that failed or erred."""

    def __init__(self) -> None:
        self.passed: list[str] = []
        self.failed: list[str] = []

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        name = gate_name(report.nodeid.rsplit("::", 1)[-1])
        if report.failed and name not in self.failed:
            self.failed.append(name)
        elif report.passed and report.when == "call":
            self.passed.append(name)


def main() -> int:
    parser = argparse.ArgumentParser(prog="./portal check", description=__doc__.split("\n\n")[0],
                                     epilog="Any other argument goes to pytest: -k axe runs the accessibility gate only, -x stops at the first failure.")
    parser.add_argument("--config-file", default="mkdocs.yml", type=Path, help="the portal's mkdocs.yml (default: mkdocs.yml)")
    args, pytest_args = parser.parse_known_args()
    config = args.config_file
    if not config.is_file():
        print(f"portal check: {config} does not exist", file=sys.stderr)
        return 2
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="portal-check-") as scratch:
        site = Path(scratch) / "site"
        build = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config.resolve()), "--site-dir", str(site)],
            cwd=ROOT, env=env, capture_output=True, text=True,
        )
        built = time.monotonic() - started
        if build.returncode != 0:
            sys.stdout.write(build.stdout + build.stderr)
            print(f"portal check: {config}: FAILED: the strict build stopped (above); no gate ran ({built:.0f} s)")
            return 1
        os.environ.update(PORTAL_CONFIG=str(config.resolve()), PORTAL_SITE=str(site))
        os.chdir(ROOT)
        outcomes = Outcomes()
        exit_code = pytest.main([GATES, "-p", "no:cacheprovider", *pytest_args], plugins=[outcomes])
        elapsed = time.monotonic() - started
        pages = len(list(site.rglob("*.html")))
    passed, failed = outcomes.passed, outcomes.failed
    timing = f"{elapsed:.0f} s, strict build {built:.0f} s"
    if exit_code == 0 and passed and not failed:
        print(f"portal check: {config}: passed, {len(passed)} tests of the quality gates on {pages} pages ({timing})")
        return 0
    if failed:
        print(f"portal check: {config}: FAILED {len(failed)} of {len(passed) + len(failed)} tests: {'; '.join(failed)} ({timing})")
    else:
        print(f"portal check: {config}: FAILED: pytest ended with exit code {int(exit_code)} and no test failed ({timing})")
    return int(exit_code) or 1


if __name__ == "__main__":
    sys.exit(main())
