#include "output/member_journal.hpp"

#include "model/errors.hpp"

#include <fcntl.h>
#include <libdeflate.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <system_error>

namespace steelpath {

namespace {

constexpr char kFileMagic[24] = "STEELPATH-JOURNAL"; // the rest is '\0'
constexpr std::uint32_t kRecordMagic = 0x524D5053;
constexpr std::uint64_t kHeaderFixedBytes = sizeof(kFileMagic) + 4 + 4; // magic, version, identity size
// Reads go through a buffer of this size so that neither a huge record nor a
// garbage size field makes us allocate more than this while scanning.
constexpr std::size_t kIoBlock = std::size_t{1} << 20;

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw OutputError(path + ": " + what);
}

// std::error_code's message is thread-safe, unlike strerror.
[[noreturn]] void fail_errno(const std::string& path, const std::string& what, int err) {
  fail(path, what + ": " + std::error_code(err, std::generic_category()).message());
}

void put_u32(std::vector<std::byte>& out, std::uint32_t v) {
  for (int b = 0; b < 4; ++b)
    out.push_back(static_cast<std::byte>(v >> (8 * b)));
}

void put_u64(std::vector<std::byte>& out, std::uint64_t v) {
  for (int b = 0; b < 8; ++b)
    out.push_back(static_cast<std::byte>(v >> (8 * b)));
}

std::uint64_t get_le(const std::byte* p, int bytes) {
  std::uint64_t v = 0;
  for (int b = 0; b < bytes; ++b)
    v |= std::to_integer<std::uint64_t>(p[b]) << (8 * b);
  return v;
}

// The CRC-32 of zlib and the journal format (libdeflate computes the same
// polynomial with carry-less multiplication, several times faster); summing
// nothing leaves `start`.
std::uint32_t crc(std::uint32_t start, const std::byte* p, std::size_t n) {
  if (n == 0) return start;
  return libdeflate_crc32(start, p, n);
}

int open_file(const std::string& path, int flags) {
  int fd = -1;
  do
    fd = ::open(path.c_str(), flags | O_CLOEXEC, 0644);
  while (fd < 0 && errno == EINTR);
  if (fd < 0) fail_errno(path, "cannot open journal", errno);
  return fd;
}

std::uint64_t file_size(int fd, const std::string& path) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) fail_errno(path, "cannot stat journal", errno);
  return static_cast<std::uint64_t>(st.st_size);
}

