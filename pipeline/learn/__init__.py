"""Learned components: features and JSON model scoring only.

In: units of text (and their rule scores). Out: probabilities from the models trained by
``make train`` and stored in ``data/models/``; training itself lives in ``scripts/train.py``,
fitting and grouped cross-validation in ``scripts/fit.py``. scikit-learn is never imported
here. P/R/F1 counting: :mod:`.metrics` (shared with the scorer).
"""
