/**
 * The streaming reader of a register: saxes events → one record per SCHET, per Z_SL and per bad
 * element. Text is collected only inside the elements the audit needs; every other element is
 * skipped by one comparison of a context number, and nothing of it is kept.
 *
 * @module
 */
import { SaxesParser } from 'saxes';
import { notARegister } from './decode';
import { isIsoDate, parseKopecks, parseSmallInt } from './money';
import type { RegistryHeader, RegistryMalformed } from './types';

/** An SL as read, with its amount in kopecks (−1: missing or malformed). */
export type SlRec = {
  line: number;
  slId?: string | undefined;
  tarif?: string | undefined;
  sumM?: string | undefined;
  sumMK: number;
};

/** A SANK as read, with its numbers parsed (−1: missing or malformed). */
export type SankRec = {
  line: number;
  sCode?: string | undefined;
  sSum?: string | undefined;
  sSumK: number;
  sTip?: string | undefined;
  sTipN: number;
  slId: string[];
  sOsn?: string | undefined;
  sOsnN: number;
  dateAct?: string | undefined;
  /** DATE_ACT when it is a valid ISO date, else `undefined`. */
  dateOk: string | undefined;
  numAct?: string | undefined;
  codeExp: string[];
  sCom?: string | undefined;
  sIst?: string | undefined;
};

/** A Z_SL as read, with its numbers parsed (−1: missing or malformed; SANK_IT absent is 0). */
export type CaseRec = {
  kind: 'case';
  line: number;
  nZap?: string | undefined;
  prNov?: string | undefined;
  idcase?: string | undefined;
  uslOk?: string | undefined;
  uslOkN: number;
  dateZ1?: string | undefined;
  dateZ2?: string | undefined;
  /** DATE_Z_2 when it is a valid ISO date. */
  dateZ2Ok: string | undefined;
  idsp?: string | undefined;
  sumv?: string | undefined;
  sumvK: number;
  oplata?: string | undefined;
  oplataN: number;
  sump?: string | undefined;
  sumpK: number;
  sankIt?: string | undefined;
  sankItK: number;
  sl: SlRec[];
  sank: SankRec[];
};

/** SCHET as read, with its amounts in kopecks (−1: missing or malformed; −2: absent, optional). */
export type SchetRec = {
  kind: 'schet';
  line: number;
  header: RegistryHeader;
  code?: string | undefined;
  codeMo?: string | undefined;
  year?: string | undefined;
  month?: string | undefined;
  nschet?: string | undefined;
  dschet?: string | undefined;
  plat?: string | undefined;
  summav?: string | undefined;
  summavK: number;
  summap?: string | undefined;
  summapK: number;
  sankMek?: string | undefined;
  sankMekK: number;
  sankMee?: string | undefined;
  sankMeeK: number;
  sankEkmp?: string | undefined;
  sankEkmpK: number;
};

/** What the scanner emits. */
export type Rec = CaseRec | SchetRec | RegistryMalformed;

/** Kopecks of an optional field that is absent. */
export const ABSENT = -2;

// Contexts: where an element is. OTHER: skipped with everything inside it.
const OTHER = 0;
const DOC = 1;
const ROOT = 2;
const ZGLV = 3;
const SCHET = 4;
const ZAP = 5;
const ZSL = 6;
const SL = 7;
const SANK = 8;
/** A leaf whose text is collected. */
const FIELD = 9;

type Kind = 'text' | 'money' | 'date' | 'count' | 'code' | { max: number };

interface FieldDef {
  /** The property of the record. */
  readonly key: string;
  /** The property of its parsed number (`…K` kopecks, `…N` integer). */
  readonly parsedKey: string;
  /** Its bit in the mask of the elements seen in its parent. */
  bit: number;
  readonly kind: Kind;
  readonly required: boolean;
  /** Repeated element: the values go into an array. */
  readonly list?: boolean;
}

