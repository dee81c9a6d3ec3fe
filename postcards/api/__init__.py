"""Layer 7: the documented calls the command line and other programs use."""
