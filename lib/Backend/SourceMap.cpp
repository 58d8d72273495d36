//===- SourceMap.cpp - Source map v3 encoding ------------------------------===//
#include "SourceMap.h"

#include <algorithm>
#include <cstring>

namespace distribufy::sourcemap {

namespace {

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

bool isContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

/// Length of the well-formed UTF-8 (or WTF-8: lone surrogates allowed)
/// sequence at s[i], or 0 if it is not one.
size_t sequenceLength(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  size_t n;
  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c >= 0xE0 && c <= 0xEF)
    n = 3;
  else if (c >= 0xF0 && c <= 0xF4)
    n = 4;
  else
    return 0;
  if (i + n > s.size())
    return 0;
  for (size_t k = 1; k < n; ++k)
    if (!isContinuation(static_cast<unsigned char>(s[i + k])))
      return 0;
  auto c1 = static_cast<unsigned char>(s[i + 1]);
  if ((c == 0xE0 && c1 < 0xA0) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F))
    return 0; // overlong or beyond U+10FFFF
  return n;
}

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighs = 0x8080808080808080ULL;

uint64_t load8(const char *p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

/// True if the 8 bytes of \p w are all printable ASCII or DEL (0x20-0x7F):
/// no line terminator, no multi-byte character.
bool plainASCII(uint64_t w) {
  uint64_t below20 = (w - kOnes * 0x20) & ~w & kHighs;
  return ((w & kHighs) | below20) == 0;
}

/// True if none of the 8 bytes of \p w needs escaping in a JSON string or
/// starts a multi-byte character: all in 0x20-0x7F except `"` and `\`.
bool plainJSON(uint64_t w) {
  auto hasZero = [](uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  return plainASCII(w) && !hasZero(w ^ (kOnes * '"')) && !hasZero(w ^ (kOnes * '\\'));
}

/// UTF-16 units of the character whose first byte is \p c: continuation
/// bytes count 0, a 4-byte lead 2, anything else 1.
unsigned unitsOfByte(unsigned char c) {
  if (isContinuation(c))
    return 0;
  return c >= 0xF0 ? 2 : 1;
}

} // namespace

void appendVLQ(std::string &out, int64_t value) {
  // Sign in the lowest bit, magnitude above it.
  uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  uint64_t v = (magnitude << 1) | (value < 0 ? 1 : 0);
  do {
    unsigned digit = v & 31;
    v >>= 5;
    if (v)
      digit |= 32;
    out += kBase64[digit];
  } while (v);
}

void appendJSONString(std::string &out, std::string_view s) {
  static const char hex[] = "0123456789abcdef";
  out += '"';
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      // Copy the run of plain ASCII at once.
      size_t j = i + 1;
      while (j + 8 <= s.size() && plainJSON(load8(s.data() + j)))
        j += 8;
      while (j < s.size()) {
        auto d = static_cast<unsigned char>(s[j]);
        if (d < 0x20 || d >= 0x80 || d == '"' || d == '\\')
          break;
        ++j;
      }
      out.append(s.data() + i, j - i);
      i = j;
      continue;
    }
    switch (c) {
    case '"':
      out += "\\\"";
      ++i;
      continue;
    case '\\':
      out += "\\\\";
      ++i;
      continue;
    case '\n':
      out += "\\n";
      ++i;
      continue;
    case '\r':
      out += "\\r";
      ++i;
      continue;
    case '\t':
      out += "\\t";
      ++i;
      continue;
    default:
      break;
    }
    if (c < 0x20) {
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
      ++i;
      continue;
    }
    size_t n = sequenceLength(s, i);
    if (n == 3 && c == 0xED && static_cast<unsigned char>(s[i + 1]) >= 0xA0) {
      // A lone surrogate (WTF-8): JSON can spell it as an escape.
      unsigned v = ((c & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                   (static_cast<unsigned char>(s[i + 2]) & 0x3F);
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4)
        out += hex[(v >> shift) & 15];
      i += 3;
      continue;
    }
    if (n == 0) {
      out += "\\ufffd";
      ++i;
      continue;
    }
    out.append(s.data() + i, n);
    i += n;
  }
  out += '"';
}

uint32_t utf16Length(std::string_view s) {
  uint32_t n = 0;
  for (char c : s)
    n += unitsOfByte(static_cast<unsigned char>(c));
  return n;
}

// ---- OriginalIndex ----

OriginalIndex::OriginalIndex(const SourceManager &sm, FileId file) : sm_(sm), file_(file) {
  std::string_view text = sm.text(file);
  uint32_t surplus = 0;
  for (size_t i = 0; i < text.size();) {
    if (i + 8 <= text.size() && (load8(text.data() + i) & kHighs) == 0) {
      i += 8;
      continue;
    }
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    // A lead byte (or a stray continuation byte) and its continuation bytes.
    size_t start = i;
    size_t bytes = 0;
    unsigned units = unitsOfByte(c);
    ++i;
    ++bytes;
    if (!isContinuation(c))
      while (i < text.size() && bytes < 4 && isContinuation(static_cast<unsigned char>(text[i])))
        ++i, ++bytes;
    surplus += static_cast<uint32_t>(bytes) - units;
    starts_.push_back(static_cast<uint32_t>(start));
    surplus_.push_back(surplus);
  }
}

