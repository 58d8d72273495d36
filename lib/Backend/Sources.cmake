set(Backend_SOURCES Emitter.cpp IRDump.cpp)
