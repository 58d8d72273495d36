set(Inspect_SOURCES CheckpointReader.cpp Inspect.cpp)
