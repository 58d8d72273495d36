set(Support_SOURCES SourceManager.cpp Diagnostics.cpp LargeStack.cpp)
