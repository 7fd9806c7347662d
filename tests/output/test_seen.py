"""The writer's on-disk memory of a run (vntasks.output.seen): a set and a map as Python's."""
import pytest

from vntasks.output.seen import DiskMap, DiskSet, Store
from vntasks.output.tables import Duplicates


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "seen.sqlite3")
    yield s
    s.close()


def test_a_disk_set_tells_new_keys_from_old(store):
    ids = DiskSet(store, "ids")
    assert [ids.add_new(k) for k in ("a", "b", "a", "ä", "b")] == [True, True, False, True, False]
    assert "a" in ids and "c" not in ids and len(ids) == 3


@pytest.mark.parametrize(("steps", "expected"), [
    ([("setdefault", "k", "1"), ("setdefault", "k", "2"), ("get", "k", None)], ["1", "1", "1"]),
    ([("get", "missing", None), ("setdefault", "missing", "x"), ("get", "missing", None)], [None, "x", "x"]),
    ([("setdefault", ("12/TB", "UBND xã A"), "d1"), ("get", ("12/TB", "UBND xã A"), None),
      ("get", ("12/TB", "UBND xã B"), None)], ["d1", "d1", None]),
])
def test_a_disk_map_answers_as_a_dict(store, steps, expected):
    disk, mem = DiskMap(store, "m"), {}
    for (op, key, value), want in zip(steps, expected, strict=True):
        got_disk = getattr(disk, op)(key, value)
        got_mem = getattr(mem, op)(key, value)
        assert got_disk == got_mem == want


def test_two_tables_of_one_store_are_apart(store):
    a, b = DiskMap(store, "a"), DiskMap(store, "b")
    a.setdefault("k", "in a")
    assert b.get("k") is None and "k" in a and len(a) == 1 and len(b) == 0


def test_a_table_name_is_an_identifier(store):
    with pytest.raises(ValueError):
        DiskMap(store, "x; DROP TABLE y")


def _doc(doc_id, sha, number=None, issuer=None):
    return {"doc_id": doc_id, "sha256": sha, "doc_number": number, "issuer": issuer}


def test_duplicates_on_disk_find_what_duplicates_in_memory_find(store):
    rows = [_doc("a", "s1", "5/KH-UBND", "UBND xã Hòa Bình"), _doc("b", "s2", "5/KH-UBND", "UBND xã Hòa Bình"),
            _doc("c", "s1"), _doc("d", "s3", "5/KH-UBND", "UBND xã Tân Lập"), _doc("e", None), _doc("f", "s3")]
    on_disk = Duplicates(DiskMap(store, "by_sha"), DiskMap(store, "by_key"))
    in_memory = Duplicates()
    got = [on_disk.original_of(r) for r in rows]
    assert got == [in_memory.original_of(r) for r in rows] == [None, "a", "a", None, None, "d"]
