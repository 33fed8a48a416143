"""Marks a saved web page carries inside its article text: Wikipedia's "[edit]" links.

Every heading of a saved Wikipedia article reads "History[edit]", with "edit" a link to the
editor; the mark is taken out of the heading (and its link out of the document's links).
"""

from __future__ import annotations

import re

import lxml.etree

# The link's words, and the brackets (and " | ") left around them once the links are gone.
_EDIT_LINK = re.compile(r"\s*edit(?: source)?\s*", re.IGNORECASE)
_EDIT_MARK = re.compile(r"\s*\[\s*(?:edit(?: source)?)?(?:\s*\|\s*(?:edit(?: source)?)?)*\s*\]\s*$")


def _is_link(element: lxml.etree._Element) -> bool:
    return isinstance(element.tag, str) and element.tag.lower() in ("ref", "a")


def drop_edit_marks(heading: lxml.etree._Element) -> None:
    """Take Wikipedia's "[edit]" out of a heading ("History[edit]" reads "History")."""
    for link in [e for e in heading.iter() if e is not heading and _is_link(e)]:
        parent = link.getparent()
        if parent is None or not _EDIT_LINK.fullmatch(link.xpath("string()")):
            continue
        previous = link.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + (link.tail or "")
        else:
            parent.text = (parent.text or "") + (link.tail or "")
        parent.remove(link)
    # the brackets left behind end the heading's text: in the tail of its last element, or in
    # that element's text, or in the heading's own text when it has no elements left
    *_, last = heading.iter()
    places = [(last, "text")] if last is heading else [(last, "tail"), (last, "text")]
    for holder, attribute in places:
        value = getattr(holder, attribute)
        if value and _EDIT_MARK.search(value):
            setattr(holder, attribute, _EDIT_MARK.sub("", value))
            return
