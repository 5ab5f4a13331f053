"""Rules behind ``cc_attack``: where the attack happened, what kind it was, its casualty figures."""
