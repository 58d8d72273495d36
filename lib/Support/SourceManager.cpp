//===- SourceManager.cpp --------------------------------------------------===//
#include "distribufy/Support/SourceManager.h"

#include <algorithm>

namespace distribufy {

FileId SourceManager::addBuffer(std::string name, std::string text) {
  files_.push_back(File{std::move(name), std::move(text), {}});
  return static_cast<FileId>(files_.size() - 1);
}

void SourceManager::computeLines(const File &file) const {
  if (!file.lineStarts.empty())
    return;
  file.lineStarts.push_back(0);
  const std::string &t = file.text;
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    // Line terminators of ECMAScript: LF, CR, CRLF, U+2028, U+2029.
    if (c == '\n') {
      file.lineStarts.push_back(static_cast<uint32_t>(i + 1));
    } else if (c == '\r') {
      if (i + 1 < t.size() && t[i + 1] == '\n')
        ++i;
      file.lineStarts.push_back(static_cast<uint32_t>(i + 1));
    } else if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < t.size() &&
               static_cast<unsigned char>(t[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(t[i + 2]) == 0xA8 ||
                static_cast<unsigned char>(t[i + 2]) == 0xA9)) {
      i += 2;
      file.lineStarts.push_back(static_cast<uint32_t>(i + 1));
    }
  }
}

LineColumn SourceManager::lineColumn(FileId f, uint32_t offset) const {
  const File &file = files_[f];
  computeLines(file);
  auto it = std::upper_bound(file.lineStarts.begin(), file.lineStarts.end(), offset);
  size_t line = static_cast<size_t>(it - file.lineStarts.begin()); // 1-based
  uint32_t start = file.lineStarts[line - 1];
  return {static_cast<uint32_t>(line), offset - start + 1};
}

std::string_view SourceManager::lineText(FileId f, uint32_t line) const {
  const File &file = files_[f];
  computeLines(file);
  if (line == 0 || line > file.lineStarts.size())
    return {};
  uint32_t start = file.lineStarts[line - 1];
  uint32_t end = line < file.lineStarts.size() ? file.lineStarts[line]
                                               : static_cast<uint32_t>(file.text.size());
  std::string_view text(file.text.data() + start, end - start);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
    text.remove_suffix(1);
  if (text.size() >= 3 && static_cast<unsigned char>(text[text.size() - 3]) == 0xE2 &&
      static_cast<unsigned char>(text[text.size() - 2]) == 0x80 &&
      (static_cast<unsigned char>(text.back()) == 0xA8 ||
       static_cast<unsigned char>(text.back()) == 0xA9))
    text.remove_suffix(3);
  return text;
}

} // namespace distribufy
