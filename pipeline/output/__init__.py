"""Output: records to tables.

In: :class:`~..model.Document` records. Out: the flat rows and column dtypes
(:mod:`.tables`), the files of an output folder written atomically (:mod:`.writers`) and the
optional workbook (:mod:`.xlsx`).
"""
