"""The event report as one self-contained HTML page: readable on a phone, printable, every citation a link.

The page loads nothing (stylesheet ``report.css`` inlined, no scripts, no
images) and escapes every piece of text, since article text is untrusted.
Each citation is a link to its note at the end of the report, which shows
the cited sentence inside its paragraph with the words the report rests on
highlighted; the opened note is highlighted too (``:target``), and a link
back returns to each place that cites it. Plain anchors work offline, on
touch screens, and on paper, where the notes print as numbered endnotes.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from functools import cache
from importlib import resources

from counterclaim.report.models import NarrativeReport, Passage
from counterclaim.report.sections import Layout, Line, Sentence, Table, flat, layout, marked
from counterclaim.report.wording import words


def esc(text: str) -> str:
    """Text for HTML content and attribute values."""
    return html.escape(text, quote=True)


@cache
def stylesheet() -> str:
    return resources.files(__package__).joinpath("report.css").read_text(encoding="utf-8")


def render_html(report: NarrativeReport) -> str:
    """The report as a standalone page."""
    return render_html_page(report.title, [report])


def render_html_page(title: str, reports: Iterable[NarrativeReport]) -> str:
    """One page holding the reports, each in its own ``<article>`` (ids prefixed so their notes never clash)."""
    body = [_Article(layout(report), f"e{i}").render() for i, report in enumerate(reports, start=1)]
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="counterclaim">\n'
        f"<title>{esc(title)}</title>\n<style>\n{stylesheet()}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


class _Article:
    """One report's markup; numbers each citation of a note so the note can link back to it."""

    def __init__(self, laid: Layout, prefix: str) -> None:
        self.laid = laid
        self.prefix = prefix
        self.citations: dict[int, list[str]] = {}

    def cite(self, numbers: list[int], more: int = 0) -> str:
        """Superscript links to notes ``numbers``, each with an id the note links back to (and ``+more``)."""
        out = []
        for n in numbers:
            ids = self.citations.setdefault(n, [])
            ids.append(f"{self.prefix}-c{n}-{len(ids) + 1}")
            label = f"note {n}"
            out.append(f'<a href="#{self.prefix}-n{n}" id="{ids[-1]}" aria-label="{label}">{n}</a>')
        out += [f"+{more}"] if more else []
        return f'<sup class="ref">{",".join(out)}</sup>' if out else ""

    def render(self) -> str:
        laid, p = self.laid, self.prefix
        parts = [
            f'<article id="{p}">',
            f"<header><h1>{esc(laid.title)}</h1>",
            f'<p class="sub">{esc(laid.subtitle)}</p>',
        ]
        parts.append("</header>")
        parts.append(f'<section class="brief" id="{p}-brief"><h2>{esc(words()["sections"]["brief"])}</h2>')
        parts += [f"<p>{' '.join(self.sentence(s) for s in paragraph)}</p>" for paragraph in laid.brief]
        parts += [] if laid.brief else ['<p class="none">none</p>']
        parts.append("</section>")
        for section in laid.sections:
            parts.append(f'<section id="{p}-{section.key}"><h2>{esc(section.title)}</h2>')
            if section.table is not None:
                parts.append(self.table(section.table))
            else:
                items = "".join(self.line(line) for line in section.lines) or '<li class="none">none</li>'
                parts.append(f"<ul>{items}</ul>")
            parts.append("</section>")
        parts.append(self.notes())
        parts.append("</article>")
        return "\n".join(parts)

    def sentence(self, sentence: Sentence) -> str:
        return "".join(esc(c.text) + self.cite(c.notes, c.more) for c in sentence.clauses) + "."

    def line(self, line: Line) -> str:
        quote = f": <q>{esc(line.quote)}</q>" if line.quote else ""
        return f"<li>{esc(line.text)}{quote}{self.cite(line.notes)}</li>"

    def table(self, table: Table) -> str:
        head = "".join(f'<th scope="col">{esc(h)}</th>' for h in table.header)
        rows = "".join(
            f'<tr><th scope="row">{esc(row[0])}</th>'
            + "".join(f'<td class="n">{esc(c)}</td>' for c in row[1:])
            + "</tr>"
            for row in table.rows
        )
        legend = '<p class="legend">* claimed the attack or confirmed as its perpetrator</p>'
        return f'<div class="table"><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>{legend}'

    def notes(self) -> str:
        items = "".join(self.note(n, passage) for n, passage in enumerate(self.laid.notes, start=1))
        title = esc(words()["sections"]["evidence"])
        return (
            f'<section class="notes" id="{self.prefix}-notes"><h2>{title}</h2><ol class="notes">{items}</ol>'
            + "</section>"
        )

    def note(self, n: int, passage: Passage) -> str:
        """The cited sentence in its paragraph, the words the report rests on marked, and links back."""
        ids = self.citations.get(n, [])
        back = " ".join(
            f'<a href="#{cid}" aria-label="back to citation {k}">↩{k if len(ids) > 1 else ""}</a>'
            for k, cid in enumerate(ids, start=1)
        )
        before = esc(flat(passage, passage.paragraph_start, passage.start))
        after = esc(flat(passage, passage.end, passage.paragraph_start + len(passage.paragraph)))
        sentence = marked(passage, "<mark>", "</mark>", esc)
        quote = f'<span class="ctx">{before}</span><span class="sent">{sentence}</span><span class="ctx">{after}</span>'
        where = f"{esc(passage.document_name)} · characters {passage.start}–{passage.end}"
        return (
            f'<li id="{self.prefix}-n{n}"><p class="where">{where} <span class="back">{back}</span></p>'
            f"<blockquote>{quote}</blockquote></li>"
        )
