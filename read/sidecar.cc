// Manifests of metadata: CSV or JSON Lines rows turned into partial articles, merged into the
// articles they name.
#include "read/sidecar.h"

#include <algorithm>
#include <filesystem>

#include "common/error.h"
#include "common/schema.h"
#include "common/text.h"
#include "read/decompress.h"

namespace morgue {
namespace fs = std::filesystem;
namespace {

// The list fields a CSV cell holds separated by ";".
bool is_list_column(const std::string& column) {
  static const char* const kLists[] = {"authors", "author",    "people",        "persons",
                                       "places",  "locations", "organizations", "organisations",
                                       "orgs",    "cited"};
  for (const char* l : kLists)
    if (column == l) return true;
  for (const DeclaredField& d : declared_fields())
    if (d.kind == FieldKind::kName && d.name == column) return true;
  return false;
}

nlohmann::json list_cell(std::string_view cell) {
  nlohmann::json list = nlohmann::json::array();
  while (!cell.empty()) {
    const std::size_t semi = cell.find(';');
    const std::string_view item = trim(cell.substr(0, semi));
    if (!item.empty()) list.push_back(std::string(item));
    if (semi == std::string_view::npos) break;
    cell.remove_prefix(semi + 1);
  }
  return list;
}

// The file a manifest names, as an article records its source (inputs: source_of).
std::string source_path(const std::string& folder, const std::string& path) {
  fs::path p = fs::path(path).is_absolute() ? fs::path(path) : fs::path(folder) / path;
  p = p.lexically_normal();
  std::error_code ec;
  const fs::path parent = fs::canonical(p.parent_path(), ec);
  return ec ? p.string() : (parent / p.filename()).string();
}

}  // namespace

void read_csv(std::istream& in, const std::string& file,
              const std::function<void(std::vector<std::string>&&, std::size_t)>& row) {
  std::vector<std::string> cells;
  std::string cell;
  std::size_t line = 1, start = 1;
  bool quoted = false, any = false;  // in quotes; the record has begun
  if (in.peek() == 0xEF) {
    char bom[3] = {};
    in.read(bom, 3);
    if (std::string_view(bom, static_cast<std::size_t>(in.gcount())) != "\xEF\xBB\xBF")
      cell.assign(bom, static_cast<std::size_t>(in.gcount())), any = true;
  }
  auto end_record = [&] {
    if (any) {
      cells.push_back(std::move(cell));
      row(std::move(cells), start);
    }
    cells.clear();
    cell.clear();
    any = false;
  };
  for (int c = in.get(); c != std::char_traits<char>::eof(); c = in.get()) {
    if (!any) start = line;
    any = true;
    if (quoted) {
      if (c == '"') {
        if (in.peek() == '"') {
          cell += '"';
          in.get();
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        cell += static_cast<char>(c);
      }
    } else if (c == '"' && cell.empty()) {
      quoted = true;
    } else if (c == ',') {
      cells.push_back(std::move(cell));
      cell.clear();
    } else if (c == '\n' || (c == '\r' && in.peek() == '\n')) {
      if (c == '\r') in.get();  // CRLF
      end_record();
      ++line;
    } else {
      cell += static_cast<char>(c);
    }
  }
  if (quoted) throw InputError(file, start, "a quoted CSV field never ends");
  end_record();
}

Sidecar::Sidecar(const std::vector<std::string>& files, ArticleSink& sink) {
  for (const std::string& file : files) {
    const std::string folder = fs::absolute(fs::path(file)).parent_path().string();
    InputStream in{fs::path(file)};
    // ".csv", or ".csv" and a compression's extension (readers' type_of)
    if (ascii_lower(type_of(file)).rfind(".csv", 0) == 0) {
      std::vector<std::string> header;
      read_csv(in.stream(), file, [&](std::vector<std::string>&& cells, std::size_t line) {
        const std::string where = file + ":" + std::to_string(line);
        if (header.empty()) {
          header = std::move(cells);
          for (std::string& h : header) h = std::string(trim(h));
          return;
        }
        if (cells.size() != header.size()) {
          sink.warning(where + ": " + std::to_string(cells.size()) +
                       " cells where the header has " + std::to_string(header.size()) +
                       "; row ignored");
          return;
        }
        nlohmann::json o = nlohmann::json::object();
        for (std::size_t i = 0; i < cells.size(); ++i) {
          if (header[i].empty() || trim(cells[i]).empty()) continue;
          o[header[i]] = is_list_column(header[i]) ? list_cell(cells[i])
                                                   : nlohmann::json(std::string(trim(cells[i])));
        }
        add(std::move(o), folder, where, sink);
      });
      if (header.empty()) throw InputError(file, 0, "empty manifest");
    } else {
      std::string line;
      std::size_t number = 0;
      while (std::getline(in.stream(), line)) {
        ++number;
        if (trim(line).empty()) continue;
        const std::string where = file + ":" + std::to_string(number);
        try {
          nlohmann::json o = parse_json(line, file, number);
          if (!o.is_object()) throw InputError(file, number, "a manifest row is a JSON object");
          add(std::move(o), folder, where, sink);
        } catch (const InputError& e) {
          sink.warning(std::string(e.what()) + "; row ignored");
        }
      }
    }
    in.check();
  }
  used_ = std::make_unique<std::atomic<bool>[]>(rows_.size());
}

void Sidecar::add(nlohmann::json&& o, const std::string& folder, const std::string& where,
                  ArticleSink& sink) {
  std::string path, id;
  for (const char* k : {"path", "file"}) {
    if (auto p = o.find(k); p != o.end()) {
      if (p->is_string()) path = p->get<std::string>();
      o.erase(p);
    }
  }
  if (auto i = o.find("id"); i != o.end()) {
    if (i->is_string()) id = i->get<std::string>();
    if (i->is_number()) id = i->dump();
    o.erase(i);
  }
  if (path.empty() && id.empty()) {
    sink.warning(where + ": the row names no article (a \"path\" or \"id\" column); ignored");
    return;
  }
  Row row{where, path.empty() ? id : path, id, path.empty(), article_fields(o, where, sink)};
  if (!path.empty()) {
    const std::string source = source_path(folder, path);
    std::error_code ec;
    if (!fs::is_regular_file(source, ec)) {
      sink.warning(where + ": path \"" + path + "\" names no file; row ignored");
      return;
    }
    row.found = source;
    if (auto before = by_source_.find(source); before != by_source_.end())
      sink.warning(where + ": path \"" + path + "\" was given by " + rows_[before->second].where +
                   " too; this row replaces that one");
    by_source_[source] = rows_.size();
  } else {
    if (auto before = by_id_.find(id); before != by_id_.end())
      sink.warning(where + ": id \"" + id + "\" was given by " + rows_[before->second].where +
                   " too; this row replaces that one");
    by_id_[id] = rows_.size();
  }
  rows_.push_back(std::move(row));
}

void Sidecar::apply(Article& a) const {
  std::size_t index;
  if (auto s = by_source_.find(a.source); s != by_source_.end())
    index = s->second;
  else if (auto i = by_id_.find(a.id); i != by_id_.end())
    index = i->second;
  else
    return;
  used_[index].store(true, std::memory_order_relaxed);
  const Article& f = rows_[index].fields;
  if (!f.title.empty()) a.title = f.title;
  if (!f.text.empty()) a.text = f.text;
  if (!f.url.empty()) a.url = f.url;
  if (!f.outlet.empty()) a.outlet = f.outlet;
  if (!f.lang.empty()) a.lang = f.lang, a.lang_origin.clear();
  if (f.date) a.date = f.date, a.date_origin = Origin::kSource, a.date_basis.clear();
  if (!f.authors.empty()) a.authors = f.authors;
  if (f.declared.people) a.people = f.people, a.declared.people = true;
  if (f.declared.places) a.places = f.places, a.declared.places = true;
  if (f.declared.organizations) a.organizations = f.organizations, a.declared.organizations = true;
  if (f.declared.cited) a.cited = f.cited, a.declared.cited = true;
  for (const auto& [key, value] : f.extra.items()) a.extra[key] = value;
}

void Sidecar::report_unused(ArticleSink& sink) const {
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    if (used_[i].load(std::memory_order_relaxed)) continue;
    const auto& map = rows_[i].by_id ? by_id_ : by_source_;
    if (map.at(rows_[i].found) != i) continue;  // replaced by a later row: said when it was read
    sink.warning(rows_[i].where + ": " +
                 (rows_[i].by_id ? "no article with id \"" + rows_[i].key + "\""
                                 : "no article of \"" + rows_[i].key + "\"") +
                 " was read in this run");
  }
}

}  // namespace morgue
