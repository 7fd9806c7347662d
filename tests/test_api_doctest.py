"""The examples in the docstrings of the public modules and in README.md run (doctest)."""
from __future__ import annotations

import doctest
import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

#: module -> how many examples its docstrings hold at least (a docstring losing its examples fails)
MODULES = {"vntasks": 6, "vntasks.api": 15, "vntasks.model": 4, "vntasks.cli": 1, "vntasks.nlp": 10}


@pytest.mark.parametrize("name, at_least", MODULES.items())
def test_docstring_examples(name, at_least):
    result = doctest.testmod(importlib.import_module(name), optionflags=FLAGS, verbose=False)
    assert result.failed == 0
    assert result.attempted >= at_least


#: A fenced block of an interactive session in the README.
PYCON_BLOCK = re.compile(r"^```pycon\n(.*?)^```", re.S | re.M)


def readme_session() -> doctest.DocTest:
    """The README's ```pycon blocks, in order, as one session (a block uses the names of the
    blocks before it)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    text = "\n".join(PYCON_BLOCK.findall(readme))
    return doctest.DocTestParser().get_doctest(text, {}, "README.md", str(ROOT / "README.md"), 0)


def test_readme_examples(monkeypatch):
    monkeypatch.chdir(ROOT)
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    runner.run(readme_session())
    assert runner.summarize(verbose=False).failed == 0


def test_readme_shows_the_text_api_and_the_spacy_component():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    if "## Python API and spaCy" not in readme:
        pytest.skip("the README's Python API section is not merged yet")
    examples = [e.source for e in readme_session().examples]
    assert any("vntasks.extract_text(" in s for s in examples)
    assert any("extract_corpus(" in s for s in examples)
    assert any('add_pipe("vntasks")' in s for s in examples)
