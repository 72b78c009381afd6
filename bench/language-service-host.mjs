// A language service host whose files are texts in memory (the rest is read from disk), as an
// editor keeps open files: for the editor benchmark and the editor plugin's tests.

/** A host over `texts` (absolute path -> text, the project's files); `edit` replaces one, as a keystroke does. */
export function memoryHost(ts, options, currentDirectory, texts) {
  const versions = new Map();
  const host = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [...texts.keys()],
    getScriptVersion: (f) => String(versions.get(f) ?? 0),
    getScriptSnapshot: (f) => {
      const text = texts.get(f) ?? ts.sys.readFile(f);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => currentDirectory,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => texts.has(f) || ts.sys.fileExists(f),
    readFile: (f) => texts.get(f) ?? ts.sys.readFile(f),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath,
  };
  const edit = (fileName, text) => {
    texts.set(fileName, text);
    versions.set(fileName, (versions.get(fileName) ?? 0) + 1);
  };
  return { host, edit };
}
