// The member journal keeps every completely written record across a kill,
// cuts off a torn tail, and refuses corruption and other runs' journals.
#include "output/member_journal.hpp"

#include "model/errors.hpp"
#include "output/hdf5.hpp"

#include "../support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace steelpath;

namespace {

const std::string kId = "3f2a9c0e1b7d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7";

std::vector<std::byte> bytes(const std::string& s) {
  std::vector<std::byte> b;
  for (const char c : s)
    b.push_back(static_cast<std::byte>(c));
  return b;
}

std::string text(const std::vector<std::byte>& b) {
  std::string s;
  for (const std::byte c : b)
    s += static_cast<char>(c);
  return s;
}

std::string slurp(const std::string& path) {
  std::string s(std::filesystem::file_size(path), '\0');
  std::ifstream(path, std::ios::binary).read(s.data(), static_cast<std::streamsize>(s.size()));
  return s;
}

void spit(const std::string& path, const std::string& data) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << data;
}

// Header: 24 magic + 4 version + 4 size + 64 identity + 4 CRC = 100 bytes.
constexpr std::uint64_t kHeaderBytes = 24 + 4 + 4 + 64 + 4;

// Three records: payloads of 5, 0 and 40 bytes.
const std::vector<std::string> kPayloads = {"alpha", "", "member 9 results: 0123456789abcdefghijkl"};

std::string write_three(const test::TempDir& dir) {
  const std::string path = (dir.path() / "journal.bin").string();
  JournalWriter w(path, kId);
  CHECK(w.existing().records.empty());
  CHECK(w.torn_bytes() == 0);
  w.append(7, 0, bytes(kPayloads[0]));
  w.append(3, 1, bytes(kPayloads[1]));
  w.append(9, 0, bytes(kPayloads[2]));
  w.sync();
  return path;
}

} // namespace

TEST_CASE("records written to a journal scan back intact", "[output][journal]") {
  test::TempDir dir;
  const std::string path = write_three(dir);
  // 100 + (25 + 5) + (25 + 0) + (25 + 40)
  CHECK(std::filesystem::file_size(path) == kHeaderBytes + 75 + 45);

  const JournalScan s = scan_journal(path, kId);
  REQUIRE(s.records.size() == 3);
  CHECK(s.valid_bytes == 220);
  CHECK(s.file_bytes == 220);
  CHECK(s.records[0].member == 7);
  CHECK(s.records[0].status == 0);
  CHECK(s.records[0].offset == kHeaderBytes + 21);
  CHECK(s.records[0].size == 5);
  CHECK(s.records[1].member == 3);
  CHECK(s.records[1].status == 1);
  CHECK(s.records[1].size == 0);
  CHECK(s.records[2].member == 9);
  CHECK(s.records[2].offset == kHeaderBytes + 30 + 25 + 21);
  CHECK(s.records[2].size == 40);

  const JournalReader r(path, kId);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(text(r.read(r.scan().records[i])) == kPayloads[i]);
    CHECK(text(read_payload(path, s.records[i])) == kPayloads[i]);
  }
  JournalRecord wrong = s.records[2];
  wrong.member = 8;
  CHECK_THROWS_WITH(r.read(wrong), Catch::Contains("no journal record of member 8"));
  wrong = s.records[2];
  wrong.size = 1u << 30;
  CHECK_THROWS_WITH(r.read(wrong), Catch::Contains("outside the file"));

  JournalWriter again(path, kId); // reopening keeps the records and appends after them
  CHECK(again.existing().records.size() == 3);
  CHECK(again.torn_bytes() == 0);
  again.append(11, 0, bytes("more"));
  const JournalScan s4 = scan_journal(path, kId);
  REQUIRE(s4.records.size() == 4);
  CHECK(s4.records[3].member == 11);
  CHECK(text(read_payload(path, s4.records[3])) == "more");
}

TEST_CASE("a journal cut anywhere in its last record has a torn tail that reopening cuts off",
          "[output][journal]") {
  test::TempDir dir;
  const std::string path = write_three(dir);
  const std::string full = slurp(path);
  const std::uint64_t last_start = kHeaderBytes + 30 + 25; // 155; the last record ends at 220
  for (std::uint64_t cut = last_start; cut < full.size(); ++cut) {
    INFO("cut at " << cut);
    spit(path, full.substr(0, cut));
    const JournalScan s = scan_journal(path, kId);
    REQUIRE(s.records.size() == 2);
    CHECK(s.valid_bytes == last_start);
    CHECK(s.file_bytes == cut);
    {
      JournalWriter w(path, kId);
      CHECK(w.torn_bytes() == cut - last_start);
      CHECK(w.existing().records.size() == 2);
      CHECK(std::filesystem::file_size(path) == last_start);
      w.append(42, 0, bytes("rerun"));
    }
    const JournalScan after = scan_journal(path, kId);
    REQUIRE(after.records.size() == 3);
    CHECK(after.file_bytes == after.valid_bytes);
    CHECK(after.records[2].member == 42);
    CHECK(text(read_payload(path, after.records[2])) == "rerun");
    CHECK(text(read_payload(path, after.records[0])) == "alpha");
  }
}

