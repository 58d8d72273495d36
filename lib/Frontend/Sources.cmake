set(Frontend_SOURCES Frontend.cpp)
