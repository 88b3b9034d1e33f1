"""Display labels of the comparison report in Finnish and English.

Every label is a (Finnish, English) pair: the report shows one language and puts the other in
the element's tooltip, so a Finnish reader sees Finnish and an English reader can hover for it
(or ask for `--lang en`). Category labels come from `extractors/categories.toml`.
"""

from __future__ import annotations

from typing import Literal

from extractors.categories import label as category_label_in
from schemas.vocab import Category

Lang = Literal["fi", "en"]
LANGS: tuple[Lang, ...] = ("fi", "en")

Pair = tuple[str, str]

TEXT: dict[str, Pair] = {
    "title": ("Kuntien digiohjelmien vertailu", "Cross-city comparison of digital programmes"),
    "generated": ("Luotu", "Generated"),
    "summary": ("Yhteenveto", "Summary"),
    "documents": ("Asiakirjat", "Documents"),
    "municipalities": ("kuntaa", "municipalities"),
    "municipality": ("Kunta", "Municipality"),
    "document": ("Asiakirja", "Document"),
    "doc_type": ("Tyyppi", "Type"),
    "period": ("Ohjelmakausi", "Programme period"),
    "themes": ("Teemat", "Themes"),
    "actions": ("Toimenpiteet", "Actions"),
    "by_category": ("Toimenpiteet luokittain", "Actions per category"),
    "by_year": ("Toimenpiteet vuosittain", "Actions per year"),
    "status": ("Tila", "Status"),
    "state_funded": ("Valtion rahoittamat", "State-funded share"),
    "matrix": ("Luokka × kunta", "Category × municipality"),
    "matrix_intro": (
        "Solussa teemat · toimenpiteet; linkki vie lähdekirjauksiin (asiakirja, sivu, lainaus).",
        "Each cell shows themes · actions; the link leads to the records (document, page, quote).",
    ),
    "category": ("Luokka", "Category"),
    "chart_categories": ("Toimenpiteet luokittain kunnittain", "Actions per category and city"),
    "chart_status": ("Toimenpiteiden tila asiakirjoittain", "Action status per document"),
    "funding": ("Rahoitus", "Funding"),
    "chart_funding": (
        "Rahoituksen lähteiden osuudet rooleittain (summa palkin perässä)",
        "Shares of funding sources per role (the total beside each bar)",
    ),
    "role": ("Rooli", "Role"),
    "source": ("Lähde", "Source"),
    "records": ("Kirjauksia", "Records"),
    "amount": ("Summa", "Amount"),
    "share_of_role": ("Osuus roolin summasta", "Share of the role's total"),
    "total": ("Yhteensä", "Total"),
    "breakdowns": ("Hankkeiden kustannusjaot", "Budget breakdowns per project"),
    "project": ("Hanke", "Project"),
    "project_recipient": ("Hanke / saaja", "Project / recipient"),
    "voted": ("äänestettyjä asioita", "items voted on"),
    "total_cost": ("Kokonaiskustannus", "Total cost"),
    "share_of_total": ("Osuus kokonaiskustannuksesta", "Share of the total cost"),
    "share_stated": ("Ilmoitettu osuus", "Stated share"),
    "warnings": ("Kustannusjakojen varoitukset", "Budget-breakdown warnings"),
    "decisions": ("Päätökset", "Decisions"),
    "chart_decisions": ("Päätösten lopputulokset toimielimittäin", "Decision outcomes per body"),
    "body": ("Toimielin", "Body"),
    "year": ("Vuosi", "Year"),
    "outcomes": ("Lopputulokset", "Outcomes"),
    "unanimity": ("Yksimielisyys", "Unanimity share"),
    "votes": ("Äänestykset (jaa–ei–tyhjä–poissa)", "Votes (for–against–blank–absent)"),
    "sources": ("Lähdekirjaukset", "Underlying records"),
    "kind": ("Laji", "Kind"),
    "page": ("Sivu", "Page"),
    "text": ("Teksti", "Text"),
    "quote": ("Lainaus", "Quote"),
    "inherited": ("luokka teemasta", "category from its theme"),
    "back": ("takaisin taulukkoon", "back to the matrix"),
    "review": ("näytä kirjaus sivullaan", "show the record on its page"),
    "problems": ("Lukuongelmat", "Problems reading the run"),
    "notes": ("Laskentatavat", "How the numbers are counted"),
    "empty_documents": ("Ajossa ei ole asiakirjoja.", "The run has no documents."),
    "empty_matrix": (
        "Ei teemoja eikä toimenpiteitä: teemojen ja toimenpiteiden taulukot ovat tyhjiä.",
        "No themes or actions: the themes and actions tables are empty.",
    ),
    "empty_actions": ("Ei toimenpiteitä.", "No actions."),
    "empty_funding": ("Ei rahoituskirjauksia: rahoitustaulukko on tyhjä.", "No funding records."),
    "empty_breakdowns": (
        "Ei hankkeita, joilla on kokonaiskustannus.",
        "No project with a total cost.",
    ),
    "empty_warnings": ("Ei kustannusjakojen varoituksia.", "No budget-breakdown warnings."),
    "empty_decisions": ("Ei päätöksiä: päätöstaulukko on tyhjä.", "No decisions."),
    "unknown": ("tuntematon", "unknown"),
    "none": ("ei merkitty", "not stated"),
    "uncategorised": ("ei luokkaa", "uncategorised"),
    "theme": ("teema", "theme"),
    "action": ("toimenpide", "action"),
    "note_inherit": (
        "Toimenpide, jolla ei ole omaa luokkaa, saa teemansa luokan.",
        "An action without a category of its own takes its theme's category.",
    ),
    "note_years": (
        "Toimenpide lasketaan jokaiselle vuodelle, jolle se on merkitty "
        "(tai alku- ja loppuvuoden väliltä).",
        "An action counts in every year it is marked for (or from its start to its end year).",
    ),
    "note_state": (
        "Valtion rahoittamien osuus lasketaan toimenpiteistä, joista tieto on annettu.",
        "The state-funded share is taken over the actions whose funding is stated.",
    ),
    "note_role": (
        "Summia ei lasketa yhteen roolien yli: avustus ja omarahoitus ovat osa "
        "kokonaiskustannusta.",
        "Amounts are not added across roles: grants and self-financing are parts of a total cost.",
    ),
    "note_warnings": (
        "Varoitukset ovat asiakirjojen varoituksista ne, jotka koskevat summia tai "
        "kustannusjakoja.",
        "Warnings are those document warnings that concern sums or budget breakdowns.",
    ),
}

