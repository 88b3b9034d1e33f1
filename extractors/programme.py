"""Themes and actions as one reading of the document tree, whatever the layout.

    theme   a section whose items, rows or sub-sections are actions; a group row or a theme
            column of an action table; an item or a defining paragraph of a list that a cue
            introduces (teemat, painopisteet, fokusområden, tavoitteet, mahdollistajat …);
            a list named in a sentence ("… teemat ovat A, B ja C")
    action  an item under a theme (list item, numbered paragraph), a table row, a sub-section
            that carries fields (Vastuu:, Tidsplan: …)
    fields  wherever the document puts them (`extractors.action_fields`, `extractors.columns`)

A section holds actions when its items carry action evidence (a year, an owner, a status, a
field) or its sibling sections do. The same theme found twice (a list in the introduction and
a section later) is one theme; the structural finding wins, the description is kept.
"""

from __future__ import annotations

import re

from extractors.action_fields import Fields, read_field, set_status, split_text
from extractors.collector import Collector
from extractors.drafts import Programme, ThemeDraft
from extractors.names import normalise, quote
from extractors.programme_tables import names_themes, read_table, row_theme, table_columns
from extractors.theme_cues import cue_kind, definition, name_like, prose_themes, strip_cue
from schemas.tree import (
    DocumentTree,
    Field,
    Item,
    ItemList,
    Node,
    Paragraph,
    Section,
    TableBlock,
)
from schemas.vocab import DocType, ThemeKind

PROGRAMME_TYPES = frozenset({DocType.PROGRAMME, DocType.MINUTES})
"""Document types read for themes and actions: programmes, and minutes that approve one."""
_PROGRAMME_WORD = re.compile(
    r"ohjelm|tiekart|strategi|program|färdplan|handlingsplan|toimenpidesuunnitelm", re.I
)
_STAR_NOTE = re.compile(r"(?:^|\s)\*\s*=?\s*\S|tähdellä|asterisk|stjärn", re.IGNORECASE)


_last: tuple[DocumentTree, DocType, Programme] | None = None


def parse(tree: DocumentTree, doc_type: DocType) -> Programme:
    """Read the themes and actions of a document tree (empty for documents without any).

    The themes and the actions extractor both ask for the same document in turn: the last
    reading is kept, so the tree is read once per document.
    """
    global _last
    if _last is not None and _last[0] is tree and _last[1] is doc_type:
        return _last[2]
    found = _parse(tree, doc_type)
    _last = (tree, doc_type, found)
    return found


def _parse(tree: DocumentTree, doc_type: DocType) -> Programme:
    reader = Collector()
    reader.starred = any(
        _STAR_NOTE.search(n.text) and re.search(r"valtio|stat", n.text, re.I)
        for n in tree.root.walk()
        if isinstance(n, Paragraph | Item)
    )
    scopes = [tree.root]
    if doc_type is DocType.MINUTES:
        scopes = [s for s in _sections(tree.root) if _PROGRAMME_WORD.search(s.title)]
        scopes = [s for s in scopes if not any(s in _sections(o) for o in scopes if o is not s)]
    for scope in scopes:
        _read_section(reader, scope, None, ThemeKind.THEME)
    if doc_type is DocType.MINUTES:
        _cue_lists(reader, tree.root)
    for scope in scopes:
        _cued_sections(reader, scope)
    if not reader.themes:  # themes named only in running text
        for paragraph in [p for scope in scopes for p in _paragraphs(scope)]:
            for name, kind, text in prose_themes(paragraph.text):
                reader.theme(ThemeDraft(name, kind, paragraph.page, quote(text), rank=5))
    _describe(reader.themes, _paragraphs(tree.root))
    return Programme(reader.themes, reader.actions)


def _cued_sections(reader: Collector, scope: Section) -> None:
    """Numbered sections right after an intro that names them ("Ohjelmassa on neljä
    painopistettä:" then 1 …, 2 …, 3 …, 4 …): themes of the intro's kind."""
    nodes = list(scope.walk())
    for i, node in enumerate(nodes):
        intro = _intro(node) if isinstance(node, Paragraph | Field) else None
        kind = cue_kind(intro) if intro else None
        if kind is None:
            continue
        following = [n for n in nodes[i + 1 :] if isinstance(n, Section)]
        if following:  # the numbered run is of one level: 1, 2, 3, with 1.1 … between
            following = [s for s in following if s.level == following[0].level]
        expected = 1
        for section in following:
            ordinal, _ = strip_cue(section.title, section.ordinal)
            if ordinal != str(expected) and ordinal != "ABCDEFGH"[expected - 1 : expected]:
                break
            reader.theme(_section_theme(section, kind))
            expected += 1


