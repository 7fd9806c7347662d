"""Developer scripts, run from the repository root as modules (``python -m scripts.NAME``).

- ``scripts.bench``: the speed and memory benchmark (``make bench``), a section of BENCHMARKS.md out;
- ``scripts.train``: the learned components from annotations/ and corpus/ (``make train``), the
  package's JSON models and their cards out (figures on ../shared's real notices when present);
- ``scripts.fit``: the fitting and grouped cross-validation ``scripts.train`` uses (scikit-learn,
  the ``train`` extra: the package itself never imports it);
- ``scripts.build_formats``: .docx, .pdf and .html versions of plain-text notices;
- ``scripts.build_corpus_variants``: tests/fixtures/variants/ (format variants and their gold).

They are not part of the installed package (``vntasks``); tests import them as ``scripts.*``.
"""
