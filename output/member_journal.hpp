// The member journal: an append-only file holding each finished ensemble
// member (its encoded results) as soon as it is done, so that a run killed by
// SIGKILL or a cluster time limit keeps every completely written member and
// the rerun skips them. The finalizer later copies the members, in member
// order, from the journal(s) into the HDF5 results file.
//
// File format, version 1. All integers little-endian, fixed width.
//
//   header     magic     24 bytes  "STEELPATH-JOURNAL", then '\0' up to 24 bytes
//              version   u32       1
//              id_size   u32       L, size of the identity in bytes (at most kMaxJournalIdentityBytes)
//              identity  L bytes   UTF-8 text naming the run (e.g. SHA-256 hex of scenario + design);
//                                  a journal with another identity belongs to another run
//              crc       u32       CRC-32 (zlib crc32) of the header bytes before it
//   records, each (kRecordOverheadBytes + size bytes):
//              magic     u32       0x524D5053 ("SPMR" on disk)
//              member    u64       member index
//              status    u8        caller-defined (the runner: 0 = done, 1 = failed)
//              size      u64       payload size in bytes
//              payload   size bytes, opaque to the journal
//              crc       u32       CRC-32 of the record's bytes before it
//
// The journal neither orders nor deduplicates members: records appear in the
// order they were appended, and a member may appear more than once.
//
// Durability. append() hands the whole record to the kernel with one write()
// call; once it returns, the record is in the page cache and survives the
// death of the process (SIGKILL included). A process killed during append()
// leaves a torn record at the end of the file. sync() (fdatasync) is only
// needed to survive a crash of the machine; after one, the tail written since
// the last sync may be missing, torn, or read back as zeros.
//
// Torn tail versus corruption. Reading stops at the first record that is
// incomplete (it runs past the end of the file), has no record magic, or fails
// its CRC. If no valid record follows it anywhere in the file, everything from
// there on is a torn tail: reported (file_bytes > valid_bytes), and cut off by
// JournalWriter. If a valid record follows, the damage is in the middle of the
// journal: that is corruption, and reading refuses with an OutputError.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <span>
#include <string>
#include <vector>

namespace steelpath {

/// Version of the journal file format (in its header; another version is refused).
inline constexpr std::uint32_t kJournalFormatVersion = 1;
/// Longest identity a journal header may hold (longer is refused as corrupt).
inline constexpr std::uint32_t kMaxJournalIdentityBytes = 65536;
/// Bytes of a record before its payload: magic, member, status, size.
inline constexpr std::uint64_t kRecordHeadBytes = 21;
/// Bytes of a record besides its payload: the head and the trailing CRC.
inline constexpr std::uint64_t kRecordOverheadBytes = kRecordHeadBytes + 4;

/// One complete, CRC-checked record of a journal.
struct JournalRecord {
  std::uint64_t member = 0; ///< member index
  std::uint8_t status = 0;  ///< caller-defined status byte
  std::uint64_t offset = 0; ///< position of the payload in the file, bytes
  std::uint64_t size = 0;   ///< payload size, bytes
};

/// What a journal holds.
struct JournalScan {
  std::vector<JournalRecord> records; ///< complete, CRC-checked records, in file order
  std::uint64_t valid_bytes = 0;      ///< file size up to the end of the last complete record (or header)
  std::uint64_t file_bytes = 0;       ///< actual file size; > valid_bytes: a torn tail (killed mid-write)
};

namespace detail {
/// An owned POSIX file descriptor, closed on destruction.
class UniqueFd {
public:
  UniqueFd() = default;
  /// Owns `fd`.
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  /// Takes over `o`'s descriptor.
  UniqueFd(UniqueFd&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  /// Closes this descriptor and takes over `o`'s.
  UniqueFd& operator=(UniqueFd&& o) noexcept;
  ~UniqueFd();
  /// The descriptor (-1 when none).
  [[nodiscard]] int get() const { return fd_; }

private:
  int fd_ = -1;
};
} // namespace detail

/// Reads records' payloads from journals, keeping the journals it read last
/// open (at most kOpen): the final pass reads members in order, dealt out
/// cyclically to the workers' journals, so with up to kOpen workers each
/// journal is opened once, not twice per member; a job array of thousands of
/// parts never holds more than kOpen descriptors.
class PayloadReader {
public:
  static constexpr std::size_t kOpen = 16; ///< journals kept open at most
  /// The payload of `record` in the journal at `path` (checked like read_payload).
  [[nodiscard]] std::vector<std::byte> read(const std::string& path, const JournalRecord& record);

private:
  struct Open {
    std::string path;
    detail::UniqueFd fd;
    std::uint64_t used = 0; ///< when last read, for closing the least recently used
  };
  std::vector<Open> open_;
  std::uint64_t clock_ = 0;
};

/// Reads and checks the journal at `path`. Throws OutputError naming the file
/// when it is not a journal ("not a steelpath journal": empty, another magic,
/// a truncated header), has another format version, a corrupt header, another
/// identity ("belongs to another run: identity X, expected Y"), or a corrupt
/// record that is not part of a torn tail ("corrupt journal record").
[[nodiscard]] JournalScan scan_journal(const std::string& path, const std::string& identity);

/// Reads one record's payload, checking the record's CRC again. Opens the file
/// for this one call; use JournalReader to read many records.
[[nodiscard]] std::vector<std::byte> read_payload(const std::string& path, const JournalRecord& record);

/// True when the file is empty or holds only the start of this identity's
/// header: a writer was killed while creating it, and it holds no member
/// (JournalWriter starts such a file afresh; readers skip it).
[[nodiscard]] bool is_unstarted_journal(const std::string& path, const std::string& identity);

/// A journal open for reading: scanned once on construction (same checks and
/// errors as scan_journal), then records are read through the open file.
class JournalReader {
public:
  /// Opens and scans the journal at `path` for run `identity`; throws OutputError as scan_journal does.
  JournalReader(const std::string& path, const std::string& identity);

