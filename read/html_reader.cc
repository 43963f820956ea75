// Turns a saved web page into an Article: decoding its bytes, reading the metadata news sites
// publish (JSON-LD, Open Graph and other <meta> tags) and the visible text of the article.
#include "read/html_reader.h"

#include <gumbo.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/ascii.h"
#include "common/date.h"
#include "common/error.h"
#include "common/text.h"
#include "read/isolate.h"
#include "read/readers.h"

namespace morgue {
namespace {

using nlohmann::json;

// ----------------------------------------------------------------------------------------------
// Small string helpers (ASCII only: tag, attribute and charset names are ASCII; ascii_lower is
// common/text's).

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool looks_like_url(std::string_view s) {
  std::string lower = ascii_lower(s.substr(0, 8));
  return starts_with(lower, "http://") || starts_with(lower, "https://") ||
         starts_with(lower, "www.");
}

bool is_absolute_url(std::string_view s) {
  std::string lower = ascii_lower(s.substr(0, 8));
  return starts_with(lower, "http://") || starts_with(lower, "https://");
}

// ----------------------------------------------------------------------------------------------
// Bytes to UTF-8.

// Browsers look further than the 1024 bytes the HTML standard's prescan allows; saved pages often
// carry long inline styles or scripts before the charset <meta>.
constexpr std::size_t kCharsetScanBytes = 16 * 1024;

bool is_charset_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
         c == ':';
}

// The value after `key` followed by "=" in `tag` (lower case), quoted or not; empty if none.
// Finds both <meta charset="x"> and <meta content="text/html; charset=x">.
std::string value_after(std::string_view tag, std::string_view key) {
  for (std::size_t at = tag.find(key); at != std::string_view::npos; at = tag.find(key, at + 1)) {
    std::size_t i = at + key.size();
    while (i < tag.size() && is_html_space(tag[i])) ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && (is_html_space(tag[i]) || tag[i] == '"' || tag[i] == '\'')) ++i;
    std::size_t start = i;
    while (i < tag.size() && is_charset_char(tag[i])) ++i;
    if (i > start) return std::string(tag.substr(start, i - start));
  }
  return {};
}

// The charset the page declares, lower case, or empty. A byte scan, not a parse: gumbo only takes
// UTF-8, so the charset has to be known before parsing.
std::string declared_charset(std::string_view bytes) {
  std::string head = ascii_lower(bytes.substr(0, kCharsetScanBytes));
  std::string_view view(head);
  std::string_view start = trim(view);
  if (starts_with(start, "<?xml")) {  // XHTML: <?xml version="1.0" encoding="iso-8859-1"?>
    std::string found = value_after(start.substr(0, start.find("?>")), "encoding");
    if (!found.empty()) return found;
  }
  for (std::size_t at = view.find("<meta"); at != std::string_view::npos;
       at = view.find("<meta", at + 5)) {
    std::size_t end = view.find('>', at);
    std::string found =
        value_after(view.substr(at, end == std::string_view::npos ? end : end - at), "charset");
    if (!found.empty()) return found;
  }
  return {};
}

// Labels that to_utf8 already decodes right. The encoding standard browsers follow maps every
// Latin-1 and ASCII label to Windows-1252, because pages so labelled use its 0x80-0x9F quotes and
// dashes; ICU's ISO-8859-1 would turn those into invisible C1 controls.
bool decoded_by_to_utf8(const std::string& charset) {
  static const char* const kLabels[] = {
      "iso-8859-1", "iso8859-1",  "iso_8859-1", "iso88591", "latin1",       "l1",     "cp819",
      "ibm819",     "iso-ir-100", "us-ascii",   "ascii",    "windows-1252", "cp1252", "x-cp1252",
  };
  for (const char* label : kLabels) {
    if (charset == label) return true;
  }
  // A page that is not valid UTF-8 but claims a Unicode encoding lies about something; the
  // encoding standard treats such labels in a <meta> as UTF-8, which to_utf8 repairs as it can.
  return starts_with(charset, "utf") || starts_with(charset, "unicode") ||
         starts_with(charset, "ucs");
}

