set(Driver_SOURCES CommandLine.cpp Driver.cpp Package.cpp Run.cpp Tools.cpp)