// Reads up to n bytes at `offset`; fewer only at the end of the file.
std::size_t read_at(int fd, const std::string& path, std::byte* out, std::size_t n, std::uint64_t offset) {
  std::size_t done = 0;
  while (done < n) {
    const std::size_t want = std::min<std::size_t>(n - done, std::size_t{1} << 30);
    const ssize_t got = ::pread(fd, out + done, want, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) fail_errno(path, "cannot read journal", errno);
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  return done;
}

void read_exact(int fd, const std::string& path, std::byte* out, std::size_t n, std::uint64_t offset) {
  if (read_at(fd, path, out, n, offset) != n)
    fail(path, "journal ended unexpectedly at offset " + std::to_string(offset));
}

void write_all(int fd, const std::string& path, const std::byte* p, std::size_t n) {
  while (n > 0) {
    const ssize_t put = ::write(fd, p, std::min<std::size_t>(n, std::size_t{1} << 30));
    if (put < 0 && errno == EINTR) continue;
    if (put < 0) fail_errno(path, "cannot write journal", errno);
    p += put;
    n -= static_cast<std::size_t>(put);
  }
}

std::vector<std::byte> encode_header(const std::string& path, const std::string& identity) {
  if (identity.size() > kMaxJournalIdentityBytes)
    fail(path, "journal identity of " + std::to_string(identity.size()) + " bytes is too long");
  std::vector<std::byte> h(reinterpret_cast<const std::byte*>(kFileMagic),
                           reinterpret_cast<const std::byte*>(kFileMagic) + sizeof(kFileMagic));
  put_u32(h, kJournalFormatVersion);
  put_u32(h, static_cast<std::uint32_t>(identity.size()));
  const auto* id = reinterpret_cast<const std::byte*>(identity.data());
  h.insert(h.end(), id, id + identity.size());
  put_u32(h, crc(0, h.data(), h.size()));
  return h;
}

// An identity read from a damaged or foreign file may hold anything: keep the
// message printable and short.
std::string printable(const std::string& s) {
  std::string out;
  for (const char c : s.substr(0, 200))
    out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
  return s.size() > 200 ? out + "..." : out;
}

// Checks the header and returns its size (where the first record starts).
std::uint64_t check_header(int fd, const std::string& path, const std::string& identity,
                           std::uint64_t file_bytes) {
  const std::string not_journal = "not a steelpath journal";
  if (file_bytes == 0) fail(path, not_journal + " (the file is empty)");
  std::array<std::byte, kHeaderFixedBytes> fixed{};
  const std::size_t got = read_at(fd, path, fixed.data(), fixed.size(), 0);
  if (std::memcmp(fixed.data(), kFileMagic, std::min(got, sizeof(kFileMagic))) != 0)
    fail(path, not_journal + " (it does not start with \"STEELPATH-JOURNAL\")");
  if (got < fixed.size()) fail(path, not_journal + " (its header is truncated)");
  // The version comes before every other check: another version may lay out
  // the rest of the header differently.
  const auto version = get_le(fixed.data() + 24, 4);
  if (version != kJournalFormatVersion)
    fail(path, "journal format version " + std::to_string(version) + " is not supported (this build reads " +
                   std::to_string(kJournalFormatVersion) + ")");
  const auto id_size = get_le(fixed.data() + 28, 4);
  if (id_size > kMaxJournalIdentityBytes)
    fail(path, "corrupt journal header (identity size " + std::to_string(id_size) + ")");
  const std::uint64_t header_bytes = kHeaderFixedBytes + id_size + 4;
  if (file_bytes < header_bytes) fail(path, not_journal + " (its header is truncated)");
  std::vector<std::byte> h(header_bytes);
  read_exact(fd, path, h.data(), h.size(), 0);
  if (crc(0, h.data(), h.size() - 4) != get_le(h.data() + h.size() - 4, 4))
    fail(path, "corrupt journal header (CRC mismatch)");
  const std::string found(reinterpret_cast<const char*>(h.data() + kHeaderFixedBytes), id_size);
  if (found != identity)
    fail(path, "journal belongs to another run: identity " + printable(found) + ", expected " +
                   printable(identity));
  return header_bytes;
}

enum class RecordState { ok, incomplete, bad_magic, bad_crc };

struct RecordProbe {
  RecordState state = RecordState::incomplete;
  JournalRecord record;
};

const char* describe(RecordState s) {
  switch (s) {
  case RecordState::ok:
    return "valid";
  case RecordState::incomplete:
    return "runs past the end of the file";
  case RecordState::bad_magic:
    return "no record magic";
  case RecordState::bad_crc:
    return "CRC mismatch";
  }
  return "?";
}

// Checks the record starting at `pos`, reading its payload through `buf`.
// `budget` (bytes of payload to check) bounds the work on hostile files.
RecordProbe probe_record(int fd, const std::string& path, std::uint64_t pos, std::uint64_t file_bytes,
                         std::vector<std::byte>& buf, std::uint64_t* budget = nullptr) {
  RecordProbe p;
  const std::uint64_t avail = file_bytes - pos;
  std::array<std::byte, kRecordHeadBytes> head{};
  const std::size_t got = read_at(fd, path, head.data(), std::min<std::uint64_t>(avail, head.size()), pos);
  if (got >= 4 && get_le(head.data(), 4) != kRecordMagic) return {RecordState::bad_magic, {}};
  if (got < head.size()) return p;
  p.record.member = get_le(head.data() + 4, 8);
  p.record.status = std::to_integer<std::uint8_t>(head[12]);
  p.record.size = get_le(head.data() + 13, 8);
  p.record.offset = pos + kRecordHeadBytes;
  if (avail < kRecordOverheadBytes || p.record.size > avail - kRecordOverheadBytes) return p;
  if (budget != nullptr) {
    if (p.record.size > *budget)
      fail(path, "corrupt journal (too many damaged records to tell a torn tail from corruption)");
    *budget -= p.record.size;
  }
  std::uint32_t sum = crc(0, head.data(), head.size());
  // No larger than the record: a scan of small records clears no megabyte each time.
  if (buf.size() < std::min<std::uint64_t>(p.record.size, kIoBlock))
    buf.resize(std::min<std::uint64_t>(p.record.size, kIoBlock));
  for (std::uint64_t done = 0; done < p.record.size;) {
    const std::size_t n = std::min<std::uint64_t>(p.record.size - done, buf.size());
    read_exact(fd, path, buf.data(), n, p.record.offset + done);
    sum = crc(sum, buf.data(), n);
    done += n;
  }
  std::array<std::byte, 4> stored{};
  read_exact(fd, path, stored.data(), stored.size(), p.record.offset + p.record.size);
  p.state = get_le(stored.data(), 4) == sum ? RecordState::ok : RecordState::bad_crc;
  return p;
}

// The first offset >= `from` where a complete, valid record starts, if any.
// After a machine crash the unsynced tail may be zeros or garbage; only a
// valid record behind the damage proves that the damage is not the tail.
std::optional<std::uint64_t> find_valid_record(int fd, const std::string& path, std::uint64_t from,
                                               std::uint64_t file_bytes) {
  std::vector<std::byte> window(
      std::min<std::uint64_t>(kIoBlock + 3, file_bytes - std::min(from, file_bytes)));
  std::vector<std::byte> buf;
  std::uint64_t budget = 2 * file_bytes + kIoBlock;
  const std::array<std::byte, 4> magic{std::byte{0x53}, std::byte{0x50}, std::byte{0x4D}, std::byte{0x52}};
  for (std::uint64_t at = from; at + kRecordOverheadBytes <= file_bytes;) {
    const std::size_t n = read_at(fd, path, window.data(), window.size(), at);
    for (auto it = window.begin(); n >= 4;) {
      it = std::search(it, window.begin() + static_cast<std::ptrdiff_t>(n), magic.begin(), magic.end());
      if (it == window.begin() + static_cast<std::ptrdiff_t>(n)) break;
      const std::uint64_t q = at + static_cast<std::uint64_t>(it - window.begin());
      if (probe_record(fd, path, q, file_bytes, buf, &budget).state == RecordState::ok) return q;
      ++it;
    }
    if (at + n >= file_bytes) break;
    at += n - 3; // the window overlaps by 3 bytes: a magic may straddle two reads
  }
  return std::nullopt;
}

JournalScan scan_fd(int fd, const std::string& path, const std::string& identity) {
  JournalScan s;
  s.file_bytes = file_size(fd, path);
  std::uint64_t pos = check_header(fd, path, identity, s.file_bytes);
  std::vector<std::byte> buf;
  while (pos < s.file_bytes) {
    const RecordProbe p = probe_record(fd, path, pos, s.file_bytes, buf);
    if (p.state == RecordState::ok) {
      s.records.push_back(p.record);
      pos = p.record.offset + p.record.size + 4;
      continue;
    }
    if (const auto next = find_valid_record(fd, path, pos + 1, s.file_bytes))
      fail(path, "corrupt journal record at offset " + std::to_string(pos) + " (" + describe(p.state) +
                     ") followed by a valid record at offset " + std::to_string(*next) +
                     ": this is damage inside the journal, not a write cut short; refusing to use it");
    break; // a torn tail
  }
  s.valid_bytes = pos;
  return s;
}

std::vector<std::byte> read_record(int fd, const std::string& path, const JournalRecord& r) {
  const std::uint64_t file_bytes = file_size(fd, path);
  if (r.offset < kRecordHeadBytes || r.offset > file_bytes || r.size > file_bytes - r.offset ||
      file_bytes - r.offset - r.size < 4)
    fail(path, "journal record of member " + std::to_string(r.member) + " at offset " +
                   std::to_string(r.offset) + " lies outside the file");
  std::array<std::byte, kRecordHeadBytes> head{};
  read_exact(fd, path, head.data(), head.size(), r.offset - kRecordHeadBytes);
  if (get_le(head.data(), 4) != kRecordMagic || get_le(head.data() + 4, 8) != r.member ||
      std::to_integer<std::uint8_t>(head[12]) != r.status || get_le(head.data() + 13, 8) != r.size)
    fail(path, "no journal record of member " + std::to_string(r.member) + " at offset " +
                   std::to_string(r.offset) + " (the file changed since it was scanned?)");
  std::vector<std::byte> payload(r.size);
  read_exact(fd, path, payload.data(), payload.size(), r.offset);
  std::array<std::byte, 4> stored{};
  read_exact(fd, path, stored.data(), stored.size(), r.offset + r.size);
  if (crc(crc(0, head.data(), head.size()), payload.data(), payload.size()) != get_le(stored.data(), 4))
    fail(path, "corrupt journal record of member " + std::to_string(r.member) + " at offset " +
                   std::to_string(r.offset) + " (CRC mismatch)");
  return payload;
}

} // namespace

