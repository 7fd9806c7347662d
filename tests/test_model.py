"""The records of vntasks.model: one definition of the header fields, the closed vocabularies."""
import dataclasses

import pytest

from vntasks.errors import PipelineError
from vntasks.model import BODY_TYPES, ROLES, STAGES, STATUSES, Document, DocumentMeta, Person


def test_document_is_its_meta_plus_provenance_tasks_and_references():
    meta_names = {f.name for f in dataclasses.fields(DocumentMeta)}
    doc_names = [f.name for f in dataclasses.fields(Document)]
    assert meta_names <= set(doc_names) and len(doc_names) == len(set(doc_names))
    assert {"doc_id", "source", "status", "tasks", "references"} <= set(doc_names) - meta_names


def test_set_meta_takes_every_header_field_and_copies_lists():
    meta = DocumentMeta(doc_type="Thông báo", doc_number="58-TB/HU", level="huyện", meeting_date="2023-04-10",
                        chair=Person("Lô Văn Thắng", "Bí thư"), recipients=["Lưu VPHU"])
    doc = Document("d1", "d1.txt", None)
    doc.set_meta(meta)
    for f in dataclasses.fields(DocumentMeta):
        assert getattr(doc, f.name) == getattr(meta, f.name)
    doc.recipients.append("x")
    assert meta.recipients == ["Lưu VPHU"]
    record = doc.to_dict()
    assert record["doc_number"] == "58-TB/HU" and record["chair"] == {"name": "Lô Văn Thắng", "title": "Bí thư"}


@pytest.mark.parametrize("issue, meeting, year", [
    ("2024-03-05", "2023-12-30", 2024),
    (None, "2023-12-30", 2023),
    (None, None, None),
])
def test_year_is_of_the_issue_date_else_of_the_meeting(issue, meeting, year):
    assert DocumentMeta(issue_date=issue, meeting_date=meeting).year == year


def test_vocabularies():
    assert ROLES == ("lead", "support")
    assert STATUSES == ("ok", "partial", "failed")
    assert "header" in STAGES and "resolve" in STAGES
    assert BODY_TYPES[-1] == "other" and "generic" in BODY_TYPES
    with pytest.raises(ValueError):
        PipelineError("nowhere", "x")


def test_body_types_agree_with_the_body_extractor():
    from vntasks.extractors import bodies

    assert tuple(bodies.BODY_TYPES) == BODY_TYPES
