"""RSS 2.0, RSS 1.0 and Atom feeds → one Document per item.

The XML is parsed with entities unresolved, no DTD and no network, so a feed cannot pull in
local files or expand itself ("billion laughs"). With a `Fetcher`, each item's linked page
is read instead of its summary; when that fails the failure is reported and the item's own
text is used.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from peyvand.ingest.archives import Row
from peyvand.ingest.dating import parse_date
from peyvand.ingest.errors import IngestError
from peyvand.ingest.limits import MAX_FEED_BYTES, check_size
from peyvand.model import Document

if TYPE_CHECKING:
    from peyvand.ingest.fetch import Fetcher

_ATOM = "{http://www.w3.org/2005/Atom}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_BLOCKS = frozenset(
    ("p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote")
) | frozenset(("tr", "table", "section", "article", "pre"))


def _local(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(element: Any, *names: str) -> Any:
    """The first child with one of ``names`` (local names), in the order of ``names``."""
    for name in names:
        for child in element:
            if _local(child) == name:
                return child
    return None


def _text(element: Any) -> str | None:
    if element is None:
        return None
    value = "".join(element.itertext()).strip()
    return value or None


def html_text(markup: str) -> str:
    """Visible text of an HTML fragment, one line per block element."""
    import lxml.html
    from lxml.etree import ParserError

    if "<" not in markup:
        return markup.strip()
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (ParserError, ValueError):
        return markup.strip()
    for element in root.iter("script", "style"):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _content(item: Any) -> str | None:
    for name in ("encoded", "content", "description", "summary"):
        element = _child(item, name)
        if element is None:
            continue
        if element.get("type") == "xhtml":
            value = _text(element)
        else:
            value = html_text(element.text or "") if element.text else None
        if value:
            return value
    return None


def _link(item: Any) -> str | None:
    for child in item:
        if _local(child) != "link":
            continue
        href = child.get("href")
        if href and child.get("rel", "alternate") == "alternate":
            return str(href).strip()
        if child.text and child.text.strip():
            return str(child.text).strip()
    return None


def _author(item: Any) -> str | None:
    author = _child(item, "author", "creator")
    if author is None:
        return None
    name = _child(author, "name")
    return _text(name if name is not None else author)


def _language(item: Any, channel_lang: str | None) -> str | None:
    value = item.get(_XML_LANG) or channel_lang
    return value.split("-")[0].lower() if value else None


def _items(root: Any) -> Iterator[Any]:
    for element in root.iter():
        if _local(element) in ("item", "entry"):
            yield element


def parse_feed(data: bytes, source: str, *, fetcher: Fetcher | None = None) -> Iterator[Row]:
    """Each item of the feed as ``(label, Document | IngestError)``.

    The label is the item's link (or id), else ``source#n`` for the n-th item.
    """
    from lxml import etree

    check_size(source, "feed", len(data), MAX_FEED_BYTES)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise IngestError(source, f"not a readable feed (XML: {exc})") from exc
    if _local(root) not in ("rss", "feed", "RDF"):
        raise IngestError(source, f"not an RSS or Atom feed (root element <{_local(root)}>)")
    channel = _child(root, "channel")
    channel_lang = _text(_child(channel, "language")) if channel is not None else None
    channel_lang = root.get(_XML_LANG) or channel_lang
    publisher = _text(_child(channel if channel is not None else root, "title"))
    count = 0
    for number, item in enumerate(_items(root), start=1):
        count += 1
        yield from _item_rows(item, number, source, publisher, channel_lang, fetcher)
    if count == 0:
        raise IngestError(source, "the feed has no items")


def _item_rows(
    item: Any,
    number: int,
    source: str,
    publisher: str | None,
    channel_lang: str | None,
    fetcher: Fetcher | None,
) -> Iterator[Row]:
    link = _link(item)
    label = link or _text(_child(item, "guid", "id")) or f"{source}#{number}"
    title = _text(_child(item, "title"))
    raw_date = _text(_child(item, "pubDate", "published", "date", "updated", "issued"))
    language = _language(item, channel_lang)
    published = parse_date(raw_date, language) if raw_date else None
    author = _author(item)
    if fetcher is not None and link:
        try:
            page = fetcher.fetch_document(link)
        except IngestError as exc:
            yield label, IngestError(exc.source, f"{exc.reason}; the feed's own text is used")
        else:
            page.source = label
            page.title = page.title or title
            page.published = page.published or published
            page.author = page.author or author
            page.publisher = page.publisher or publisher
            page.language = page.language or language
            yield label, page
            return
    text = _content(item)
    if not text:
        yield label, IngestError(f"{source}#{number}", "feed item without text")
        return
    yield (
        label,
        Document(
            text=text,
            title=title,
            publisher=publisher,
            published=published,
            url=link,
            language=language,
            source=label,
            author=author,
            format="feed",
        ),
    )