detail::UniqueFd& detail::UniqueFd::operator=(UniqueFd&& o) noexcept {
  if (this != &o) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = o.fd_;
    o.fd_ = -1;
  }
  return *this;
}

// close() is not retried on EINTR: on Linux the descriptor is released anyway.
detail::UniqueFd::~UniqueFd() {
  if (fd_ >= 0) ::close(fd_);
}

JournalScan scan_journal(const std::string& path, const std::string& identity) {
  const detail::UniqueFd fd(open_file(path, O_RDONLY));
  return scan_fd(fd.get(), path, identity);
}

std::vector<std::byte> read_payload(const std::string& path, const JournalRecord& record) {
  const detail::UniqueFd fd(open_file(path, O_RDONLY));
  return read_record(fd.get(), path, record);
}

std::vector<std::byte> PayloadReader::read(const std::string& path, const JournalRecord& record) {
  auto it = std::find_if(open_.begin(), open_.end(), [&](const Open& o) { return o.path == path; });
  if (it == open_.end()) {
    if (open_.size() >= kOpen)
      open_.erase(std::min_element(open_.begin(), open_.end(),
                                   [](const Open& a, const Open& b) { return a.used < b.used; }));
    open_.push_back({path, detail::UniqueFd(open_file(path, O_RDONLY)), 0});
    it = open_.end() - 1;
  }
  it->used = ++clock_;
  return read_record(it->fd.get(), path, record);
}