std::string decode(std::string_view bytes, std::string_view sent_charset) {
  // Valid UTF-8 wins over any declaration: pages are often re-saved as UTF-8 with the old <meta>
  // kept, while non-UTF-8 text is almost never valid UTF-8 by accident. Else the charset the page
  // was sent with (HTTP's Content-Type) comes before the one it declares, as browsers take it.
  if (is_valid_utf8(bytes)) return std::string(bytes);
  std::string charset = sent_charset.empty() ? declared_charset(bytes) : ascii_lower(sent_charset);
  if (charset.empty() || decoded_by_to_utf8(charset) || bytes.size() > INT32_MAX) {
    return to_utf8(bytes);
  }
  icu::UnicodeString decoded(bytes.data(), static_cast<int32_t>(bytes.size()), charset.c_str());
  if (decoded.isBogus()) return to_utf8(bytes);  // a charset ICU does not know
  std::string out;
  decoded.toUTF8String(out);
  return out;
}

// ----------------------------------------------------------------------------------------------
// The parsed page.

class ParsedPage {
 public:
  explicit ParsedPage(const std::string& utf8) : options_(kGumboDefaultOptions) {
    // Gumbo records each parse error with a copy of the open-element stack, which makes deeply
    // nested pages take quadratic memory; the errors are of no use here.
    options_.max_errors = 0;
    output_ = gumbo_parse_with_options(&options_, utf8.data(), utf8.size());
  }
  ~ParsedPage() {
    if (output_) gumbo_destroy_output(&options_, output_);
  }
  ParsedPage(const ParsedPage&) = delete;
  ParsedPage& operator=(const ParsedPage&) = delete;

  const GumboNode* document() const { return output_ ? output_->document : nullptr; }

 private:
  GumboOptions options_;
  GumboOutput* output_ = nullptr;
};

std::string_view attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&element.attributes, name);
  return a && a->value ? std::string_view(a->value) : std::string_view();
}

bool has_attribute(const GumboElement& element, const char* name) {
  return gumbo_get_attribute(&element.attributes, name) != nullptr;
}

const GumboVector* children_of(const GumboNode* node) {
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  if (node->type == GUMBO_NODE_ELEMENT) return &node->v.element.children;
  return nullptr;  // text, comments; and templates, whose content is inert
}

const GumboNode* child(const GumboVector& children, unsigned int i) {
  return static_cast<const GumboNode*>(children.data[i]);
}

// The raw text content of an element such as <title> or <script>, whose children are text.
std::string child_text(const GumboElement& element) {
  std::string out;
  for (unsigned int i = 0; i < element.children.length; ++i) {
    const GumboNode* c = child(element.children, i);
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE ||
        c->type == GUMBO_NODE_CDATA) {
      out += c->v.text.text;
    }
  }
  return out;
}

// Calls visit(node) for every node under root in document order, without recursion (gumbo does
// not limit nesting). visit returns false to skip the node's descendants.
template <typename Visit>
void for_each_node(const GumboNode* root, Visit visit) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (!visit(node)) continue;
    if (const GumboVector* children = children_of(node)) {
      for (unsigned int i = children->length; i-- > 0;) stack.push_back(child(*children, i));
    }
  }
}

// Page furniture rather than article: never part of the text, and an <article> or <main> inside
// it is not the article. (Forms are handled apart, see keeps_form.)
bool is_chrome(const GumboElement& element) {
  switch (element.tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
      return true;
    default:
      return has_attribute(element, "hidden");
  }
}

// Forms are search boxes, sign-ups and comment boxes, except that ASP.NET sites wrap the whole
// page in one <form>: a form holding the headline or the article is such a wrapper and is kept.
bool keeps_form(const GumboNode* form) {
  bool wrapper = false;
  for_each_node(form, [&](const GumboNode* node) {
    if (wrapper || node->type != GUMBO_NODE_ELEMENT) return false;
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_H1) wrapper = true;
    return !wrapper;
  });
  return wrapper;
}

// ----------------------------------------------------------------------------------------------
// Visible text.

enum Break { kNoBreak = 0, kLineBreak = 1, kParagraphBreak = 2 };

