"""Build tooling for Tributary's on-device models (see models/README.md)."""
