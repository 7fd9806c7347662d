"""Benchmark of ``vntasks extract`` (issue 7): speed, memory, pathological input, jobs, stages.

    python -m scripts.bench [--n 2000] [--large N_LARGE] [--quick] [--out BENCHMARKS.md] [--keep] [--jobs 2]
                            [--no-refresh-memory] [--no-instructions]

``make bench`` runs it with n = 2000 (``N=...`` to change it); ``make bench LARGE=100000`` makes
the large run of (c) 100,000 notices (its own section of BENCHMARKS.md).

One run measures, on the same texts:

(a) ``vntasks extract CORPUS --quiet --jobs 1`` as a whole process: wall time, docs/s, MB/s,
    peak RSS;
(b) a process that only runs ``underthesea.word_tokenize`` over every non-empty line of the
    same files; the ratio (b)/(a) must be >= 10;
(c) extract over a large corpus (``--large``, default 8N notices) against N notices, both
    ``--jobs 1``: peak RSS (<= 1.3: documents stream) and notices per second net of start-up
    (>= 0.95: the cost per notice does not grow with the corpus);
(d) pathological inputs (2 MB of "1." repeated, "Số " repeated, 400 KB lines without spaces,
    "- " repeated, "trước ngày " repeated, "25-TB/BCĐ, " repeated, and "1.\\n" repeated), each
    extracted alone, against 2 MB of ordinary notices in one file (<= 3x, net of start-up);
(e) ``--jobs 2`` against ``--jobs 1``: speed-up and byte-identical output;
(f) the cost per pipeline module under cProfile on a sample of documents;
(g) instructions per notice of the worker's work (valgrind's callgrind, when installed): a
    count, not a time, so it compares runs made at different moments on this shared machine;
(h) refresh memory: for N and 20N notices (``--refresh-factor``), a full run that fills the
    cache, one notice edited, and the same command again; the peak RSS of the refresh's main
    process (its own ``RUSAGE_SELF``, written at exit) at 20N against N (<= 1.3: unchanged rows
    stream), with the process tree's (sampled) for information. ``--no-refresh-memory`` skips it
    (the full run of 20N notices takes minutes).

(a), (e) and (b) run in interleaved rounds (``--repeat``, default 3) and the fastest run of each
is kept: the machine is shared, and a busy neighbour then slows all three alike.

The corpus is built by a deterministic (seeded) recombination of the notices in ``corpus/``:
each new notice keeps the header and footer of one notice and a body of items drawn from it
and from two or three others. Each measured command runs in a fresh wrapper process, so the
peak RSS (``RUSAGE_CHILDREN`` of the wrapper) is that command's own. The report is written as
a section of ``--out`` (a section of the same size and mode is replaced; others are kept).

Modules: ``corpus`` (the recombined corpus and the pathological inputs), ``measure`` (a command
in a wrapper process: timings, peak RSS; the commands measured), ``profile`` (cProfile by
pipeline module), ``report`` (the BENCHMARKS.md section), ``run`` (one run, every measurement),
``__main__`` (the command line).
"""
