//===- SourceManager.h - Source buffers and locations ----------------------===//
//
/// \file
/// Owns the text of every input file and maps byte offsets to 1-based
/// line:column positions (columns count bytes, as clang does).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace distribufy {

using FileId = uint32_t;

/// A byte range in one source buffer. Synthesized nodes have an invalid range.
struct SourceRange {
  uint32_t begin = UINT32_MAX;
  uint32_t end = UINT32_MAX;
  bool valid() const { return begin != UINT32_MAX; }
};

struct LineColumn {
  uint32_t line = 0;   ///< 1-based
  uint32_t column = 0; ///< 1-based, in bytes
};

class SourceManager {
public:
  /// Adds a buffer and returns its id. \p name is what diagnostics print.
  FileId addBuffer(std::string name, std::string text);
  std::string_view name(FileId f) const { return files_[f].name; }
  std::string_view text(FileId f) const { return files_[f].text; }
  LineColumn lineColumn(FileId f, uint32_t offset) const;
  /// The text of the 1-based line \p line, without its terminator.
  std::string_view lineText(FileId f, uint32_t line) const;

private:
  struct File {
    std::string name;
    std::string text;
    mutable std::vector<uint32_t> lineStarts; ///< computed on first use
  };
  void computeLines(const File &file) const;
  std::vector<File> files_;
};

} // namespace distribufy
