"""Layer 2: data in: YAML read to located nodes and typed records, the institutions registry,
postcodes, the user's config, and the files that travel with the package."""
