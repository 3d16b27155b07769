"""Shared fixtures: a built copy of the sample site, and a scratch copy of the project to break."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ("en", "fr", "vi")
PAGES = ("", "commitment/", "escalation/", "priority-support/", "offerings/", "ticket/")


@dataclass
class Build:
    returncode: int
    log: str
    site: Path


def mkdocs_build(project: Path, site: Path, *extra: str) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site), *extra],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


def copy_project(destination: Path) -> Path:
    """The files a maintainer edits, copied so a test can break them; code and templates stay shared."""
    for name in ("data", "locales", "docs", "overrides", "hooks", "schemas"):
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = mkdocs_build(ROOT, tmp_path_factory.mktemp("site") / "site", "--verbose")
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def page(site: Build):
    cache: dict[str, BeautifulSoup] = {}

    def parse(locale: str, path: str) -> BeautifulSoup:
        prefix = "" if locale == "en" else f"{locale}/"
        relative = f"{prefix}{path}" + ("index.html" if not path.endswith(".html") else "")
        if relative not in cache:
            cache[relative] = BeautifulSoup((site.site / relative).read_text(encoding="utf-8"), "html.parser")
        return cache[relative]

    return parse


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")
