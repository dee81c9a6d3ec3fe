"""Layer 3: what a card says, pure: dative names, the address block, messages, the censor
check, occasions, transliteration, and plain text for pages."""
