/**
 * Driving the scanner over a source: all at once (with a callback) or as an async iterable.
 *
 * @module
 */
import { ChunkDecoder, readerChunks, sourceKind, type RegistrySource } from './decode';
import { RegistryScanner, type Rec } from './scanner';

/** Reads the whole source, calling `emit` with each record as it closes. Returns the scanner (for its counts). */
export async function scanAll(source: RegistrySource, encoding: string | undefined, emit: (r: Rec) => void): Promise<RegistryScanner> {
  const src = sourceKind(source);
  const decoder = new ChunkDecoder(encoding);
  const scanner = new RegistryScanner(emit);
  if (src.kind === 'string') scanner.write(src.text);
  else if (src.kind === 'sync') {
    for (const chunk of src.chunks) {
      const text = decoder.push(chunk);
      if (text.length > 0) scanner.write(text);
    }
  } else {
    const chunks = src.kind === 'reader' ? readerChunks(src.stream) : src.chunks;
    for await (const chunk of chunks) {
      const text = decoder.push(chunk);
      if (text.length > 0) scanner.write(text);
    }
  }
  const rest = decoder.end();
  if (rest.length > 0) scanner.write(rest);
  scanner.end();
  return scanner;
}

/**
 * The records of the source as an async iterable, chunk by chunk: at most one chunk's records
 * are held at a time. `onEnd` runs after the last record (with the scanner, for its counts), and
 * what it returns is yielded last.
 */
export async function* scanStream<T>(
  source: RegistrySource,
  encoding: string | undefined,
  map: (r: Rec, out: T[]) => void,
  onEnd?: (scanner: RegistryScanner, out: T[]) => void,
): AsyncGenerator<T, void, undefined> {
  const src = sourceKind(source);
  const decoder = new ChunkDecoder(encoding);
  let out: T[] = [];
  const scanner = new RegistryScanner((r) => map(r, out));
  const drain = (): T[] => {
    const batch = out;
    out = [];
    return batch;
  };
  if (src.kind === 'string') scanner.write(src.text);
  else {
    const iterable = src.kind === 'reader' ? readerChunks(src.stream) : src.chunks;
    for await (const chunk of iterable) {
      const text = decoder.push(chunk);
      if (text.length > 0) scanner.write(text);
      if (out.length > 0) yield* drain();
    }
  }
  const rest = decoder.end();
  if (rest.length > 0) scanner.write(rest);
  scanner.end();
  onEnd?.(scanner, out);
  yield* drain();
}