  /// The records found when the journal was opened.
  [[nodiscard]] const JournalScan& scan() const { return scan_; }
  /// The journal's file.
  [[nodiscard]] const std::string& path() const { return path_; }
  /// The payload of one record of scan(), its CRC checked again. Safe to call
  /// from several threads at once (positioned reads).
  [[nodiscard]] std::vector<std::byte> read(const JournalRecord& record) const;

private:
  std::string path_;
  detail::UniqueFd fd_;
  JournalScan scan_;
};

/// The writing end of a journal. One writer per journal file: a second writer
/// on the same file, in this or another process, is refused while the first
/// is open (an advisory flock lock, released by the kernel when a process
/// dies; skipped on file systems without locks).
class JournalWriter {
public:
  /// Creates the journal at `path`, or opens an existing one after the checks
  /// of scan_journal, cutting off a torn tail (see torn_bytes()). A file that
  /// is empty or holds only the start of this journal's header (a writer
  /// killed while creating it) is started afresh. Any other file is left
  /// untouched and the OutputError of scan_journal is thrown.
  JournalWriter(const std::string& path, const std::string& identity);
  JournalWriter(const JournalWriter&) = delete;
  JournalWriter& operator=(const JournalWriter&) = delete;
  /// Closes the file without syncing; call sync() first for machine-crash safety.
  ~JournalWriter() = default;

  /// Appends one record with a single write() of one buffer (repeated on
  /// partial writes and EINTR). Thread-safe. If the write fails, the partial
  /// record is cut off again before the OutputError is thrown, so later
  /// appends still follow a valid record.
  void append(std::uint64_t member, std::uint8_t status, std::span<const std::byte> payload);
  /// fdatasync: makes every appended record survive a machine crash. Thread-safe.
  void sync();

  /// Bytes of a torn tail cut off when the journal was opened (0: none).
  [[nodiscard]] std::uint64_t torn_bytes() const { return torn_bytes_; }
  /// The records the journal held when it was opened.
  [[nodiscard]] const JournalScan& existing() const { return existing_; }
  /// The journal's file.
  [[nodiscard]] const std::string& path() const { return path_; }

private:
  void create(const std::vector<std::byte>& header, std::uint64_t old_bytes);

  std::string path_;
  detail::UniqueFd fd_;
  JournalScan existing_;
  std::uint64_t torn_bytes_ = 0;
  std::mutex mutex_;
  std::uint64_t end_ = 0; ///< file size after the last complete record; guarded by mutex_
  bool broken_ = false;   ///< a failed write could not be undone; guarded by mutex_
};

} // namespace steelpath
