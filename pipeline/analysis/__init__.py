"""Analysis beside the pipeline (never imported by the runtime).

In: an output folder's tables. Out: the report (:mod:`.report`) with its groups of notices
(:mod:`.groups`), charts (:mod:`.charts`) and directive actions (:mod:`.actions`), the review
page of one notice (:mod:`.show`) and the citation links between notices (:mod:`.links`).
"""