Break break_around(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FORM:
      return kParagraphBreak;
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_OPTION:
      return kLineBreak;
    default:
      return kNoBreak;
  }
}

// Byte length of a Unicode space at s[i] other than ASCII ones, else 0: U+00A0, U+2000-U+200A,
// U+202F, U+205F, U+3000. They separate words like spaces do, so they collapse like spaces.
std::size_t unicode_space_length(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u;
  };
  if (byte(0) == 0xC2 && byte(1) == 0xA0) return 2;
  if (byte(0) == 0xE2 && byte(1) == 0x80 &&
      ((byte(2) >= 0x80 && byte(2) <= 0x8A) || byte(2) == 0xAF))
    return 3;
  if (byte(0) == 0xE2 && byte(1) == 0x81 && byte(2) == 0x9F) return 3;
  if (byte(0) == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) return 3;
  return 0;
}

// Accumulates text the way a browser lays it out, reduced to lines: whitespace runs become one
// space, breaks are only written before the next visible character (so lines come out trimmed,
// with at most one blank line between them, and nothing trails).
class TextBuilder {
 public:
  void text(std::string_view s, bool keep_newlines) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (c == '\n' && keep_newlines) {
        newline();
        continue;
      }
      if (is_html_space(c)) {
        space_ = true;
        continue;
      }
      if (std::size_t n = unicode_space_length(s, i)) {
        space_ = true;
        i += n - 1;
        continue;
      }
      // A soft hyphen is invisible unless the line wraps there; kept, it would split the word
      // for the indexer.
      if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xAD') {
        ++i;
        continue;
      }
      if (!out_.empty()) {
        if (breaks_ > 0) {
          out_.append(static_cast<std::size_t>(breaks_), '\n');
        } else if (space_) {
          out_ += ' ';
        }
      }
      breaks_ = 0;
      space_ = false;
      out_ += c;
    }
  }

  void block(Break b) { breaks_ = std::max(breaks_, static_cast<int>(b)); }

  // <br> and newlines in <pre> add up, so that <br><br> separates paragraphs as it does on screen.
  void newline() { breaks_ = std::min(breaks_ + 1, static_cast<int>(kParagraphBreak)); }

  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  int breaks_ = 0;
  bool space_ = false;
};

std::string visible_text(const GumboNode* root) {
  TextBuilder out;
  struct Step {
    const GumboNode* node;
    bool closing;
  };
  std::vector<Step> stack{{root, false}};
  int preformatted = 0;  // depth of <pre> elements we are in
  while (!stack.empty()) {
    Step step = stack.back();
    stack.pop_back();
    const GumboNode* node = step.node;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
      out.text(node->v.text.text, preformatted > 0);
      continue;
    }
    // Comments, templates and CDATA (only found in the SVG and MathML left out) show nothing.
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& element = node->v.element;
    bool pre = element.tag == GUMBO_TAG_PRE || element.tag == GUMBO_TAG_LISTING ||
               element.tag == GUMBO_TAG_XMP || element.tag == GUMBO_TAG_PLAINTEXT;
    if (step.closing) {
      if (pre) --preformatted;
      out.block(break_around(element.tag));
      continue;
    }
    if (node != root &&
        (is_chrome(element) || (element.tag == GUMBO_TAG_FORM && !keeps_form(node))))
      continue;
    if (element.tag == GUMBO_TAG_BR) {
      out.newline();
      continue;
    }
    if (pre) ++preformatted;
    out.block(break_around(element.tag));
    stack.push_back({node, true});
    for (unsigned int i = element.children.length; i-- > 0;) {
      stack.push_back({child(element.children, i), false});
    }
  }
  return out.take();
}

// ----------------------------------------------------------------------------------------------
// What one pass over the whole document collects.

struct PageFacts {
  std::vector<json> linked_data;                         // parsed ld+json scripts, in order
  std::map<std::string, std::vector<std::string>> meta;  // lower-case name -> contents, in order
  std::string canonical;                                 // <link rel="canonical">
  std::string title;                                     // the first <title>
  std::string lang;                                      // <html lang>
  std::vector<const GumboNode*> articles;                // <article>s outside page chrome
  const GumboNode* main = nullptr;                       // the first <main> outside page chrome
  const GumboNode* body = nullptr;
};

