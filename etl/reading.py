"""Opening input files safely: encoding, binary and format sniffing, CSV rows with their real line numbers,
and Excel rows. Everything that goes wrong here is a FileRefused with a message in plain Dutch."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from etl import messages as msg

SNIFF_BYTES = 1 << 20  # the first MiB decides the encoding and the separator
MAX_FIELD = 1 << 20  # a single CSV field over 1 MiB is not a figure: refuse instead of eating memory
csv.field_size_limit(MAX_FIELD)


class FileRefused(Exception):
    """The file as a whole cannot be read; nothing was changed."""


@dataclass(frozen=True)
class TextFile:
    """A text file with what was found out about it."""

    path: Path
    encoding: str  # utf-8-sig, utf-8, cp1252 or utf-16
    delimiter: str
    notices: tuple[str, ...] = ()


def _looks_binary(head: bytes) -> str | None:
    if head.startswith(b"PK\x03\x04"):
        return msg.FILE_IS_ZIP
    if head.startswith(b"%PDF"):
        return msg.FILE_IS_PDF
    if b"\x00" in head[:8192] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return msg.FILE_IS_BINARY
    return None


def detect_encoding(path: Path, head: bytes) -> tuple[str, list[str]]:
    """utf-8-sig / utf-8 when the head decodes as UTF-8, utf-16 with a BOM, else Windows-1252 (with a notice)."""
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", []
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", [msg.NOTICE_UTF16]
    try:
        # A cut in the middle of a multi-byte character at the end of the sniffed block is fine.
        head.decode("utf-8") if len(head) < SNIFF_BYTES else head[:-4].decode("utf-8")
        return "utf-8", []
    except UnicodeDecodeError:
        pass
    try:
        head.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise FileRefused(msg.FILE_ENCODING.format(name=path.name, pos=exc.start)) from None
    return "cp1252", [msg.NOTICE_CP1252]


def open_text(path: Path, delimiters: str = ",;\t") -> TextFile:
    """Sniff a CSV file: refuse what is not a readable text table, find encoding and separator."""
    if not path.exists():
        raise FileRefused(msg.FILE_MISSING.format(path=path))
    if path.is_dir():
        raise FileRefused(msg.FILE_IS_DIR.format(path=path))
    with open(path, "rb") as fh:
        head = fh.read(SNIFF_BYTES)
    if not head.strip(b"\xef\xbb\xbf \r\n\t"):
        raise FileRefused(msg.FILE_EMPTY.format(name=path.name))
    if problem := _looks_binary(head):
        raise FileRefused(problem.format(name=path.name))
    encoding, notices = detect_encoding(path, head)
    text = head.decode(encoding if encoding != "utf-8-sig" else "utf-8-sig", errors="ignore")
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    counts = {d: first_line.count(d) for d in delimiters}
    delimiter = max(counts, key=counts.get)
    if counts[delimiter] == 0:
        raise FileRefused(msg.FILE_ONE_COLUMN.format(name=path.name))
    return TextFile(path, encoding, delimiter, tuple(notices))


class ByteCounter(io.RawIOBase):
    """A raw file that counts the bytes read through it (progress of a streamed text file)."""

    def __init__(self, path: Path) -> None:
        self._fh = open(path, "rb")  # noqa: SIM115 - closed by close()
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # noqa: ANN001 - a writable buffer
        n = self._fh.readinto(buffer)
        self.count += n or 0
        return n

    def close(self) -> None:
        self._fh.close()
        super().close()


def csv_rows(source: TextFile, counter: ByteCounter | None = None) -> Iterator[tuple[int, list[str]]]:
    """(line number of the row's first line, fields) for every row, header included (line 1).

    Quoted fields may hold line breaks: the line number is where the row starts, as an editor shows it.
    A decoding error or a broken quote half-way through is a FileRefused naming the line. Pass a
    ByteCounter (for source.path) to follow how far the file has been read.
    """
    raw = counter or ByteCounter(source.path)
    with io.TextIOWrapper(io.BufferedReader(raw, 1 << 16), encoding=source.encoding, newline="") as fh:
        reader = csv.reader(fh, delimiter=source.delimiter, strict=False)
        line = 1
        try:
            for fields in reader:
                yield line, fields
                line = reader.line_num + 1
        except UnicodeDecodeError:
            raise FileRefused(msg.FILE_ENCODING_AT.format(name=source.path.name, line=line)) from None
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise FileRefused(msg.FILE_FIELD_TOO_LARGE.format(name=source.path.name, line=line)) from None
            raise FileRefused(msg.FILE_CSV_BROKEN.format(name=source.path.name, line=line, error=exc)) from None


def header_and_rows(path: Path, rows: Iterator[tuple[int, list]]) -> tuple[list, Iterator[tuple[int, list]]]:
    """The first row (the header) and the rows after it; a file without even a header is refused."""
    try:
        _, header = next(rows)
    except StopIteration:
        raise FileRefused(msg.FILE_EMPTY.format(name=path.name)) from None
    return header, rows


def xlsx_rows(path: Path) -> Iterator[tuple[int, list[object]]]:
    """(row number, cell values) of the first sheet of an Excel workbook, streamed (read-only mode)."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise FileRefused(msg.FILE_XLSX_BROKEN.format(name=path.name, error=exc)) from None
    except Exception as exc:  # zipfile.BadZipFile and friends: not a workbook
        raise FileRefused(msg.FILE_XLSX_BROKEN.format(name=path.name, error=type(exc).__name__)) from None
    try:
        sheet = workbook.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if row is None or all(cell is None or str(cell).strip() == "" for cell in row):
                continue
            yield number, ["" if cell is None else cell for cell in row]
    finally:
        workbook.close()


def read_small_csv(path: Path) -> list[dict[str, str]]:
    """A metadata file (DataProperties, TableInfos, a dimension) as dicts; UTF-8 or Windows-1252."""
    source = open_text(path)
    rows = csv_rows(source)
    try:
        _, header = next(rows)
    except StopIteration:
        return []
    header = [h.strip().lstrip("\ufeff") for h in header]
    return [dict(zip(header, fields, strict=False)) for _, fields in rows if any(f.strip() for f in fields)]


