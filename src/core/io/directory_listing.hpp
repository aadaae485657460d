#pragma once
// What a folder holds, for choosing files: entries sorted as people expect (folders first, names
// case-insensitive with numbers in numeric order), filtered by extension, and the path arithmetic
// a file chooser needs (parent, home, resolving what the user typed). POSIX paths only.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/io/error.hpp"

namespace qantar::core {

struct DirEntry {
    std::string name;                 // the entry's own name, without the folder
    bool directory = false;           // a folder, or a symlink to one
    std::uintmax_t sizeBytes = 0;     // 0 for folders and broken symlinks
    std::int64_t modifiedUnix = 0;    // last modification, seconds since 1970-01-01 UTC
};

// The entries of `dir`: folders first, then files, each group in natural order (case-insensitive,
// digit runs compared as numbers: "frame_2" before "frame_10"). `extensions` keeps only files whose
// name ends with one of them ("." included, e.g. ".csv" or ".tar.gz"; case is ignored; an empty
// list keeps every file); folders are never filtered. Names starting with '.' are left out unless
// `showHidden`. A symlink counts as what it points to; a broken one is listed as a file of size 0.
// Entries that cannot be stat'ed are skipped. A missing folder is FileNotFound, one that cannot be
// read (or is not a folder) FileUnreadable; the message names the folder and the reason.
Expected<std::vector<DirEntry>> listDirectory(const std::string& dir, const std::vector<std::string>& extensions,
                                              bool showHidden = false);

// What `path` is (symlinks followed), with `name` its last component; nullopt when it does not
// exist or cannot be stat'ed.
std::optional<DirEntry> pathInfo(const std::string& path);

// The folder holding `dir` ("/a/b" and "/a/b/" give "/a"; "/" stays "/"). `dir` is absolute; a
// relative path without a slash gives ".".
std::string parentDirectory(const std::string& dir);

// $HOME if set and not empty, else the home folder in the password database, else "/".
std::string homeDirectory();

// `path` made absolute: "~" and "~/..." expand to the home folder, other relative paths are taken
// from `base` (itself taken from the working directory if relative); "." and ".." are resolved
// lexically (symlinks are not followed) and there is no trailing slash except for "/". An empty
// `path` gives `base`.
std::string absolutePath(const std::string& path, const std::string& base);

}  // namespace qantar::core
