"""A hardened XML parser for documents from outside: no DTD, no entities, no network, bounded size."""

from __future__ import annotations

from lxml import etree

# An LPR3 document is tens of kB; anything far larger is refused before parsing.
MAX_BYTES = 32 * 1024 * 1024
# An LPR3 element takes about 70 bytes of a real document (the official samples: 129 in 9 kB), and lxml about
# 150 bytes of memory per element: 32 MB of `<a/>` would be 8 million elements and over a gigabyte. A document
# of 32 MB of real content has under half a million; more start tags than this are refused before parsing.
MAX_ELEMENTS = 500_000


_DOCTYPE = ("the document has a DOCTYPE or entity declarations (DTD); LPR3 documents have none, and it is "
            "refused so that no entity is ever expanded or fetched")


class CdaParseError(ValueError):
    """The bytes are not a well-formed XML document we are willing to read; the message says why.

    `reason` is too-large, dtd or xml (not well-formed; `line` then says where, when libxml2 knows).
    """

    def __init__(self, message: str, reason: str = "xml", line: int | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.line = line


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


# The app reads an upload in a worker thread: fed to lxml in pieces, no step holds the GIL (and so the event loop)
# for more than a few milliseconds; `etree.fromstring` held it 0.5 s for 30 MB.
_CHUNK = 256 * 1024


def _has_dtd(data: bytes) -> bool:
    """Whether `data` declares a DOCTYPE or an entity (any case), looked for piece by piece (see _CHUNK)."""
    overlap = len(b"<!DOCTYPE") - 1
    for start in range(0, len(data), _CHUNK):
        piece = data[max(0, start - overlap):start + _CHUNK].upper()
        if b"<!DOCTYPE" in piece or b"<!ENTITY" in piece:
            return True
    return False


def start_tags(data: bytes) -> int:
    """An upper bound of the elements in `data`: every `<` that does not close one (comments, PIs count too)."""
    return data.count(b"<") - data.count(b"</")


def safe_parse(data: bytes, max_elements: int = MAX_ELEMENTS) -> etree._Element:
    """Parse untrusted XML; refuse any DOCTYPE (XXE, billion laughs) and any entity declaration outright."""
    if len(data) > MAX_BYTES:
        raise CdaParseError("the file is far too large for an LPR3 document", "too-large")
    if start_tags(data) > max_elements:
        raise CdaParseError(f"the file has more than {max_elements:,} elements, far more than an LPR3 document",
                            "too-many")
    if _has_dtd(data):
        raise CdaParseError(_DOCTYPE, "dtd")
    try:
        parser = _parser()
        for start in range(0, len(data), _CHUNK):
            parser.feed(data[start:start + _CHUNK])
        root = parser.close()
    except etree.XMLSyntaxError as exc:
        raise CdaParseError(f"not well-formed XML ({exc.msg})", "xml", exc.lineno) from exc
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None or tree.docinfo.externalDTD is not None:
        raise CdaParseError(_DOCTYPE, "dtd")
    for node in root.iter():
        if isinstance(node, etree._Entity):
            raise CdaParseError("the document uses XML entities; refused", "dtd")
    return root
