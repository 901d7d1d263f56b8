/**
 * Bytes to text: the encoding from the BOM or the XML prolog, decoded as a stream with the
 * standard `TextDecoder` (Node, Deno, browsers), so that a character cut between two chunks is
 * put together again.
 *
 * @module
 */
import { makeIssue, OmsCalcError } from '../_internal';

/** How many bytes to look at for the prolog before giving up on it (it is far shorter). */
const PROLOG_LIMIT = 1024;

/** The standard streaming decoder (a global in Node, Deno and browsers). */
type Decoder = InstanceType<typeof TextDecoder>;

const ENCODING = /encoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\1/;

/** The error for a source that is not XML at all. */
export function notARegister(message: string): OmsCalcError {
  return new OmsCalcError('NOT_A_REGISTER', `oms-calc/registry: ${message}`, [makeIssue('not_a_register', [], {}, message)]);
}

function makeDecoder(label: string): Decoder {
  try {
    return new TextDecoder(label);
  } catch (cause) {
    const message = `the encoding ${JSON.stringify(label)} is not supported by this runtime's TextDecoder`;
    throw new OmsCalcError('NOT_A_REGISTER', `oms-calc/registry: ${message}`, [makeIssue('not_a_register', ['encoding'], { encoding: label }, message)], { cause });
  }
}

/** The encoding named by a BOM or by the prolog at the start of `head`, or `undefined` when `head` is too short to tell. */
function sniff(head: Uint8Array, final: boolean): string | undefined {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return head[0] === 0xff ? 'utf-16le' : 'utf-16be';
  if (head.length < 5 && !final) return undefined;
  // '<?xml' in ASCII: both windows-1251 and UTF-8 agree on every byte of the prolog
  const isProlog = head[0] === 0x3c && head[1] === 0x3f && head[2] === 0x78 && head[3] === 0x6d && head[4] === 0x6c;
  if (!isProlog) return 'utf-8';
  let end = -1;
  for (let i = 5; i < head.length - 1; i++) {
    if (head[i] === 0x3f && head[i + 1] === 0x3e) {
      end = i;
      break;
    }
  }
  if (end < 0 && !final && head.length < PROLOG_LIMIT) return undefined;
  let text = '';
  const stop = end < 0 ? Math.min(head.length, PROLOG_LIMIT) : end;
  for (let i = 5; i < stop; i++) text += String.fromCharCode(head[i] as number);
  return ENCODING.exec(text)?.[2] ?? 'utf-8';
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * A source of a register: an iterable or async iterable of byte chunks (`Uint8Array`) or of
 * strings — a Node stream, a Deno file's `readable`, a browser `File.stream()`, a `fetch` body, or
 * an array of chunks.
 */
export type RegistrySource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> | ByteStreamLike;

/**
 * A web `ReadableStream` of bytes, as far as the reader needs it: browsers that cannot iterate a
 * stream with `for await` still give a reader.
 */
export interface ByteStreamLike {
  /** A reader of the stream's chunks. */
  getReader(): {
    /** The next chunk, or `done` at the end. */
    read(): Promise<{ done: boolean; value?: Uint8Array | string | undefined }>;
    /** Lets the stream go when the reading is over. */
    releaseLock(): void;
  };
}

/** Checks that `source` can be read; returns how. */
/** A source, told apart by how it is read. */
export type SourceOf =
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'sync'; readonly chunks: Iterable<unknown> }
  | { readonly kind: 'async'; readonly chunks: AsyncIterable<unknown> }
  | { readonly kind: 'reader'; readonly stream: ByteStreamLike };

const isAsyncIterable = (v: object): v is AsyncIterable<unknown> => typeof (v as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function';
const isIterable = (v: object): v is Iterable<unknown> => typeof (v as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function';
const isReader = (v: object): v is ByteStreamLike => typeof (v as Partial<ByteStreamLike>).getReader === 'function';

/** Tells how a source is read, or throws `NOT_A_REGISTER` when it cannot be. */
export function sourceKind(source: unknown): SourceOf {
  if (typeof source === 'string') return { kind: 'string', text: source };
  if (typeof source === 'object' && source !== null) {
    if (isAsyncIterable(source)) return { kind: 'async', chunks: source };
    if (isIterable(source)) return { kind: 'sync', chunks: source };
    if (isReader(source)) return { kind: 'reader', stream: source };
  }
  throw notARegister('expected the register as an iterable or async iterable of bytes (Uint8Array) or strings, or a ReadableStream');
}

/** The chunks of a stream read through its reader. */
export async function* readerChunks(stream: ByteStreamLike): AsyncGenerator<Uint8Array | string> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value !== undefined) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Bytes (or strings) in, text out, chunk by chunk. Bytes are decoded with the encoding given, or
 * else the encoding of the BOM or of the prolog (default UTF-8); a character cut between two
 * chunks is put together again.
 */
export class ChunkDecoder {
  private decoder: Decoder | undefined;
  private pending: Uint8Array | undefined;
  /** The encoding used, as the TextDecoder names it (`'text'` while only strings came). */
  encoding = 'text';

  constructor(encoding: string | undefined) {
    if (encoding !== undefined) {
      this.decoder = makeDecoder(encoding);
      this.encoding = this.decoder.encoding;
    }
  }

  /** The text of the next chunk (possibly empty). */
  push(chunk: unknown): string {
    if (typeof chunk === 'string') return chunk;
    let bytes: Uint8Array;
    if (chunk instanceof Uint8Array) bytes = chunk;
    else if (ArrayBuffer.isView(chunk)) bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    else if (chunk instanceof ArrayBuffer) bytes = new Uint8Array(chunk);
    else throw notARegister('expected chunks of bytes (Uint8Array) or strings');
    let decoder = this.decoder;
    if (decoder === undefined) {
      bytes = this.pending === undefined ? bytes : concat(this.pending, bytes);
      const label = sniff(bytes, false);
      if (label === undefined) {
        this.pending = bytes;
        return '';
      }
      this.pending = undefined;
      decoder = this.decoder = makeDecoder(label);
      this.encoding = decoder.encoding;
    }
    return decoder.decode(bytes, { stream: true });
  }

  /** The rest of the text at the end of the source. */
  end(): string {
    let text = '';
    if (this.decoder === undefined && this.pending !== undefined) {
      this.decoder = makeDecoder(sniff(this.pending, true) ?? 'utf-8');
      this.encoding = this.decoder.encoding;
      text = this.decoder.decode(this.pending, { stream: true });
      this.pending = undefined;
    }
    return this.decoder === undefined ? text : text + this.decoder.decode();
  }
}
