"""Analysis beside the pipeline (never imported by the runtime).

In: an output folder's tables. Out: the report and charts (:mod:`.report`), the review page
of one notice (:mod:`.show`) and the citation links between notices (:mod:`.links`).
"""
