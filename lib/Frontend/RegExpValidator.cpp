//===- RegExpValidator.cpp - Early errors of regular expression literals --===//
//
// A recursive-descent recogniser for the ES2022 RegExp pattern grammar (with
// the Annex B extensions when the `u` flag is absent). It builds nothing; it
// only answers "valid, or the first error". See RegExpValidator.h for what is
// and is not checked.
//
//===----------------------------------------------------------------------===//

#include "Frontend/RegExpValidator.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace distribufy {
namespace {

// ---- Unicode property tables (ECMA-262, table "Non-binary Unicode property
// aliases and their canonical property names" and friends) ----

constexpr std::string_view kGeneralCategoryValues[] = {"C",
                                                       "Cased_Letter",
                                                       "Cc",
                                                       "Cf",
                                                       "Close_Punctuation",
                                                       "Cn",
                                                       "Co",
                                                       "Combining_Mark",
                                                       "Connector_Punctuation",
                                                       "Control",
                                                       "Cs",
                                                       "Currency_Symbol",
                                                       "Dash_Punctuation",
                                                       "Decimal_Number",
                                                       "Enclosing_Mark",
                                                       "Final_Punctuation",
                                                       "Format",
                                                       "Initial_Punctuation",
                                                       "L",
                                                       "LC",
                                                       "Letter",
                                                       "Letter_Number",
                                                       "Line_Separator",
                                                       "Ll",
                                                       "Lm",
                                                       "Lo",
                                                       "Lowercase_Letter",
                                                       "Lt",
                                                       "Lu",
                                                       "M",
                                                       "Mark",
                                                       "Math_Symbol",
                                                       "Mc",
                                                       "Me",
                                                       "Mn",
                                                       "Modifier_Letter",
                                                       "Modifier_Symbol",
                                                       "N",
                                                       "Nd",
                                                       "Nl",
                                                       "No",
                                                       "Nonspacing_Mark",
                                                       "Number",
                                                       "Open_Punctuation",
                                                       "Other",
                                                       "Other_Letter",
                                                       "Other_Number",
                                                       "Other_Punctuation",
                                                       "Other_Symbol",
                                                       "P",
                                                       "Paragraph_Separator",
                                                       "Pc",
                                                       "Pd",
                                                       "Pe",
                                                       "Pf",
                                                       "Pi",
                                                       "Po",
                                                       "Private_Use",
                                                       "Ps",
                                                       "Punctuation",
                                                       "S",
                                                       "Sc",
                                                       "Separator",
                                                       "Sk",
                                                       "Sm",
                                                       "So",
                                                       "Space_Separator",
                                                       "Spacing_Mark",
                                                       "Surrogate",
                                                       "Symbol",
                                                       "Titlecase_Letter",
                                                       "Unassigned",
                                                       "Uppercase_Letter",
                                                       "Z",
                                                       "Zl",
                                                       "Zp",
                                                       "Zs",
                                                       "cntrl",
                                                       "digit",
                                                       "punct"};

constexpr std::string_view kBinaryProperties[] = {"ASCII",
                                                  "ASCII_Hex_Digit",
                                                  "AHex",
                                                  "Alphabetic",
                                                  "Alpha",
                                                  "Any",
                                                  "Assigned",
                                                  "Bidi_Control",
                                                  "Bidi_C",
                                                  "Bidi_Mirrored",
                                                  "Bidi_M",
                                                  "Case_Ignorable",
                                                  "CI",
                                                  "Cased",
                                                  "Changes_When_Casefolded",
                                                  "CWCF",
                                                  "Changes_When_Casemapped",
                                                  "CWCM",
                                                  "Changes_When_Lowercased",
                                                  "CWL",
                                                  "Changes_When_NFKC_Casefolded",
                                                  "CWKCF",
                                                  "Changes_When_Titlecased",
                                                  "CWT",
                                                  "Changes_When_Uppercased",
                                                  "CWU",
                                                  "Dash",
                                                  "Default_Ignorable_Code_Point",
                                                  "DI",
                                                  "Deprecated",
                                                  "Dep",
                                                  "Diacritic",
                                                  "Dia",
                                                  "Emoji",
                                                  "Emoji_Component",
                                                  "EComp",
                                                  "Emoji_Modifier",
                                                  "EMod",
                                                  "Emoji_Modifier_Base",
                                                  "EBase",
                                                  "Emoji_Presentation",
                                                  "EPres",
                                                  "Extended_Pictographic",
                                                  "ExtPict",
                                                  "Extender",
                                                  "Ext",
                                                  "Grapheme_Base",
                                                  "Gr_Base",
                                                  "Grapheme_Extend",
                                                  "Gr_Ext",
                                                  "Hex_Digit",
                                                  "Hex",
                                                  "IDS_Binary_Operator",
                                                  "IDSB",
                                                  "IDS_Trinary_Operator",
                                                  "IDST",
                                                  "ID_Continue",
                                                  "IDC",
                                                  "ID_Start",
                                                  "IDS",
                                                  "Ideographic",
                                                  "Ideo",
                                                  "Join_Control",
                                                  "Join_C",
                                                  "Logical_Order_Exception",
                                                  "LOE",
                                                  "Lowercase",
                                                  "Lower",
                                                  "Math",
                                                  "Noncharacter_Code_Point",
                                                  "NChar",
                                                  "Pattern_Syntax",
                                                  "Pat_Syn",
                                                  "Pattern_White_Space",
                                                  "Pat_WS",
                                                  "Quotation_Mark",
                                                  "QMark",
                                                  "Radical",
                                                  "Regional_Indicator",
                                                  "RI",
                                                  "Sentence_Terminal",
                                                  "STerm",
                                                  "Soft_Dotted",
                                                  "SD",
                                                  "Terminal_Punctuation",
                                                  "Term",
                                                  "Unified_Ideograph",
                                                  "UIdeo",
                                                  "Uppercase",
                                                  "Upper",
                                                  "Variation_Selector",
                                                  "VS",
                                                  "White_Space",
                                                  "space",
                                                  "XID_Continue",
                                                  "XIDC",
                                                  "XID_Start",
                                                  "XIDS"};

constexpr std::string_view kScriptValues[] = {"Adlam",
                                              "Adlm",
                                              "Ahom",
                                              "Anatolian_Hieroglyphs",
                                              "Hluw",
                                              "Arabic",
                                              "Arab",
                                              "Armenian",
                                              "Armn",
                                              "Avestan",
                                              "Avst",
                                              "Balinese",
                                              "Bali",
                                              "Bamum",
                                              "Bamu",
                                              "Bassa_Vah",
                                              "Bass",
                                              "Batak",
                                              "Batk",
                                              "Bengali",
                                              "Beng",
                                              "Bhaiksuki",
                                              "Bhks",
                                              "Bopomofo",
                                              "Bopo",
                                              "Brahmi",
                                              "Brah",
                                              "Braille",
                                              "Brai",
                                              "Buginese",
                                              "Bugi",
                                              "Buhid",
                                              "Buhd",
                                              "Canadian_Aboriginal",
                                              "Cans",
                                              "Carian",
                                              "Cari",
                                              "Caucasian_Albanian",
                                              "Aghb",
                                              "Chakma",
                                              "Cakm",
                                              "Cham",
                                              "Cherokee",
                                              "Cher",
                                              "Chorasmian",
                                              "Chrs",
                                              "Common",
                                              "Zyyy",
                                              "Coptic",
                                              "Copt",
                                              "Qaac",
                                              "Cuneiform",
                                              "Xsux",
                                              "Cypriot",
                                              "Cprt",
                                              "Cypro_Minoan",
                                              "Cpmn",
                                              "Cyrillic",
                                              "Cyrl",
                                              "Deseret",
                                              "Dsrt",
                                              "Devanagari",
                                              "Deva",
                                              "Dives_Akuru",
                                              "Diak",
                                              "Dogra",
                                              "Dogr",
                                              "Duployan",
                                              "Dupl",
                                              "Egyptian_Hieroglyphs",
                                              "Egyp",
                                              "Elbasan",
                                              "Elba",
                                              "Elymaic",
                                              "Elym",
                                              "Ethiopic",
                                              "Ethi",
                                              "Georgian",
                                              "Geor",
                                              "Glagolitic",
                                              "Glag",
                                              "Gothic",
                                              "Goth",
                                              "Grantha",
                                              "Gran",
                                              "Greek",
                                              "Grek",
                                              "Gujarati",
                                              "Gujr",
                                              "Gunjala_Gondi",
                                              "Gong",
                                              "Gurmukhi",
                                              "Guru",
                                              "Han",
                                              "Hani",
                                              "Hangul",
                                              "Hang",
                                              "Hanifi_Rohingya",
                                              "Rohg",
                                              "Hanunoo",
                                              "Hano",
                                              "Hatran",
                                              "Hatr",
                                              "Hebrew",
                                              "Hebr",
                                              "Hiragana",
                                              "Hira",
                                              "Imperial_Aramaic",
                                              "Armi",
                                              "Inherited",
                                              "Zinh",
                                              "Qaai",
                                              "Inscriptional_Pahlavi",
                                              "Phli",
                                              "Inscriptional_Parthian",
                                              "Prti",
                                              "Javanese",
                                              "Java",
                                              "Kaithi",
                                              "Kthi",
                                              "Kannada",
                                              "Knda",
                                              "Katakana",
                                              "Kana",
                                              "Kawi",
                                              "Kayah_Li",
                                              "Kali",
                                              "Kharoshthi",
                                              "Khar",
                                              "Khitan_Small_Script",
                                              "Kits",
                                              "Khmer",
                                              "Khmr",
                                              "Khojki",
                                              "Khoj",
                                              "Khudawadi",
                                              "Sind",
                                              "Lao",
                                              "Laoo",
                                              "Latin",
                                              "Latn",
                                              "Lepcha",
                                              "Lepc",
                                              "Limbu",
                                              "Limb",
                                              "Linear_A",
                                              "Lina",
                                              "Linear_B",
                                              "Linb",
                                              "Lisu",
                                              "Lycian",
                                              "Lyci",
                                              "Lydian",
                                              "Lydi",
                                              "Mahajani",
                                              "Mahj",
                                              "Makasar",
                                              "Maka",
                                              "Malayalam",
                                              "Mlym",
                                              "Mandaic",
                                              "Mand",
                                              "Manichaean",
                                              "Mani",
                                              "Marchen",
                                              "Marc",
                                              "Masaram_Gondi",
                                              "Gonm",
                                              "Medefaidrin",
                                              "Medf",
                                              "Meetei_Mayek",
                                              "Mtei",
                                              "Mende_Kikakui",
                                              "Mend",
                                              "Meroitic_Cursive",
                                              "Merc",
                                              "Meroitic_Hieroglyphs",
                                              "Mero",
                                              "Miao",
                                              "Plrd",
                                              "Modi",
                                              "Mongolian",
                                              "Mong",
                                              "Mro",
                                              "Mroo",
                                              "Multani",
                                              "Mult",
                                              "Myanmar",
                                              "Mymr",
                                              "Nabataean",
                                              "Nbat",
                                              "Nag_Mundari",
                                              "Nagm",
                                              "Nandinagari",
                                              "Nand",
                                              "New_Tai_Lue",
                                              "Talu",
                                              "Newa",
                                              "Nko",
                                              "Nkoo",
                                              "Nushu",
                                              "Nshu",
                                              "Nyiakeng_Puachue_Hmong",
                                              "Hmnp",
                                              "Ogham",
                                              "Ogam",
                                              "Ol_Chiki",
                                              "Olck",
                                              "Old_Hungarian",
                                              "Hung",
                                              "Old_Italic",
                                              "Ital",
                                              "Old_North_Arabian",
                                              "Narb",
                                              "Old_Permic",
                                              "Perm",
                                              "Old_Persian",
                                              "Xpeo",
                                              "Old_Sogdian",
                                              "Sogo",
                                              "Old_South_Arabian",
                                              "Sarb",
                                              "Old_Turkic",
                                              "Orkh",
                                              "Old_Uyghur",
                                              "Ougr",
                                              "Oriya",
                                              "Orya",
                                              "Osage",
                                              "Osge",
                                              "Osmanya",
                                              "Osma",
                                              "Pahawh_Hmong",
                                              "Hmng",
                                              "Palmyrene",
                                              "Palm",
                                              "Pau_Cin_Hau",
                                              "Pauc",
                                              "Phags_Pa",
                                              "Phag",
                                              "Phoenician",
                                              "Phnx",
                                              "Psalter_Pahlavi",
                                              "Phlp",
                                              "Rejang",
                                              "Rjng",
                                              "Runic",
                                              "Runr",
                                              "Samaritan",
                                              "Samr",
                                              "Saurashtra",
                                              "Saur",
                                              "Sharada",
                                              "Shrd",
                                              "Shavian",
                                              "Shaw",
                                              "Siddham",
                                              "Sidd",
                                              "SignWriting",
                                              "Sgnw",
                                              "Sinhala",
                                              "Sinh",
                                              "Sogdian",
                                              "Sogd",
                                              "Sora_Sompeng",
                                              "Sora",
                                              "Soyombo",
                                              "Soyo",
                                              "Sundanese",
                                              "Sund",
                                              "Syloti_Nagri",
                                              "Sylo",
                                              "Syriac",
                                              "Syrc",
                                              "Tagalog",
                                              "Tglg",
                                              "Tagbanwa",
                                              "Tagb",
                                              "Tai_Le",
                                              "Tale",
                                              "Tai_Tham",
                                              "Lana",
                                              "Tai_Viet",
                                              "Tavt",
                                              "Takri",
                                              "Takr",
                                              "Tamil",
                                              "Taml",
                                              "Tangsa",
                                              "Tnsa",
                                              "Tangut",
                                              "Tang",
                                              "Telugu",
                                              "Telu",
                                              "Thaana",
                                              "Thaa",
                                              "Thai",
                                              "Tibetan",
                                              "Tibt",
                                              "Tifinagh",
                                              "Tfng",
                                              "Tirhuta",
                                              "Tirh",
                                              "Toto",
                                              "Ugaritic",
                                              "Ugar",
                                              "Unknown",
                                              "Zzzz",
                                              "Vai",
                                              "Vaii",
                                              "Vithkuqi",
                                              "Vith",
                                              "Wancho",
                                              "Wcho",
                                              "Warang_Citi",
                                              "Wara",
                                              "Yezidi",
                                              "Yezi",
                                              "Yi",
                                              "Yiii",
                                              "Zanabazar_Square",
                                              "Zanb"};

template <size_t N> bool contains(const std::string_view (&table)[N], std::string_view s) {
  return std::find(std::begin(table), std::end(table), s) != std::end(table);
}

bool isSyntaxChar(uint32_t c) {
  switch (c) {
  case '^':
  case '$':
  case '\\':
  case '.':
  case '*':
  case '+':
  case '?':
  case '(':
  case ')':
  case '[':
  case ']':
  case '{':
  case '}':
  case '|':
    return true;
  default:
    return false;
  }
}

bool isDigit(uint32_t c) { return c >= '0' && c <= '9'; }
bool isHexDigit(uint32_t c) {
  return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
uint32_t hexValue(uint32_t c) { return isDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10; }
bool isAsciiLetter(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isLead(uint32_t c) { return c >= 0xD800 && c <= 0xDBFF; }
bool isTrail(uint32_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

/// Decodes UTF-8 into code points (unicode mode) or UTF-16 units (otherwise),
/// which is what the pattern grammar ranges over. Malformed bytes become
/// U+FFFD; the frontend has already rejected invalid UTF-8 input.
std::vector<uint32_t> decode(std::string_view s, bool unicode) {
  std::vector<uint32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    uint32_t cp = 0xFFFD;
    size_t len = 1;
    if (b < 0x80) {
      cp = b;
    } else if ((b >> 5) == 0x6 && i + 1 < s.size()) {
      cp = ((b & 0x1Fu) << 6) | (s[i + 1] & 0x3F);
      len = 2;
    } else if ((b >> 4) == 0xE && i + 2 < s.size()) {
      cp = ((b & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3F);
      len = 3;
    } else if ((b >> 3) == 0x1E && i + 3 < s.size()) {
      cp = ((b & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) |
           (s[i + 3] & 0x3F);
      len = 4;
    }
    i += len;
    if (cp > 0xFFFF && !unicode) {
      cp -= 0x10000;
      out.push_back(0xD800 + (cp >> 10));
      out.push_back(0xDC00 + (cp & 0x3FF));
    } else {
      out.push_back(cp);
    }
  }
  return out;
}

class Validator {
public:
  Validator(std::string_view pattern, bool unicode)
      : src_(decode(pattern, unicode)), unicode_(unicode) {}

  std::optional<std::string> run() {
    prescan();
    parseDisjunction();
    if (!error_ && !atEnd())
      fail(peek() == ')' ? "Unmatched ')'" : "Unexpected character");
    if (!error_)
      for (const auto &ref : references_)
        if (std::find(groupNames_.begin(), groupNames_.end(), ref) == groupNames_.end()) {
          fail("Invalid named capture referenced");
          break;
        }
    return error_;
  }

private:
  using Name = std::u32string;

  bool atEnd() const { return pos_ >= src_.size(); }
  uint32_t peek(size_t ahead = 0) const {
    return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : UINT32_MAX;
  }
  bool eat(uint32_t c) {
    if (peek() != c)
      return false;
    ++pos_;
    return true;
  }
  void fail(const char *msg) {
    if (!error_)
      error_ = msg;
  }

  /// Counts capturing groups and notes whether any is named: back-references
  /// may point forward, and a named group anywhere switches `\k` to its
  /// strict meaning.
  void prescan() {
    bool inClass = false;
    for (size_t i = 0; i < src_.size(); ++i) {
      uint32_t c = src_[i];
      if (c == '\\') {
        ++i;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        if (i + 1 >= src_.size() || src_[i + 1] != '?') {
          ++groupCount_;
        } else if (i + 2 < src_.size() && src_[i + 2] == '<' &&
                   (i + 3 >= src_.size() || (src_[i + 3] != '=' && src_[i + 3] != '!'))) {
          ++groupCount_;
          hasNamedGroups_ = true;
        }
      }
    }
  }

  void parseDisjunction() {
    parseAlternative();
    while (!error_ && eat('|'))
      parseAlternative();
  }

  void parseAlternative() {
    while (!error_ && !atEnd() && peek() != '|' && peek() != ')')
      parseTerm();
  }

  void parseTerm() {
    uint32_t c = peek();
    bool quantifiable = true;
    switch (c) {
    case '^':
    case '$':
      ++pos_;
      quantifiable = false;
      break;
    case '\\':
      if (peek(1) == 'b' || peek(1) == 'B') {
        pos_ += 2;
        quantifiable = false;
      } else {
        ++pos_;
        parseAtomEscape();
      }
      break;
    case '(':
      quantifiable = parseGroup();
      break;
    case '[':
      ++pos_;
      parseClass();
      break;
    case '*':
    case '+':
    case '?':
      return fail("Nothing to repeat");
    case '{':
      if (unicode_) {
        size_t save = pos_;
        if (tryBracedQuantifier())
          return fail("Nothing to repeat");
        pos_ = save;
        return fail("Lone quantifier brackets");
      } else {
        size_t save = pos_;
        if (tryBracedQuantifier())
          return fail("Nothing to repeat");
        pos_ = save + 1; // Annex B: a literal '{'
      }
      break;
    case '}':
    case ']':
      if (unicode_)
        return fail("Lone quantifier brackets");
      ++pos_;
      break;
    default:
      ++pos_;
      break;
    }
    if (error_)
      return;
    uint32_t q = peek();
    bool isQuant = q == '*' || q == '+' || q == '?';
    if (q == '{') {
      size_t save = pos_;
      isQuant = tryBracedQuantifier();
      pos_ = save;
      if (!isQuant && unicode_)
        return fail("Incomplete quantifier");
    }
    if (!isQuant)
      return;
    if (!quantifiable)
      return fail("Nothing to repeat");
    if (q == '{')
      tryBracedQuantifier();
    else
      ++pos_;
    eat('?');
  }

  /// Parses `{n}`, `{n,}` or `{n,m}` at pos_; false (pos_ unspecified) if
  /// the text is not a braced quantifier. Reports out-of-order bounds.
  bool tryBracedQuantifier() {
    if (!eat('{'))
      return false;
    double lo = 0, hi = 0;
    if (!parseDecimal(lo))
      return false;
    hi = lo;
    if (eat(',')) {
      if (peek() == '}')
        hi = -1;
      else if (!parseDecimal(hi))
        return false;
    }
    if (!eat('}'))
      return false;
    if (hi >= 0 && hi < lo)
      fail("numbers out of order in {} quantifier");
    return true;
  }

  bool parseDecimal(double &out) {
    if (!isDigit(peek()))
      return false;
    out = 0;
    while (isDigit(peek()))
      out = out * 10 + (src_[pos_++] - '0');
    return true;
  }

  /// Returns whether the group may be quantified.
  bool parseGroup() {
    ++pos_; // '('
    bool quantifiable = true;
    if (eat('?')) {
      if (eat(':')) {
      } else if (eat('=') || eat('!')) {
        quantifiable = !unicode_;
      } else if (peek() == '<' && (peek(1) == '=' || peek(1) == '!')) {
        pos_ += 2;
        quantifiable = false;
      } else if (eat('<')) {
        Name name;
        if (!parseGroupName(name))
          return false;
        if (std::find(groupNames_.begin(), groupNames_.end(), name) != groupNames_.end()) {
          fail("Duplicate capture group name");
          return false;
        }
        groupNames_.push_back(std::move(name));
      } else {
        fail("Invalid group");
        return false;
      }
    }
    parseDisjunction();
    if (error_)
      return false;
    if (!eat(')')) {
      fail("Unterminated group");
      return false;
    }
    return quantifiable;
  }

  /// After `<`: RegExpIdentifierName `>`.
  bool parseGroupName(Name &name) {
    for (bool first = true;; first = false) {
      if (eat('>')) {
        if (first)
          break;
        return true;
      }
      uint32_t c;
      if (eat('\\')) {
        if (!eat('u') || !parseUnicodeEscapeBody(c, /*allowBraces=*/true))
          break;
      } else if (atEnd()) {
        break;
      } else {
        c = src_[pos_++];
        if (isLead(c) && isTrail(peek()))
          c = 0x10000 + ((c - 0xD800) << 10) + (src_[pos_++] - 0xDC00);
      }
      bool ok = isAsciiLetter(c) || c == '$' || c == '_' || c >= 0x80;
      if (!first)
        ok = ok || isDigit(c);
      if (!ok)
        break;
      name.push_back(c);
    }
    fail("Invalid capture group name");
    return false;
  }

  /// After `\u`: `HHHH` (combining an escaped surrogate pair) or, when
  /// allowed, `{H...}`.
  bool parseUnicodeEscapeBody(uint32_t &value, bool allowBraces) {
    if (peek() == '{' && allowBraces) {
      size_t save = pos_++;
      uint32_t v = 0;
      bool any = false;
      while (isHexDigit(peek())) {
        v = v * 16 + hexValue(src_[pos_++]);
        any = true;
        if (v > 0x10FFFF) {
          pos_ = save;
          return false;
        }
      }
      if (!any || !eat('}')) {
        pos_ = save;
        return false;
      }
      value = v;
      return true;
    }
    if (!readHex4(value))
      return false;
    if (isLead(value) && peek() == '\\' && peek(1) == 'u') {
      size_t save = pos_;
      pos_ += 2;
      uint32_t trail;
      if (readHex4(trail) && isTrail(trail))
        value = 0x10000 + ((value - 0xD800) << 10) + (trail - 0xDC00);
      else
        pos_ = save;
    }
    return true;
  }

  bool readHex4(uint32_t &value) {
    for (size_t i = 0; i < 4; ++i)
      if (!isHexDigit(peek(i)))
        return false;
    value = 0;
    for (size_t i = 0; i < 4; ++i)
      value = value * 16 + hexValue(src_[pos_++]);
    return true;
  }

  /// After `\` outside a class.
  void parseAtomEscape() {
    if (atEnd())
      return fail("\\ at end of pattern");
    uint32_t c = peek();
    if (c >= '1' && c <= '9') {
      size_t save = pos_;
      double n = 0;
      parseDecimal(n);
      if (n <= groupCount_)
        return;
      if (unicode_)
        return fail("Invalid escape");
      pos_ = save; // Annex B: a legacy octal escape or an identity escape
      parseLegacyOctalOrIdentity();
      return;
    }
    if (c == 'k' && (unicode_ || hasNamedGroups_)) {
      ++pos_;
      Name name;
      if (!eat('<'))
        return fail("Invalid named reference");
      if (parseGroupName(name))
        references_.push_back(std::move(name));
      return;
    }
    bool isSet = false;
    uint32_t value;
    parseClassOrCharacterEscape(/*inClass=*/false, isSet, value);
  }

  /// Annex B LegacyOctalEscapeSequence (up to three octal digits, value at
  /// most 0377) or, for `8`/`9`, an identity escape.
  void parseLegacyOctalOrIdentity() {
    uint32_t c = src_[pos_++];
    if (c > '7')
      return;
    if (peek() >= '0' && peek() <= '7') {
      ++pos_;
      if (c <= '3' && peek() >= '0' && peek() <= '7')
        ++pos_;
    }
  }

  /// Parses a CharacterClassEscape or CharacterEscape after `\` (pos_ at the
  /// escape letter). \p isSet tells whether it denotes a set (`\d`, `\p{}`).
  void parseClassOrCharacterEscape(bool inClass, bool &isSet, uint32_t &value) {
    uint32_t c = src_[pos_++];
    isSet = false;
    value = c;
    switch (c) {
    case 'd':
    case 'D':
    case 's':
    case 'S':
    case 'w':
    case 'W':
      isSet = true;
      return;
    case 'p':
    case 'P':
      if (unicode_) {
        isSet = true;
        parsePropertyEscape();
      }
      return;
    case 'f':
      value = '\f';
      return;
    case 'n':
      value = '\n';
      return;
    case 'r':
      value = '\r';
      return;
    case 't':
      value = '\t';
      return;
    case 'v':
      value = '\v';
      return;
    case 'c':
      if (isAsciiLetter(peek()) || (inClass && !unicode_ && (isDigit(peek()) || peek() == '_'))) {
        value = src_[pos_++] % 32;
        return;
      }
      if (unicode_)
        return fail("Invalid unicode escape");
      --pos_; // Annex B: the backslash is literal; 'c' is parsed next
      value = '\\';
      return;
    case '0':
      if (!isDigit(peek())) {
        value = 0;
        return;
      }
      if (unicode_)
        return fail(inClass ? "Invalid class escape" : "Invalid decimal escape");
      --pos_;
      parseLegacyOctalOrIdentity();
      value = 0; // exact value irrelevant for range checks of this rare form
      return;
    case 'x':
      if (isHexDigit(peek()) && isHexDigit(peek(1))) {
        value = hexValue(src_[pos_]) * 16 + hexValue(src_[pos_ + 1]);
        pos_ += 2;
        return;
      }
      if (unicode_)
        return fail("Invalid escape");
      return;
    case 'u': {
      uint32_t v;
      size_t save = pos_;
      if (parseUnicodeEscapeBody(v, unicode_)) {
        value = v;
        return;
      }
      pos_ = save;
      if (unicode_)
        return fail("Invalid Unicode escape");
      return;
    }
    default:
      break;
    }
    if (isDigit(c)) {
      // Inside a class (outside, parseAtomEscape handled digits).
      if (unicode_)
        return fail("Invalid class escape");
      --pos_;
      parseLegacyOctalOrIdentity();
      return;
    }
    if (unicode_) {
      if (isSyntaxChar(c) || c == '/' || (inClass && c == '-'))
        return;
      return fail("Invalid escape");
    }
    if (c == 'k' && hasNamedGroups_)
      return fail("Invalid escape");
  }

  /// After `\p` / `\P` in unicode mode.
  void parsePropertyEscape() {
    if (!eat('{'))
      return fail("Invalid property name");
    std::string name, value;
    bool seenEq = false;
    for (;;) {
      uint32_t c = peek();
      if (c == '}')
        break;
      if (c == '=' && !seenEq) {
        seenEq = true;
      } else if (isAsciiLetter(c) || isDigit(c) || c == '_') {
        (seenEq ? value : name).push_back(static_cast<char>(c));
      } else {
        return fail("Invalid property name");
      }
      ++pos_;
    }
    ++pos_; // '}'
    bool ok;
    if (seenEq) {
      if (name == "General_Category" || name == "gc")
        ok = contains(kGeneralCategoryValues, value);
      else if (name == "Script" || name == "sc" || name == "Script_Extensions" || name == "scx")
        ok = contains(kScriptValues, value);
      else
        ok = false;
    } else {
      ok = contains(kGeneralCategoryValues, name) || contains(kBinaryProperties, name);
    }
    if (!ok)
      fail("Invalid property name");
  }

  /// After `[`.
  void parseClass() {
    eat('^');
    for (;;) {
      if (atEnd())
        return fail("Unterminated character class");
      if (eat(']'))
        return;
      bool setA;
      uint32_t a;
      parseClassAtom(setA, a);
      if (error_)
        return;
      if (peek() == '-' && peek(1) != ']' && peek(1) != UINT32_MAX) {
        ++pos_;
        bool setB;
        uint32_t b;
        parseClassAtom(setB, b);
        if (error_)
          return;
        if (setA || setB) {
          if (unicode_)
            return fail("Invalid character class");
        } else if (a > b) {
          return fail("Range out of order in character class");
        }
      }
    }
  }

  void parseClassAtom(bool &isSet, uint32_t &value) {
    isSet = false;
    uint32_t c = src_[pos_++];
    value = c;
    if (c != '\\')
      return;
    if (atEnd())
      return fail("\\ at end of pattern");
    if (peek() == 'b') {
      ++pos_;
      value = '\b';
      return;
    }
    if (unicode_ && peek() == '-') {
      ++pos_;
      value = '-';
      return;
    }
    parseClassOrCharacterEscape(/*inClass=*/true, isSet, value);
  }

  std::vector<uint32_t> src_;
  size_t pos_ = 0;
  bool unicode_;
  bool hasNamedGroups_ = false;
  double groupCount_ = 0;
  std::vector<Name> groupNames_;
  std::vector<Name> references_;
  std::optional<std::string> error_;
};

} // namespace

std::optional<std::string> validateRegExp(std::string_view pattern, std::string_view flags) {
  bool seen[128] = {};
  for (char f : flags) {
    auto c = static_cast<unsigned char>(f);
    if (c >= 128 || std::string_view("dgimsuy").find(f) == std::string_view::npos || seen[c])
      return std::string("Invalid regular expression flags");
    seen[c] = true;
  }
  return Validator(pattern, seen[static_cast<unsigned char>('u')]).run();
}

} // namespace distribufy