bool is_ld_json(std::string_view type) {
  std::string t = ascii_lower(trim(type.substr(0, type.find(';'))));
  return t == "application/ld+json";
}

bool has_token(std::string_view list, std::string_view token) {
  std::string lower = ascii_lower(list);
  std::string_view rest(lower);
  while (!rest.empty()) {
    std::size_t start = 0;
    while (start < rest.size() && is_html_space(rest[start])) ++start;
    std::size_t end = start;
    while (end < rest.size() && !is_html_space(rest[end])) ++end;
    if (rest.substr(start, end - start) == token) return true;
    rest.remove_prefix(end);
  }
  return false;
}

void add_meta(PageFacts& facts, std::string_view name, std::string_view content) {
  std::string value = clean_name(content);
  if (name.empty() || value.empty()) return;
  facts.meta[ascii_lower(trim(name))].push_back(std::move(value));
}

// in_chrome: the node is page chrome or inside it.
void inspect(const GumboNode* node, bool in_chrome, PageFacts& facts) {
  const GumboElement& element = node->v.element;
  if (element.tag_namespace != GUMBO_NAMESPACE_HTML) return;  // SVG <title>, <script>...
  switch (element.tag) {
    case GUMBO_TAG_META: {
      std::string_view content = attribute(element, "content");
      // Open Graph wants property=, some sites write name=; microdata uses itemprop=;
      // http-equiv="content-language" names the page's language.
      for (const char* key : {"property", "name", "itemprop", "http-equiv"}) {
        add_meta(facts, attribute(element, key), content);
      }
      break;
    }
    case GUMBO_TAG_HTML:
      facts.lang = std::string(trim(attribute(element, "lang")));
      if (facts.lang.empty()) facts.lang = std::string(trim(attribute(element, "xml:lang")));
      break;
    case GUMBO_TAG_LINK:
      if (facts.canonical.empty() && has_token(attribute(element, "rel"), "canonical")) {
        facts.canonical = std::string(trim(attribute(element, "href")));
      }
      break;
    case GUMBO_TAG_TITLE:
      if (facts.title.empty()) facts.title = clean_name(child_text(element));
      break;
    case GUMBO_TAG_SCRIPT:
      if (is_ld_json(attribute(element, "type"))) {
        // Broken JSON-LD (or JSON-LD nested deeper than kMaxJsonDepth) is common and only
        // costs us metadata: ignore it.
        try {
          facts.linked_data.push_back(parse_json(child_text(element), "", 0, /*comments=*/true));
        } catch (const InputError&) {
        }
      }
      break;
    case GUMBO_TAG_ARTICLE:
      if (!in_chrome) facts.articles.push_back(node);
      break;
    case GUMBO_TAG_MAIN:
      if (!in_chrome && !facts.main) facts.main = node;
      break;
    case GUMBO_TAG_BODY:
      if (!facts.body) facts.body = node;
      break;
    default:
      if (!in_chrome && !facts.main && ascii_lower(attribute(element, "role")) == "main") {
        facts.main = node;
      }
      break;
  }
  // Microdata on visible elements: <time itemprop="datePublished" datetime="...">.
  if (element.tag != GUMBO_TAG_META) {
    std::string_view itemprop = attribute(element, "itemprop");
    if (!itemprop.empty()) {
      std::string_view value = attribute(element, "datetime");
      if (value.empty()) value = attribute(element, "content");
      add_meta(facts, itemprop, value);
    }
  }
}

PageFacts collect_facts(const GumboNode* document) {
  PageFacts facts;
  // A parallel stack says whether each pending node lies inside page chrome.
  std::vector<std::pair<const GumboNode*, bool>> stack{{document, false}};
  while (!stack.empty()) {
    auto [node, in_chrome] = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_ELEMENT) {
      in_chrome = in_chrome || is_chrome(node->v.element);
      inspect(node, in_chrome, facts);
    }
    if (const GumboVector* children = children_of(node)) {
      for (unsigned int i = children->length; i-- > 0;) {
        stack.emplace_back(child(*children, i), in_chrome);
      }
    }
  }
  return facts;
}

