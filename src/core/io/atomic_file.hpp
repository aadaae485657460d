#pragma once
// Writing files so that a crash, a full disk or a kill never leaves a half-written file, in the way
// SQLite and Git do it: the bytes go to a new temporary file beside the target, created under a
// name nobody can predict (O_CREAT|O_EXCL|O_NOFOLLOW, so a file or symlink planted there is never
// followed or overwritten), the file is flushed to disk, renamed over the target (atomic on POSIX
// file systems), and the directory is flushed so the rename itself survives a power cut. The old
// file stays intact until the rename.
//
// What the target is decides what happens (the same rules for writeFileAtomically and
// commitTemporary):
// - missing or a regular file: replaced atomically as above; an existing file keeps its
//   permission bits, a new one gets 0666 less the umask;
// - a symlink (or a chain of them): written through. The file the last link points to is replaced
//   atomically and the link stays a link. A dangling link creates the file it points to, as a shell
//   redirection would, if that file's directory exists. A loop is refused ("too many levels of
//   symbolic links"). Like the kernel's fs.protected_symlinks, a link in a sticky, world-writable
//   directory (/tmp) that belongs to someone else is not followed;
// - a character device (/dev/null, a terminal) or a FIFO: written through, NOT atomic: the bytes
//   are written straight into it and nothing is created or renamed. A FIFO must already have a
//   reader (nothing waits for one): "FILE: is a FIFO with no reader; nothing was written";
// - a directory, or a path ending in '/': "FILE: is a directory"; a block device or a socket is
//   refused. Nothing is ever renamed over a file that is not a regular file.
//
// Temporary names (other code and the cleanup rely on this convention; keep it exactly):
//     <dir>/.<basename>.qantar-tmp-<pid>-<6 random letters or digits>[<extension>]
// where <dir>/<basename> is the resolved target and <extension> is what the caller asked for
// (".mp4", so that a tool guessing the format from the name sees it). A basename longer than
// kTemporaryBasenameMax bytes is cut to that length in the temporary's name. Files named in the
// older convention, `<basename>.tmp-<pid>`, are also recognised as temporaries by the cleanup.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/io/error.hpp"

namespace qantar::core {

// FileUnwritable naming the path and the reason on failure; no temporary is left behind. Before
// writing, removes the target's temporaries left by processes that no longer run, as
// cleanStaleTemporaries does; a folder is scanned for them only at this process's first write in
// it (a sequence writes thousands of frames into one folder), later writes remove what that scan
// found of their own target.
Status writeFileAtomically(const std::string& path, std::string_view bytes);

// For writers that need a path rather than bytes (ffmpeg writing a video, an encoder writing as it
// goes): a fresh temporary beside the target, opened for writing.
struct TemporaryBeside {
    int fd = -1;               // open O_WRONLY|O_CLOEXEC on `path`; the caller may close it
    std::string path;          // the temporary file, following the naming convention above
    std::string target;        // the file the commit will replace (symlinks resolved)
    bool writeThrough = false; // the target is a device or FIFO: the temporary is in the system's
                               // temporary folder ($TMPDIR, else /tmp) and commitTemporary copies
                               // it into the target, not atomically
};

// Checks the target as described above (a directory, a loop, a socket are refused here, before
// any work is done), removes the target's stale temporaries (as writeFileAtomically), and creates the temporary (mode 0666
// less the umask). `extension` is appended to the name as given (".mp4"; at most 16 characters,
// letters and digits after the dot).
Expected<TemporaryBeside> makeTemporaryBeside(const std::string& target, std::string_view extension = {});

// Flushes the temporary to disk, gives it the permissions of the file it replaces, then puts it
// in place of `target` by the rules above (rename and directory flush; or a copy into a device or FIFO, after which the temporary is removed). On
// failure the temporary is removed too and the target is as it was. The caller closes its own fd
// first or after: the commit does not use it.
Status commitTemporary(const std::string& temporaryPath, const std::string& target);

// Removes a temporary that will not be committed (a failed or cancelled write). Only a regular
// file is removed; anything else at that path is left alone. Never fails.
void discardTemporary(const std::string& temporaryPath);

// Removes the temporaries of `target` (both conventions, in the directory of the resolved target)
// whose process no longer runs (kill(pid, 0) fails with ESRCH). Keeps those of running processes,
// of this process, and of other targets, and never removes anything but a regular file (as seen by
// lstat). Returns how many were removed. Errors are ignored: cleaning is best effort.
int cleanStaleTemporaries(const std::string& target);

// The same for a whole directory: every name that follows one of the conventions, with a process
// that no longer runs. For the config folder at start, and for a sequence's output folder.
int cleanStaleTemporariesIn(const std::string& directory);

// The folder a path names a file in ("." for a bare name, "/" at the root) and the file's own
// name, as the temporaries' convention splits them.
std::string directoryOf(const std::string& path);
std::string baseNameOf(const std::string& path);

// Longest part of a target's basename used in a temporary's name (the rest is cut), so that the
// temporary's name stays within the 255 bytes file systems allow.
inline constexpr std::size_t kTemporaryBasenameMax = 191;

}  // namespace qantar::core
