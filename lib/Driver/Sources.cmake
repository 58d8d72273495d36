set(Driver_SOURCES CommandLine.cpp Driver.cpp Tools.cpp)
