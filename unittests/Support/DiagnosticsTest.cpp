//===- DiagnosticsTest.cpp - Rendering diagnostics -------------------------===//
#include "distribufy/Support/Diagnostics.h"

#include <doctest/doctest.h>

using namespace distribufy;

TEST_CASE("an error renders with location, source line and caret") {
  SourceManager sm;
  FileId f = sm.addBuffer("t.js", "let x = 1;\nlet x = 2;\n");
  DiagnosticEngine diags(sm);
  diags.report(DiagId::err_redeclaration, f, SourceRange{15, 16}, "x");
  REQUIRE(diags.diagnostics().size() == 1);
  CHECK(diags.hasErrors());
  CHECK(diags.render(diags.diagnostics()[0]) == "t.js:2:5: error: 'x' has already been declared\n"
                                                "let x = 2;\n"
                                                "    ^\n");
}

TEST_CASE("a range on one line is underlined") {
  SourceManager sm;
  FileId f = sm.addBuffer("t.js", "foo bar;");
  DiagnosticEngine diags(sm);
  diags.report(DiagId::err_unexpected_token, f, SourceRange{4, 7}, "bar");
  CHECK(diags.render(diags.diagnostics()[0]) ==
        "t.js:1:5: error: unexpected 'bar'\nfoo bar;\n    ^~~\n");
}

TEST_CASE("tabs are repeated in the caret line so it lines up") {
  SourceManager sm;
  FileId f = sm.addBuffer("t.js", "\t\tx y");
  DiagnosticEngine diags(sm);
  diags.report(DiagId::err_unexpected_token, f, SourceRange{4, 5}, "y");
  CHECK(diags.render(diags.diagnostics()[0]) ==
        "t.js:1:5: error: unexpected 'y'\n\t\tx y\n\t\t  ^\n");
}

TEST_CASE("multi-byte characters count as one caret column") {
  SourceManager sm;
  FileId f = sm.addBuffer("t.js", "\"\xC3\xA9\" ?");
  DiagnosticEngine diags(sm);
  diags.report(DiagId::err_unexpected_token, f, SourceRange{5, 6}, "?");
  // Column 6 in bytes, but the caret sits under the fifth character.
  CHECK(diags.render(diags.diagnostics()[0]) ==
        "t.js:1:6: error: unexpected '?'\n\"\xC3\xA9\" ?\n    ^\n");
}

TEST_CASE("diagnostics without a location, notes and the consumer") {
  SourceManager sm;
  DiagnosticEngine diags(sm);
  std::vector<std::string> seen;
  diags.setConsumer([&](const Diagnostic &d) { seen.push_back(d.message); });
  diags.report(DiagId::err_unknown_pass, "nope");
  CHECK(diags.render(diags.diagnostics()[0]) == "error: unknown pass 'nope' (see --list-passes)\n");
  FileId f = sm.addBuffer("n.js", "let a;");
  diags.report(DiagId::note_previous_declaration, f, SourceRange{4, 5}, "a");
  CHECK(diags.errorCount() == 1);
  CHECK(diags.render(diags.diagnostics()[1]) ==
        "n.js:1:5: note: previous declaration of 'a' is here\nlet a;\n    ^\n");
  CHECK(seen.size() == 2);
}

TEST_CASE("the error limit stops recording but keeps counting") {
  SourceManager sm;
  DiagnosticEngine diags(sm);
  diags.setErrorLimit(2);
  for (int i = 0; i < 5; ++i)
    diags.report(DiagId::err_syntax, "boom");
  CHECK(diags.errorCount() == 5);
  CHECK(diags.diagnostics().size() == 2);
}
