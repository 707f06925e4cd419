"""Present: the one read model of a stored dossier (corrections applied), the queries the CLI and the Python API
answer, the exporters, and the web UI. Reads through the store; never reaches into analysis or resolution."""
