"""Layer 4: who gets which card: selection, freshness, the plan of messages, packs, the ledger."""
