"""Article bytes -> text: which files are text at all, and which encoding they are in.

The policy, in order:
1. A known binary signature (PNG, PDF, JPEG, GIF, ZIP, gzip, ELF) is no article.
2. A byte-order mark decides: UTF-8, UTF-16 LE/BE or UTF-32 LE/BE; the mark is dropped.
3. Without a mark, NUL bytes mean binary (UTF-16 needs its mark).
4. Valid UTF-8 is UTF-8.
5. Invalid UTF-8 that is mostly UTF-8 (more valid multi-byte sequences than broken bytes:
   a truncated or spliced file) stays UTF-8, each broken byte becoming U+FFFD.
6. Anything else is Windows-1252, a superset of Latin-1's printable characters and what
   old newsroom systems write; its five undefined bytes become U+FFFD.
7. Text whose opening is mostly control characters is binary after all.

Replacement is one U+FFFD per undecodable byte, so the text keeps a character for every
byte that was there. Spans are offsets into this decoded text, never into the bytes.
Every replacement is reported (`Decoded.note`), so nothing is lost silently.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

BINARY_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
)
# UTF-32 first: its little-endian mark begins with UTF-16's.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-16-le": "UTF-16 LE", "utf-16-be": "UTF-16 BE",
                  "utf-32-le": "UTF-32 LE", "utf-32-be": "UTF-32 BE", "cp1252": "Windows-1252"}
# A well-formed multi-byte UTF-8 sequence (RFC 3629), to tell broken UTF-8 from Windows-1252.
UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
# Each undecodable byte first becomes this lone surrogate, which no correct decoding yields,
# so the bytes can be counted before they turn into U+FFFD.
_UNDECODABLE = "\udc80"
codecs.register_error("factcheck-mark-undecodable", lambda error: (_UNDECODABLE * (error.end - error.start), error.end))
# Control characters other than tab, line feed, vertical tab, form feed and carriage return.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_CONTROL = re.compile(f"[{re.escape(_CONTROL_BYTES.decode('ascii'))}]")
CONTROL_SAMPLE = 4096
MAX_CONTROL_SHARE = 0.1


class NotText(ValueError):
    """Bytes that are no article: an image, a PDF, a file with NUL bytes."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # a key of ENCODING_NAMES
    replaced: int = 0  # undecodable bytes, each now U+FFFD

    @property
    def note(self) -> str | None:
        """What a reader should be told about the decoding, or None when it lost nothing."""
        if not self.replaced:
            return None
        bytes_word = "byte" if self.replaced == 1 else "bytes"
        return f"decoded as {ENCODING_NAMES[self.encoding]}; {self.replaced} undecodable {bytes_word} replaced by U+FFFD"


def _decode(data: bytes, encoding: str) -> Decoded:
    marked = data.decode(encoding, errors="factcheck-mark-undecodable")
    replaced = marked.count(_UNDECODABLE)
    return Decoded(marked.replace(_UNDECODABLE, "\ufffd") if replaced else marked, encoding, replaced)


def _is_mostly_utf8(data: bytes, as_utf8: Decoded) -> bool:
    return sum(1 for _ in UTF8_MULTIBYTE.finditer(data)) > as_utf8.replaced


def _text_or_binary(decoded: Decoded) -> Decoded:
    sample = decoded.text[:CONTROL_SAMPLE]
    if _CONTROL.search(sample) and len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise NotText("binary file (mostly control characters)")
    return decoded


def decode_article(data: bytes) -> Decoded:
    """The text of an article's bytes under the policy above; NotText for binary data."""
    for signature, kind in BINARY_SIGNATURES:
        if data.startswith(signature):
            raise NotText(f"binary file ({kind})")
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return _text_or_binary(_decode(data[len(mark):], encoding))
    if b"\x00" in data:
        raise NotText("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if len(data.translate(None, _CONTROL_BYTES)) == len(data):
            return Decoded(text, "utf-8")  # no control character at all: in UTF-8 each is its own byte
        return _text_or_binary(Decoded(text, "utf-8"))
    as_utf8 = _decode(data, "utf-8")
    if _is_mostly_utf8(data, as_utf8):
        return _text_or_binary(as_utf8)
    return _text_or_binary(_decode(data, "cp1252"))


def decode(data: bytes) -> str:
    """The text alone; NotText (a ValueError) for binary data."""
    return decode_article(data).text
