"""Run: one notice through every stage, and many notices through a pool.

In: inputs (paths or loaded texts). Out: :class:`~..model.Document` records (:mod:`.process`),
in input order, from local processes or Dask (:mod:`.engines`; the pool of worker processes
that survives a worker's death, bounded in memory: :mod:`.pool`), with the refresh cache; a
whole refresh run into an output folder (:mod:`.refresh`).
"""
