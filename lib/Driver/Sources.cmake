set(Driver_SOURCES Driver.cpp)
