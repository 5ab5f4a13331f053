"""Helpers of the ``cc_attributions`` component: cue lexicon, quotation marks, span building and rules."""