def _describe(themes: list[ThemeDraft], paragraphs: list[Paragraph]) -> None:
    """A theme's description is the paragraph that defines it ("X -teemassa …", "”X” –teeman
    tavoitteena on …", "Teema ”X” tarkoittaa …") wherever it stands."""
    normalised = [normalise(paragraph.text) for paragraph in paragraphs] if themes else []
    for theme in themes:
        name = normalise(theme.name)
        for paragraph, text in zip(paragraphs, normalised, strict=True):
            if len(text) < len(name) + 20:
                continue
            starts = text.startswith((name + " -teem", name + " teem"))
            quoted = any(f"{q}{theme.name}{e}" in paragraph.text for q, e in _QUOTES)
            if starts or (quoted and re.search(r"teem|tema", text)):
                theme.description = " ".join(paragraph.text.split())
                break


_QUOTES = (("”", "”"), ("“", "”"), ('"', '"'), ("»", "»"))


def _cue_lists(reader: Collector, section: Section) -> None:
    """Lists that a cue introduces anywhere ("Hankkeen päämäärään edetään seuraavien
    tavoitteiden kautta:"): their items are themes of the cue's kind."""
    for child in section.children:
        if isinstance(child, Section):
            _cue_lists(reader, child)
        elif isinstance(child, Paragraph | Field):
            _introduced_themes(reader, section, child)


def _introduced_themes(reader: Collector, section: Section, child: Paragraph | Field) -> bool:
    """The items of the list a cue line introduces, as themes of its kind; False if none."""
    intro = _intro(child)
    kind = cue_kind(intro) if intro is not None else None
    following = _next_list(section, child) if kind is not None else None
    if kind is None or following is None:
        return False
    for item in following.items:
        _item_theme(reader, item, kind)
    return True


def _sections(section: Section) -> list[Section]:
    return [n for n in section.walk() if isinstance(n, Section)]


def _paragraphs(section: Section) -> list[Paragraph]:
    return [n for n in section.walk() if isinstance(n, Paragraph)]


def _read_section(
    reader: Collector, section: Section, theme: ThemeDraft | None, kind: ThemeKind
) -> None:
    """Read one section: its cue lists, its tables, its items and its sub-sections."""
    cue = cue_kind(section.title) if section.level else None
    if cue is ThemeKind.ENABLER and _direct_actions(section) and not section.sections():
        theme = reader.theme(_section_theme(section, ThemeKind.ENABLER))
    elif cue is not None and not _direct_actions(section):
        _cue_block(reader, section, cue)
        return
    subs = section.sections()
    action_subs = [s for s in subs if _is_action_section(s)]
    for child in section.children:
        if isinstance(child, TableBlock):
            read_table(reader, child, theme)
        elif isinstance(child, ItemList) and theme is not None and _action_list(child, section):
            for item in child.items:
                _item_action(reader, item, theme)
        elif isinstance(child, Paragraph | Field) and _introduced_themes(reader, section, child):
            continue
        elif isinstance(child, Field) and child.value:
            _field_theme(reader, child)
    for sub in subs:
        if sub in action_subs and theme is not None:
            _section_action(reader, sub, theme)
            continue
        tables = [c for c in sub.children if isinstance(c, TableBlock)]
        if tables and all(names_themes(t) for t in tables if table_columns(t)):
            _read_section(reader, sub, theme, kind)
        elif _direct_actions(sub):
            found = reader.theme(_section_theme(sub, _kind_of(sub, kind)))
            _read_section(reader, sub, found, kind)
        else:
            child_kind = ThemeKind.ENABLER if cue_kind(sub.title) is ThemeKind.ENABLER else kind
            _read_section(reader, sub, theme, child_kind)


def _kind_of(section: Section, inherited: ThemeKind) -> ThemeKind:
    own = cue_kind(section.title)
    return own if own is not None else inherited


def _section_theme(section: Section, kind: ThemeKind) -> ThemeDraft:
    ordinal, name = strip_cue(section.title, section.ordinal)
    description = next(
        (c.text for c in section.children if isinstance(c, Paragraph) and len(c.text) > 40), None
    )
    return ThemeDraft(
        name, kind, section.page, quote(section.heading or section.title), ordinal, description
    )


def _cue_block(reader: Collector, section: Section, kind: ThemeKind) -> None:
    """A section a cue heads ("Teemat", "Fokusområden", "Strategiset tavoitteet"): its entries."""
    for child in section.children:
        if isinstance(child, ItemList):
            for item in child.items:
                _item_theme(reader, item, kind)
        elif isinstance(child, Paragraph):
            found = definition(child.text)
            if found is not None and name_like(found[0]):
                name, description = found
                reader.theme(
                    ThemeDraft(
                        name, kind, child.page, quote(child.first_page_text), None, description, 1
                    )
                )
        elif isinstance(child, Section):
            own = cue_kind(child.title)
            if _direct_actions(child):
                found_theme = reader.theme(_section_theme(child, own or kind))
                _read_section(reader, child, found_theme, kind)
            elif any(isinstance(c, ItemList) for c in child.children):
                if own is not None:  # a list under a cue of its own ("Tavoitteet 2028")
                    _cue_block(reader, child, own)
            else:
                reader.theme(_section_theme(child, kind))
        elif isinstance(child, TableBlock):
            if table_columns(child) is not None:
                read_table(reader, child, None)
                continue
            for row in [*child.header, *child.rows]:
                row_theme(reader, row, kind)


