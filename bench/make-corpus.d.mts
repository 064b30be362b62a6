/** Options of makeCorpus. */
export interface CorpusOptions {
  /** How many generated notes (default 100). */
  notes?: number;
  /** The generator's seed (default 42): the same seed writes the same bytes. */
  seed?: number;
  /** Also write the fault files (broken YAML, binary, huge, empty, BOM, CRLF, …) under inbox/. */
  faults?: boolean;
}

/** What makeCorpus wrote: every file (relative, forward slashes) and the generated notes. */
export interface Corpus {
  files: string[];
  notes: { slug: string; title: string; path: string }[];
}

/** Write a deterministic notes folder under `dir`. */
export function makeCorpus(dir: string, opts?: CorpusOptions): Corpus;
