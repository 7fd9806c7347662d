"""A run's inputs held compactly (vntasks.run.jobs): the same paths, ids and jobs as plain lists."""
from __future__ import annotations

import hashlib
import os
import sys

import pytest

from vntasks.run.engines import Job
from vntasks.run.jobs import JobList, PathList, doc_id_table
from vntasks.run.process import doc_ids

PATHS = ["corpus/a.txt", "corpus/Thông báo 12.txt", "", "x/y/z.docx", "b/a.txt", "c/A.md",
         "d/a-" + hashlib.sha1(b"corpus/a.txt").hexdigest()[:8] + ".txt"]


def test_a_path_list_gives_back_what_it_was_given():
    packed = PathList(PATHS)
    assert len(packed) == len(PATHS) and list(packed) == PATHS
    assert [packed[i] for i in range(len(PATHS))] == PATHS
    assert packed[-1] == PATHS[-1] and packed[1:4] == PATHS[1:4] and packed[::-2] == PATHS[::-2]
    with pytest.raises(IndexError):
        packed[len(PATHS)]
    assert len(PathList()) == 0 and not PathList()


@pytest.mark.skipif(sys.platform == "win32", reason="bytes file names are POSIX")
def test_a_name_that_is_not_utf8_round_trips():
    name = os.fsdecode(b"tb-\xff\xfe.txt")  # surrogate-escaped, as os.listdir gives it
    packed = PathList([name, "ok.txt"])
    assert packed[0] == name and list(packed) == [name, "ok.txt"]


@pytest.mark.parametrize("paths", [PATHS, ["a/x.txt", "b/x.txt", "c/X.md"], ["only.txt"], []])
def test_the_id_table_holds_the_ids_doc_ids_gives(paths):
    table = doc_id_table(PathList(paths))
    assert list(table) == doc_ids(paths)
    assert [table[i] for i in range(-len(paths), 0)] == doc_ids(paths)


def test_the_id_table_stores_only_ids_that_are_not_stems():
    table = doc_id_table(PathList(["a/x.txt", "b/x.txt", "c/y.txt", "d/z.txt"]))
    assert sorted(table._others) == [0, 1]


def test_a_job_list_makes_the_jobs_a_list_would_hold():
    paths = PathList(["a/x.txt", "b/x.txt", "c/y.txt"])
    ids = doc_id_table(paths)
    jobs = JobList(paths, ids, 100, "cache", "fp")
    expected = [Job(p, d, 100, "cache", "fp") for p, d in zip(paths, doc_ids(list(paths)), strict=True)]
    assert list(jobs) == expected and jobs[1] == expected[1] and jobs[-1] == expected[-1]
    assert jobs[0:2] == expected[0:2] and len(jobs) == 3
    with pytest.raises(ValueError):
        JobList(paths, ids[:2], 100, None, "fp")


@pytest.mark.parametrize("path", ["a/b.txt", "b.txt", "a/.hidden", "a/x.tar.gz", "a/noext", "a/trailing.",
                                  "a/b.txt/", ".", "..", "", "/", "a/..", "./x.md", "a//b.TXT", "a/ .txt",
                                  "Thông báo số 5.docx"])
def test_file_stem_is_the_path_stem(path):
    from pathlib import Path

    from vntasks.run.process import file_stem

    assert file_stem(path) == Path(path).stem
