/**
 * The bytes of a register as they arrive: a plain XML file, or the invoice file inside a ZIP,
 * inflated chunk by chunk with fflate's streaming `Unzip` (the archive is never loaded whole;
 * fflate reads the local headers in order, so a ZIP from a pipe works as well as a file). The
 * invoice file is found by the format's naming rule (`registry.md` §1); the L file of personal
 * data and anything else in the archive are skipped unread.
 *
 * Why fflate and not yauzl: yauzl reads the central directory at the end of the archive first,
 * so it needs a seekable file (a pipe or a download would have to be saved whole); fflate's
 * `Unzip` reads the local headers in order, as the bytes arrive, is pure JavaScript without
 * dependencies, and is bundled into the CLI only (tsup `noExternal`) — the library never loads it.
 * Entries written by a streaming writer (sizes in a data descriptor after the data) are read too
 * (test/cli/registry-command.test.ts).
 *
 * @module
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { CliError, EXIT } from './io';

/** The names of the invoice files: H ordinary care, T high-tech, C oncology, D? dispensarisation (`registry.md` §1). */
export const INVOICE_FILE = /^([CHT]|D[A-Z])[MST][0-9]{2,6}[MST][0-9]{2,6}_[0-9]{4}/;

/** A ZIP's local file header signature, `PK\x03\x04`. */
export function isZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/** What was found in an archive: the invoice file read, the others skipped. */
export interface ZipContents {
  /** The invoice file's name inside the archive, once found. */
  invoice?: string | undefined;
  /** The other entries, skipped. */
  skipped: string[];
}

/** The last part of an entry's path. */
function baseName(name: string): string {
  const at = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  return at < 0 ? name : name.slice(at + 1);
}

/**
 * The inflated bytes of the invoice file inside the ZIP `input`, in chunks, as the archive's
 * bytes arrive. Reading stops at the end of the invoice file.
 *
 * @param input - the archive's bytes
 * @param contents - filled in as the archive is read
 * @param label - the archive's name, for messages
 * @throws {@link CliError} exit 2: no invoice file in the archive, a compression method other
 *   than stored or deflate, a broken archive
 */
export async function* zipInvoice(input: AsyncIterable<Uint8Array>, contents: ZipContents, label: string): AsyncGenerator<Uint8Array> {
  let queue: Uint8Array[] = [];
  let failure: Error | undefined;
  let ended = false;
  const unzip = new Unzip((file: UnzipFile) => {
    const name = baseName(file.name);
    if (contents.invoice !== undefined || !INVOICE_FILE.test(name) || !/\.xml$/i.test(name)) {
      contents.skipped.push(file.name);
      return;
    }
    contents.invoice = file.name;
    file.ondata = (e, data, final) => {
      if (e !== null) failure ??= e;
      else if (data.length > 0) queue.push(data);
      if (final) ended = true;
    };
    try {
      file.start();
    } catch (e) {
      failure = new CliError(`${label}: ${file.name}: ${e instanceof Error ? e.message : String(e)} (stored and deflate are read)`, EXIT.invalid);
    }
  });
  unzip.register(UnzipInflate);
  const push = (chunk: Uint8Array, final: boolean): void => {
    try {
      unzip.push(chunk, final);
    } catch (e) {
      failure ??= e instanceof Error ? e : new Error(String(e));
    }
  };
  const broken = (e: Error): CliError => (e instanceof CliError ? e : new CliError(`${label}: not a readable ZIP archive: ${e.message}`, EXIT.invalid));
  for await (const chunk of input) {
    push(chunk, false);
    if (failure !== undefined) throw broken(failure);
    if (queue.length > 0) {
      const ready = queue;
      queue = [];
      for (const data of ready) yield data;
    }
    if (ended) return;
  }
  push(new Uint8Array(0), true);
  if (failure !== undefined) throw broken(failure);
  for (const data of queue) yield data;
  if (contents.invoice === undefined) {
    const seen = contents.skipped.length === 0 ? 'it is empty' : `it holds ${contents.skipped.join(', ')}`;
    throw new CliError(`${label}: no invoice file (H…, T…, C…, D?… named by the rule ${INVOICE_FILE.source}) in the archive; ${seen}`, EXIT.invalid);
  }
  if (!ended) throw new CliError(`${label}: the archive ends inside ${contents.invoice}`, EXIT.invalid);
}
