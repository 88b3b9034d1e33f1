"""More minutes of meeting systems the samples do not show: each case is one small PDF.

The PDFs are written in `tests/minutes_cases2.py`; every expected value below is read off the
text printed there (a decision's text is its label's lines joined by spaces). Each item is
checked on its own, so that a failure names the case, the § and the fields that differ.
The scanned case is read by Tesseract: only what OCR can be expected to read is checked.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from schemas.vocab import DocType, Outcome
from tests.minutes_cases2 import CASES, SCANNED, case_pdf
from tests.minutes_checks import Run, check_document, check_item, decisions_of, runner

D = dt.date
KJ, SD = "Kaupunginjohtaja", "Stadsdirektör"

# case: (document body, meeting date, doc type)
DOCUMENTS: dict[str, tuple[str, dt.date, DocType]] = {
    "running_header": ("Kaupunginhallitus", D(2025, 2, 24), DocType.MINUTES),
    "ahjo": ("Kaupunginhallitus", D(2025, 2, 24), DocType.MINUTES),
    "ahjo_sv": ("Stadsstyrelsen", D(2025, 2, 24), DocType.MINUTES),
    "tweb": ("Kaupunginhallitus", D(2017, 3, 20), DocType.MINUTES),
    "tweb_single": ("Kaupunginhallitus", D(2017, 3, 20), DocType.MINUTES),
    "label_table": ("Kaupunginhallitus", D(2025, 4, 7), DocType.MINUTES),
    "trailing_pages": ("Kaupunginhallitus", D(2025, 3, 24), DocType.MINUTES),
    "swedish_vote_table": ("Stadsstyrelsen", D(2025, 5, 12), DocType.MINUTES),
    "recusals": ("Kaupunginhallitus", D(2025, 5, 26), DocType.MINUTES),
    "agenda_call": ("Kaupunginhallitus", D(2025, 6, 2), DocType.MINUTES),
}

# case: {section: {field: expected}}; only the fields named are checked.
ITEMS: dict[str, dict[str, dict[str, Any]]] = {
    "running_header": {
        "61": {
            "title": "Jätevesipumppaamoiden saneerausohjelma vuosille 2025–2029",
            "case_number": "KEMDno-2024-812",
            "preparers": ["tekninen johtaja Ville Ahonen"],
            "proposer": KJ,
            "proposal": "Kaupunginhallitus hyväksyy jätevesipumppaamoiden saneerausohjelman "
            "vuosille 2025–2029 liitteen mukaisesti.",
            "decision": "Hyväksyttiin yksimielisesti.",
            "outcome": Outcome.APPROVED,
            "unanimous": True,
            "page": 2,
        },
        "62": {
            "title": "Kaupungin edustajat Lapin liiton yhtiökokoukseen",
            "case_number": "KEMDno-2025-77",
            "proposer": KJ,
            "proposal": "Kaupunginhallitus nimeää kaupungin edustajaksi Lapin liiton "
            "yhtiökokoukseen kaupunginjohtajan.",
            "decision": "Asia jätettiin pöydälle.",
            "outcome": Outcome.TABLED,
            "page": 4,
        },
    },
    "ahjo": {
        "120": {
            "title": "Asukasosallistumisen toimintamallin uudistaminen",
            "case_number": "HEL 2025-001234",
            "proposer": KJ,
            "proposal": None,
            "decision": "Kaupunginhallitus päätti hyväksyä asukasosallistumisen "
            "toimintamallin liitteen 1 mukaisesti.",
            "outcome": Outcome.APPROVED,
            "unanimous": True,
            "experts": ["Riikka Nurmi"],
        },
        "121": {
            "title": "Vuokrasopimus Kalasataman koulurakennuksesta",
            "case_number": "HEL 2025-002468",
            "proposer": KJ,
            "decision": "Kaupunginhallitus päätti panna asian pöydälle.",
            "outcome": Outcome.TABLED,
        },
    },
    "ahjo_sv": {
        "120": {
            "title": "Förnyelse av verksamhetsmodellen för invånardelaktighet",
            "case_number": "HEL 2025-001234",
            "proposer": SD,
            "proposal": None,
            "decision": "Stadsstyrelsen beslutade godkänna verksamhetsmodellen för "
            "invånardelaktighet enligt bilaga 1.",
            "outcome": Outcome.APPROVED,
            "unanimous": True,
            "experts": ["Riikka Nurmi"],
        },
    },
    "tweb": {
        "66": {
            "title": "Päiväkoti Kuusikon laajennuksen hankesuunnitelma",
            "case_number": "1532/10.03.00/2016",
            "classification": "10.03.00",
            "preparers": ["talousjohtaja Jukka Pesonen"],
            "proposer": KJ,
            "proposal": "Kaupunginhallitus hyväksyy päiväkoti Kuusikon laajennuksen "
            "hankesuunnitelman, jonka kustannusarvio on 2,1 miljoonaa euroa.",
            "decision": "Kaupunginhallitus hyväksyi ehdotuksen muutettuna siten, että hankkeen "
            "valmistumisaika on elokuu 2018.",
            "outcome": Outcome.AMENDED,
        },
    },
    "tweb_single": {
        "67": {
            "title": "Kauppatorin kesäterassien vuokrahinnat",
            "case_number": "744/02.07.01/2017",
            "classification": "02.07.01",
            "proposer": KJ,
            "proposal": "Kaupunginhallitus vahvistaa kauppatorin kesäterassien vuokraksi 12 euroa "
            "neliömetriltä.",
            "decision": "Hyväksyttiin.",
            "outcome": Outcome.APPROVED,
            "unanimous": True,
        },
    },
    "label_table": {
        "88": {
            "title": "Satama-alueen yleissuunnitelma",
            "case_number": "RAADno-2025-140",
            "preparers": ["kaupunginarkkitehti Hanna Pietilä"],
            "proposer": KJ,
            "proposal": "Kaupunginhallitus hyväksyy satama-alueen yleissuunnitelman ja "
            "merkitsee lausunnot tiedoksi.",
            "decision": "Hyväksyttiin yksimielisesti.",
            "outcome": Outcome.APPROVED,
            "unanimous": True,
        },
        "89": {
            "title": "Kaupungintalon aulan kahvilan vuokrasopimus",
            "preparers": ["tilapalvelupäällikkö Jari Kinnunen"],
            "proposer": KJ,
            "proposal": "Kaupunginhallitus hyväksyy kahvilan vuokrasopimuksen jatkamisen vuoden "
            "2026 loppuun.",
            "decision": "Asia palautettiin uudelleen valmisteltavaksi.",
            "outcome": Outcome.RETURNED,
        },
    },
    "trailing_pages": {
        "61": {
            "title": "Kokouksen laillisuus ja päätösvaltaisuus",
            "decision": "Kokous todettiin laillisesti koolle kutsutuksi ja päätösvaltaiseksi.",
            "outcome": Outcome.NOTED,
        },
        "62": {
            "title": "Katuvalaistuksen LED-urakan hankintapäätös",
            "case_number": "311/02.08.00/2025",
            "classification": "02.08.00",
            "proposer": KJ,
            "proposal": "Kaupunginhallitus valitsee urakoitsijaksi Valoasennus Oy:n, jonka "
            "tarjous oli kokonaistaloudellisesti edullisin.",
            "decision": "Hyväksyttiin.",
            "outcome": Outcome.APPROVED,
            "page": 1,
        },
        "63": {
            "title": "Kaupunginjohtajan viranhaltijapäätökset",
            "proposer": KJ,
            "proposal": "Kaupunginhallitus merkitsee päätökset tiedoksi.",
            "decision": "Kaupunginhallitus merkitsi päätökset tiedoksi.",
            "outcome": Outcome.NOTED,
        },
    },
    "swedish_vote_table": {
        "90": {
            "title": "Bidrag till byaföreningarna år 2025",
            "proposer": SD,
            "proposal": "Stadsstyrelsen beviljar byaföreningarna bidrag om sammanlagt 20 000 euro.",
            "outcome": Outcome.AMENDED,
            "unanimous": False,
            "votes_for": 3,
            "votes_against": 4,
            "votes_blank": 1,
            "votes_absent": 1,
        },
        "91": {
            "title": "Försäljning av tomt 12 i kvarteret Strandbacken",
            "proposer": SD,
            "proposal": "Stadsstyrelsen godkänner försäljningen av tomt 12 till Byggab Ab för "
            "48 000 euro.",
            "decision": "Ledamot Patrik Holmström anmälde jäv (intressejäv) och avlägsnade sig "
            "från sammanträdet under behandlingen av ärendet. Förslaget godkändes.",
            "outcome": Outcome.APPROVED,
            "unanimous": True,
            "recusals": ["Patrik Holmström"],
            "experts": [],
        },
    },
    "recusals": {
        "101": {
            "title": "Yritystontin myynti Teollisuuskylästä",
            "proposer": KJ,
            "proposal": "Kaupunginhallitus myy tontin 4-12-3 Metalli-Kauhava Oy:lle 36 000 "
            "eurolla.",
            "decision": "Jäsen Pertti Laine ilmoitti olevansa asiassa jäävi eikä osallistunut "
            "asian käsittelyyn. Varajäsen Hanna Kettunen poistui esteellisenä kokouksesta asian "
            "käsittelyn ajaksi. Ehdotus hyväksyttiin.",
            "outcome": Outcome.APPROVED,
            "recusals": ["Pertti Laine", "Hanna Kettunen"],
            "experts": [],
        },
        "102": {
            "title": "Keskustan osayleiskaavan luonnos",
            "proposer": KJ,
            "decision": "Kaavoitusarkkitehti Elina Mäkelä kuultiin asiantuntijana asian "
            "käsittelyn aikana. Ehdotus hyväksyttiin yksimielisesti.",
            "outcome": Outcome.APPROVED,
            "unanimous": True,
            "experts": ["Elina Mäkelä"],
            "recusals": [],
        },
    },
    "agenda_call": {
        "140": {
            "title": "Kotihoidon palveluseteli",
            "preparers": ["hyvinvointipalvelujen johtaja Sari Partanen"],
            "proposer": KJ,
            "proposal": "Kaupunginhallitus esittää valtuustolle kotihoidon palvelusetelin "
            "käyttöönottoa 1.9.2025 alkaen.",
            "decision": None,
            "outcome": Outcome.OTHER,
            "unanimous": None,
        },
        "141": {
            "title": "Kesätyöseteli nuorille vuonna 2025",
            "proposer": KJ,
            "proposal": "Kaupunginhallitus myöntää kesätyöseteleitä 60 nuorelle 400 euroa "
            "kullekin.",
            "decision": None,
            "outcome": Outcome.OTHER,
            "unanimous": None,
        },
    },
}

# The scanned page: only the § numbers and the outcomes are checked.
SCANNED_OUTCOMES = {"12": Outcome.APPROVED, "13": Outcome.TABLED}

assert set(ITEMS) == set(DOCUMENTS) == set(CASES)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return runner(tmp_path_factory.mktemp("minutes_cases2"), case_pdf)


@pytest.mark.parametrize("name", sorted(CASES))
def test_document_and_items_found(run: Run, name: str) -> None:
    check_document(run(name), DOCUMENTS[name], list(ITEMS[name]))


@pytest.mark.parametrize(
    ("name", "section"), [(name, section) for name in sorted(ITEMS) for section in ITEMS[name]]
)
def test_item(run: Run, name: str, section: str) -> None:
    check_item(run(name), DOCUMENTS[name], section, ITEMS[name][section])


def test_pages_after_the_items_are_no_items(run: Run) -> None:
    """The appendix, the appeal instructions (`§§ 61–63`, `§ 62:`) and the signatures add no
    item, and the handled items the header lists are all found (no warning)."""
    result = run("trailing_pages")
    decisions = list(decisions_of(result).values())
    assert [(d.section, d.page) for d in decisions] == [("61", 1), ("62", 1), ("63", 1)]
    assert not [w for w in result.document.warnings if "§" in w], result.document.warnings


def test_running_header_is_one_item(run: Run) -> None:
    """The running header repeated on the item's second page starts no item of its own, and
    neither it nor the footer leaks into the texts."""
    decisions = list(decisions_of(run("running_header")).values())
    assert [d.section for d in decisions] == ["61", "62"]
    for d in decisions:
        for text in (d.title, d.proposal, d.decision):
            assert "nimikirjaimet" not in (text or "") and "24.02.2025" not in (text or "")


def test_scanned_minutes(run: Run) -> None:
    result = run(SCANNED)
    assert result.errors == [], result.errors
    assert result.document.ocr_pages == 1
    assert result.document.doc_type == DocType.MINUTES
    decisions = list(decisions_of(result).values())
    assert {d.section: d.outcome for d in decisions} == SCANNED_OUTCOMES
