set(Backend_SOURCES Emitter.cpp IRDump.cpp SchemaWriter.cpp SourceMap.cpp)
