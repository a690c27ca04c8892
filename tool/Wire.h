//===- Wire.h - a small length-prefixed binary form -------------*- C++ -*-===//
//
// What a worker sends back and what a cache entry holds: 32-bit counts and
// length-prefixed byte strings (file names are arbitrary bytes). A reader
// that runs past the end sets Bad and returns empty values.
//
//===----------------------------------------------------------------------===//
#ifndef PREEMPTLINT_TOOL_WIRE_H
#define PREEMPTLINT_TOOL_WIRE_H

#include "Diagnostic.h"
#include "Driver.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <cstring>
#include <string>

namespace preemptlint {

class WireWriter {
public:
  void u32(uint32_t V) { Buf.append(reinterpret_cast<const char *>(&V), sizeof V); }
  void str(llvm::StringRef S) {
    u32(uint32_t(S.size()));
    Buf.append(S.data(), S.size());
  }
  std::string Buf;
};

class WireReader {
public:
  explicit WireReader(llvm::StringRef D) : D(D) {}
  uint32_t u32() {
    uint32_t V = 0;
    if (D.size() < sizeof V) {
      Bad = true;
      return 0;
    }
    memcpy(&V, D.data(), sizeof V);
    D = D.drop_front(sizeof V);
    return V;
  }
  /// The next string, as a view into the data.
  llvm::StringRef view() {
    uint32_t N = u32();
    if (D.size() < N) {
      Bad = true;
      return "";
    }
    llvm::StringRef S = D.take_front(N);
    D = D.drop_front(N);
    return S;
  }
  std::string str() {
    uint32_t N = u32();
    if (D.size() < N) {
      Bad = true;
      return "";
    }
    std::string S = D.take_front(N).str();
    D = D.drop_front(N);
    return S;
  }
  llvm::StringRef D;
  bool Bad = false;
};

/// Entries, manifests, memos and shards end with the hash of all that
/// precedes it: seal() writes it; sealed() reads it at the end of All and
/// says whether the whole is sound (nothing bad read, nothing after it).
inline void seal(WireWriter &W) { W.str(contentHash(W.Buf)); }
inline bool sealed(llvm::StringRef All, WireReader &R) {
  size_t Body = All.size() - R.D.size();
  std::string Check = R.str();
  return !R.Bad && R.D.empty() && Check == contentHash(All.take_front(Body));
}

inline void putDiag(WireWriter &W, const Diagnostic &D) {
  W.str(D.Check), W.str(D.Severity), W.str(D.File), W.u32(D.Line), W.u32(D.Column);
  W.str(D.Function), W.str(D.Message), W.u32(uint32_t(D.Notes.size()));
  for (auto &N : D.Notes)
    W.str(N.File), W.u32(N.Line), W.u32(N.Column), W.str(N.Message);
}

inline Diagnostic getDiag(WireReader &R) {
  Diagnostic X;
  X.Check = R.str(), X.Severity = R.str(), X.File = R.str();
  X.Line = R.u32(), X.Column = R.u32();
  X.Function = R.str(), X.Message = R.str();
  uint32_t N = R.u32();
  for (uint32_t I = 0; I < N && !R.Bad; ++I) {
    DiagNote Note;
    Note.File = R.str(), Note.Line = R.u32(), Note.Column = R.u32(), Note.Message = R.str();
    X.Notes.push_back(std::move(Note));
  }
  return X;
}

} // namespace preemptlint

#endif
