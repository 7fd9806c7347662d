"""A run's inputs held compactly: the paths, their doc_ids and the jobs made of them.

In: the input paths of a run, in order. Out: :class:`PathList` (the paths, packed),
:func:`doc_id_table` (their doc_ids, unique over the run: :func:`.process.doc_ids`' rule) and
:class:`JobList` (a :class:`~.engines.Job` per input, made when asked for).

A refresh holds every input's path for the whole run. As Python strings, with a Job and a doc_id
each, that is about 300 bytes an input (30 MB at 100,000 notices) in the main process; packed,
it is the path's bytes plus 8. A doc_id is the file's stem for nearly every input, so only the
others are stored.
"""
from __future__ import annotations

import os
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from .engines import Job
from .process import file_stem, unique_ids


class _Indexed(Sequence):
    """A sequence whose items are made by ``_at(i)`` (0 <= i < len): indexing from the end and
    slices (lists) come from here."""

    __slots__ = ()

    def _at(self, i: int):
        raise NotImplementedError

    @overload
    def __getitem__(self, i: int): ...
    @overload
    def __getitem__(self, i: slice) -> list: ...

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._at(j) for j in range(*i.indices(len(self)))]
        return self._at(range(len(self))[i])  # (IndexError, negative indices)


class PathList(_Indexed, Sequence[str]):
    """File paths packed in one buffer (``os.fsencode``d, so any path round-trips)."""

    __slots__ = ("_data", "_ends")

    def __init__(self, paths: Iterable[str | os.PathLike] = ()):
        self._data = bytearray()
        self._ends = array("Q")
        for p in paths:
            self.append(p)

    def append(self, path: str | os.PathLike) -> None:
        self._data += os.fsencode(path)
        self._ends.append(len(self._data))

    def __len__(self) -> int:
        return len(self._ends)

    def _at(self, i: int) -> str:
        start = self._ends[i - 1] if i else 0
        return os.fsdecode(bytes(self._data[start:self._ends[i]]))

    def __iter__(self) -> Iterator[str]:
        start = 0
        for end in self._ends:
            yield os.fsdecode(bytes(self._data[start:end]))
            start = end

    def __repr__(self) -> str:
        return f"PathList({len(self)} paths)"


class IdTable(_Indexed, Sequence[str]):
    """The doc_ids of a :class:`PathList`: each path's stem, but where ``others`` says otherwise."""

    __slots__ = ("_others", "_paths")

    def __init__(self, paths: Sequence[str], others: dict[int, str]):
        self._paths = paths
        self._others = others

    def __len__(self) -> int:
        return len(self._paths)

    def _at(self, i: int) -> str:
        got = self._others.get(i)
        return got if got is not None else file_stem(self._paths[i])


def doc_id_table(paths: Sequence[str]) -> IdTable:
    """The doc_ids of ``paths`` (:func:`.process.doc_ids`' rule), storing only those that are not
    the file's stem."""
    others = {i: d for i, (s, d) in enumerate(zip(paths, unique_ids(paths), strict=True)) if d != file_stem(s)}
    return IdTable(paths, others)


class JobList(_Indexed, Sequence[Job]):
    """The jobs of a run, one per input, made when asked for (a slice is a list of them)."""

    __slots__ = ("_cache_dir", "_fp", "_ids", "_max_bytes", "_paths")

    def __init__(self, paths: Sequence[str], ids: Sequence[str], max_bytes: int, cache_dir: str | None, fp: str):
        if len(paths) != len(ids):
            raise ValueError("a doc_id for every path")
        self._paths, self._ids = paths, ids
        self._max_bytes, self._cache_dir, self._fp = max_bytes, cache_dir, fp

    def __len__(self) -> int:
        return len(self._paths)

    def _at(self, i: int) -> Job:
        return Job(self._paths[i], self._ids[i], self._max_bytes, self._cache_dir, self._fp)

    def __iter__(self) -> Iterator[Job]:
        for path, doc_id in zip(self._paths, self._ids, strict=True):
            yield Job(path, doc_id, self._max_bytes, self._cache_dir, self._fp)