def _field_theme(reader: Collector, node: Field) -> None:
    """A field whose key is a cue ("Mahdollistaja B: Luotettava tekniikka – …"): a theme."""
    if len(node.key.split()) > 3 or not node.key[:1].isupper():
        return
    kind = cue_kind(node.key.split()[0])
    if kind is None:
        return
    ordinal, rest = strip_cue(f"{node.key}: {node.value}", None)
    found = definition(rest)
    name, description = found if found else (rest, None)
    if name_like(name) or len(name.split()) <= 6:
        reader.theme(
            ThemeDraft(name, kind, node.page, quote(node.source_text), ordinal, description, 1)
        )


def _item_theme(reader: Collector, item: Item, kind: ThemeKind) -> None:
    found = definition(item.text)
    name, description = found if found else (item.text.rstrip(" ."), None)
    if len(name.split()) > 14:
        return
    reader.theme(
        ThemeDraft(name, kind, item.page, quote(item.first_page_text), item.ordinal, description, 1)
    )


def _next_list(section: Section, after: Paragraph | Field) -> ItemList | None:
    """The list an intro line introduces: the lists right after it, as one."""
    children = section.children
    at = next(i for i, c in enumerate(children) if c is after)
    lists: list[ItemList] = []
    for child in children[at + 1 :]:
        if not isinstance(child, ItemList):
            break
        lists.append(child)
    if not lists:
        return None
    items = [item for found in lists for item in found.items]
    return ItemList(page=lists[0].page, pages=lists[0].pages, bbox=lists[0].bbox, items=items)


def _evidence(item: Item, *, strong: bool = False) -> bool:
    """Whether an item reads as an action: a year, an owner, a status or a field printed with it.

    Strong evidence leaves out an owner read from a dash tail alone ("X – Y" may be a name).
    """
    if item.aside and set_status(Fields(), item.aside):
        return True
    if any(isinstance(c, Field) for c in item.children):
        return True
    if item.ordinal and "." in item.ordinal.strip("."):
        return True  # "2.3": numbered under a numbered theme
    _, fields = split_text(item.text)
    if strong:
        return bool(fields.years or fields.status)
    return bool(fields.years or fields.responsible or fields.status)


def _action_list(items: ItemList, section: Section) -> bool:
    """A list of actions: a third of its items carry evidence, and no cue introduces it as a
    list of themes."""
    at = next((i for i, c in enumerate(section.children) if c is items), -1)
    intro = _intro(section.children[at - 1]) if at > 0 else None
    if intro is not None and cue_kind(intro) is not None:
        return False
    if len(items.items) == 1:
        return _evidence(items.items[0], strong=True)
    with_evidence = sum(1 for item in items.items if _evidence(item))
    return with_evidence * 3 >= len(items.items)


def _intro(node: Node) -> str | None:
    """The text of a line that introduces a list ("Teemat ovat:", a key without a value)."""
    if isinstance(node, Paragraph) and node.text.rstrip().endswith(":"):
        return node.text
    if isinstance(node, Field) and not node.value:
        return node.key
    return None


def _direct_actions(section: Section) -> bool:
    """Whether a section holds actions itself: an action list, an action table, sub-sections
    that carry action fields."""
    for child in section.children:
        if isinstance(child, ItemList) and _action_list(child, section):
            return True
        if isinstance(child, TableBlock) and table_columns(child) is not None:
            return True
    return any(_is_action_section(s) for s in section.sections())


def _is_action_section(section: Section) -> bool:
    """A sub-section that carries action fields (a heading, then `Ansvarig: …`, `Status: …`)."""
    fields = [c for c in section.children if isinstance(c, Field)]
    known = sum(1 for f in fields if read_field(Fields(), f.key, f.value))
    bare = not any(isinstance(c, Section | TableBlock) for c in section.children)
    return known >= 2 and bare


def _item_action(reader: Collector, item: Item, theme: ThemeDraft | None) -> None:
    text, fields = split_text(item.text)
    for child in item.children:
        if isinstance(child, Field):
            read_field(fields, child.key, child.value)
    if item.aside and fields.status is None:
        set_status(fields, item.aside)
    reader.action(text, item.page, theme, fields, item.first_page_text)


def _section_action(reader: Collector, section: Section, theme: ThemeDraft) -> None:
    fields = Fields()
    for child in section.children:
        if isinstance(child, Field):
            read_field(fields, child.key, child.value)
    text, inline = split_text(section.title)
    fields.take(inline)
    reader.action(text, section.page, theme, fields, section.title)


__all__ = ["PROGRAMME_TYPES", "Programme", "ThemeDraft", "parse"]
