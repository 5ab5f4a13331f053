"""Building blocks of ``cc_statements``: cues, speakers, targets, stance and dates of statements.

One module per concern so each rule family can be read and tested alone; the
component in ``nlp/components/statements.py`` wires them together.
"""
