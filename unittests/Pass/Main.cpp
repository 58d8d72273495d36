//===- Main.cpp - doctest entry point of the Pass unit tests -----===//
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
