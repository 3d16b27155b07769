"""`./portal check` (tools/portal_check.py) on another vendor's portal: a scratch copy of Quillora
outside the repository, run with the sample's data, locales and pages out of reach (reading any
of them fails), as on a portal adopted from this one. It passes; a primary colour that fails
contrast makes it fail, naming the violations; a portal that does not build strict stops it
before any gate. Its last line says which."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

# tools/portal_check.py, with every file under the sample's data/, locales/ and docs/ unreadable.
WITHOUT_THE_SAMPLE = """
import io, os, runpy, sys
root = os.path.realpath(sys.argv.pop(1))
sample = tuple(os.path.join(root, name) + os.sep for name in ("data", "locales", "docs"))
real_open = io.open

def guarded_open(file, *args, **kwargs):
    if isinstance(file, (str, os.PathLike)) and os.path.realpath(file).startswith(sample):
        raise PermissionError(f"the check read the sample's {file}")
    return real_open(file, *args, **kwargs)

io.open = guarded_open
__builtins__.open = guarded_open
sys.argv[0] = os.path.join(root, "tools", "portal_check.py")
runpy.run_path(sys.argv[0], run_name="__main__")
"""


@pytest.fixture
def vendor(tmp_path: Path) -> Path:
    """examples/quillora copied out of the repository: its mkdocs.yml, with the generator's hooks
    and templates by their full path."""
    copy = shutil.copytree(ROOT / "examples" / "quillora", tmp_path / "vendor")
    config = copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("custom_dir: ../../overrides", f"custom_dir: {ROOT / 'overrides'}").replace("- ../../hooks/portal.py", f"- {ROOT / 'hooks' / 'portal.py'}")
    config.write_text(text, encoding="utf-8")
    return config


def check(config: Path, *pytest_args: str) -> tuple[int, str, str]:
    """Exit code, output and last line of the check."""
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_THE_SAMPLE, str(ROOT), "--config-file", str(config), *pytest_args],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    output = result.stdout + result.stderr
    assert "the check read the sample's" not in output
    return result.returncode, output, result.stdout.strip().splitlines()[-1]


def test_the_check_passes_on_another_vendors_portal(vendor: Path) -> None:
    code, output, last = check(vendor, "-k", "language or link")
    assert code == 0, output
    assert re.fullmatch(rf"portal check: {re.escape(str(vendor))}: passed, 3 tests of the quality gates on 14 pages \(\d+ s, strict build \d+ s\)", last), last


@pytest.mark.browser
def test_a_primary_colour_that_fails_contrast_fails_the_check_with_its_violations(vendor: Path) -> None:
    vendor.write_text(vendor.read_text(encoding="utf-8").replace("primary: blue grey", "primary: teal"), encoding="utf-8")
    code, output, last = check(vendor, "-k", "axe")
    assert code == 1
    for scheme in ("default", "slate"):
        assert re.search(rf"AssertionError: \d+ violations in the {scheme} scheme \(primary: teal, accent: deep orange\)", output), output
    # White on Material's teal, in the header of every page and on its buttons.
    assert "commitment/index.html: color-contrast (serious): .md-header__topic" in output
    assert "insufficient color contrast of 3.76 (foreground color: #ffffff, background color: #009485" in output
    assert re.fullmatch(
        rf"portal check: {re.escape(str(vendor))}: FAILED 2 of 2 tests: axe finds no wcag violation on any page \[light\]; "
        r"axe finds no wcag violation on any page \[dark\] \(\d+ s, strict build \d+ s\)", last), last


def test_a_portal_that_does_not_build_strict_stops_the_check_before_any_gate(vendor: Path) -> None:
    (vendor.parent / "docs" / "de" / "ticket.md").unlink()  # the German page falls back to English
    code, output, last = check(vendor)
    assert code == 1
    assert "de/ticket.md" in output or "ticket.md" in output, output
    assert "test_gates.py" not in output  # no gate ran
    assert re.fullmatch(rf"portal check: {re.escape(str(vendor))}: FAILED: the strict build stopped \(above\); no gate ran \(\d+ s\)", last), last
