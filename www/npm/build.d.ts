/** Options of `build()`, the same as `npx sondhan build`'s. */
export interface BuildOptions {
  /** The folder of pages and articles (default: the current folder). */
  input?: string;
  /** Where the bundle goes (default: `<input>/sondhan`); replaced only when the build succeeds. */
  out?: string;
  /** Glob patterns relative to `input`: when given, only files matching one are read. */
  include?: string[];
  /** Glob patterns of files never read. */
  exclude?: string[];
  /** Put before urls made from paths: `/blog` or `https://example.com`. */
  rootUrl?: string;
  /** Include `mount()`, the search box (default true). */
  widget?: boolean;
  /** Read Latin-letter queries as Bengali (default true). */
  banglish?: boolean;
  /**
   * `true`: only the index's root goes into the `.wasm`, its chunks into `chunks/` beside it, and
   * a page downloads what each query needs. `false`: the whole index in the `.wasm`. Left out:
   * chosen by the size of the text (split above a few dozen articles).
   */
  split?: boolean;
  /** Called as files are read. */
  onProgress?: (progress: { files: number; documents: number; bytes: number; seconds: number }) => void;
}

/**
 * One file of the bundle (or the split index's chunks, together), as written and as served:
 * brotli-compressed, or as they are for the chunks, which are gzipped already.
 */
export interface BundleFile {
  name: string;
  bytes: number;
  /** The bytes served: brotli-compressed, or `bytes` for the gzipped chunks. */
  brotli: number;
  /**
   * 11 up to 2 MB; 5 (a server's on-the-fly setting) above, where 11 would take seconds per MB;
   * null for the chunks, served as they are.
   */
  brotliQuality: number | null;
}

/** What a build did. */
export interface BuildReport {
  input: string;
  out: string;
  documents: number;
  /** Files looked at (not those left out by the patterns). */
  files: number;
  /** Files left out by `include` / `exclude`. */
  excluded: number;
  bytesRead: number;
  /** Files that gave no document, and why. */
  skipped: { path: string; why: string }[];
  /** Every warning, naming its file: skipped files, ignored fields, dates not understood. */
  warnings: string[];
  /** The index: in the `.wasm`, and for a split index its chunks too. */
  indexBytes: number;
  terms: number;
  /** Whether the index is split. */
  split: boolean;
  /** Chunk files beside the `.wasm` (0 for a one-file index). */
  chunks: number;
  /** The whole build, compressing the report's sizes included. */
  seconds: number;
  /** Bytes read per second of reading, indexing and writing the index into the .wasm. */
  megabytesPerSecond: number;
  bundle: BundleFile[];
}

/** A build that cannot be done as asked; nothing was written. */
export class BuildError extends Error {}

/** Builds the search bundle of the pages and articles below `input` into `out`. */
export function build(options?: BuildOptions): Promise<BuildReport>;
