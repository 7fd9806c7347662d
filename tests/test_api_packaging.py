"""Packaging: the license, the metadata, py.typed, the version in one place, and every declared
dependency used (spaCy and scikit-learn in extras: extraction runs without them)."""
from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import tomllib

import vntasks

ROOT = Path(__file__).resolve().parent.parent
CONF = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = CONF["project"]

#: distribution name -> the module it is imported as
IMPORT_NAME = {"python-docx": "docx", "scikit-learn": "sklearn"}


def _dist(req: str) -> str:
    return re.match(r"[A-Za-z0-9_.-]+", req).group(0).lower()


def _imported_by(paths) -> set[str]:
    """Top-level names of the modules imported (anywhere: module level or in a function)."""
    out = set()
    for p in paths:
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                out |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                out.add(node.module.split(".")[0])
    return out


PACKAGE_FILES = sorted((ROOT / "pipeline").rglob("*.py"))


def test_version_is_written_once():
    assert "version" not in PROJECT and "version" in PROJECT["dynamic"]
    assert CONF["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "vntasks.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", vntasks.__version__)
    holders = [p for p in PACKAGE_FILES if f'"{vntasks.__version__}"' in p.read_text(encoding="utf-8")]
    assert holders == [ROOT / "pipeline" / "__init__.py"]
    assert f"## [{vntasks.__version__}]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_license_and_metadata():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "vntasks developers" in text
    assert PROJECT["license"] == "MIT" and PROJECT["license-files"] == ["LICENSE"]
    assert PROJECT["authors"] == [{"name": "vntasks developers"}]
    for url in PROJECT.get("urls", {}).values():  # only real addresses, never a placeholder
        assert "example" not in url and "TODO" not in url
    assert not any(c.startswith("License ::") for c in PROJECT.get("classifiers", []))  # the SPDX field says it


def test_py_typed_is_shipped():
    assert (ROOT / "pipeline" / "py.typed").exists()
    assert "py.typed" in CONF["tool"]["setuptools"]["package-data"]["vntasks"]


def test_every_runtime_dependency_is_imported_by_the_package():
    used = _imported_by(PACKAGE_FILES)
    for req in PROJECT["dependencies"]:
        dist = _dist(req)
        assert IMPORT_NAME.get(dist, dist) in used, req


def test_spacy_and_sklearn_are_extras_used_only_where_they_belong():
    deps = {_dist(r) for r in PROJECT["dependencies"]}
    extras = {k: {_dist(r) for r in v} for k, v in PROJECT["optional-dependencies"].items()}
    assert "spacy" not in deps and "spacy" in extras["spacy"]
    assert "scikit-learn" not in deps and "scikit-learn" in extras["train"]
    outside_nlp = [p for p in PACKAGE_FILES if "nlp" not in p.relative_to(ROOT / "pipeline").parts]
    assert "spacy" not in _imported_by(outside_nlp)
    assert "sklearn" not in _imported_by(PACKAGE_FILES)  # the package scores JSON models only
    assert "sklearn" in _imported_by([ROOT / "scripts" / "fit.py"])  # fitting lives with training
    setup = [ln for ln in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines() if "pip install" in ln and "-e" in ln]
    assert setup and all("train" in ln for ln in setup)  # `make train` has scikit-learn


def test_extraction_and_the_cli_run_without_spacy_and_sklearn(tmp_path, huyen_notice):
    (tmp_path / "tb.txt").write_text(huyen_notice, encoding="utf-8")
    code = ("import sys\n"
            "for m in ('spacy', 'sklearn'): sys.modules[m] = None  # import fails\n"
            "from vntasks.cli import main\n"
            f"sys.exit(main(['extract', {str(tmp_path / 'tb.txt')!r}, '--out', {str(tmp_path / 'out')!r}, '--quiet']))\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / "tasks.csv").read_text(encoding="utf-8").count("\n") >= 4