const f = (key: string, kind: Kind, required = false, list = false): FieldDef => ({ key, parsedKey: kind === 'money' ? `${key}K` : `${key}N`, bit: 0, kind, required, list });

const FIELDS: readonly (ReadonlyMap<string, FieldDef> | undefined)[] = [];
const fieldsOf = (entries: [string, FieldDef][]): ReadonlyMap<string, FieldDef> => {
  entries.forEach(([, def], i) => {
    def.bit = 1 << i;
  });
  return new Map(entries);
};
(FIELDS as (ReadonlyMap<string, FieldDef> | undefined)[])[ZGLV] = fieldsOf([
  ['VERSION', f('version', 'text')],
  ['DATA', f('date', 'text')],
  ['FILENAME', f('filename', 'text')],
  ['SD_Z', f('sdZ', 'count')],
]);
(FIELDS as (ReadonlyMap<string, FieldDef> | undefined)[])[SCHET] = fieldsOf([
  ['CODE', f('code', 'text')],
  ['CODE_MO', f('codeMo', 'text')],
  ['YEAR', f('year', 'text')],
  ['MONTH', f('month', 'text')],
  ['NSCHET', f('nschet', 'text')],
  ['DSCHET', f('dschet', 'text')],
  ['PLAT', f('plat', 'text')],
  ['SUMMAV', f('summav', 'money', true)],
  ['SUMMAP', f('summap', 'money')],
  ['SANK_MEK', f('sankMek', 'money')],
  ['SANK_MEE', f('sankMee', 'money')],
  ['SANK_EKMP', f('sankEkmp', 'money')],
]);
(FIELDS as (ReadonlyMap<string, FieldDef> | undefined)[])[ZAP] = fieldsOf([
  ['N_ZAP', f('nZap', 'text', true)],
  ['PR_NOV', f('prNov', 'text')],
]);
(FIELDS as (ReadonlyMap<string, FieldDef> | undefined)[])[ZSL] = fieldsOf([
  ['IDCASE', f('idcase', 'text', true)],
  ['USL_OK', f('uslOk', { max: 99 })],
  ['DATE_Z_1', f('dateZ1', 'date')],
  ['DATE_Z_2', f('dateZ2', 'date')],
  ['IDSP', f('idsp', 'text')],
  ['SUMV', f('sumv', 'money', true)],
  ['OPLATA', f('oplata', { max: 3 }, true)],
  ['SUMP', f('sump', 'money', true)],
  ['SANK_IT', f('sankIt', 'money')],
]);
(FIELDS as (ReadonlyMap<string, FieldDef> | undefined)[])[SL] = fieldsOf([
  ['SL_ID', f('slId', 'text', true)],
  ['TARIF', f('tarif', 'money')],
  ['SUM_M', f('sumM', 'money', true)],
]);
(FIELDS as (ReadonlyMap<string, FieldDef> | undefined)[])[SANK] = fieldsOf([
  ['S_CODE', f('sCode', 'code', true)],
  ['S_SUM', f('sSum', 'money', true)],
  ['S_TIP', f('sTip', { max: 99 }, true)],
  ['SL_ID', f('slId', 'text', false, true)],
  ['S_OSN', f('sOsn', { max: 999 }, true)],
  ['DATE_ACT', f('dateAct', 'date', true)],
  ['NUM_ACT', f('numAct', 'text')],
  ['CODE_EXP', f('codeExp', 'text', false, true)],
  ['S_COM', f('sCom', 'text')],
  ['S_IST', f('sIst', 'text')],
]);

/** The mask of the required elements of each context. */
const REQUIRED: readonly number[] = FIELDS.map((m) => (m === undefined ? 0 : [...m.values()].reduce((mask, d) => (d.required ? mask | d.bit : mask), 0)));

const NAMES: Record<number, string> = { [ZGLV]: 'ZGLV', [SCHET]: 'SCHET', [ZAP]: 'ZAP', [ZSL]: 'Z_SL', [SL]: 'SL', [SANK]: 'SANK' };

