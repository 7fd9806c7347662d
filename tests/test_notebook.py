"""The analysts' notebook runs against the current code (so it never rots), reads the extracted
tables (out/, here a fresh extraction named by VNTASKS_OUT), shows its charts inline, and is
kept stripped."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from vntasks.cli import main

ROOT = Path(__file__).resolve().parent.parent
NB = ROOT / "notebooks" / "compare_patterns.ipynb"


def _cells():
    return json.loads(NB.read_text(encoding="utf-8"))["cells"]


def test_notebook_is_stored_without_outputs():
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(NB, as_version=4)
    for c in nb.cells:
        if c.cell_type == "code":
            assert c.outputs == [] and c.execution_count is None


def test_notebook_reads_the_tables_and_draws_inline():
    code = "\n".join("".join(c["source"]) for c in _cells() if c["cell_type"] == "code")
    assert "read_tables(" in code and "extract_corpus" not in code  # the written tables, no re-extraction
    assert "matplotlib.use" not in code and "Agg" not in code  # charts are shown, not swallowed
    prose = "\n".join("".join(c["source"]) for c in _cells() if c["cell_type"] == "markdown")
    assert len(prose.split()) > 300  # an analysis with text, not a list of tables
    assert "small" in prose and "fewer than 5" in prose  # the caveat of small groups


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    out = tmp_path_factory.mktemp("out")
    assert main(["extract", str(ROOT / "corpus"), "--out", str(out), "--quiet"]) == 0
    nb = nbformat.read(NB, as_version=4)
    mp = pytest.MonkeyPatch()
    mp.setenv("VNTASKS_OUT", str(out))  # the kernel inherits it
    mp.delenv("MPLBACKEND", raising=False)
    try:
        nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                resources={"metadata": {"path": str(NB.parent)}}).execute()
    finally:
        mp.undo()
    return nb, out


def test_notebook_executes_and_shows_its_charts(executed):
    nb, out = executed
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs)
    n_docs = sum(1 for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines() if line)
    assert f"{n_docs} notices," in text and str(out) in text
    images = [o for o in outputs if o.output_type == "display_data" and "image/png" in o.get("data", {})]
    assert len(images) >= 3  # the level, body-type and province charts, inline


def test_notebook_says_where_the_tables_are_missing(tmp_path, monkeypatch):
    """Without tables, the first code cell stops with the command to run."""
    cell = next("".join(c["source"]) for c in _cells() if c["cell_type"] == "code")
    monkeypatch.setenv("VNTASKS_OUT", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="make tasks"):
        exec(compile(cell.replace("%matplotlib inline", ""), "cell", "exec"), {"__name__": "nb"})
