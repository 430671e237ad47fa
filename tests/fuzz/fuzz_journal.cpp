// Fuzz harness: the member journal reader (output/member_journal.hpp) and
// what the ensemble's final pass reads through it (output/member_sources.hpp:
// JournalSource, the member payloads of output/member_payload.hpp).
// Feeds: byte 0 is a mode, the rest is written to a journal file. With mode
// bit 0 set, the header's and every record's CRC are recomputed first, so
// that mutations reach the record layout and the payloads behind the checks.
// The identity asked for is the one in the header when it has one.
// Asserts: a damaged or foreign journal is refused with an OutputError; a
// journal that scans reads back every record (scan_journal, JournalReader and
// PayloadReader agree), is not "unstarted", opens for appending and then
// holds its records plus the appended one; payloads decode or are refused
// with an OutputError; any other exception, a crash, a sanitizer report, a
// leak, a timeout or running out of memory is a bug.
#include "fuzz_support.hpp"

#include "model/errors.hpp"
#include "output/member_journal.hpp"
#include "output/member_payload.hpp"
#include "output/member_sources.hpp"

#include <libdeflate.h>

#include <vector>

namespace {

namespace fs = std::filesystem;

// Members of the design the final pass reads for: the seeds' ensemble
// (scenarios/demo-ensemble.yaml, one sample: 12 members) fits.
constexpr std::size_t kMembers = 64;
constexpr std::size_t kHeadFixed = 32; // magic 24, version 4, identity size 4

std::uint64_t get_le(const std::vector<std::uint8_t>& b, std::size_t at, int bytes) {
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i)
    v |= std::uint64_t{b[at + static_cast<std::size_t>(i)]} << (8 * i);
  return v;
}

void put_crc(std::vector<std::uint8_t>& b, std::size_t from, std::size_t at) {
  const std::uint32_t c = libdeflate_crc32(0, b.data() + from, at - from);
  for (int i = 0; i < 4; ++i)
    b[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(c >> (8 * i));
}

// The header's identity when the header has a plausible size, else "".
std::string identity_of(const std::vector<std::uint8_t>& b) {
  if (b.size() < kHeadFixed) return {};
  const std::uint64_t n = get_le(b, 28, 4);
  if (n > steelpath::kMaxJournalIdentityBytes || kHeadFixed + n > b.size()) return {};
  return {reinterpret_cast<const char*>(b.data()) + kHeadFixed, static_cast<std::size_t>(n)};
}

// Recomputes the CRCs of the header and of each record, as far as the sizes hold.
void fix_crcs(std::vector<std::uint8_t>& b) {
  if (b.size() < kHeadFixed) return;
  std::size_t pos =
      kHeadFixed + static_cast<std::size_t>(std::min<std::uint64_t>(get_le(b, 28, 4), b.size()));
  if (pos + 4 > b.size()) return;
  put_crc(b, 0, pos);
  pos += 4;
  while (pos + steelpath::kRecordOverheadBytes <= b.size() && get_le(b, pos, 4) == 0x524D5053) {
    const std::uint64_t size = get_le(b, pos + 13, 8);
    if (size > b.size() - pos - steelpath::kRecordOverheadBytes) return;
    const std::size_t end = pos + steelpath::kRecordHeadBytes + static_cast<std::size_t>(size);
    put_crc(b, pos, end);
    pos = end + 4;
  }
}

bool same(const std::vector<steelpath::JournalRecord>& a, const std::vector<steelpath::JournalRecord>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].member != b[i].member || a[i].status != b[i].status || a[i].offset != b[i].offset ||
        a[i].size != b[i].size)
      return false;
  return true;
}

// The final pass's reads: every member through JournalSource, its payload decoded.
void read_as_final_pass(const std::string& folder, const std::string& identity) {
  try {
    steelpath::JournalSource source(folder, identity, kMembers);
    steelpath::fuzz::read_every_member(source, kMembers);
  } catch (const steelpath::OutputError&) {
  }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const steelpath::fuzz::TempDir dir;
  if (size == 0) return -1;
  std::vector<std::uint8_t> bytes(data + 1, data + size);
  if ((data[0] & 1) != 0) fix_crcs(bytes);
  std::string identity = identity_of(bytes);
  if (identity.empty()) identity = "fuzz";
  const fs::path folder = dir.path() / "run.h5.parts";
  fs::create_directories(folder);
  const std::string path = (folder / "part-00000-of-00001.journal").string();
  steelpath::fuzz::write_file(path, bytes.data(), bytes.size());

  steelpath::JournalScan scan;
  try {
    scan = steelpath::scan_journal(path, identity);
  } catch (const steelpath::OutputError&) {
    read_as_final_pass(folder.string(), identity); // the same refusal, or the file is skipped as unstarted
    return 0;
  }
  // A journal that scans reads back whole, whichever way it is read.
  const steelpath::JournalReader reader(path, identity);
  if (!same(reader.scan().records, scan.records))
    steelpath::fuzz::fail("JournalReader and scan_journal differ");
  steelpath::PayloadReader payloads;
  for (const auto& r : scan.records) {
    const auto a = steelpath::read_payload(path, r);
    if (a.size() != r.size || reader.read(r) != a || payloads.read(path, r) != a)
      steelpath::fuzz::fail("a scanned record reads back differently");
    if (r.status == steelpath::kRecordDone) {
      try {
        std::vector<std::vector<double>> fields;
        double unit_years = 0.0;
        steelpath::decode_member(a, fields, unit_years);
      } catch (const steelpath::OutputError&) {
      }
    }
  }
  if (steelpath::is_unstarted_journal(path, identity))
    steelpath::fuzz::fail("a journal that scans is unstarted");
  read_as_final_pass(folder.string(), identity);

  // Opened for appending (the torn tail cut off), it keeps its records and adds one.
  const std::byte extra[3] = {std::byte{1}, std::byte{2}, std::byte{3}};
  {
    steelpath::JournalWriter writer(path, identity);
    if (!same(writer.existing().records, scan.records))
      steelpath::fuzz::fail("JournalWriter sees other records");
    if (writer.torn_bytes() != scan.file_bytes - scan.valid_bytes) steelpath::fuzz::fail("torn bytes differ");
    writer.append(7, steelpath::kRecordFailed, extra);
  }
  const steelpath::JournalScan after = steelpath::scan_journal(path, identity);
  if (after.records.size() != scan.records.size() + 1 || after.file_bytes != after.valid_bytes ||
      !same({after.records.begin(), after.records.end() - 1}, scan.records) ||
      after.records.back().member != 7 || steelpath::read_payload(path, after.records.back()).size() != 3)
    steelpath::fuzz::fail("the appended record does not read back after the existing ones");
  return 0;
}
