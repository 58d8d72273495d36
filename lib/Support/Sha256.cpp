//===- Sha256.cpp - SHA-256 and HMAC-SHA256 --------------------------------===//
#include "distribufy/Support/Sha256.h"

namespace distribufy {

namespace {

uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

constexpr uint32_t kRound[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

} // namespace

void Sha256::update(std::string_view data) {
  for (char c : data) {
    block_[used_++] = static_cast<uint8_t>(c);
    if (used_ == 64) {
      compress();
      used_ = 0;
    }
  }
  length_ += data.size();
}

Sha256::Digest Sha256::digest() {
  uint64_t bits = length_ * 8;
  uint8_t pad = 0x80;
  update(std::string_view(reinterpret_cast<const char *>(&pad), 1));
  while (used_ != 56) {
    uint8_t zero = 0;
    update(std::string_view(reinterpret_cast<const char *>(&zero), 1));
  }
  for (int i = 7; i >= 0; --i)
    block_[used_++] = static_cast<uint8_t>(bits >> (i * 8));
  compress();
  used_ = 0;
  Digest out{};
  for (size_t w = 0; w < 8; ++w)
    for (size_t i = 0; i < 4; ++i)
      out[w * 4 + i] = static_cast<uint8_t>(h_[w] >> ((3 - i) * 8));
  return out;
}

std::string Sha256::hexDigest() { return toHex(digest()); }

Sha256::Digest Sha256::hash(std::string_view data) {
  Sha256 h;
  h.update(data);
  return h.digest();
}

void Sha256::compress() {
  uint32_t w[64];
  for (int i = 0; i < 16; ++i)
    w[i] = uint32_t(block_[4 * i]) << 24 | uint32_t(block_[4 * i + 1]) << 16 |
           uint32_t(block_[4 * i + 2]) << 8 | uint32_t(block_[4 * i + 3]);
  for (int i = 16; i < 64; ++i) {
    uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4], f = h_[5], g = h_[6], h = h_[7];
  for (int i = 0; i < 64; ++i) {
    uint32_t s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
    uint32_t ch = (e & f) ^ (~e & g);
    uint32_t t1 = h + s1 + ch + kRound[i] + w[i];
    uint32_t s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
    uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
    uint32_t t2 = s0 + maj;
    h = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h_[0] += a;
  h_[1] += b;
  h_[2] += c;
  h_[3] += d;
  h_[4] += e;
  h_[5] += f;
  h_[6] += g;
  h_[7] += h;
}

Sha256::Digest hmacSha256(std::string_view key, std::string_view message) {
  std::array<uint8_t, 64> block{};
  if (key.size() > block.size()) {
    Sha256::Digest k = Sha256::hash(key);
    std::copy(k.begin(), k.end(), block.begin());
  } else {
    for (size_t i = 0; i < key.size(); ++i)
      block[i] = static_cast<uint8_t>(key[i]);
  }
  std::string ipad(64, '\0'), opad(64, '\0');
  for (size_t i = 0; i < 64; ++i) {
    ipad[i] = static_cast<char>(block[i] ^ 0x36);
    opad[i] = static_cast<char>(block[i] ^ 0x5c);
  }
  Sha256 inner;
  inner.update(ipad);
  inner.update(message);
  Sha256::Digest innerDigest = inner.digest();
  Sha256 outer;
  outer.update(opad);
  outer.update(
      std::string_view(reinterpret_cast<const char *>(innerDigest.data()), innerDigest.size()));
  return outer.digest();
}

std::string toHex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char c : bytes) {
    auto byte = static_cast<uint8_t>(c);
    out += kHex[byte >> 4];
    out += kHex[byte & 0xf];
  }
  return out;
}

std::string toHex(const Sha256::Digest &digest) {
  return toHex(std::string_view(reinterpret_cast<const char *>(digest.data()), digest.size()));
}

bool digestsEqual(const Sha256::Digest &a, const Sha256::Digest &b) {
  uint8_t diff = 0;
  for (size_t i = 0; i < a.size(); ++i)
    diff |= a[i] ^ b[i];
  return diff == 0;
}

} // namespace distribufy
