"""The document tree as JSON (written per document by `poimija run`) and as a readable outline."""

from __future__ import annotations

from typing import Any

from schemas.tree import (
    DocumentTree,
    Field,
    Item,
    ItemList,
    MeetingItem,
    Node,
    Paragraph,
    Section,
    TableBlock,
)


def tree_dict(tree: DocumentTree) -> dict[str, Any]:
    """The tree as plain JSON-ready data (source lines left out; page, box and text kept)."""
    out: dict[str, Any] = {"document_id": tree.document_id, "root": _node(tree.root)}
    if tree.minutes:
        out["items"] = [_item(item) for item in tree.items]
    return out


def _item(item: MeetingItem) -> dict[str, Any]:
    """A § item: its heading, page, body and date as printed, and its labelled parts."""
    return {
        "kind": "meeting_item",
        "section": item.section,
        "heading": " ".join(item.heading.text.split()),
        "title": " ".join(
            " ".join([item.heading_title, *(pl.text for pl in item.head_lines)]).split()
        ),
        "page": item.heading.page,
        "pages": sorted({pl.page for pl in [item.heading, *item.lines]}),
        "body": item.body,
        "meeting_date": item.meeting_date.isoformat() if item.meeting_date else None,
        "parts": [
            {
                "label": part.label.value if part.label else None,
                "caption": part.caption,
                "who": part.who,
                "page": part.lines[0].page if part.lines else None,
                "text": part.text,
            }
            for part in item.blocks
        ],
    }


def _base(node: Node, kind: str) -> dict[str, Any]:
    return {"kind": kind, "page": node.page, "pages": list(node.pages), "bbox": list(node.bbox)}


def _node(node: Node) -> dict[str, Any]:
    if isinstance(node, Section):
        out = _base(node, "section")
        out.update(title=node.title, level=node.level, ordinal=node.ordinal)
        out["children"] = [_node(child) for child in node.children]
    elif isinstance(node, Paragraph):
        out = _base(node, "paragraph")
        out["text"] = node.text
    elif isinstance(node, Field):
        out = _base(node, "field")
        out.update(key=node.key, value=node.value)
    elif isinstance(node, ItemList):
        out = _base(node, "list")
        out.update(ordered=node.ordered, items=[_node(item) for item in node.items])
    elif isinstance(node, Item):
        out = _base(node, "item")
        out.update(marker=node.marker, ordinal=node.ordinal, text=node.text, aside=node.aside)
        out["children"] = [_node(child) for child in node.children]
    else:
        out = _base(node, "table")
        out.update(
            ruled=node.ruled,
            header=[row.texts() for row in node.header],
            rows=[
                {"group": row.group, "page": row.page, "cells": row.texts()} for row in node.rows
            ],
        )
    return out


def outline(tree: DocumentTree, width: int = 100) -> str:
    """The tree as an indented outline, one node per line (and the § items of minutes)."""
    out: list[str] = []
    _outline(tree.root, 0, out, width)
    if tree.minutes:
        out.append(f"§ items: {len(tree.items)}")
        for item in tree.items:
            stated = " ".join(str(x) for x in (item.body, item.meeting_date) if x)
            title = _short(
                " ".join([item.heading_title, *(pl.text for pl in item.head_lines)]), width
            )
            where = ", ".join([f"p{item.heading.page}", *([stated] if stated else [])])
            out.append(f"  § {item.section} {title}  ({where})")
            for part in item.blocks:
                caption = f"{part.caption}: " if part.caption else ""
                out.append(f"    {caption}{_short(part.text, width)}")
    return "\n".join(out)


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _outline(node: Node, depth: int, out: list[str], width: int) -> None:
    pad = "  " * depth
    if isinstance(node, Section):
        if node.level:
            ordinal = f"{node.ordinal} " if node.ordinal else ""
            title = _short(node.title, width)
            out.append(f"{pad}§ [{node.level}] {ordinal}{title}  (p{node.page})")
        for child in node.children:
            _outline(child, depth + (1 if node.level else 0), out, width)
    elif isinstance(node, Paragraph):
        out.append(f"{pad}¶ {_short(node.text, width)}")
    elif isinstance(node, Field):
        out.append(f"{pad}{node.key}: {_short(node.value, width)}")
    elif isinstance(node, ItemList):
        for item in node.items:
            _outline(item, depth, out, width)
    elif isinstance(node, Item):
        aside = f"   [{node.aside}]" if node.aside else ""
        out.append(f"{pad}{node.marker} {_short(node.text, width)}{aside}")
        for child in node.children:
            _outline(child, depth + 1, out, width)
    elif isinstance(node, TableBlock):
        kind = "table" if node.ruled else "table (unruled)"
        out.append(f"{pad}▦ {kind}, {len(node.rows)} rows, pages {node.pages}")
        for row in node.header:
            out.append(f"{pad}  H | " + " | ".join(_short(t, 30) for t in row.texts()))
        for row in node.rows:
            mark = "G" if row.group else " "
            out.append(f"{pad}  {mark} | " + " | ".join(_short(t, 30) for t in row.texts()))
