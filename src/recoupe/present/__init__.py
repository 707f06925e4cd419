"""Present: the command line, exports and (later) the web UI, all reading through the store."""
