//===- Sha256Test.cpp - SHA-256 and HMAC-SHA256 against published vectors -===//
#include "distribufy/Support/Sha256.h"

#include <doctest/doctest.h>

#include <string>

using namespace distribufy;

TEST_CASE("SHA-256 matches the FIPS 180-4 examples") {
  CHECK(toHex(Sha256::hash("")) ==
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(toHex(Sha256::hash("abc")) ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(toHex(Sha256::hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // One million 'a', fed in uneven pieces: block boundaries do not matter.
  Sha256 h;
  std::string chunk(997, 'a');
  size_t left = 1000000;
  while (left > 0) {
    size_t n = left < chunk.size() ? left : chunk.size();
    h.update(std::string_view(chunk).substr(0, n));
    left -= n;
  }
  CHECK(h.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("HMAC-SHA256 matches RFC 4231") {
  // Test case 1: a 20-byte key.
  CHECK(toHex(hmacSha256(std::string(20, '\x0b'), "Hi There")) ==
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  // Test case 2: a short key.
  CHECK(toHex(hmacSha256("Jefe", "what do ya want for nothing?")) ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // Test case 6: a key longer than the block is hashed first.
  CHECK(toHex(hmacSha256(std::string(131, '\xaa'),
                         "Test Using Larger Than Block-Size Key - Hash Key First")) ==
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST_CASE("digest comparison") {
  Sha256::Digest a = Sha256::hash("x"), b = Sha256::hash("x"), c = Sha256::hash("y");
  CHECK(digestsEqual(a, b));
  CHECK_FALSE(digestsEqual(a, c));
}
