// `qantar import SOURCE --out events.json`: converts ACLED CSV, GeoJSON, KML/KMZ or any OGR
// source (PostGIS included) to our event format, reporting on stderr what was detected and which
// rows were rejected.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "app/cli.hpp"
#include "core/io/atomic_file.hpp"
#include "core/events/event_format.hpp"
#include "core/events/events.hpp"
#include "core/import/import.hpp"

namespace qantar::app {

namespace {

int fail(const std::string& message) {
    std::fprintf(stderr, "qantar: %s\n", message.c_str());
    return 1;
}

void printReport(const core::ImportReport& r) {
    std::fprintf(stderr, "qantar import: detected %s\n", r.detected.c_str());
    std::fprintf(stderr, "qantar import: %zu rows read, %zu imported, %zu rejected\n", r.rowsRead, r.rowsImported,
                 r.rowsRejected);
    for (const auto& p : r.problems) std::fprintf(stderr, "  rejected %s\n", p.c_str());
    if (r.rowsRejected > r.problems.size()) {
        std::fprintf(stderr, "  ... and %zu more rejected rows\n", r.rowsRejected - r.problems.size());
    }
    if (r.textsShortened > 0) {
        std::fprintf(stderr,
                     "qantar import: %zu texts were longer than the event format allows (4000 characters) and were cut "
                     "there, ending in \u2026\n",
                     r.textsShortened);
    }
    for (const auto& w : r.warnings) std::fprintf(stderr, "  note %s\n", w.c_str());
    if (r.warningCount > r.warnings.size()) {
        std::fprintf(stderr, "  ... and %zu more notes\n", r.warningCount - r.warnings.size());
    }
    for (const auto& a : r.attribution) std::fprintf(stderr, "qantar import: attribution: %s\n", a.c_str());
}

// How many events are written (and read back to check them) at a time.
constexpr std::size_t kEventsPerChunk = 4096;

const std::string_view kEventsOpen = "\n  \"events\": [", kEventsClose = "\n  ]";

// The JSON of one event exactly as serializeDataset lays it out inside the events array
// ("\n    {...}"), so that events written one at a time make the same file.
std::string eventText(const core::Event& e) {
    core::Dataset one;
    one.events.push_back(e);
    const std::string text = core::serializeDataset(one);
    const std::size_t a = text.find(kEventsOpen), b = text.rfind(kEventsClose);
    return text.substr(a + kEventsOpen.size(), b - a - kEventsOpen.size());
}

// A new file beside `target` named as qantar names its temporaries (.NAME.qantar-tmp-PID-XXXXXX),
// open for reading and writing; -1 with errno set on failure.
int temporaryBeside(const std::string& target, std::string& path) {
    path = core::directoryOf(target) + "/." + core::baseNameOf(target).substr(0, 150) + ".qantar-tmp-" +
           std::to_string(::getpid()) + "-XXXXXX";
    return ::mkostemp(path.data(), O_CLOEXEC);
}

bool writeAll(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// Converted events, written as JSON to a spool file (beside the output, removed as soon as it is
// open) as they come, with the key they are sorted by: the events are never all held at once.
class EventSpool {
public:
    explicit EventSpool(const std::string& out) {
        std::string path;
        m_fd = temporaryBeside(out, path);
        if (m_fd >= 0) ::unlink(path.c_str());
        else m_error = std::string("cannot write beside ") + out + " (" + std::strerror(errno) + ")";
    }
    ~EventSpool() {
        if (m_fd >= 0) ::close(m_fd);
    }
    EventSpool(const EventSpool&) = delete;
    EventSpool& operator=(const EventSpool&) = delete;

    void add(const core::Event& e) {
        if (!m_error.empty()) return;
        const std::string text = eventText(e);
        if (!writeAll(m_fd, text)) {
            m_error = std::string("cannot write the spool file (") + std::strerror(errno) + ")";
            return;
        }
        m_index.push_back(Entry{e.start, e.id, m_size, text.size()});
        m_size += text.size();
    }
    // Sorted as parseDataset sorts: by start, then id.
    void sort() {
        std::sort(m_index.begin(), m_index.end(), [](const Entry& a, const Entry& b) {
            return a.start != b.start ? a.start < b.start : a.id < b.id;
        });
    }
    std::size_t size() const { return m_index.size(); }
    // The text of the i-th event in sorted order.
    bool read(std::size_t i, std::string& text) const {
        const Entry& e = m_index[i];
        text.resize(e.length);
        std::size_t done = 0;
        while (done < e.length) {
            const ssize_t n = ::pread(m_fd, text.data() + done, e.length - done, static_cast<off_t>(e.offset + done));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return false;
            done += static_cast<std::size_t>(n);
        }
        return true;
    }
    const std::string& error() const { return m_error; }

private:
    struct Entry {
        core::Instant start;
        std::string id;
        std::uint64_t offset = 0;
        std::size_t length = 0;
    };
    int m_fd = -1;
    std::uint64_t m_size = 0;
    std::vector<Entry> m_index;
    std::string m_error;
};

// Writes the event file from the spool: the header of `dataset` (title, coverage, sources), then
// the events in order, a chunk at a time. Each chunk is read back with parseDataset before it is
// written (the file must read back as it was written; a failure is our bug, never a half file).
// `sink` receives the bytes; a message on failure.
std::optional<std::string> writeEventFile(const core::Dataset& dataset, const EventSpool& spool, const std::string& path,
                                          const std::function<bool(std::string_view)>& sink) {
    const std::string head = core::serializeDataset(dataset);  // its events array is empty
    const std::string emptyEvents = "\"events\": []";
    const std::size_t at = head.rfind(emptyEvents);
    const std::string before = head.substr(0, at) + "\"events\": [", after = "\n  ]" + head.substr(at + emptyEvents.size());
    std::string chunk, text;
    for (std::size_t from = 0; from < spool.size(); from += kEventsPerChunk) {
        chunk.clear();
        for (std::size_t i = from; i < std::min(spool.size(), from + kEventsPerChunk); ++i) {
            if (!spool.read(i, text)) return std::string("cannot read the spool file back");
            if (i > from) chunk += ',';
            chunk += text;
        }
        const core::DatasetLoad check = core::parseDataset(before + chunk + after, path);
        if (!check.dataset) {
            return "the converted events do not pass validation (a bug in qantar): " +
                   (check.problems.empty() ? std::string("unknown problem") : check.problems.front().message);
        }
        if (!(from == 0 ? sink(before) : sink(",")) || !sink(chunk)) return std::string("write failed");
    }
    if (spool.size() == 0 && !sink(before)) return std::string("write failed");
    if (!sink(spool.size() == 0 ? head.substr(at + emptyEvents.size() - 1) : after)) return std::string("write failed");
    return std::nullopt;
}

// Writes the file through a temporary beside it (core's, with its rules for links, devices and
// FIFOs), flushed and put in place of `path` only when it is whole.
core::Status writeStreamed(const core::Dataset& dataset, const EventSpool& spool, const std::string& path) {
    auto tmp = core::makeTemporaryBeside(path);
    if (!tmp) return tmp.error();
    int writeErrno = 0;
    auto failed = writeEventFile(dataset, spool, path, [&](std::string_view b) {
        if (writeAll(tmp->fd, b)) return true;
        writeErrno = errno;
        return false;
    });
    if (::close(tmp->fd) != 0 && !failed) writeErrno = errno, failed = "write failed";
    if (failed) {
        core::discardTemporary(tmp->path);
        if (writeErrno) return core::Error{core::ErrorKind::FileUnwritable,
                                           path + ": cannot write (" + std::strerror(writeErrno) + ")"};
        return core::Error{core::ErrorKind::FileUnwritable, "import: " + *failed};
    }
    return core::commitTemporary(tmp->path, path);
}

}  // namespace

int runImport(const ImportCommandOptions& o) {
    if (o.out.empty()) return fail("import: --out is required (the event file to write)");
    struct stat out {}, in {};
    const bool outExists = ::stat(o.out.c_str(), &out) == 0;
    if ((outExists && S_ISDIR(out.st_mode)) || o.out.back() == '/') {
        std::string dir = o.out;
        while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
        return fail(o.out + ": is a directory; --out names the event file to write (for example " + dir +
                    "/events.json)");
    }
    // The same file under another spelling or through a link is the same device and inode.
    if (outExists && ::stat(o.source.c_str(), &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
        return fail(o.out + ": the output would replace the source; name another file for --out");
    }
    core::ImportOptions options;
    options.layer = o.layer;
    options.sql = o.sql;
    options.timeField = o.timeField;
    options.endField = o.endField;
    EventSpool spool(o.out);
    if (!spool.error().empty()) return fail(spool.error());
    options.spill = [&spool](const core::Event& e) { spool.add(e); };
    auto imported = core::importEvents(o.source, options);
    if (!imported) {
        if (imported.error().kind == core::ErrorKind::ImportNoTime) {
            return fail(imported.error().message + "; name the time field with --time-field (and the end with --end-field)");
        }
        return fail(imported.error().message);
    }
    core::Dataset dataset = std::move(imported->first);
    const core::ImportReport report = std::move(imported->second);
    printReport(report);
    // Events with an open end come back in the dataset, closed now that the data's end is known.
    for (const core::Event& e : dataset.events) spool.add(e);
    dataset.events.clear();
    if (!spool.error().empty()) return fail(o.out + ": " + spool.error());
    spool.sort();
    if (auto error = writeStreamed(dataset, spool, o.out)) return fail(error->message);
    std::fprintf(stderr, "qantar import: wrote %s (%zu events, %zu sources)\n", o.out.c_str(), spool.size(),
                 dataset.sources.size());
    return 0;
}

}  // namespace qantar::app
