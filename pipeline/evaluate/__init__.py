"""Evaluation beside the pipeline (never imported by the runtime).

In: gold annotations and an output folder. Out: precision, recall and F1 per field, as
``vntasks eval`` prints them (:mod:`.score`; the command and its files: :mod:`.command`).
"""
