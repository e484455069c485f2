"""Checks on ``ingest/data/aliases.csv``, the table of resolutions cited by name.

Each row maps a name such as "Nghị quyết Trung ương 4 khóa XII" (plenum 4 of the
12th Central Committee) or a nickname such as "Nghị quyết 57 của Bộ Chính trị"
to the number and date of the document it stands for.
"""

import csv
import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from vbgraph import ingest
from vbgraph.ingest.tables import party_terms

ALIASES = Path(ingest.__file__).parent / "data" / "aliases.csv"

COLUMNS = [
    "pattern_kind", "hoi_nghi", "khoa", "topic_keywords", "type", "number",
    "issuer_code", "date", "title", "source_note",
]

# Years each Central Committee term (khóa) spans, congress to congress: the one table.
TERM_YEARS = party_terms()


def _load_rows():
    with ALIASES.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    reader = csv.DictReader(lines)
    assert reader.fieldnames == COLUMNS, reader.fieldnames
    return list(reader)


ROWS = _load_rows()
PLENUM_ROWS = [row for row in ROWS if row["pattern_kind"] == "plenum"]


def _row_id(row):
    return f"{row['pattern_kind']}-{row['hoi_nghi'] or '_'}-{row['khoa']}-{row['number']}-{row['type']}"


def test_table_is_not_empty():
    assert len(PLENUM_ROWS) >= 30
    assert any(row["pattern_kind"] == "named" for row in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_row_fields_are_well_formed(row):
    assert row["pattern_kind"] in {"plenum", "named"}
    assert row["khoa"] in TERM_YEARS
    assert row["type"] in {"NQ", "KL"}
    assert re.fullmatch(r"\d{1,3}", row["number"]), row["number"]
    assert row["issuer_code"] == "TW"
    assert dt.date.fromisoformat(row["date"]).isoformat() == row["date"]
    assert row["title"].strip() and row["source_note"].strip()
    keywords = row["topic_keywords"].split("|")
    assert all(word.strip() == word and word for word in keywords), keywords
    assert all(word == word.lower() for word in keywords), keywords


@pytest.mark.parametrize("row", PLENUM_ROWS, ids=_row_id)
def test_plenum_number_is_a_positive_integer(row):
    assert re.fullmatch(r"[1-9]\d?", row["hoi_nghi"]), row["hoi_nghi"]


@pytest.mark.parametrize("row", [r for r in ROWS if r["pattern_kind"] == "named"], ids=_row_id)
def test_named_rows_have_no_plenum(row):
    assert row["hoi_nghi"] == ""


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_date_falls_inside_the_term(row):
    first, last = TERM_YEARS[row["khoa"]]
    assert first <= dt.date.fromisoformat(row["date"]).year <= last


def test_plenum_number_and_term_identify_each_document():
    keys = Counter((r["hoi_nghi"], r["khoa"], int(r["number"])) for r in PLENUM_ROWS)
    assert [key for key, count in keys.items() if count > 1] == []


def test_named_rows_are_unique():
    keys = Counter((r["type"], int(r["number"]), r["date"]) for r in ROWS if r["pattern_kind"] == "named")
    assert [key for key, count in keys.items() if count > 1] == []


def test_same_document_has_one_date():
    dates = {}
    for row in ROWS:
        key = (row["type"], int(row["number"]), row["khoa"])
        assert dates.setdefault(key, row["date"]) == row["date"], key


def test_keywords_tell_apart_documents_of_one_plenum():
    by_plenum = {}
    for row in PLENUM_ROWS:
        by_plenum.setdefault((row["hoi_nghi"], row["khoa"]), []).append(row["topic_keywords"])
    for plenum, keyword_sets in by_plenum.items():
        assert len(set(keyword_sets)) == len(keyword_sets), plenum


# Known facts: (hoi_nghi, khoa, type, number, date). Each line pins one alias.
KNOWN = [
    ("4", "XII", "NQ", "04", "2016-10-30"),   # ANNOTATION.md: "Nghị quyết Trung ương 4 khóa XII"
    ("4", "XIII", "KL", "21", "2021-10-25"),  # ANNOTATION.md: "Kết luận Hội nghị Trung ương 4 khóa XIII"
    ("7", "XII", "NQ", "27", "2018-05-21"),   # brief: TW7 khóa XII on tiền lương
    ("6", "XII", "NQ", "18", "2017-10-25"),
    ("11", "XIII", "NQ", "60", "2025-04-12"),
]


@pytest.mark.parametrize("hoi_nghi, khoa, kind, number, date", KNOWN)
def test_known_facts_are_pinned(hoi_nghi, khoa, kind, number, date):
    matches = [
        r for r in PLENUM_ROWS
        if (r["hoi_nghi"], r["khoa"], r["type"], r["number"]) == (hoi_nghi, khoa, kind, number)
    ]
    assert [r["date"] for r in matches] == [date]


def test_plenum_7_khoa_xii_is_told_apart_by_topic():
    rows = {r["number"]: r for r in PLENUM_ROWS if (r["hoi_nghi"], r["khoa"]) == ("7", "XII")}
    assert set(rows) == {"26", "27", "28"}
    assert "tiền lương" in rows["27"]["topic_keywords"].split("|")
    assert "bảo hiểm xã hội" in rows["28"]["topic_keywords"].split("|")
