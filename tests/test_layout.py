"""The code's layout as the design asks it (issue 18): no module over about 600 lines, no class
over about 250, in the package and the scripts; every sub-package says what comes in and goes
out in its docstring."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAX_MODULE_LINES = 620  # "about 600"
MAX_CLASS_LINES = 260  # "about 250"
FILES = sorted([*(ROOT / "pipeline").rglob("*.py"), *(ROOT / "scripts").rglob("*.py")])


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_module_and_class_sizes(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_MODULE_LINES
    big = [(n.name, n.end_lineno - n.lineno + 1) for n in ast.walk(ast.parse(text))
           if isinstance(n, ast.ClassDef) and n.end_lineno - n.lineno + 1 > MAX_CLASS_LINES]
    assert not big


@pytest.mark.parametrize("init", sorted((ROOT / "pipeline").rglob("__init__.py")),
                         ids=lambda p: str(p.parent.relative_to(ROOT)))
def test_every_sub_package_says_what_comes_in_and_out(init):
    doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
    assert len(doc.split()) >= 15, "a paragraph saying what comes in and what goes out"