TEST_CASE("a damaged last record or a zero-filled tail is torn, not corrupt", "[output][journal]") {
  test::TempDir dir;
  const std::string path = write_three(dir);
  const std::string full = slurp(path);

  std::string flipped = full;
  flipped[200] = static_cast<char>(flipped[200] ^ 0x01); // inside the last payload: its CRC fails
  spit(path, flipped);
  JournalScan s = scan_journal(path, kId);
  CHECK(s.records.size() == 2);
  CHECK(s.valid_bytes == 155);
  CHECK(s.file_bytes == 220);

  // A machine crash may leave unsynced records as zeros.
  spit(path, full + std::string(300, '\0'));
  s = scan_journal(path, kId);
  CHECK(s.records.size() == 3);
  CHECK(s.valid_bytes == 220);
  CHECK(s.file_bytes == 520);
}

TEST_CASE("damage followed by valid records is corruption and is refused", "[output][journal]") {
  test::TempDir dir;
  const std::string path = write_three(dir);
  const std::string full = slurp(path);

  std::string flipped = full;
  flipped[kHeaderBytes + 21 + 2] ^= 0x40; // the 'p' of "alpha" in the first record
  spit(path, flipped);
  CHECK_THROWS_WITH(scan_journal(path, kId), Catch::Contains("corrupt") && Catch::Contains(path));
  CHECK_THROWS_WITH(JournalWriter(path, kId), Catch::Contains("corrupt"));
  CHECK(slurp(path) == flipped); // the writer left it as it was

  // A damaged size field makes the first record run past the end of the file;
  // the records behind it show that this is not a torn write.
  std::string sized = full;
  sized[kHeaderBytes + 13 + 5] = '\x7f';
  spit(path, sized);
  CHECK_THROWS_WITH(scan_journal(path, kId), Catch::Contains("corrupt journal record at offset 100"));

  std::string header = full;
  header[40] ^= 0x01; // inside the identity
  spit(path, header);
  CHECK_THROWS_WITH(scan_journal(path, kId), Catch::Contains("corrupt journal header"));

  std::string version = full;
  version[24] = '\x02';
  spit(path, version);
  CHECK_THROWS_WITH(scan_journal(path, kId), Catch::Contains("version 2 is not supported"));
}

TEST_CASE("a journal of another run is refused", "[output][journal]") {
  test::TempDir dir;
  const std::string path = write_three(dir);
  CHECK_THROWS_WITH(scan_journal(path, "other"),
                    Catch::Contains("belongs to another run: identity " + kId + ", expected other"));
  CHECK_THROWS_WITH(JournalWriter(path, "other"), Catch::Contains("another run"));
  CHECK(scan_journal(path, kId).records.size() == 3);
}

TEST_CASE("files that are not journals are refused and left untouched", "[output][journal]") {
  test::TempDir dir;
  const std::string h5path = (dir.path() / "results.h5").string();
  { h5::Handle f = h5::create_file(h5path); }
  const std::string h5bytes = slurp(h5path);
  CHECK_THROWS_WITH(scan_journal(h5path, kId), Catch::Contains("not a steelpath journal"));
  CHECK_THROWS_WITH(JournalWriter(h5path, kId), Catch::Contains("not a steelpath journal"));
  CHECK(slurp(h5path) == h5bytes);

  std::mt19937 rng(7);
  for (const std::size_t n : {1, 23, 24, 31, 100, 5000}) {
    std::string junk(n, '\0');
    for (char& c : junk)
      c = static_cast<char>(rng());
    const auto p = dir.write("junk", junk);
    CHECK_THROWS_WITH(scan_journal(p.string(), kId), Catch::Contains("not a steelpath journal"));
    CHECK_THROWS_WITH(JournalWriter(p.string(), kId), Catch::Contains("not a steelpath journal"));
    CHECK(slurp(p.string()) == junk);
  }
  const auto truncated = dir.write("short", "STEELPATH-JOURNAL");
  CHECK_THROWS_WITH(scan_journal(truncated.string(), kId), Catch::Contains("header is truncated"));
  CHECK_THROWS_WITH(scan_journal((dir.path() / "missing").string(), kId),
                    Catch::Contains("cannot open journal") && Catch::Contains("No such file"));
}