// The first date found in a <time> element under root: its datetime, else its text.
std::optional<Date> first_time_date(const GumboNode* root) {
  std::optional<Date> found;
  for_each_node(root, [&](const GumboNode* node) {
    if (found) return false;
    if (node->type != GUMBO_NODE_ELEMENT) return node->type == GUMBO_NODE_DOCUMENT;
    const GumboElement& element = node->v.element;
    if (element.tag != GUMBO_TAG_TIME) return true;
    std::string_view datetime = attribute(element, "datetime");
    if (!datetime.empty()) {
      found = parse_date(trim(datetime));
    } else {
      found = parse_date(clean_name(child_text(element)));
    }
    return false;
  });
  return found;
}

// ----------------------------------------------------------------------------------------------
// JSON-LD.

// How deep to look for article objects: top level, arrays, "@graph" and "mainEntity" nest only a
// few levels in practice, and the bound keeps hostile JSON from costing anything.
constexpr int kMaxLinkedDataDepth = 8;

struct LinkedData {
  std::string headline;
  std::string publisher;
  std::string url;
  std::string in_language;  // inLanguage: a code ("de-DE") or a Language's name
  std::optional<Date> date;
  std::vector<std::string> authors;
};

const json* member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::string string_member(const json& object, const char* key) {
  const json* v = member(object, key);
  return v && v->is_string() ? v->get<std::string>() : std::string();
}

// The objects a JSON-LD document describes, in document order.
void gather_nodes(const json& value, int depth, std::vector<const json*>& nodes) {
  if (depth > kMaxLinkedDataDepth) return;
  if (value.is_array()) {
    for (const json& element : value) gather_nodes(element, depth + 1, nodes);
    return;
  }
  if (!value.is_object()) return;
  nodes.push_back(&value);
  for (const char* key : {"@graph", "mainEntity"}) {
    if (const json* inner = member(value, key)) gather_nodes(*inner, depth + 1, nodes);
  }
}

// "NewsArticle", "schema:ReportageNewsArticle", "http://schema.org/BlogPosting"...
bool is_article_type_name(const json& type) {
  if (!type.is_string()) return false;
  std::string name = ascii_lower(type.get<std::string>());
  std::size_t cut = name.find_last_of("/:#");
  if (cut != std::string::npos) name.erase(0, cut + 1);
  return ends_with(name, "article") || ends_with(name, "blogposting") || name == "report";
}

// "@type" is a name or an array of names.
bool is_article_type(const json& type) {
  if (!type.is_array()) return is_article_type_name(type);
  return std::any_of(type.begin(), type.end(), is_article_type_name);
}

// Yoast and others write {"@id": "..."} for an author or publisher described elsewhere in the
// graph; this maps those ids to the full objects.
using IdIndex = std::map<std::string, const json*>;

const json& resolve(const json& value, const IdIndex& ids) {
  if (!value.is_object() || member(value, "name")) return value;
  std::string id = string_member(value, "@id");
  auto it = ids.find(id);
  return id.empty() || it == ids.end() ? value : *it->second;
}

std::string name_of(const json& value, const IdIndex& ids) {
  if (value.is_string()) return clean_name(value.get<std::string>());
  const json* name = member(resolve(value, ids), "name");
  if (!name) return {};
  if (name->is_array() && !name->empty()) name = &name->front();
  return name->is_string() ? clean_name(name->get<std::string>()) : std::string();
}

std::string without_fragment(std::string url) {
  std::size_t hash = url.find('#');
  if (hash != std::string::npos) url.erase(hash);
  return url;
}

// A name as bylines write it, or empty when it is no name (a profile URL).
std::string author_name(std::string_view raw) {
  std::string name = clean_name(raw);
  if (name.size() > 3 && ascii_lower(name.substr(0, 3)) == "by ") name = clean_name(name.substr(3));
  return looks_like_url(name) ? std::string() : name;
}