JournalReader::JournalReader(const std::string& path, const std::string& identity)
    : path_(path), fd_(open_file(path, O_RDONLY)), scan_(scan_fd(fd_.get(), path_, identity)) {}

std::vector<std::byte> JournalReader::read(const JournalRecord& record) const {
  return read_record(fd_.get(), path_, record);
}

bool is_unstarted_journal(const std::string& path, const std::string& identity) {
  const detail::UniqueFd fd(open_file(path, O_RDONLY));
  const std::vector<std::byte> header = encode_header(path, identity);
  const std::uint64_t size = file_size(fd.get(), path);
  if (size >= header.size()) return false;
  std::vector<std::byte> start(size);
  read_exact(fd.get(), path, start.data(), start.size(), 0);
  return std::equal(start.begin(), start.end(), header.begin());
}

JournalWriter::JournalWriter(const std::string& path, const std::string& identity)
    : path_(path), fd_(open_file(path, O_RDWR | O_CREAT | O_APPEND)) {
  // The lock dies with the process, so a killed run leaves no stale lock.
  // File systems without flock support (some cluster mounts) go unprotected.
  if (::flock(fd_.get(), LOCK_EX | LOCK_NB) != 0 && errno != ENOLCK && errno != EOPNOTSUPP &&
      errno != ENOSYS) {
    if (errno == EWOULDBLOCK) fail(path, "journal is already open for writing (another JournalWriter)");
    fail_errno(path, "cannot lock journal", errno);
  }
  const std::vector<std::byte> header = encode_header(path, identity);
  const std::uint64_t size = file_size(fd_.get(), path);
  if (size < header.size()) {
    // Empty, or the start of our own header: a writer was killed while
    // creating this journal. Anything else falls through to the checks.
    std::vector<std::byte> start(size);
    read_exact(fd_.get(), path, start.data(), start.size(), 0);
    if (std::equal(start.begin(), start.end(), header.begin())) {
      create(header, size);
      return;
    }
  }
  existing_ = scan_fd(fd_.get(), path, identity);
  end_ = existing_.valid_bytes;
  torn_bytes_ = existing_.file_bytes - existing_.valid_bytes;
  if (torn_bytes_ > 0 && ::ftruncate(fd_.get(), static_cast<off_t>(end_)) != 0)
    fail_errno(path, "cannot cut the torn tail off the journal", errno);
}

void JournalWriter::create(const std::vector<std::byte>& header, std::uint64_t old_bytes) {
  existing_.file_bytes = old_bytes;
  torn_bytes_ = old_bytes;
  if (old_bytes > 0 && ::ftruncate(fd_.get(), 0) != 0) fail_errno(path_, "cannot truncate journal", errno);
  write_all(fd_.get(), path_, header.data(), header.size());
  end_ = header.size();
  // A new file needs its directory entry on disk, too, to survive a machine
  // crash; done once here so that sync() is a plain fdatasync.
  sync();
  const auto dir = std::filesystem::absolute(path_).parent_path();
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    (void)::fsync(dfd); // best effort: some file systems refuse fsync on folders
    ::close(dfd);
  }
}

void JournalWriter::append(std::uint64_t member, std::uint8_t status, std::span<const std::byte> payload) {
  // The record is built and summed outside the lock; only the write is serialised.
  std::vector<std::byte> rec;
  rec.reserve(payload.size() + kRecordOverheadBytes);
  put_u32(rec, kRecordMagic);
  put_u64(rec, member);
  rec.push_back(static_cast<std::byte>(status));
  put_u64(rec, payload.size());
  rec.insert(rec.end(), payload.begin(), payload.end());
  put_u32(rec, crc(0, rec.data(), rec.size()));

  const std::lock_guard lock(mutex_);
  if (broken_) fail(path_, "journal is in an unknown state after a failed write; no more records appended");
  try {
    write_all(fd_.get(), path_, rec.data(), rec.size());
  } catch (const OutputError&) {
    // A partial record left in place would sit between valid records once
    // the next append succeeds: corruption. Cut it off, or stop appending.
    if (::ftruncate(fd_.get(), static_cast<off_t>(end_)) != 0) broken_ = true;
    throw;
  }
  end_ += rec.size();
}

void JournalWriter::sync() {
  int rc = 0;
  do
    rc = ::fdatasync(fd_.get());
  while (rc != 0 && errno == EINTR);
  if (rc != 0) fail_errno(path_, "cannot sync journal", errno);
}

} // namespace steelpath
