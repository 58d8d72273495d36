set(Driver_SOURCES CommandLine.cpp Driver.cpp Run.cpp Tools.cpp)