void add_author(std::vector<std::string>& authors, std::string_view raw) {
  std::string name = author_name(raw);
  if (name.empty()) return;
  std::string folded = fold(name);
  for (const std::string& known : authors) {
    if (fold(known) == folded) return;
  }
  authors.push_back(std::move(name));
}

LinkedData read_linked_data(const std::vector<json>& documents) {
  std::vector<const json*> nodes;
  for (const json& document : documents) gather_nodes(document, 0, nodes);
  IdIndex ids;
  for (const json* node : nodes) {
    std::string id = string_member(*node, "@id");
    if (!id.empty() && node->size() > 1) ids.emplace(id, node);
  }

  LinkedData data;
  auto article = std::find_if(nodes.begin(), nodes.end(), [](const json* node) {
    const json* type = member(*node, "@type");
    return type && is_article_type(*type);
  });
  if (article == nodes.end()) return data;
  const json& a = **article;

  data.headline = clean_name(string_member(a, "headline"));
  if (const json* language = member(a, "inLanguage")) {
    data.in_language = language->is_string() ? language->get<std::string>()
                                             : string_member(*language, "alternateName");
    if (data.in_language.empty()) data.in_language = string_member(*language, "name");
  }
  if (std::string published = string_member(a, "datePublished"); !published.empty()) {
    data.date = parse_date(trim(published));
  }
  if (const json* publisher = member(a, "publisher")) {
    if (publisher->is_array()) {
      for (const json& p : *publisher) {
        data.publisher = name_of(p, ids);
        if (!data.publisher.empty()) break;
      }
    } else {
      data.publisher = name_of(*publisher, ids);
    }
  }
  if (const json* author = member(a, "author")) {
    if (author->is_array()) {
      for (const json& one : *author) add_author(data.authors, name_of(one, ids));
    } else {
      add_author(data.authors, name_of(*author, ids));
    }
  }
  data.url = std::string(trim(string_member(a, "url")));
  if (data.url.empty()) {
    if (const json* page = member(a, "mainEntityOfPage")) {
      if (page->is_string()) {
        data.url = page->get<std::string>();
      } else {
        const json& resolved = resolve(*page, ids);
        data.url = string_member(resolved, "url");
        // An @id is an identifier that sites often make from the URL plus "#webpage".
        if (data.url.empty()) data.url = without_fragment(string_member(resolved, "@id"));
      }
      data.url = std::string(trim(data.url));
    }
  }
  return data;
}

// ----------------------------------------------------------------------------------------------
// Putting it together.

// The first content of the first of `names` the page has, or empty.
std::string first_meta(const PageFacts& facts, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    auto it = facts.meta.find(name);
    if (it != facts.meta.end() && !it->second.empty()) return it->second.front();
  }
  return {};
}

// "Headline | Site" -> "Headline" when "Site" is one of the site's names.
std::string strip_site_suffix(const std::string& title, const std::vector<std::string>& sites) {
  // Separators sites put between headline and site name, typographic ones included.
  static const char* const kSeparators[] = {
      " | ", " - ", " \u2013 ", " \u2014 ", " \u00b7 ", " :: ", " \u00bb ", " // ",
  };
  for (const char* separator : kSeparators) {
    std::size_t at = title.rfind(separator);
    if (at == std::string::npos || at == 0) continue;
    std::string suffix = fold(clean_name(title.substr(at + std::string_view(separator).size())));
    for (const std::string& site : sites) {
      if (!site.empty() && suffix == fold(site)) return clean_name(title.substr(0, at));
    }
  }
  return title;
}

// The article's text: the largest <article>, else <main>, else <body>.
std::string article_text(const PageFacts& facts, const GumboNode** root) {
  std::string best;
  for (const GumboNode* article : facts.articles) {
    std::string text = visible_text(article);
    if (text.size() > best.size()) {
      best = std::move(text);
      *root = article;
    }
  }
  for (const GumboNode* fallback : {facts.main, facts.body}) {
    if (!best.empty() || !fallback) continue;
    best = visible_text(fallback);
    *root = fallback;
  }
  return best;
}

}  // namespace

