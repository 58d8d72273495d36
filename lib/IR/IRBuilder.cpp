//===- IRBuilder.cpp - Literal construction --------------------------------===//
#include "distribufy/IR/IRBuilder.h"

#include <cmath>
#include <string>

namespace distribufy::ir {

NumericLiteral *IRBuilder::number(double v) {
  auto *n = make<NumericLiteral>();
  n->value = v;
  // Shortest text that reads back as the same double; negative numbers and
  // non-finite values are expressions, not literals, and are not built here.
  n->raw = m_.atom(fmt::format("{}", v));
  return n;
}

StringLiteral *IRBuilder::string(std::string_view cooked) {
  std::string raw = "\"";
  for (size_t i = 0; i < cooked.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(cooked[i]);
    switch (c) {
    case '"':
      raw += "\\\"";
      break;
    case '\\':
      raw += "\\\\";
      break;
    case '\n':
      raw += "\\n";
      break;
    case '\r':
      raw += "\\r";
      break;
    case '\t':
      raw += "\\t";
      break;
    default:
      if (c < 0x20) {
        raw += fmt::format("\\x{:02x}", c);
      } else if (c == 0xE2 && i + 2 < cooked.size() &&
                 static_cast<unsigned char>(cooked[i + 1]) == 0x80 &&
                 (static_cast<unsigned char>(cooked[i + 2]) & 0xFE) == 0xA8) {
        // U+2028/U+2029 are line terminators inside older string grammars.
        raw += static_cast<unsigned char>(cooked[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
        i += 2;
      } else if (c == 0xED && i + 2 < cooked.size() &&
                 static_cast<unsigned char>(cooked[i + 1]) >= 0xA0) {
        // A lone surrogate stored as WTF-8: print it as an escape.
        unsigned cp = ((c & 0x0F) << 12) |
                      ((static_cast<unsigned char>(cooked[i + 1]) & 0x3F) << 6) |
                      (static_cast<unsigned char>(cooked[i + 2]) & 0x3F);
        raw += fmt::format("\\u{:04X}", cp);
        i += 2;
      } else {
        raw += static_cast<char>(c);
      }
    }
  }
  raw += '"';
  auto *n = make<StringLiteral>();
  n->raw = m_.atom(raw);
  n->value = m_.atom(cooked);
  return n;
}

UnaryExpression *IRBuilder::voidZero() { return unary(UnaryOp::Void, number(0)); }

} // namespace distribufy::ir
