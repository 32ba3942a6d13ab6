// better-sqlite3 asks `bindings` for its addon only when it is not handed one; src/store/sqlite.ts
// always hands it one (found by the package's own copy of `bindings`, which a bundled copy could not
// do: it searches beside the file that calls it).
module.exports = () => {
  throw new Error("better-sqlite3's addon must be passed as nativeBinding (src/store/sqlite.ts)");
};
