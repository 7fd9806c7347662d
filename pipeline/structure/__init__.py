"""Structure: the layout of a notice.

In: :class:`~..ingest.clean.Cleaned`. Out: :class:`~.segment.Segmented` (header zone, sections,
numbered and bulleted items, sentences), the notice's own metadata (:mod:`.header`) and the
decision which units are tasks (:mod:`.classify`).
"""
