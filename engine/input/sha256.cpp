#include "input/sha256.hpp"

#include "model/errors.hpp"

#include <openssl/evp.h>

namespace steelpath::input {

std::string sha256_hex(const std::string& data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr) != 1)
    throw Error("SHA-256 failed");
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (unsigned int i = 0; i < len; ++i) {
    s += hex[digest[i] >> 4];
    s += hex[digest[i] & 0xF];
  }
  return s;
}

} // namespace steelpath::input
