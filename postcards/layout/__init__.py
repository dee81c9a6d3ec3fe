"""Layer 5: geometry, measuring and fitting, in millimetres; no canvas: what is drawn where."""
