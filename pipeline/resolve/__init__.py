"""Resolve: context and inheritance.

In: the segmented notice, its header and the extracted mentions. Out: the notice's
:class:`~..model.Task` records, each with its own or inherited bodies, deadline, period and
references (:mod:`.inherit`).
"""