VOCAB: dict[str, dict[str, Pair]] = {
    "status": {
        "planned": ("suunniteltu", "planned"),
        "ongoing": ("meneillään", "ongoing"),
        "done": ("valmis", "done"),
        "postponed": ("siirretty", "postponed"),
        "not_started": ("ei aloitettu", "not started"),
        "cancelled": ("peruttu", "cancelled"),
        "unknown": ("ei tiedossa", "unknown"),
    },
    "outcome": {
        "approved": ("hyväksytty", "approved"),
        "amended": ("muutettu", "amended"),
        "rejected": ("hylätty", "rejected"),
        "tabled": ("pöydälle", "tabled"),
        "returned": ("palautettu", "returned"),
        "noted": ("merkitty tiedoksi", "noted"),
        "removed": ("poistettu", "removed"),
        "other": ("muu", "other"),
    },
    "role": {
        "total_cost": ("kokonaiskustannus", "total cost"),
        "grant": ("avustus", "grant"),
        "self_financing": ("omarahoitus", "self-financing"),
        "budget": ("määräraha", "budget"),
        "annual": ("vuosittainen", "annual"),
        "other": ("muu", "other"),
    },
    "source": {
        "ESR": ("ESR", "ESF"),
        "EAKR": ("EAKR", "ERDF"),
        "state": ("valtio", "state"),
        "eu_other": ("muu EU", "other EU"),
        "municipality": ("kunta", "municipality"),
        "other": ("muu", "other"),
    },
    "doc_type": {
        "programme": ("ohjelma", "programme"),
        "minutes": ("pöytäkirja", "minutes"),
        "other": ("muu", "other"),
    },
}


def other(lang: Lang) -> Lang:
    """The language shown in tooltips when `lang` is shown."""
    return "en" if lang == "fi" else "fi"


def _pick(pair: Pair, lang: Lang) -> str:
    return pair[0] if lang == "fi" else pair[1]


def text(key: str, lang: Lang) -> str:
    """A report label in `lang`."""
    return _pick(TEXT[key], lang)


def vocab(kind: str, value: str, lang: Lang) -> str:
    """The label of a status, outcome, role, source or doc_type value; '' is 'not stated'."""
    if not value:
        return text("none", lang)
    pair = VOCAB[kind].get(value)
    return _pick(pair, lang) if pair else value


def category(value: str, lang: Lang) -> str:
    """The label of a shared category; '' is 'uncategorised'."""
    if not value:
        return text("uncategorised", lang)
    return category_label_in(Category(value), lang)


def number(value: float, lang: Lang, decimals: int = 0) -> str:
    """A number with thousands grouped: `1 592 580,5` in Finnish, `1,592,580.5` in English."""
    text = f"{value:,.{decimals}f}"
    if lang == "fi":
        # No-break spaces group thousands in Finnish, and a comma marks decimals.
        text = text.replace(",", "\u00a0").replace(".", ",")
    return text


def money(value: float, lang: Lang) -> str:
    """Euros, with cents only when there are some."""
    decimals = 0 if value == int(value) else 2
    amount = number(value, lang, decimals)
    return f"{amount}\u00a0€" if lang == "fi" else f"€{amount}"


def percent(value: float | None, lang: Lang) -> str:
    """A percentage with one decimal; '–' when there is nothing to divide."""
    if value is None:
        return "–"
    return f"{number(value, lang, 1)}\u00a0%" if lang == "fi" else f"{number(value, lang, 1)}%"
