"""counterclaim's spaCy components, one per module; importing this registers their factories."""

from counterclaim.nlp.components import (  # noqa: F401
    actors,
    attack,
    attributions,
    content,
    dateline,
    paragraphs,
    statements,
    truecase,
)
