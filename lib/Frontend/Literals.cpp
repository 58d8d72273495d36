//===- Literals.cpp - Cooking JavaScript literal and identifier text ------===//
//
// Decoding rules from ECMAScript 2022 sections 12.9.3 (numeric literals),
// 12.9.4 (string literals, incl. Annex B legacy octal escapes) and 12.7
// (identifier escapes).
//
//===----------------------------------------------------------------------===//
#include "Literals.h"

#include <charconv>

namespace distribufy::frontend {

void appendWtf8(uint32_t cp, std::string &out) {
  if (cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    out.push_back(char(0xC0 | (cp >> 6)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(char(0xE0 | (cp >> 12)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(char(0xF0 | (cp >> 18)));
    out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  }
}

static int hexDigit(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

namespace {
/// Writes code points, pairing a high surrogate with a following low one
/// (`"\uD83D\uDE00"` is one code point, not two WTF-8 surrogates).
struct CodePointWriter {
  std::string &out;
  uint32_t pendingHigh = 0;
  void flush() {
    if (pendingHigh) {
      appendWtf8(pendingHigh, out);
      pendingHigh = 0;
    }
  }
  void put(uint32_t cp) {
    if (pendingHigh && cp >= 0xDC00 && cp <= 0xDFFF) {
      appendWtf8(0x10000 + ((pendingHigh - 0xD800) << 10) + (cp - 0xDC00), out);
      pendingHigh = 0;
      return;
    }
    flush();
    if (cp >= 0xD800 && cp <= 0xDBFF)
      pendingHigh = cp;
    else
      appendWtf8(cp, out);
  }
  void raw(char c) {
    flush();
    out.push_back(c);
  }
};

/// Parses `uXXXX` or `u{...}` at text[i] (just after the backslash).
bool parseUnicodeEscape(std::string_view text, size_t &i, uint32_t &cp) {
  if (i >= text.size() || text[i] != 'u')
    return false;
  ++i;
  if (i < text.size() && text[i] == '{') {
    ++i;
    uint32_t v = 0;
    size_t digits = 0;
    while (i < text.size() && text[i] != '}') {
      int d = hexDigit(text[i]);
      if (d < 0)
        return false;
      v = v * 16 + uint32_t(d);
      if (v > 0x10FFFF)
        return false;
      ++digits;
      ++i;
    }
    if (i >= text.size() || digits == 0)
      return false;
    ++i; // '}'
    cp = v;
    return true;
  }
  if (i + 4 > text.size())
    return false;
  uint32_t v = 0;
  for (size_t k = 0; k < 4; ++k) {
    int d = hexDigit(text[i + k]);
    if (d < 0)
      return false;
    v = v * 16 + uint32_t(d);
  }
  i += 4;
  cp = v;
  return true;
}
} // namespace

bool cookStringBody(std::string_view s, std::string &out) {
  out.clear();
  CodePointWriter w{out};
  size_t i = 0, n = s.size();
  while (i < n) {
    char c = s[i];
    if (c != '\\') {
      w.raw(c);
      ++i;
      continue;
    }
    ++i;
    if (i >= n)
      return false;
    char e = s[i];
    switch (e) {
    case 'n':
      w.put('\n');
      ++i;
      break;
    case 't':
      w.put('\t');
      ++i;
      break;
    case 'r':
      w.put('\r');
      ++i;
      break;
    case 'b':
      w.put('\b');
      ++i;
      break;
    case 'f':
      w.put('\f');
      ++i;
      break;
    case 'v':
      w.put('\v');
      ++i;
      break;
    case '\r': // line continuation: \CR, \CRLF
      ++i;
      if (i < n && s[i] == '\n')
        ++i;
      break;
    case '\n':
      ++i;
      break;
    case 'x': {
      int h = i + 1 < n ? hexDigit(s[i + 1]) : -1;
      int l = i + 2 < n ? hexDigit(s[i + 2]) : -1;
      if (h < 0 || l < 0)
        return false;
      w.put(uint32_t(h * 16 + l));
      i += 3;
      break;
    }
    case 'u': {
      uint32_t cp;
      if (!parseUnicodeEscape(s, i, cp))
        return false;
      w.put(cp);
      break;
    }
    default:
      if (e >= '0' && e <= '7') {
        // Legacy octal (Annex B): up to 3 digits for \0-\3, 2 for \4-\7.
        uint32_t v = uint32_t(e - '0');
        ++i;
        size_t maxMore = e <= '3' ? 2 : 1;
        for (size_t k = 0; k < maxMore && i < n && s[i] >= '0' && s[i] <= '7'; ++k, ++i)
          v = v * 8 + uint32_t(s[i] - '0');
        w.put(v);
        break;
      }
      // U+2028/U+2029 after a backslash are line continuations.
      if (e == '\xE2' && i + 2 < n && s[i + 1] == '\x80' &&
          (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
        i += 3;
        break;
      }
      // Any other character (incl. \8, \9 and multi-byte ones) is itself.
      w.raw(e);
      ++i;
      break;
    }
  }
  w.flush();
  return true;
}

bool cookIdentifier(std::string_view s, std::string &out) {
  out.clear();
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '\\') {
      out.push_back(s[i++]);
      continue;
    }
    bool first = out.empty();
    ++i;
    uint32_t cp;
    if (!parseUnicodeEscape(s, i, cp) || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    // An escape must still spell an identifier character. ASCII is checked
    // exactly; other code points are not checked against the Unicode
    // ID_Start/ID_Continue tables.
    if (cp < 0x80) {
      bool letter = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '$' || cp == '_';
      bool digit = cp >= '0' && cp <= '9';
      if (!letter && !(digit && !first))
        return false;
    }
    appendWtf8(cp, out);
  }
  return true;
}

/// Converts digits in base 2^bitsPerDigit to a double, correctly rounded,
/// by re-spelling them in hex for std::from_chars.
static double radixValue(std::string_view digits, unsigned bitsPerDigit) {
  if (bitsPerDigit == 4) {
    double v = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), v, std::chars_format::hex);
    return v;
  }
  std::string bits;
  bits.reserve(digits.size() * bitsPerDigit);
  for (char c : digits) {
    unsigned d = unsigned(hexDigit(c));
    for (int b = int(bitsPerDigit) - 1; b >= 0; --b)
      bits.push_back(((d >> b) & 1) ? '1' : '0');
  }
  std::string hex;
  size_t lead = (4 - bits.size() % 4) % 4;
  bits.insert(0, lead, '0');
  for (size_t i = 0; i < bits.size(); i += 4) {
    unsigned d = unsigned((bits[i] - '0') * 8 + (bits[i + 1] - '0') * 4 + (bits[i + 2] - '0') * 2 +
                          (bits[i + 3] - '0'));
    hex.push_back("0123456789abcdef"[d]);
  }
  double v = 0;
  std::from_chars(hex.data(), hex.data() + hex.size(), v, std::chars_format::hex);
  return v;
}

double numericValue(std::string_view text) {
  std::string buf;
  if (text.find('_') != std::string_view::npos) {
    buf.reserve(text.size());
    for (char c : text)
      if (c != '_')
        buf.push_back(c);
    text = buf;
  }
  if (text.size() >= 2 && text[0] == '0') {
    char p = text[1];
    if (p == 'x' || p == 'X')
      return radixValue(text.substr(2), 4);
    if (p == 'o' || p == 'O')
      return radixValue(text.substr(2), 3);
    if (p == 'b' || p == 'B')
      return radixValue(text.substr(2), 1);
    bool allDigits = true, allOctal = true;
    for (char c : text.substr(1)) {
      if (c < '0' || c > '9')
        allDigits = false;
      if (c < '0' || c > '7')
        allOctal = false;
    }
    if (allDigits && allOctal)
      return radixValue(text.substr(1), 3); // legacy octal 017
    // 08, 09.5, 0.5, 0e1: decimal.
  }
  double v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v, std::chars_format::general);
  return v;
}

size_t firstInvalidUtf8(std::string_view text) {
  const auto *s = reinterpret_cast<const unsigned char *>(text.data());
  size_t n = text.size(), i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0)
        lo = 0xA0;
      else if (c == 0xED)
        hi = 0x9F; // no encoded surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0)
        lo = 0x90;
      else if (c == 0xF4)
        hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > n)
      return i;
    if (s[i + 1] < lo || s[i + 1] > hi)
      return i;
    for (size_t k = 2; k < len; ++k)
      if ((s[i + k] & 0xC0) != 0x80)
        return i;
    i += len;
  }
  return std::string_view::npos;
}

} // namespace distribufy::frontend
