"""One set of § items printed with its headings in nine arrangements gives the same decisions.

The expected values are read off the items written in `tests/minutes_pdfs.py`: § 62's earlier
stage (a committee that tabled it) is not a decision and does not decide the outcome; § 63's
counter-proposal to return the item lost the vote 7–4.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractors.decisions import extract_decisions
from extractors.item_headings import PageLine, handled_warning
from extractors.registry import ExtractionContext
from pipeline.reading.clean import clean_document
from pipeline.reading.read import read_document
from pipeline.run import document_tree, process_file
from pipeline.structure.outline import outline, tree_dict
from schemas.records import Decision
from schemas.vocab import Outcome
from tests.minutes_pdfs import ARRANGEMENTS, minutes_pdf

DAY = dt.date(2025, 2, 24)
EXPECTED = [
    # section, title, case number, proposer, outcome, unanimous, for, against, decision
    (
        "61",
        "Kokouksen laillisuus ja päätösvaltaisuus",
        None,
        "Kaupunginjohtaja",
        Outcome.NOTED,
        True,
        None,
        None,
        "Kokous todettiin laillisesti koolle kutsutuksi ja päätösvaltaiseksi.",
    ),
    (
        "62",
        "Asiointipalvelun hankinta",
        "45/02.08.00/2025",
        "Kaupunginjohtaja",
        Outcome.APPROVED,
        True,
        None,
        None,
        "Ehdotus hyväksyttiin yksimielisesti.",
    ),
    (
        "63",
        "Tietohallinnon lisämääräraha",
        None,
        "Kaupunginjohtaja",
        Outcome.APPROVED,
        False,
        7,
        4,
        "Jäsen Virtanen ehdotti Korhosen kannattamana, että asia palautetaan valmisteluun. "
        "Äänestyksessä annettiin 7 JAA-ääntä ja 4 EI-ääntä. "
        "Kaupunginhallitus hyväksyi kaupunginjohtajan ehdotuksen äänin 7–4.",
    ),
]


def _row(d: Decision) -> tuple[object, ...]:
    return (
        d.section,
        d.title,
        d.case_number,
        d.proposer,
        d.outcome,
        d.unanimous,
        d.votes_for,
        d.votes_against,
        d.decision,
    )


@pytest.mark.parametrize("arrangement", sorted(ARRANGEMENTS))
def test_same_decisions_in_every_heading_arrangement(tmp_path: Path, arrangement: str) -> None:
    result = process_file(minutes_pdf(tmp_path / f"{arrangement}.pdf", arrangement))
    assert result.errors == [], result.errors
    decisions = [d for d in result.records["decisions"] if isinstance(d, Decision)]
    assert [_row(d) for d in decisions] == EXPECTED
    for decision in decisions:
        assert (decision.body, decision.meeting_date) == ("Kaupunginhallitus", DAY)
    document = result.document
    assert (document.body, document.meeting_date) == ("Kaupunginhallitus", DAY)
    # The header's "Käsitellyt asiat §§ 61–63" agrees with the items found: no warning.
    assert not [w for w in document.warnings if "header lists" in w]


def test_items_found_are_checked_against_the_handled_list(tmp_path: Path) -> None:
    """The header's "Käsitellyt asiat §§ 61–63" against what was found: a mismatch is named."""
    doc = read_document(minutes_pdf(tmp_path / "m.pdf", "section_first"))
    preamble = [PageLine(1, line) for line in doc.pages[0].lines[:5]]
    assert preamble[-1].text == "Käsitellyt asiat §§ 61–63"
    assert handled_warning(preamble, ["61", "62", "63"]) is None
    assert handled_warning(preamble, ["61", "63"]) == "the header lists §§ 61–63; not found: § 62"
    assert handled_warning(preamble, ["61", "62", "63", "70"]) == (
        "the header lists §§ 61–63; found but not listed: § 70"
    )


def test_items_are_nodes_of_the_tree_and_decisions_read_them(tmp_path: Path) -> None:
    """The structure stage adds the § items to the tree; the decisions extractor reads them."""
    path = minutes_pdf(tmp_path / "m.pdf", "body_section_date")
    tree = document_tree(path)
    assert tree.minutes
    assert [item.section for item in tree.items] == ["61", "62", "63"]
    assert [(part.caption, part.text) for part in tree.items[0].blocks] == [
        (
            "Kaupunginjohtajan päätösehdotus",
            "Kaupunginhallitus toteaa kokouksen laillisesti koolle kutsutuksi ja "
            "päätösvaltaiseksi.",
        ),
        ("Päätös", "Kokous todettiin laillisesti koolle kutsutuksi ja päätösvaltaiseksi."),
    ]
    shown = tree_dict(tree)["items"]
    assert [(i["section"], i["page"], i["body"], i["meeting_date"]) for i in shown] == [
        ("61", 1, "Kaupunginhallitus", "2025-02-24"),
        ("62", 1, "Kaupunginhallitus", "2025-02-24"),
        ("63", 1, "Kaupunginhallitus", "2025-02-24"),
    ]
    assert "§ items: 3" in outline(tree)

    result = process_file(path)
    assert result.tree is not None and result.document is not None
    source = read_document(path)
    clean_document(source)
    context = ExtractionContext(document=result.document, tree=result.tree)
    assert [d.section for d in extract_decisions(source, context)] == ["61", "62", "63"]
    result.tree.items = result.tree.items[1:]  # what the tree holds is what is extracted
    assert [d.section for d in extract_decisions(source, context)] == ["62", "63"]