/** The source cited in the messages of the format's rules. */
export const FORMAT_SOURCE = 'Приказ ФФОМС № 34н, формат реестра счетов (H-файл)';

function shorten(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

// Records are made with every property present, so that they keep one shape while filled in.
const newSl = (line: number): SlRec => ({ line, slId: undefined, tarif: undefined, sumM: undefined, sumMK: -1 });
const newSank = (line: number): SankRec => ({
  line, sCode: undefined, sSum: undefined, sSumK: -1, sTip: undefined, sTipN: -1, slId: [], sOsn: undefined, sOsnN: -1,
  dateAct: undefined, dateOk: undefined, numAct: undefined, codeExp: [], sCom: undefined, sIst: undefined,
});
const newCase = (line: number): CaseRec => ({
  kind: 'case', line, nZap: undefined, prNov: undefined, idcase: undefined, uslOk: undefined, uslOkN: -1, dateZ1: undefined,
  dateZ2: undefined, dateZ2Ok: undefined, idsp: undefined, sumv: undefined, sumvK: -1, oplata: undefined, oplataN: -1,
  sump: undefined, sumpK: -1, sankIt: undefined, sankItK: 0, sl: [], sank: [],
});
const newSchet = (line: number, header: RegistryHeader): SchetRec => ({
  kind: 'schet', line, header, code: undefined, codeMo: undefined, year: undefined, month: undefined, nschet: undefined,
  dschet: undefined, plat: undefined, summav: undefined, summavK: -1, summap: undefined, summapK: ABSENT, sankMek: undefined,
  sankMekK: ABSENT, sankMee: undefined, sankMeeK: ABSENT, sankEkmp: undefined, sankEkmpK: ABSENT,
});

/**
 * The reader. `write` takes text chunks in order, `end` finishes; records go to `emit` as soon as
 * each element closes.
 */
export class RegistryScanner {
  private readonly parser: SaxesParser;
  private readonly emit: (r: Rec) => void;
  /** Context of each open element, by depth (index 0: the document). */
  private readonly contexts: number[] = [DOC];
  private depth = 0;
  private rootSeen = false;
  private started = false;

  // the leaf being collected
  private fieldDepth = -1;
  private field: FieldDef | undefined;
  private fieldName = '';
  private fieldLine = 0;
  private text = '';

  // records being built
  private header: RegistryHeader = {};
  private schet: SchetRec | undefined;
  private schets = 0;
  private nZap: string | undefined;
  private prNov: string | undefined;
  private current: CaseRec | undefined;
  private sl: SlRec | undefined;
  private sank: SankRec | undefined;
  /** Elements seen in the open ZGLV or SCHET, ZAP, Z_SL, SL or SANK: to report a repeated or a missing one. */
  private seen = 0;
  private seenZap = 0;
  private seenCase = 0;
  private seenSub = 0;
  /** Malformed items of the open ZAP (or SCHET), emitted just before its record. */
  private pending: RegistryMalformed[] = [];
  private inRecord = false;

  /** The number of Z_SL read. */
  cases = 0;
  /** Whether the file ended inside an element (cut short). */
  truncated = false;
  /** XML errors already reported that need not be repeated (a second root after a stray close tag). */
  private readonly once = new Set<string>();
  /** ZGLV/SD_Z as a number, when it is one. */
  sdZ = -1;
  /** The line of ZGLV/SD_Z. */
  sdZLine = 0;

  constructor(emit: (r: Rec) => void) {
    this.emit = emit;
    const p = new SaxesParser({ position: true });
    this.parser = p;
    p.on('opentag', (tag) => this.open(tag));
    p.on('closetag', () => this.close());
    p.on('text', (t) => {
      if (this.depth === this.fieldDepth) this.text += t;
    });
    p.on('cdata', (t) => {
      if (this.depth === this.fieldDepth) this.text += t;
    });
    p.on('doctype', (d) => {
      if (/<!ENTITY/i.test(d)) {
        this.malformed('DOCTYPE', p.line, 'DOCTYPE объявляет сущности (<!ENTITY …>); они не раскрываются, ссылки на них — ошибка (решение D21)', undefined);
      }
    });
    p.on('error', (e) => {
      const message = e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '');
      if (message.startsWith('documents may contain only one root') || message.startsWith('text data outside of root node')) {
        if (this.once.has(message)) return;
        this.once.add(message);
      }
      this.malformed('XML', p.line, `ошибка XML: ${message}`, undefined);
    });
  }

  /** Feeds the next chunk of text. */
  write(chunk: string): void {
    if (!this.started) {
      // not XML at all: the first thing after spaces (and a BOM) must be '<'
      let i = 0;
      while (i < chunk.length) {
        const c = chunk.charCodeAt(i);
        if (c === 0xfeff || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
        else break;
      }
      if (i === chunk.length) return;
      if (chunk.charCodeAt(i) !== 60) throw notARegister('the source is not XML: it does not begin with "<"');
      this.started = true;
      if (i > 0) chunk = chunk.slice(i);
    }
    this.parser.write(chunk);
  }

  /** Ends the source: closes what is open (a truncated file), reports what is missing. */
  end(): void {
    if (!this.started) throw notARegister('the source is empty');
    this.parser.close();
    // a truncated file: saxes reports the unclosed tags; the open records are still yielded
    if (this.depth > 0) this.truncated = true;
    while (this.depth > 0) {
      if (this.contexts[this.depth] === FIELD) {
        // cut inside a value: what was read of it is not the value
        this.malformed(this.fieldName, this.fieldLine, `${this.fieldName}: файл оборван внутри элемента; значение не прочитано (${FORMAT_SOURCE})`, undefined);
        const parent = this.contexts[this.depth - 1] as number;
        const rec = this.target(parent);
        const def = this.field;
        if (rec !== undefined && def !== undefined && def.kind !== 'text' && def.list !== true) rec[def.parsedKey] = -1;
        this.markSeen(parent, (this.field as FieldDef).bit);
        this.fieldDepth = -1;
        this.field = undefined;
        this.depth--;
        continue;
      }
      this.close();
    }
    if (!this.rootSeen) throw notARegister('the source has no root element');
    if (this.schets === 0) this.malformed('SCHET', this.parser.line, `ZL_LIST: нет обязательного элемента SCHET (${FORMAT_SOURCE})`, undefined);
  }

  private malformed(element: string, line: number, message: string, value: string | undefined): void {
    const m: RegistryMalformed = { kind: 'malformed', line, element, message };
    if (value !== undefined) m.value = shorten(value);
    if (this.sank?.sCode !== undefined) m.sCode = this.sank.sCode;
    if (this.inRecord) this.pending.push(m);
    else this.emit(m);
  }

  private flush(nZap: string | undefined, idcase: string | undefined): void {
    for (const m of this.pending) {
      if (nZap !== undefined) m.nZap = nZap;
      if (idcase !== undefined) m.idcase = idcase;
      this.emit(m);
    }
    this.pending = [];
  }

  private open(tag: { readonly name: string }): void {
    const parent = this.contexts[this.depth] as number;
    const name = tag.name;
    let ctx = OTHER;
    if (parent !== OTHER && parent !== FIELD) ctx = this.enter(parent, name);
    this.contexts[++this.depth] = ctx;
  }

  private enter(parent: number, name: string): number {
    const line = this.parser.line;
    switch (parent) {
      case DOC:
        if (this.rootSeen) return this.enter(ROOT, name); // after a stray close tag: read on as in ZL_LIST
        if (name !== 'ZL_LIST') throw notARegister(`the root element is <${name}>, not <ZL_LIST> of a register of invoices`);
        this.rootSeen = true;
        return ROOT;
      case ROOT:
        if (name === 'ZAP') {
          this.inRecord = true;
          this.nZap = undefined;
          this.prNov = undefined;
          this.seenZap = 0;
          return ZAP;
        }
        if (name === 'SCHET') {
          this.schets++;
          this.inRecord = true;
          this.seen = 0;
          this.schet = newSchet(line, this.header);
          if (this.schets > 1) this.malformed('SCHET', line, `ZL_LIST: элемент SCHET повторён; в файле один счёт (${FORMAT_SOURCE})`, undefined);
          return SCHET;
        }
        if (name === 'ZGLV') {
          this.seen = 0;
          return ZGLV;
        }
        return OTHER;
      case ZAP:
        if (name === 'Z_SL') {
          if (this.current !== undefined) this.malformed('Z_SL', line, `ZAP: элемент Z_SL повторён (${FORMAT_SOURCE})`, undefined);
          this.current = newCase(line);
          this.current.nZap = this.nZap;
          if (this.prNov !== undefined) this.current.prNov = this.prNov;
          this.seenCase = 0;
          return ZSL;
        }
        return this.leaf(ZAP, name, line);
      case ZSL:
        if (name === 'SL') {
          this.sl = newSl(line);
          this.seenSub = 0;
          return SL;
        }
        if (name === 'SANK') {
          this.sank = newSank(line);
          this.seenSub = 0;
          return SANK;
        }
        return this.leaf(ZSL, name, line);
      default:
        return this.leaf(parent, name, line);
    }
  }

  private leaf(parent: number, name: string, line: number): number {
    const def = FIELDS[parent]?.get(name);
    if (def === undefined) return OTHER;
    this.field = def;
    this.fieldName = name;
    this.fieldLine = line;
    this.fieldDepth = this.depth + 1;
    this.text = '';
    return FIELD;
  }

  private close(): void {
    const ctx = this.contexts[this.depth] as number;
    if (ctx === FIELD) {
      const parent = this.contexts[this.depth - 1] as number;
      this.store(parent, this.field as FieldDef, this.text.trim());
      this.fieldDepth = -1;
      this.field = undefined;
    } else if (ctx > DOC) {
      this.finish(ctx);
    }
    this.depth--;
  }

  private target(parent: number): Record<string, unknown> | undefined {
    switch (parent) {
      case ZGLV:
        return this.header as Record<string, unknown>;
      case SCHET:
        return this.schet;
      case ZSL:
        return this.current;
      case SL:
        return this.sl;
      case SANK:
        return this.sank;
      default:
        return undefined;
    }
  }

  private store(parent: number, def: FieldDef, value: string): void {
    const name = this.fieldName;
    const line = this.fieldLine;
    if (parent === ZAP) {
      if (def.key === 'nZap') {
        if (this.nZap !== undefined) this.malformed(name, line, `ZAP: элемент ${name} повторён (${FORMAT_SOURCE})`, value);
        this.nZap = value;
        if (this.current !== undefined) this.current.nZap = value;
      } else {
        this.prNov = value;
        if (this.current !== undefined) this.current.prNov = value;
      }
      this.seenZap |= def.bit;
      return;
    }
    const rec = this.target(parent);
    if (rec === undefined) return;
    const seen = parent === SL || parent === SANK ? this.seenSub : parent === ZSL ? this.seenCase : this.seen;
    if (def.list === true) {
      (rec[def.key] as string[]).push(value);
      return;
    }
    if ((seen & def.bit) !== 0) {
      this.malformed(name, line, `${NAMES[parent] ?? ''}: элемент ${name} повторён (${FORMAT_SOURCE})`, value);
      return;
    }
    this.markSeen(parent, def.bit);
    if (value.length === 0 && !def.required) return; // an empty optional element is absent
    rec[def.key] = value;
    const kind = def.kind;
    if (kind === 'text') return;
    if (kind === 'money') {
      const k = parseKopecks(value);
      if (k < 0) {
        this.malformed(name, line, `${name}: ожидалась сумма — неотрицательное десятичное число с точкой, не более 15 цифр и 2 знаков после точки, получено ${JSON.stringify(shorten(value))} (${FORMAT_SOURCE})`, value);
      }
      rec[def.parsedKey] = k;
      return;
    }
    if (kind === 'date') {
      const ok = isIsoDate(value);
      if (!ok) this.malformed(name, line, `${name}: ожидалась дата ГГГГ-ММ-ДД, получено ${JSON.stringify(shorten(value))} (${FORMAT_SOURCE})`, value);
      if (ok && parent === SANK && this.sank !== undefined && def.key === 'dateAct') this.sank.dateOk = value;
      if (ok && parent === ZSL && this.current !== undefined && def.key === 'dateZ2') this.current.dateZ2Ok = value;
      return;
    }
    if (kind === 'code') {
      if (value.length < 1 || value.length > 36) {
        this.malformed(name, line, `${name}: ожидалась строка от 1 до 36 символов, получено ${JSON.stringify(shorten(value))} (${FORMAT_SOURCE})`, value);
      }
      return;
    }
    if (kind === 'count') {
      const n = /^\d{1,9}$/.test(value) ? Number(value) : -1;
      if (n < 0) this.malformed(name, line, `${name}: ожидалось целое неотрицательное число, получено ${JSON.stringify(shorten(value))} (${FORMAT_SOURCE})`, value);
      else {
        this.sdZ = n;
        this.sdZLine = line;
      }
      return;
    }
    const n = parseSmallInt(value, kind.max);
    if (n < 0) this.malformed(name, line, `${name}: ожидалось целое число от 0 до ${kind.max}, получено ${JSON.stringify(shorten(value))} (${FORMAT_SOURCE})`, value);
    rec[def.parsedKey] = n;
  }

  private markSeen(parent: number, bit: number): void {
    if (parent === SL || parent === SANK) this.seenSub |= bit;
    else if (parent === ZSL) this.seenCase |= bit;
    else if (parent === ZAP) this.seenZap |= bit;
    else this.seen |= bit;
  }

  private missing(parent: number, seen: number, line: number): void {
    const required = REQUIRED[parent] as number;
    if ((seen & required) === required) return;
    const fields = FIELDS[parent];
    if (fields === undefined) return;
    for (const [name, def] of fields) {
      if (def.required && (seen & def.bit) === 0) this.malformed(name, line, `${NAMES[parent] ?? ''}: нет обязательного элемента ${name} (${FORMAT_SOURCE})`, undefined);
    }
  }

  private finish(ctx: number): void {
    switch (ctx) {
      case SL: {
        const sl = this.sl as SlRec;
        this.missing(SL, this.seenSub, sl.line);
        this.current?.sl.push(sl);
        this.sl = undefined;
        return;
      }
      case SANK: {
        const sank = this.sank as SankRec;
        this.missing(SANK, this.seenSub, sank.line);
        this.sank = undefined;
        this.current?.sank.push(sank);
        return;
      }
      case ZSL: {
        const c = this.current as CaseRec;
        this.missing(ZSL, this.seenCase, c.line);
        if (c.sl.length === 0) this.malformed('SL', c.line, `Z_SL: нет обязательного элемента SL (${FORMAT_SOURCE})`, undefined);
        this.cases++;
        this.flush(c.nZap, c.idcase);
        this.emit(c);
        return;
      }
      case ZAP: {
        this.missing(ZAP, this.seenZap, this.current?.line ?? this.parser.line);
        if (this.current === undefined) this.malformed('Z_SL', this.parser.line, `ZAP: нет обязательного элемента Z_SL (${FORMAT_SOURCE})`, undefined);
        this.flush(this.nZap, this.current?.idcase);
        this.current = undefined;
        this.inRecord = false;
        return;
      }
      case SCHET: {
        const s = this.schet as SchetRec;
        this.missing(SCHET, this.seen, s.line);
        this.flush(undefined, undefined);
        this.inRecord = false;
        this.emit(s);
        this.schet = undefined;
        return;
      }
      default:
        return;
    }
  }
}
