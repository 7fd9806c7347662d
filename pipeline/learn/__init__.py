"""Learned components: features and JSON model scoring only.

In: units of text (and their rule scores). Out: probabilities from the models trained by
``make train`` and stored in ``data/models/``; training itself lives in ``scripts/train.py``,
with P/R/F1 counting from :mod:`.metrics` (shared with the scorer).
"""
