"""Ingest: bytes to one clean source text.

In: a path or a string. Out: :class:`~.load.Loaded` (the decoded text of .txt/.md in any of
the Vietnamese encodings, or the main text of .html/.docx/.pdf: :mod:`.formats` and one reader
module per format; the limits that refuse decompression bombs before inflating: :mod:`.limits`)
and :class:`~.clean.Cleaned` (the text the later stages read, with an offset map back to the source).
"""