uint32_t OriginalIndex::surplusBefore(uint32_t offset) const {
  auto it = std::lower_bound(starts_.begin(), starts_.end(), offset);
  if (it == starts_.begin())
    return 0;
  return surplus_[static_cast<size_t>(it - starts_.begin()) - 1];
}

OriginalIndex::Position OriginalIndex::position(uint32_t offset) const {
  // Mappings mostly follow the source, several per line: look the line up
  // only when the offset leaves the line of the previous lookup.
  if (offset < lineStart_ || offset > lineEnd_) {
    LineColumn lc = sm_.lineColumn(file_, offset);
    line_ = lc.line - 1;
    lineStart_ = offset - (lc.column - 1);
    lineEnd_ = lineStart_ + static_cast<uint32_t>(sm_.lineText(file_, lc.line).size());
    lineSurplus_ = starts_.empty() ? 0 : surplusBefore(lineStart_);
  }
  uint32_t column = offset - lineStart_;
  if (!starts_.empty())
    column -= surplusBefore(offset) - lineSurplus_;
  return {line_, column};
}

// ---- SourceMapBuilder ----

void SourceMapBuilder::advance(std::string_view generated, size_t offset) {
  const char *s = generated.data();
  for (size_t i = scanned_; i < offset; ++i) {
    if (i + 8 <= offset && plainASCII(load8(s + i))) {
      genColumn_ += 8;
      afterCR_ = false;
      i += 7;
      continue;
    }
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '\n') {
      if (!afterCR_) {
        ++genLine_;
        genColumn_ = 0;
      }
      afterCR_ = false;
      continue;
    }
    afterCR_ = false;
    if (c == '\r') {
      ++genLine_;
      genColumn_ = 0;
      afterCR_ = true;
      continue;
    }
    if (c < 0x80) {
      ++genColumn_;
      continue;
    }
    if (c == 0xE2 && i + 2 < generated.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
         static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
      // U+2028 / U+2029 end a line in JavaScript.
      ++genLine_;
      genColumn_ = 0;
      i += 2;
      continue;
    }
    genColumn_ += unitsOfByte(c);
  }
  scanned_ = std::max(scanned_, offset);
}

void SourceMapBuilder::add(std::string_view generated, size_t genOffset, uint32_t origOffset) {
  if (hasPending_ && genOffset == pendingOffset_) {
    pendingOrig_ = origOffset;
    return;
  }
  flush();
  advance(generated, genOffset);
  hasPending_ = true;
  pendingOffset_ = genOffset;
  pendingLine_ = genLine_;
  pendingColumn_ = genColumn_;
  pendingOrig_ = origOffset;
}

void SourceMapBuilder::flush() {
  if (!hasPending_)
    return;
  hasPending_ = false;
  bool unmapped = pendingOrig_ == kUnmapped;
  if (pendingLine_ != outLine_) {
    mappings_.append(pendingLine_ - outLine_, ';');
    outLine_ = pendingLine_;
    lineHasSegment_ = false;
    prevGenColumn_ = 0;
  } else if (unmapped && lastUnmapped_) {
    return; // already unmapped from the previous segment on
  }
  if (lineHasSegment_)
    mappings_ += ',';
  appendVLQ(mappings_, static_cast<int64_t>(pendingColumn_) - prevGenColumn_);
  prevGenColumn_ = pendingColumn_;
  lineHasSegment_ = true;
  lastUnmapped_ = unmapped;
  if (unmapped)
    return;
  OriginalIndex::Position p = original_.position(pendingOrig_);
  mappings_ += 'A'; // source index 0, always
  appendVLQ(mappings_, static_cast<int64_t>(p.line) - prevSrcLine_);
  appendVLQ(mappings_, static_cast<int64_t>(p.column) - prevSrcColumn_);
  prevSrcLine_ = p.line;
  prevSrcColumn_ = p.column;
}

std::string SourceMapBuilder::finish(std::string_view fileField) {
  flush();
  std::string_view text = sm_.text(file_);
  std::string json;
  json.reserve(text.size() + mappings_.size() + fileField.size() + sm_.name(file_).size() + 128);
  json += "{\"version\":3,\"file\":";
  appendJSONString(json, fileField);
  json += ",\"sources\":[";
  appendJSONString(json, sm_.name(file_));
  json += "],\"sourcesContent\":[";
  appendJSONString(json, text);
  json += "],\"names\":[],\"mappings\":\"";
  json += mappings_;
  json += "\"}";
  return json;
}

} // namespace distribufy::sourcemap
