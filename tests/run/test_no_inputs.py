"""An empty input folder keeps the previous tables and the cache, and exits non-zero (issue 21,
item 13)."""
from __future__ import annotations

import pytest

from vntasks.cli import Exit, main
from vntasks.output.writers import TABLE_FILES
from vntasks.run.engines import Cache
from vntasks.run.refresh import NoInputs, refresh

pytestmark = pytest.mark.fault


def test_an_empty_input_folder_keeps_the_previous_tables(tmp_path, huyen_notice, capsys):
    c, out = tmp_path / "c", tmp_path / "out"
    c.mkdir()
    (c / "a.txt").write_text(huyen_notice, encoding="utf-8")
    assert main(["extract", str(c), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    tables = {n: (out / n).read_bytes() for n in TABLE_FILES}
    (c / "a.txt").unlink()  # emptied (or a mistyped folder)
    rc = main(["extract", str(c), "--out", str(out), "--jobs", "1", "--quiet"])
    assert rc == Exit.NO_INPUTS == 3 and "the previous tables are kept" in capsys.readouterr().err
    assert {n: (out / n).read_bytes() for n in TABLE_FILES} == tables
    with Cache(out / ".cache") as cache:
        assert len(cache.keys()) == 1  # not pruned
    with pytest.raises(NoInputs):
        refresh([], out)
    with pytest.raises(NoInputs):
        refresh([], tmp_path / "new")
    assert not (tmp_path / "new").exists()  # nothing written, not even the folder
