set(Support_SOURCES SourceManager.cpp Diagnostics.cpp LargeStack.cpp Sha256.cpp Json.cpp)
