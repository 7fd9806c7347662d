"""Text utilities shared by every stage.

In: strings. Out: the immutable :class:`~.spans.Span` (offsets into the source text) and the
offset maps of rewrites, the named regex constants of the genre (:mod:`.patterns`), the
validated loading of the data files under ``data/`` (:mod:`.lexicon`), and every fold, tone
and reference-id normalisation (:mod:`.normalise`).
"""