TEST_CASE("an empty file or a torn header is not a journal, but the writer starts it afresh",
          "[output][journal]") {
  test::TempDir dir;
  const auto empty = dir.write("empty", "");
  CHECK_THROWS_WITH(scan_journal(empty.string(), kId),
                    Catch::Contains("not a steelpath journal (the file is empty)"));
  {
    JournalWriter w(empty.string(), kId);
    CHECK(w.torn_bytes() == 0);
    w.append(1, 0, bytes("x"));
  }
  CHECK(scan_journal(empty.string(), kId).records.size() == 1);

  // A writer killed while writing the header left its first 30 bytes.
  const std::string header = slurp(empty.string()).substr(0, kHeaderBytes);
  const auto torn = dir.write("torn", header.substr(0, 30));
  {
    JournalWriter w(torn.string(), kId);
    CHECK(w.torn_bytes() == 30);
    CHECK(w.existing().records.empty());
  }
  CHECK(slurp(torn.string()) == header);
}

TEST_CASE("a second writer on the same journal is refused", "[output][journal]") {
  test::TempDir dir;
  const std::string path = (dir.path() / "j").string();
  JournalWriter first(path, kId);
  CHECK_THROWS_WITH(JournalWriter(path, kId), Catch::Contains("already open for writing"));
}

TEST_CASE("4 threads appending 250 records each give 1000 intact records", "[output][journal]") {
  test::TempDir dir;
  const std::string path = (dir.path() / "j").string();
  // Payload of member m: m % 97 + 1 copies of the byte m % 251, then m as text.
  const auto payload = [](std::uint64_t m) {
    std::string p(m % 97 + 1, static_cast<char>(m % 251));
    return p + std::to_string(m);
  };
  {
    JournalWriter w(path, kId);
    std::vector<std::thread> threads;
    for (std::uint64_t t = 0; t < 4; ++t)
      threads.emplace_back([&w, &payload, t] {
        for (std::uint64_t m = t; m < 1000; m += 4)
          w.append(m, static_cast<std::uint8_t>(m % 2), bytes(payload(m)));
      });
    for (auto& th : threads)
      th.join();
    w.sync();
  }
  const JournalReader r(path, kId);
  REQUIRE(r.scan().records.size() == 1000);
  CHECK(r.scan().file_bytes == r.scan().valid_bytes);
  std::vector<int> seen(1000, 0);
  for (const auto& rec : r.scan().records) {
    REQUIRE(rec.member < 1000);
    ++seen[rec.member];
    CHECK(rec.status == rec.member % 2);
    CHECK(text(r.read(rec)) == payload(rec.member));
  }
  CHECK(std::count(seen.begin(), seen.end(), 1) == 1000);
}

TEST_CASE("a writer killed with SIGKILL leaves only whole records behind", "[output][journal]") {
  test::TempDir dir;
  const std::string path = (dir.path() / "j").string();
  constexpr std::size_t kPayload = 65536;
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) { // appends until killed; never returns into Catch
    JournalWriter w(path, kId);
    for (std::uint64_t m = 0;; ++m)
      w.append(m, 0, std::vector<std::byte>(kPayload, static_cast<std::byte>(m % 251)));
  }
  std::error_code ec;
  // Five records' bytes (header included) hold at least four whole records,
  // whatever the fifth's progress; four payloads' bytes could hold three.
  while (std::filesystem::file_size(path, ec) < 5 * (kPayload + kRecordOverheadBytes) || ec)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  ::kill(child, SIGKILL);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK(WIFSIGNALED(status));

  JournalWriter w(path, kId); // the dead child's lock is gone
  const auto& records = w.existing().records;
  REQUIRE(records.size() >= 4);
  CHECK(w.torn_bytes() < kPayload + kRecordOverheadBytes);
  for (std::size_t i = 0; i < records.size(); ++i) {
    CHECK(records[i].member == i);
    const auto p = read_payload(path, records[i]);
    CHECK(std::count(p.begin(), p.end(), static_cast<std::byte>(i % 251)) == kPayload);
  }
  w.append(records.size(), 0, bytes("after the kill"));
  CHECK(scan_journal(path, kId).records.size() == records.size() + 1);
}

TEST_CASE("random damage to a journal never crashes a scan", "[output][journal]") {
  test::TempDir dir;
  const std::string path = write_three(dir);
  const std::string full = slurp(path);
  std::mt19937 rng(2024);
  for (int trial = 0; trial < 2000; ++trial) {
    std::string damaged = full.substr(0, rng() % (full.size() + 1));
    for (int k = static_cast<int>(rng() % 4); k > 0 && !damaged.empty(); --k)
      damaged[rng() % damaged.size()] = static_cast<char>(rng());
    if (rng() % 4 == 0) damaged += std::string(rng() % 64, static_cast<char>(rng()));
    spit(path, damaged);
    try {
      const JournalReader r(path, kId);
      CHECK(r.scan().valid_bytes <= r.scan().file_bytes);
      for (const auto& rec : r.scan().records)
        CHECK(r.read(rec).size() == rec.size);
    } catch (const OutputError&) {
    }
  }
}
