//===- Sha256.h - SHA-256 and HMAC-SHA256 ----------------------------------===//
//
/// \file
/// SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104), dependency-free. Used
/// for the `run` cache key and for checkpoint integrity tags (the container
/// of runtime/src/serializer.js: a SHA-256 of the payload, or an HMAC-SHA256
/// with DISTRIBUFY_CHECKPOINT_KEY), so `inspect` can verify a checkpoint
/// before decoding a byte of it.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace distribufy {

class Sha256 {
public:
  using Digest = std::array<uint8_t, 32>;

  void update(std::string_view data);
  /// The digest of everything passed to update(). The object is spent
  /// afterwards (call reset() to reuse it).
  Digest digest();
  /// digest() as 64 lowercase hex digits.
  std::string hexDigest();
  void reset() { *this = Sha256(); }

  /// One-shot helpers.
  static Digest hash(std::string_view data);

private:
  void compress();

  std::array<uint32_t, 8> h_ = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::array<uint8_t, 64> block_{};
  size_t used_ = 0;
  uint64_t length_ = 0;
};

/// HMAC-SHA256 of \p message under \p key (any length; keys longer than the
/// 64-byte block are hashed first, as RFC 2104 says).
Sha256::Digest hmacSha256(std::string_view key, std::string_view message);

/// Lowercase hex of \p bytes.
std::string toHex(std::string_view bytes);
std::string toHex(const Sha256::Digest &digest);

/// Compares two digests in time independent of where they differ (a tag
/// check must not tell an attacker how many leading bytes were right).
bool digestsEqual(const Sha256::Digest &a, const Sha256::Digest &b);

} // namespace distribufy