Article parse_page(std::string_view bytes, const std::string& file, std::string_view charset) {
  std::string utf8 = decode(bytes, charset);
  if (starts_with(utf8, "\xEF\xBB\xBF")) utf8.erase(0, 3);  // a BOM would become body text

  ParsedPage page(utf8);
  if (!page.document()) throw InputError(file, 0, "HTML page cannot be parsed");
  PageFacts facts = collect_facts(page.document());

  Article article;
  const GumboNode* root = nullptr;
  article.text = article_text(facts, &root);
  if (article.text.empty()) throw InputError(file, 0, "HTML page has no article text");

  LinkedData linked = read_linked_data(facts.linked_data);
  std::string site_name = first_meta(facts, {"og:site_name"});

  article.title = linked.headline;
  if (article.title.empty()) article.title = first_meta(facts, {"og:title"});
  if (article.title.empty())
    article.title = strip_site_suffix(facts.title, {site_name, linked.publisher});

  article.outlet = !linked.publisher.empty() ? linked.publisher : site_name;
  // The language the page declares: JSON-LD's, <html lang>, a content-language header, Open
  // Graph's locale ("de_DE"). The indexer reads the code (language.h) or detects one.
  article.lang = linked.in_language;
  if (article.lang.empty()) article.lang = facts.lang;
  if (article.lang.empty())
    article.lang = first_meta(facts, {"content-language", "dc.language", "og:locale"});

  // A relative canonical link is worth less than an absolute og:url.
  std::vector<std::string> urls = {linked.url, facts.canonical, first_meta(facts, {"og:url"})};
  auto absolute = std::find_if(urls.begin(), urls.end(),
                               [](const std::string& u) { return is_absolute_url(u); });
  auto any =
      std::find_if(urls.begin(), urls.end(), [](const std::string& u) { return !u.empty(); });
  if (absolute != urls.end()) {
    article.url = *absolute;
  } else if (any != urls.end()) {
    article.url = *any;
  }

  article.date = linked.date;
  if (!article.date) {
    for (const char* name : {"article:published_time", "datepublished", "date", "pubdate",
                             "publish-date", "publishdate", "dc.date", "dc.date.issued",
                             "dcterms.date", "dcterms.issued", "og:published_time"}) {
      auto it = facts.meta.find(name);
      if (it == facts.meta.end()) continue;
      for (const std::string& value : it->second) {
        article.date = parse_date(value);
        if (article.date) break;
      }
      if (article.date) break;
    }
  }
  if (!article.date && root) article.date = first_time_date(root);

  article.authors = linked.authors;
  for (const char* name : {"article:author", "author", "dc.creator"}) {
    if (!article.authors.empty()) break;
    auto it = facts.meta.find(name);
    if (it == facts.meta.end()) continue;
    for (const std::string& value : it->second) add_author(article.authors, value);
  }
  return article;
}

// Debian's gumbo 0.10.1 is built with assertions, and some malformed pages trip one
// (<table><svg><select><title><select><td> does): abort() would end a whole indexing run. So the
// page is parsed in a child process (read/isolate.h) that hands the article back as a JSON
// record; a crash costs that page only. The fork costs well under a millisecond next to parsing.
namespace {

bool is_tag_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == ':';
}

// Elements that are never opened (void) or whose end tag may be left out: not counted as depth.
bool uncounted(const std::string& tag) {
  static const std::set<std::string> kTags = {
      "area",  "base",  "basefont", "bgsound", "br",   "col",  "embed",  "frame",
      "hr",    "img",   "input",    "keygen",  "link", "meta", "param",  "source",
      "track", "wbr",   "p",        "li",      "dt",   "dd",   "option", "optgroup",
      "rb",    "rt",    "rtc",      "rp",      "tr",   "td",   "th",     "tbody",
      "thead", "tfoot", "colgroup", "caption", "html", "head", "body"};
  return kTags.count(tag) > 0;
}

// Elements whose content is text up to their end tag.
bool raw_text(const std::string& tag) {
  return tag == "script" || tag == "style" || tag == "textarea" || tag == "title" || tag == "xmp" ||
         tag == "iframe" || tag == "noembed" || tag == "noframes" || tag == "noscript" ||
         tag == "plaintext";
}

}  // namespace

