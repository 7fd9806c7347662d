"""Structure: the layout of a notice.

In: :class:`~..ingest.clean.Cleaned`. Out: :class:`~.segment.Segmented` (header zone, sections,
numbered and bulleted items, sentences; labelled fields and table columns named by
:mod:`.fields`), the notice's own metadata (:mod:`.header`, a :class:`~..model.DocumentMeta`)
and the decision which units are tasks (:mod:`.classify`).
"""
