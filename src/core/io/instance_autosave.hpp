#pragma once
// Unsaved work kept per window. Each running qantar writes its autosave to a file of its own in
// `<config>/autosave/` and holds an advisory lock (flock) on a companion `.lock` file for as long
// as it runs, so two windows never write, replace or delete each other's work. Work whose lock is
// free belongs to a run that has ended without saving (a crash, kill -9): the next start claims it
// (takes its lock, so a third window cannot offer it at the same time) and offers it back. The
// single `autosave-story.json` of earlier versions is offered the same way.
#include <optional>
#include <string>

#include "core/io/user_files.hpp"

namespace qantar::core {

// A lock held on a file for the life of the object (flock, released on close).
class FileLock {
public:
    FileLock() = default;
    // Takes the lock without waiting; nullopt when another process (or another FileLock of this
    // one) holds it, or the lock file cannot be made.
    static std::optional<FileLock> tryLock(const std::string& path);
    ~FileLock();
    FileLock(FileLock&& o) noexcept;
    FileLock& operator=(FileLock&& o) noexcept;
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;
    const std::string& path() const { return m_path; }
    bool held() const { return m_fd >= 0; }

private:
    int m_fd = -1;
    std::string m_path;
};

// This window's own autosave: `<config>/autosave/story-<pid>-<random>.json`, locked while it runs.
class InstanceAutosave {
public:
    // Makes the folder and takes the lock; an error names the folder when it cannot be made.
    static Expected<InstanceAutosave> claim(const std::string& configDir);
    const std::string& path() const { return m_path; }
    // Removes the file and the lock (at a clean exit: nothing is left to recover).
    void release();

private:
    std::string m_path;
    FileLock m_lock;
};

// Work an ended run left behind, claimed by this window until it is restored or discarded.
struct OrphanedAutosave {
    StoryAutosave work;
    std::string path;  // the file it was read from
    FileLock lock;     // held while it is offered
};

// The newest autosave in `configDir` whose window is no longer running, claimed; nullopt when
// there is none. An unreadable one is reported in `problem` (its file is left for the user) and
// the next one is tried. Lock files without work whose owner has ended are removed on the way.
std::optional<OrphanedAutosave> claimOrphanedAutosave(const std::string& configDir, std::string* problem = nullptr);
// Removes claimed work (restored into the window, or discarded by the user) and its lock file.
void removeOrphanedAutosave(OrphanedAutosave& orphan);

}  // namespace qantar::core
