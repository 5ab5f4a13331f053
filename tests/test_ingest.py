"""Ingest: every input format, encodings, and bad inputs becoming IngestError values."""

from __future__ import annotations

import codecs
import hashlib
import json
import os
from pathlib import Path

import pytest

from counterclaim.ingest import MAX_BYTES, IngestError, read_inputs
from counterclaim.records import Document, document_id

ARTICLE = (
    "Gunmen attack checkpoint in Borno\n\n"
    "Gunmen stormed a military checkpoint near Maiduguri on Tuesday, killing three soldiers, an army officer said."
)
ACCENTED = (
    "Le café de la gare à Zürich a été fermé après l'explosion. "
    "Les témoins ont décrit une scène de panique; la sécurité était renforcée près du marché. "
) * 3


def read(*paths: Path | str) -> list[Document | IngestError]:
    return list(read_inputs([str(p) for p in paths]))


def only_document(items: list[Document | IngestError]) -> Document:
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def only_error(items: list[Document | IngestError]) -> IngestError:
    assert len(items) == 1 and isinstance(items[0], IngestError), items
    return items[0]


def test_plain_text_file_becomes_a_document(tmp_path: Path) -> None:
    path = tmp_path / "borno_attack.txt"
    raw = (ARTICLE.replace("\n", "\r\n") + "  \r\n").encode("utf-8")
    path.write_bytes(raw)
    document = only_document(read(path))
    assert document.name == "borno_attack"
    assert document.text == ARTICLE + "  \n"  # as a reader sees the file: evidence offsets index this
    assert document.id == document_id(ARTICLE)  # the id ignores trailing blanks
    assert document.raw_hash == hashlib.sha256(raw).hexdigest()
    assert document.source_path == str(path)


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("latin-1", b""),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-8", codecs.BOM_UTF8),
    ],
)
def test_other_encodings_are_decoded(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(bom + ACCENTED.encode(encoding))
    document = only_document(read(path))
    assert document.text == ACCENTED
    assert not document.text.startswith("\ufeff")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary"),
    ],
)
def test_unusable_files_are_errors(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    error = only_error(read(path))
    assert error.path == str(path)
    assert reason in error.reason


def test_missing_and_oversized_files_are_errors(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as stream:
        stream.truncate(MAX_BYTES + 1)
    items = read(tmp_path / "missing.txt", big)
    assert [type(i) for i in items] == [IngestError, IngestError]
    assert "no such file" in items[0].reason
    assert "too large" in items[1].reason
    assert "\n" not in str(items[1])


def test_jsonl_lines_are_articles_and_bad_lines_do_not_stop_the_file(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": ARTICLE, "url": "https://news.example/a", "published": "2024-05-07T10:00:00Z"}),
        "{broken json",
        "",
        json.dumps({"title": "no body here"}),
        json.dumps({"text": ARTICLE + " More.", "name": "custom", "outlet": "Example News", "published": "7 May 2024"}),
        json.dumps(["not", "an", "object"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Document", "IngestError", "IngestError", "Document", "IngestError"]
    first, broken, bodiless, named, listed = items
    assert (first.name, first.url, str(first.published)) == ("feed-1", "https://news.example/a", "2024-05-07")
    assert broken.path == f"{path}:2" and "JSON" in broken.reason
    assert bodiless.path == f"{path}:4" and "text" in bodiless.reason
    assert (named.name, named.outlet, str(named.published)) == ("custom", "Example News", "2024-05-07")
    assert named.provenance == {"outlet": "jsonl", "published": "jsonl"}
    assert listed.path == f"{path}:6"


def test_html_gives_main_text_and_metadata(tmp_path: Path) -> None:
    html = """<html><head><title>Checkpoint attacked | Sahel Daily</title>
    <meta property="og:site_name" content="Sahel Daily"><meta name="date" content="2024-05-08">
    <meta property="og:title" content="Checkpoint attacked"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Checkpoint attacked</h1>
    <p>Gunmen stormed a military checkpoint near Maiduguri on Tuesday, killing three soldiers.</p>
    <p>An army officer, speaking on condition of anonymity, said the attackers fled into the bush.</p>
    <p>No group has claimed the attack so far, according to local officials in the area.</p></article>
    <footer>Copyright Sahel Daily. All rights reserved.</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    document = only_document(read(path))
    assert document.title == "Checkpoint attacked"
    assert document.outlet == "Sahel Daily"
    assert str(document.published) == "2024-05-08"
    assert document.provenance == {"title": "html", "outlet": "html", "published": "html"}
    assert document.text.startswith("Checkpoint attacked\n\nGunmen stormed")
    assert "Copyright" not in document.text and "World" not in document.text


def test_jsonl_html_line_uses_page_metadata_unless_the_line_overrides_it(tmp_path: Path) -> None:
    page = "<html><head><title>Blast</title></head><body><p>" + "A blast hit the market in the morning. " * 5 + "</p>"
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"html": page + "</body></html>", "title": "Market blast"}) + "\n", encoding="utf-8")
    document = only_document(read(path))
    assert document.title == "Market blast"
    assert document.provenance["title"] == "jsonl"
    assert "A blast hit the market" in document.text


@pytest.mark.parametrize(
    ("name", "day"),
    [("kerman_2024-01-04", "2024-01-04"), ("20240104-irna", "2024-01-04"), ("irna_2024_01_04_b", "2024-01-04")],
)
def test_a_day_in_the_file_name_is_the_publication_date(tmp_path: Path, name: str, day: str) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    document = only_document(read(path))
    assert (str(document.published), document.provenance) == (day, {"published": "file-name"})


@pytest.mark.parametrize("name", ["bajaur_rally_2023", "report-2024-13-40", "id123456789"])
def test_a_file_name_without_a_whole_day_gives_no_date(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    document = only_document(read(path))
    assert document.published is None and document.provenance == {}


def test_directories_are_walked_sorted_skipping_hidden_and_unsupported(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "b" / "z.txt").write_text(ARTICLE + " z", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE + " a", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE + " hidden", encoding="utf-8")
    (tmp_path / ".cache" / "c.txt").write_text(ARTICLE + " cached", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text("{}", encoding="utf-8")
    items = read(tmp_path, tmp_path / "a.txt")
    assert [i.name for i in items] == ["a", "z"]


def test_duplicate_texts_keep_one_id(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "two.txt").write_text(ARTICLE.replace("\n", "\r\n"), encoding="utf-8")
    first, second = read(tmp_path / "one.txt", tmp_path / "two.txt")
    assert first.id == second.id and first.name != second.name


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    assert "cannot read" in only_error(read(path)).reason


def test_read_inputs_is_a_stream(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    stream = read_inputs([str(tmp_path), str(tmp_path / "missing.txt")])
    assert next(stream).name == "a"
    assert isinstance(next(stream), IngestError)
