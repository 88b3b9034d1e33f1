"""Minutes of meeting systems the samples do not show: each case is one small PDF.

The PDFs are written in `tests/minutes_cases.py`; every expected value below is read off the
text printed there (a decision's text is its label's lines joined by spaces). Each item is
checked on its own, so that a failure names the case, the § and the fields that differ.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from schemas.vocab import DocType, Outcome
from tests.minutes_cases import CASES, case_pdf
from tests.minutes_checks import Run, check_document, check_item, runner

D = dt.date
KJ, KUJ, SD = "Kaupunginjohtaja", "Kunnanjohtaja", "Stadsdirektör"

# case: (document body, meeting date, doc type)
DOCUMENTS: dict[str, tuple[str, dt.date, DocType]] = {
    "swedish_board": ("Stadsstyrelsen", D(2025, 4, 28), DocType.MINUTES),
    "swedish_council": ("Stadsfullmäktige", D(2025, 5, 12), DocType.MINUTES),
    "history_table": ("Kaupunginvaltuusto", D(2025, 2, 17), DocType.MINUTES),
    "stage_lines": ("Kunnanvaltuusto", D(2025, 3, 24), DocType.MINUTES),
    "stage_lines_first": ("Kunnanvaltuusto", D(2025, 3, 31), DocType.MINUTES),
    "swedish_agenda": ("Bildningsnämnden", D(2025, 5, 20), DocType.MINUTES),
    "vote_table": ("Kaupunginhallitus", D(2025, 5, 19), DocType.MINUTES),
    "roll_call": ("Kaupunginhallitus", D(2025, 5, 5), DocType.MINUTES),
    "inline_labels": ("Kunnanhallitus", D(2025, 4, 14), DocType.MINUTES),
    "margin_labels": ("Kaupunginhallitus", D(2025, 6, 9), DocType.MINUTES),
    "agenda": ("Sivistyslautakunta", D(2025, 4, 22), DocType.MINUTES),
    "digest": ("Kaupunginhallitus", D(2025, 5, 19), DocType.MINUTES),
    "outcomes": ("Kaupunginhallitus", D(2025, 6, 16), DocType.MINUTES),
}

# case: {section: {field: expected}}; only the fields named are checked.
ITEMS: dict[str, dict[str, dict[str, Any]]] = {
    "swedish_board": {
        "112": {
            "title": "Anskaffning av ett nytt ärendehanteringssystem",
            "case_number": "412/02.08.00/2025",
            "classification": "02.08.00",
            "proposer": SD,
            "proposal": "Stadsstyrelsen godkänner anbudet från Dokumentia Ab för anskaffning av "
            "ett ärendehanteringssystem.",
            "decision": "Förslaget godkändes. Ledamot Karin Berg anmälde jäv och deltog inte i "
            "behandlingen av ärendet.",
            "outcome": Outcome.APPROVED,
            "unanimous": True,
            "votes_for": None,
            "votes_against": None,
            "recusals": ["Karin Berg"],
        },
        "113": {
            "title": "Motion om avgiftsfri kollektivtrafik för pensionärer",
            "case_number": None,
            "proposer": None,
            "proposal": "Stadsstyrelsen föreslår för stadsfullmäktige att motionen anses "
            "slutbehandlad.",
            "decision": "Ärendet bordlades.",
            "outcome": Outcome.TABLED,
        },
        "114": {
            "title": "Ändring av detaljplanen för kvarteret Linnea",
            "case_number": "233/10.02.03/2024",
            "proposer": SD,
            "decision": "Planläggningschef Sofia Lind hördes som sakkunnig under behandlingen av "
            "ärendet. Ärendet återremitterades för ny beredning.",
            "outcome": Outcome.RETURNED,
            "experts": ["Sofia Lind"],
            "recusals": [],
        },
        "115": {
            "title": "Tilläggsanslag för renoveringen av Västra skolan",
            "proposer": SD,
            "proposal": "Stadsstyrelsen beviljar ett tilläggsanslag på 250 000 euro för "
            "renoveringen av Västra skolan.",
            "decision": "Ledamot Peter Holm föreslog, understödd av ledamot Lena Forsström, att "
            "anslaget sänks till 150 000 euro. Ordföranden konstaterade att omröstning ska "
            "verkställas. De som understöder stadsdirektörens förslag röstar ja, de som "
            "understöder Holms förslag röstar nej. Omröstning: Ja 7, Nej 4 Stadsstyrelsen "
            "godkände stadsdirektörens förslag.",
            "outcome": Outcome.APPROVED,
            "unanimous": False,
            "votes_for": 7,
            "votes_against": 4,
        },
    },
    "swedish_council": {
        "45": {
            "title": "Val av protokolljusterare",
            "proposer": None,
            "decision": "Till protokolljusterare valdes Maria Holmberg och Erik Salo.",
            "outcome": Outcome.APPROVED,
            "unanimous": True,
        },
        "46": {
            "title": "Servicenätsplan för den grundläggande utbildningen",
            "case_number": "88/12.00.00/2025",
            "proposer": "Stadsstyrelsen",
            "proposal": "Stadsfullmäktige godkänner servicenätsplanen för åren 2025–2030.",
            "decision": "Ledamot Nina Grönqvist föreslog, understödd av ledamot Oskar Lund, att "
            "Karis skola lämnas utanför planen. Efter omröstning godkände stadsfullmäktige "
            "stadsstyrelsens förslag med rösterna 29–22.",
            "outcome": Outcome.APPROVED,
            "unanimous": False,
            "votes_for": 29,
            "votes_against": 22,
        },
    },
    "history_table": {
        "8": {
            "title": "Hulevesiohjelman hyväksyminen",
            "case_number": "118/10.03.00/2024",
            "proposer": "Kaupunginhallitus",
            "proposal": "Kaupunginvaltuusto hyväksyy hulevesiohjelman vuosille 2025–2030.",
            "decision": "Kaupunginvaltuusto hyväksyi ehdotuksen muutettuna siten, että "
            "ohjelmakausi jatkuu vuoteen 2032.",
            "outcome": Outcome.AMENDED,
        },
        "9": {
            "title": "Liikuntapaikkojen käyttövuorojen jakoperiaatteet",
            "case_number": "402/12.01.00/2024",
            "proposal": "Kaupunginvaltuusto hyväksyy liikuntapaikkojen käyttövuorojen "
            "jakoperiaatteet.",
            "decision": "Ehdotus hyväksyttiin yksimielisesti.",
            "outcome": Outcome.APPROVED,
            "unanimous": True,
        },
    },
    "stage_lines": {
        "21": {
            "title": "Kokouksen laillisuus ja päätösvaltaisuus",
            "decision": "Kokous todettiin laillisesti koolle kutsutuksi ja päätösvaltaiseksi.",
            "outcome": Outcome.NOTED,
            "unanimous": True,
        },
        "22": {
            "title": "Kuntastrategian päivittäminen",
            "proposer": "Kunnanhallitus",
            "proposal": "Kunnanvaltuusto hyväksyy päivitetyn kuntastrategian.",
            "decision": "Valtuutettu Mikko Aaltonen ehdotti Sari Kallion kannattamana, että "
            "strategiaan lisätään tavoite kunnan hiilineutraaliudesta vuoteen 2030 mennessä. "
            "Kunnanvaltuusto hyväksyi kunnanhallituksen ehdotuksen äänin 21–14.",
            "outcome": Outcome.APPROVED,
            "unanimous": False,
            "votes_for": 21,
            "votes_against": 14,
        },
        "23": {
            "title": "Selvitys sivistystoimen henkilöstötilanteesta",
            "proposer": "Kunnanhallitus",
            "proposal": "Kunnanvaltuusto merkitsee selvityksen tiedoksi.",
            "decision": "Kunnanvaltuusto merkitsi selvityksen tiedoksi.",
            "outcome": Outcome.NOTED,
            "unanimous": True,
        },
    },
    "stage_lines_first": {
        "22": {
            "title": "Vesihuollon kehittämissuunnitelma",
            "proposer": "Kunnanhallitus",
            "proposal": "Kunnanvaltuusto hyväksyy vesihuollon kehittämissuunnitelman.",
            "decision": "Hyväksyttiin yksimielisesti.",
            "outcome": Outcome.APPROVED,
            "unanimous": True,
        },
        "23": {
            "title": "Tarkastuslautakunnan jäsenen eronpyyntö",
            "proposer": "Kunnanhallitus",
            "proposal": "Kunnanvaltuusto myöntää Pirjo Lehtiselle eron ja valitsee tilalle uuden "
            "jäsenen.",
            "decision": "Kunnanvaltuusto myönsi eron ja valitsi tarkastuslautakunnan jäseneksi "
            "Kari Virran.",
            "outcome": Outcome.APPROVED,
        },
    },
    "swedish_agenda": {
        "48": {
            "title": "Läsårstider för läsåret 2025–2026",
            "proposer": "Bildningsdirektör",
            "proposal": "Bildningsnämnden fastställer läsårstiderna enligt bilagan.",
            "decision": None,
            "outcome": Outcome.OTHER,
            "unanimous": None,
        },
        "49": {
            "title": "Uppföljning av budgeten för januari–april",
            "proposer": "Bildningsdirektör",
            "proposal": "Bildningsnämnden antecknar uppföljningen för kännedom.",
            "decision": None,
            "outcome": Outcome.OTHER,
            "unanimous": None,
        },
    },
    "roll_call": {
        "70": {
            "title": "Uimahallin aukioloaikojen muuttaminen",
            "proposer": KJ,
            "outcome": Outcome.APPROVED,
            "unanimous": False,
            "votes_for": 6,
            "votes_against": 3,
            "votes_blank": 1,
            "votes_absent": 1,
        },
        "71": {
            "title": "Kylätalojen avustukset vuodelle 2025",
            "proposer": KJ,
            "outcome": Outcome.AMENDED,
            "unanimous": False,
            "votes_for": 5,
            "votes_against": 6,
        },
        "72": {
            "title": "Matkailuyhdistyksen toiminta-avustus",
            "proposer": KJ,
            "decision": "Jäsen Marja Berg ehdotti Riitta Niemisen kannattamana, että avustus on "
            "8 000 euroa. Kaupunginhallitus hyväksyi Bergin ehdotuksen äänin 6–5.",
            "outcome": Outcome.AMENDED,
            "unanimous": False,
            "votes_for": 5,
            "votes_against": 6,
        },
    },
    "vote_table": {
        "80": {
            "title": "Torin kesäkioskien vuokrausperiaatteet",
            "proposer": KJ,
            "proposal": "Kaupunginhallitus hyväksyy kioskipaikkojen vuokrausperiaatteet liitteen "
            "mukaisesti.",
            "outcome": Outcome.APPROVED,
            "unanimous": False,
            "votes_for": 6,
            "votes_against": 3,
            "votes_blank": 1,
            "votes_absent": 1,
        },
    },
    "inline_labels": {
        "55": {
            "title": "Koulukuljetusten hankinta",
            "proposer": KUJ,
            "proposal": "Kunnanhallitus hyväksyy koulukuljetusten hankinnan "
            "kokonaistaloudellisesti edullisimman tarjouksen mukaisesti.",
            "decision": "Hyväksyttiin.",
            "outcome": Outcome.APPROVED,
            "unanimous": True,
        },
        "56": {
            "title": "Kunnan edustajat yhtiökokouksiin",
            "proposer": KUJ,
            "proposal": "Kunnanhallitus nimeää kunnanjohtajan edustamaan kuntaa yhtiökokouksissa "
            "vuonna 2025.",
            "decision": "Kunnanhallitus nimesi kunnanjohtajan edustamaan kuntaa yhtiökokouksissa "
            "vuonna 2025.",
            "outcome": Outcome.APPROVED,
        },
    },
    "margin_labels": {
        "201": {
            "title": "Sataman laiturin korjaushankkeen hankesuunnitelma",
            "case_number": "3021/10.03.00/2025",
            "proposer": "Pormestari",
            "proposal": "Kaupunginhallitus hyväksyy laiturin korjaushankkeen hankesuunnitelman, "
            "jonka kustannusarvio on 2,4 miljoonaa euroa.",
            "decision": "Hyväksyttiin.",
            "outcome": Outcome.APPROVED,
            "unanimous": True,
        },
        "202": {
            "title": "Kaupunginhallituksen edustaja nuorisovaltuustoon",
            "proposer": "Pormestari",
            "proposal": "Kaupunginhallitus nimeää edustajakseen nuorisovaltuustoon jäsen Elina "
            "Saarisen.",
            "decision": "Kaupunginhallitus hyväksyi ehdotuksen muutettuna siten, että "
            "edustajaksi nimettiin jäsen Timo Lahtinen.",
            "outcome": Outcome.AMENDED,
        },
    },
    "agenda": {
        "31": {
            "title": "Esiopetuksen toimintasuunnitelma lukuvuodelle 2025–2026",
            "proposer": "Sivistysjohtaja",
            "proposal": "Sivistyslautakunta hyväksyy esiopetuksen toimintasuunnitelman liitteen "
            "mukaisesti.",
            "decision": None,
            "outcome": Outcome.OTHER,
            "unanimous": None,
        },
        "32": {
            "title": "Kirjaston aukioloajat kesällä 2025",
            "proposer": "Sivistysjohtaja",
            "proposal": "Sivistyslautakunta merkitsee kirjaston kesäaukioloajat tiedoksi.",
            "decision": None,
            "outcome": Outcome.OTHER,
            "unanimous": None,
        },
    },
    "digest": {
        "131": {
            "title": "Lausunto maakuntakaavaehdotuksesta",
            "proposal": None,
            "decision": "Ehdotus hyväksyttiin.",
            "outcome": Outcome.APPROVED,
        },
        "132": {
            "title": "Nuorisotalon vuokrasopimus",
            "decision": "Asia jätettiin pöydälle.",
            "outcome": Outcome.TABLED,
        },
        "133": {
            "title": "Talousarvion toteutuminen tammi–huhtikuussa",
            "decision": "Merkittiin tiedoksi.",
            "outcome": Outcome.NOTED,
        },
    },
    "outcomes": {
        "240": {
            "title": "Asemanseudun kehittämisen aiesopimus",
            "proposer": KJ,
            "decision": "Asia poistettiin esityslistalta.",
            "outcome": Outcome.REMOVED,
        },
        "241": {
            "title": "Selvitys kotihoidon asiakasmääristä",
            "proposer": KJ,
            "decision": "Kaupunginhallitus merkitsi selvityksen tiedoksi.",
            "outcome": Outcome.NOTED,
        },
        "242": {
            "title": "Poikkeamishakemus Rantatie 14",
            "case_number": "760/10.03.01/2025",
            "proposer": KJ,
            "proposal": "Kaupunginhallitus hylkää poikkeamishakemuksen.",
            "decision": "Kaupunginhallitus hylkäsi hakemuksen.",
            "outcome": Outcome.REJECTED,
        },
        "243": {
            "title": "Keskustan pysäköintipolitiikka",
            "proposer": KJ,
            "decision": "Asia jätettiin pöydälle.",
            "outcome": Outcome.TABLED,
        },
        "244": {
            "title": "Ruokapalvelujen palveluverkko",
            "proposer": KJ,
            "decision": "Asia palautettiin uudelleen valmisteltavaksi.",
            "outcome": Outcome.RETURNED,
        },
        "245": {
            "title": "Tapahtuma-avustusten myöntäminen",
            "proposer": KJ,
            "decision": "Kaupunginhallitus hyväksyi ehdotuksen muutettuna siten, että avustuksen "
            "enimmäismäärä on 20 000 euroa hakijaa kohden.",
            "outcome": Outcome.AMENDED,
        },
        "246": {
            "title": "Liikuntahallin vuokrasopimuksen jatkaminen",
            "proposer": KJ,
            "decision": "Jäsen Anne Salo ehdotti Tero Kivisen kannattamana, että asia jätetään "
            "pöydälle. Suoritetussa äänestyksessä käsittelyn jatkamista kannatettiin äänin 7–4. "
            "Kaupunginhallitus hyväksyi kaupunginjohtajan ehdotuksen.",
            "outcome": Outcome.APPROVED,
            "unanimous": False,
            "votes_for": 7,
            "votes_against": 4,
        },
    },
}

assert set(ITEMS) == set(DOCUMENTS) == set(CASES)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return runner(tmp_path_factory.mktemp("minutes_cases"), case_pdf)


@pytest.mark.parametrize("name", sorted(CASES))
def test_document_and_items_found(run: Run, name: str) -> None:
    check_document(run(name), DOCUMENTS[name], list(ITEMS[name]))


@pytest.mark.parametrize(
    ("name", "section"), [(name, section) for name in sorted(ITEMS) for section in ITEMS[name]]
)
def test_item(run: Run, name: str, section: str) -> None:
    check_item(run(name), DOCUMENTS[name], section, ITEMS[name][section])
