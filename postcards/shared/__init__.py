"""Layer 1: what every layer shares: errors, the typed records, options, words and scripts."""
