"""Rebuild tests/fixtures/variants/: some corpus notices as .docx, .pdf, .html, TCVN3 and VNI files.

Each variant is the same notice in another format or encoding, so its gold is the source's gold
under the variant's file name; this script writes tests/fixtures/variants/gold_variants.jsonl too.
The variants live with the tests, not in corpus/: `make tasks` reads one copy of each notice.

    python -m scripts.build_corpus_variants            # from the repository root
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from scripts.build_formats import build
from vntasks.ingest.encodings import encode_legacy
from vntasks.ingest.load import load_path

ROOT = Path(__file__).resolve().parent.parent
#: where the variants and their gold are written (the tests read them there)
VARIANTS = ROOT / "tests" / "fixtures" / "variants"
GOLD = VARIANTS / "gold_variants.jsonl"

# (source notice, variants): one notice per level, different provinces and layouts
PLAN = {
    "xa_nghe-an_dang-uy-nong-thon-moi.txt": ("docx", "vni"),
    "huyen_binh-dinh_ubnd-du-an-dau-tu-cong.txt": ("pdf", "tcvn3"),
    "tinh_quang-ninh_ubnd-moi-truong-vinh.txt": ("html", "docx"),
    "tw_bo-y-te_sot-xuat-huyet.txt": ("pdf", "vni"),
    "huyen_danang_hai-chau-tin.txt": ("html",),
}


def main() -> int:
    corpus, out = ROOT / "corpus", VARIANTS
    out.mkdir(parents=True, exist_ok=True)
    gold = {}
    for path in sorted((ROOT / "annotations").glob("gold_[ab].jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                gold[rec["file"]] = rec
    records = []
    for name, variants in PLAN.items():
        src = corpus / name
        text = load_path(src).text
        stem = src.stem
        for v in variants:
            if v in ("tcvn3", "vni"):
                body = text  # encode_legacy writes accented capitals as an upper-case font would
                target = out / f"{stem}-{v}.txt"
                target.write_bytes(encode_legacy(body, v))
            else:
                tmp = out / f".{stem}.src.txt"
                tmp.write_text(text, encoding="utf-8")
                built = build(tmp, out, (v,))
                tmp.unlink()
                target = out / f"{stem}-{v}.{v}"
                built[0].rename(target)
            rec = dict(gold[name])
            rec["file"] = target.name
            records.append(rec)
            print(target.relative_to(ROOT))
    GOLD.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
