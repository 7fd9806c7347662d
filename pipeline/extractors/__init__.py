"""Extract: the mentions inside one unit of text.

In: a unit's text with its offset. Out: :class:`~..model.Body` mentions with their roles
(:mod:`.bodies`), deadlines and periods (:mod:`.temporal`), and numbered document references
(:mod:`.references`), each with offsets into the source text.
"""
