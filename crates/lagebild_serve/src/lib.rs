//! `lagebild serve`: the analyst workbench, an HTTP API and a web UI served from the binary.
