"""doc_ids are unique over a run by construction (issue 21, item 4), also against a file named
like another input's hashed id, and whatever their case (they name text files)."""
from __future__ import annotations

import hashlib
import json
import unicodedata

import pytest

from vntasks.run.process import doc_ids
from vntasks.run.refresh import refresh

pytestmark = pytest.mark.fault


def hashed(stem: str, source: str) -> str:
    return f"{stem}-{hashlib.sha1(source.encode('utf-8')).hexdigest()[:8]}"


@pytest.mark.parametrize(("sources", "expected"), [
    (["a/x.txt", "b/y.txt"], ["x", "y"]),  # ordinary inputs: the stem
    (["a/x.txt", "b/x.txt"], [hashed("x", "a/x.txt"), hashed("x", "b/x.txt")]),
    # a third file named like the first one's hashed id: the later of the two gets "-2"
    (["a/x.txt", "b/x.txt", f"c/{hashed('x', 'a/x.txt')}.txt"],
     [hashed("x", "a/x.txt"), hashed("x", "b/x.txt"), hashed("x", "a/x.txt") + "-2"]),
    # the same name in two cases: one text file on a case-insensitive disk
    (["a/X.txt", "b/x.txt"], [hashed("X", "a/X.txt"), hashed("x", "b/x.txt")]),
    (["a/x.txt", "a/x.md", "a/x-2.txt"], [hashed("x", "a/x.txt"), hashed("x", "a/x.md"), "x-2"]),
])
def test_doc_ids(sources, expected):
    assert doc_ids(sources) == expected
    assert len({i.casefold() for i in doc_ids(sources)}) == len(sources)


def test_a_file_named_like_a_hashed_id_keeps_every_input(tmp_path, huyen_notice):
    from vntasks.ingest.encodings import encode_cp1258  # Windows-1258: saved as text/<doc_id>.txt

    paths = [tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt"]
    paths.append(tmp_path / "c" / f"{hashed('x', str(paths[0]))}.txt")
    for i, p in enumerate(paths):
        p.parent.mkdir()
        p.write_bytes(encode_cp1258(huyen_notice + f"\nBản {i}\n"))
    sources = [str(p) for p in paths]
    for _ in range(2):  # and again, from the cache
        summary = refresh(sources, tmp_path / "out", jobs=1)
        assert summary.n_bad == 0
        docs = [json.loads(x) for x in (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
        assert len({d["doc_id"] for d in docs}) == 3
        for d in docs:  # each text file is its own input's source text
            text = (tmp_path / "out" / d["text_path"]).read_text(encoding="utf-8")
            assert text == unicodedata.normalize("NFC", open(d["source"], encoding="cp1258").read())
