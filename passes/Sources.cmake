set(passes_SOURCES)
