/** Bumped when the compiled routing index format changes, so old cache files are rebuilt. */
export const COMPILED_INDEX_VERSION = 3;
