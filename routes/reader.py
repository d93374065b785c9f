"""Reading input documents: plain text, HTML pages and JSONL corpora.

Article text is untrusted and arrives in every shape: other encodings, binary files given by
mistake, a whole archive pasted into one file. Each reader either yields clean
:class:`~routes.model.Document` objects or raises :class:`~routes.errors.InputError` with one
line that names the file and what is wrong with it. A JSONL corpus is read as a stream; a bad
line is reported with its number and skipped, so one broken record does not sink a corpus.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from .errors import InputError
from .model import Document

__all__ = ["MAX_BYTES", "decode", "html_to_text", "read_documents"]

# A news article is a few kilobytes; anything this big is not one and would only stall the run.
MAX_BYTES = 10_000_000
_SUFFIXES = {".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html",
             ".xhtml": "html", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else a confidently detected encoding."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.chaos > 0.2:
        raise InputError(f"{name}: not UTF-8 and no text encoding could be recognised")
    return data.decode(best.encoding, errors="replace")


class _TextExtractor(HTMLParser):
    """Visible text of a page; scripts, styles and other non-content elements are dropped."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe",
                       "object"})
    _BLOCK = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                        "tr", "table", "section", "article", "header", "footer", "blockquote",
                        "figcaption", "figure", "pre", "hr", "title", "dd", "dt"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Readable text of an HTML page, paragraphs separated by blank lines."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    if size > limit:
        raise InputError(
            f"{path}: {size / 1e6:.0f} MB is more than a news article "
            f"(limit {limit / 1e6:.0f} MB); split it into documents, one per line of a .jsonl file"
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None


def read_documents(
    path: Path,
    *,
    limit: int = MAX_BYTES,
    warn: Callable[[str], None] | None = None,
) -> Iterator[Document]:
    """Documents in ``path`` (.txt, .html or .jsonl), read as a stream for JSONL.

    ``warn`` receives one line for each JSONL record that had to be skipped.
    """
    path = Path(path)
    kind = _SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise InputError(f"{path}: unsupported input type {path.suffix or '(no extension)'!r}; "
                         "use .txt, .html or .jsonl")
    if not path.is_file():
        raise InputError(f"input not found: {path}")
    if kind == "jsonl":
        yield from _jsonl(path, limit, warn or (lambda _message: None))
        return
    text = decode(_read_bytes(path, limit), str(path))
    if kind == "html":
        text = html_to_text(text)
    if not text.strip():
        raise InputError(f"{path}: no text in the file")
    yield Document(id=path.stem, text=text)


def _jsonl(path: Path, limit: int, warn: Callable[[str], None]) -> Iterator[Document]:
    good = bad = 0
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    with handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                record = json.loads(decode(raw, f"{path}:{number}"))
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    raise InputError("expected an object with a string 'text'")
                if len(raw) > limit:
                    raise InputError(f"record larger than {limit / 1e6:.0f} MB")
            except (InputError, ValueError) as exc:
                bad += 1
                warn(f"{path}:{number}: skipped: {str(exc).removeprefix(f'{path}:{number}: ')}")
                continue
            good += 1
            yield Document(
                id=str(record.get("id", number)), text=record["text"],
                published=_date(record.get("published")),
            )
    if not good:
        raise InputError(f"{path}: no readable JSONL records" + (f" ({bad} bad lines)" if bad
                                                                  else " (the file is empty)"))


def _date(value: object):
    from datetime import date

    if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None
