// Walking the inputs and giving files their ids.
#include "indexer/inputs.h"

#include <fnmatch.h>

#include <algorithm>
#include <cctype>

#include "common/error.h"
#include "common/text.h"
#include "read/decompress.h"

namespace morgue {
namespace fs = std::filesystem;
namespace {

// The real path of the folder an input names (a file's own folder), or "" when it cannot be told
// (it does not exist).
std::string real_folder(const std::string& input) {
  std::error_code ec;
  const fs::path p(input);
  if (!fs::exists(p, ec)) return "";
  const bool folder = fs::is_directory(p, ec);
  fs::path real = fs::canonical(folder ? p : fs::absolute(p).parent_path(), ec);
  return ec ? std::string() : real.string();
}

}  // namespace

std::string source_of(const fs::path& path) {
  fs::path p = fs::absolute(path).lexically_normal();
  if (p.filename().empty()) p = p.parent_path();
  std::error_code ec;
  const fs::path folder = fs::canonical(p.parent_path(), ec);
  return ec ? p.string() : (folder / p.filename()).string();
}

const std::string& Inputs::choose_root(const std::string& recorded) {
  if (!options_.root.empty()) {
    std::error_code ec;
    if (!fs::is_directory(options_.root, ec))
      throw Error("--root " + options_.root + ": no such folder");
    root_ = fs::canonical(options_.root).string();
    if (!recorded.empty() && recorded != root_)
      report_.message("morgue-index: note: the archive root moves from " + recorded + " to " +
                      root_);
  } else if (!recorded.empty()) {
    root_ = recorded;
  } else {
    std::optional<fs::path> common;
    for (const std::string& input : options_.inputs) {
      const fs::path folder = input == "-" ? fs::path() : fs::path(real_folder(input));
      if (folder.empty()) continue;
      if (!common) {
        common = folder;
        continue;
      }
      fs::path shared;
      for (auto a = common->begin(), b = folder.begin();
           a != common->end() && b != folder.end() && *a == *b; ++a, ++b)
        shared /= *a;
      common = shared;
    }
    if (common) root_ = common->string();
  }
  return root_;
}

// The path of `folder` (real) relative to the archive root ("" for the root itself), or nullopt
// when it lies outside (said here, once per input).
std::optional<std::string> Inputs::relative_to_root(const std::string& input,
                                                    const std::string& folder) {
  const fs::path rel = fs::path(folder).lexically_relative(root_);
  if (!folder.empty() && !rel.empty() && *rel.begin() != "..")
    return rel == "." ? std::string() : rel.generic_string();
  report_.message("morgue-index: note: " + input + " lies outside the archive root " + root_ +
                  " (ids are paths relative to it): only its JSON articles with an \"id\" are "
                  "indexed; index files "
                  "inside the root, or give --root DIR to re-root a moved archive");
  return std::nullopt;
}

bool Inputs::excluded(const fs::path& relative, bool folder) const {
  const std::string name = relative.filename().string();
  if (!name.empty() && name[0] == '.') return true;  // hidden files and folders
  if (options_.default_excludes && !folder) {
    const std::string stem = ascii_lower(name.substr(0, name.find('.')));
    for (const char* d : kDefaultExcludes)
      if (stem == d) return true;
  }
  const std::string path = relative.generic_string();
  for (std::string glob : options_.exclude) {
    if (!glob.empty() && glob.back() == '/') {
      if (!folder) continue;
      glob.pop_back();
    }
    if (glob.find('/') == std::string::npos) {
      if (::fnmatch(glob.c_str(), name.c_str(), 0) == 0) return true;
    } else {
      if (glob.front() == '/') glob.erase(0, 1);
      if (::fnmatch(glob.c_str(), path.c_str(), FNM_PATHNAME) == 0) return true;
    }
  }
  return !folder && !metadata_files_.empty() &&
         metadata_files_.count(source_of(walked_ / relative)) > 0;
}

void Inputs::collect(const std::string& input, std::vector<InputFile>* files, Counts* counts) {
  std::error_code ec;
  fs::path root(input);
  auto status = fs::status(root, ec);
  auto skip = [&](const std::string& where, const std::string& why) {
    ++counts->skipped;
    report_.message("morgue-index: skipped " + std::string(InputError(where, 0, why).what()));
  };
  auto unreadable = [&](const fs::path& p, const std::string& why) {
    skip(p.string(), why);
    unreadable_.emplace(source_of(p), p.string());
  };
  auto sized = [&](InputFile f) {
    std::error_code size_ec;
    f.size = fs::file_size(f.path, size_ec);
    if (size_ec) f.size = 0;
    if (compression_for(f.path) != Compression::kNone)
      f.size = estimated_content_size(f.path, f.size);
    return f;
  };
  if (status.type() == fs::file_type::not_found) {
    skip(input, "no such file or directory");
    missing_.insert(source_of(root));
    return;
  }
  if (ec) {
    unreadable(root, "cannot read: " + ec.message());
    return;
  }
  const std::optional<std::string> base = relative_to_root(input, real_folder(input));
  auto id_of = [&](const fs::path& relative) {
    if (!base) return std::string();
    return base->empty() ? relative.generic_string() : *base + "/" + relative.generic_string();
  };
  if (!fs::is_directory(status)) {
    files->push_back(sized({root, id_of(root.filename()), true}));
    return;
  }
  walked_ = root;
  if (metadata_files_.empty())
    for (const std::string& m : options_.metadata) metadata_files_.insert(source_of(m));
  std::set<fs::path> visited;
  std::vector<fs::path> dirs{root};
  std::vector<InputFile> found;
  while (!dirs.empty()) {
    fs::path dir = dirs.back();
    dirs.pop_back();
    fs::path canonical = fs::canonical(dir, ec);
    if (ec) {
      unreadable(dir, "cannot read folder: " + ec.message());
      continue;
    }
    if (!visited.insert(canonical).second) {
      report_.message("morgue-index: note: " + dir.string() +
                      ": directory already visited (symbolic link loop); not read again");
      continue;
    }
    // A folder that cannot be listed (in whole) is reported, counted as skipped, and its articles
    // are never pruned: they may all still be there.
    std::vector<fs::path> entries;
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entries.push_back(it->path());
    if (ec) {
      unreadable(dir, "cannot read folder: " + ec.message());
      continue;
    }
    std::sort(entries.begin(), entries.end());
    std::vector<fs::path> subdirs;
    for (const fs::path& p : entries) {
      auto st = fs::status(p, ec);
      if (!ec && excluded(p.lexically_relative(root), fs::is_directory(st))) {
        if (!fs::is_directory(st)) ++counts->excluded;
        left_out_.insert(source_of(p));
        continue;
      }
      if (st.type() == fs::file_type::not_found) {
        skip(p.string(), "broken symbolic link");
        continue;
      }
      if (ec) {
        unreadable(p, "cannot read: " + ec.message());
        continue;
      }
      if (fs::is_directory(st)) {
        subdirs.push_back(p);
      } else if (fs::is_regular_file(st)) {
        found.push_back(sized({p, id_of(p.lexically_relative(root)), false}));
      }
    }
    for (auto s = subdirs.rbegin(); s != subdirs.rend(); ++s) dirs.push_back(*s);  // depth-first
  }
  // In the order of the paths within the input (not of ids, which are all "" outside the root).
  std::stable_sort(found.begin(), found.end(), [&](const InputFile& a, const InputFile& b) {
    return a.path.lexically_relative(root).generic_string() <
           b.path.lexically_relative(root).generic_string();
  });
  files->insert(files->end(), std::make_move_iterator(found.begin()),
                std::make_move_iterator(found.end()));
}

}  // namespace morgue
