//===- CheckpointFuzzer.cpp - libFuzzer target: checkpoint + schema reader -===//
//
// Feeds arbitrary bytes to the decoders `distribufyc inspect` trusts with
// files from disk: the checkpoint decoder (container, tag, envelope, heap
// validation), the root checks, and the frame-schema reader. Whatever the
// bytes, each must return normally (true or false with a message); ASan and
// UBSan turn any memory error or undefined behaviour into a crash.
//
// To reach past the integrity tag, the first input byte selects a mode:
//   even: the rest is decoded as is (the tag almost never matches, so this
//         mostly exercises the prefix checks and bare payloads);
//   odd:  the rest is a payload, sealed here with a correct SHA-256 tag
//         (or, for byte values 1 mod 4, an HMAC under a fixed key given to
//         the decoder), so mutations reach the msgpack decoding and heap
//         validation.
// The same bytes are also read as a frame schema.
//
//===----------------------------------------------------------------------===//
#include "distribufy/Backend/SchemaWriter.h"
#include "distribufy/Inspect/Checkpoint.h"
#include "distribufy/Support/Sha256.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace distribufy;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0)
    return 0;
  uint8_t mode = data[0];
  std::string_view rest(reinterpret_cast<const char *>(data + 1), size - 1);

  inspect::DecodeOptions options;
  std::string bytes;
  if (mode & 1) {
    bool hmac = (mode & 3) == 1;
    const std::string key = "fuzz-key";
    Sha256::Digest tag = hmac ? hmacSha256(key, rest) : Sha256::hash(rest);
    bytes = "DSCK";
    bytes += '\x02';
    bytes += static_cast<char>(hmac ? 2 : 1);
    bytes.append(reinterpret_cast<const char *>(tag.data()), tag.size());
    bytes.append(rest);
    if (hmac)
      options.key = key;
  } else {
    bytes.assign(rest);
  }
  inspect::Checkpoint cp;
  std::string error;
  schema::FrameSchema schema;
  std::string schemaError;
  bool haveSchema = readSchemaMsgpack(rest, schema, schemaError);
  if (!haveSchema && schemaError.empty())
    std::abort(); // a failure must always say why

  if (inspect::decodeCheckpoint(bytes, options, cp, error)) {
    // Rendering walks the validated heap: bounded and in range, whatever
    // the heap's shape. Both forms, with no schema and (to reach the
    // name/site lookups) with a default one whose ids point anywhere.
    if (inspect::checkRoot(cp, error)) {
      schema::FrameSchema fallback;
      fallback.build = cp.build;
      fallback.codes.resize(4, schema::Code{});
      (*fallback.codes[1]).sites.resize(3);
      (*fallback.codes[1]).sites[1].live = {0, 5, 1000};
      (*fallback.codes[1]).slots = {"a", "$env1", "$t2"};
      (*fallback.codes[1]).params = {"p"};
      (void)inspect::formatCheckpoint(cp, nullptr, "fuzz", "", "", false);
      (void)inspect::formatCheckpoint(cp, &fallback, "fuzz", "schema", "", true);
    } else if (error.empty()) {
      std::abort();
    }
  } else if (error.empty()) {
    std::abort();
  }
  return 0;
}
