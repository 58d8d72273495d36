set(Frontend_SOURCES
  Frontend.cpp
  Literals.cpp
  EarlyErrors.cpp
  RegExpValidator.cpp
)
