"""The statement rules of ``cc_statements``: one named function per rule, grouped by what they recognise.

``registry.py`` holds the :class:`~counterclaim.nlp.statement.rules.registry.Rule`
record, the ``@rule`` decorator and the chains that try rules in the order
``nlp/statement/rules.yaml`` gives; the other modules hold the rules.
"""