bool html_nests_deeper_than(std::string_view s, std::size_t limit) {
  std::vector<std::string> open;                // the counted elements open, innermost last
  std::map<std::string, std::size_t> how_many;  // of each name among them
  const std::size_t n = s.size();
  std::size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos && i + 1 < n) {
    if (s.compare(i, 4, "<!--") == 0) {
      const std::size_t end = s.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    const bool closing = s[i + 1] == '/';
    std::size_t j = i + (closing ? 2 : 1);
    std::string name;
    while (j < n && is_tag_name_char(s[j])) name += ascii::lower(s[j++]);
    // The rest of the tag, to its '>' (a quoted attribute value may hold one).
    char quote = 0;
    for (; j < n && (quote || s[j] != '>'); ++j) {
      if (quote) {
        if (s[j] == quote) quote = 0;
      } else if (s[j] == '"' || s[j] == '\'') {
        quote = s[j];
      }
    }
    const bool self_closing = j > 0 && j < n && s[j - 1] == '/';
    i = j + 1;
    if (name.empty() || (!closing && !ascii::is_alpha(name[0]))) continue;
    if (closing) {
      auto it = how_many.find(name);
      if (it == how_many.end() || it->second == 0) continue;  // a stray end tag closes nothing
      while (!open.empty()) {  // closes the element and every element opened inside it
        const std::string last = std::move(open.back());
        open.pop_back();
        --how_many[last];
        if (last == name) break;
      }
      continue;
    }
    if (raw_text(name)) {
      std::size_t end = i;
      while ((end = s.find("</", end)) != std::string_view::npos) {
        std::size_t k = end + 2, m = 0;
        while (m < name.size() && k + m < n && ascii::lower(s[k + m]) == name[m]) ++m;
        if (m == name.size()) break;
        end += 2;
      }
      if (end == std::string_view::npos) break;
      i = end;
      continue;
    }
    if (self_closing || uncounted(name)) continue;
    open.push_back(name);
    ++how_many[name];
    if (open.size() > limit) return true;
  }
  return false;
}

Article read_html(std::string_view bytes, const std::string& file,
                  const std::atomic<bool>* interrupted, std::string_view charset) {
  if (html_nests_deeper_than(bytes, kMaxHtmlDepth))
    throw InputError(
        file, 0,
        "HTML nested deeper than the limit of " + std::to_string(kMaxHtmlDepth) + " elements");
  const auto parse = [&]() -> std::string {
    try {
      return "A" + to_record(parse_page(bytes, file, charset))
                       .dump(-1, ' ', false, json::error_handler_t::replace);
    } catch (const InputError& e) {
      return "E" + e.reason();
    } catch (const std::exception& e) {
      return std::string("Ereading the page failed: ") + e.what();
    }
  };
  const std::chrono::milliseconds limit = html_parse_limit(bytes.size());
  // A page that times out is given a second child: the first may have hung on a lock another
  // thread held when it was forked, not on the page.
  const Isolated parsed = run_isolated(parse, limit, interrupted, 2);
  switch (parsed.outcome) {
    case Isolated::Outcome::kDone:
      break;
    case Isolated::Outcome::kInterrupted:
      throw Interrupted("interrupted while " + file + " was parsed");
    case Isolated::Outcome::kTimedOut:
      throw InputError(file, 0,
                       "the HTML parser did not finish this page within " +
                           std::to_string(limit.count() / 1000) + " s, twice");
    case Isolated::Outcome::kCrashed:
      throw InputError(file, 0,
                       parsed.signal ? "the HTML parser crashed on this page (signal " +
                                           std::to_string(parsed.signal) + ")"
                                     : std::string("the HTML parser failed on this page"));
  }
  const std::string& message = parsed.message;
  if (message.empty() || (message[0] != 'A' && message[0] != 'E'))
    throw InputError(file, 0, "the HTML parser failed on this page");
  if (message[0] == 'E') throw InputError(file, 0, message.substr(1));
  json record = json::parse(message.begin() + 1, message.end(), nullptr, false);
  if (record.is_discarded()) throw InputError(file, 0, "the HTML parser failed on this page");
  return article_from_record(record);
}

}  // namespace morgue
