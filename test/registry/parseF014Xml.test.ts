/**
 * The classifier F014 as the Federal fund publishes it (packet/zglv/zap, dates dd.MM.yyyy, Osn
 * with a trailing dot, K_NO and K_SH 0 for none): the same rows as the built-in copy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditRegistry, isOmsCalcError, parseF014Xml } from '../../src/registry';
import { builtinF014 } from '../../src/sanctions';

const csv = readFileSync(join(import.meta.dirname, '..', '..', '..', 'shared', 'reference', 'f014-2021-05-25.csv'), 'utf8');

/** The 71 rows of the reference file written as the published XML. */
function publishedXml(rows = csv.trim().split('\n').slice(1)): string {
  const dmy = (iso: string): string => (iso === '' ? '' : `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`);
  const zaps = rows.map((line) => {
    const [kod, osn, beg, end, kno, ksh] = line.split(';') as [string, string, string, string, string, string];
    return `<zap><Kod>${kod}</Kod><IDVID>1</IDVID><Naim>Основание ${osn}</Naim><Osn>${osn}.</Osn><Komment/><KodPG>${osn}</KodPG><DATEBEG>${dmy(beg)}</DATEBEG><DATEEND>${dmy(end)}</DATEEND><K_NO>${kno}</K_NO><K_SH>${ksh}</K_SH></zap>`;
  });
  return `<?xml version="1.0" encoding="windows-1251"?>\n<packet>\n<zglv><type>NSI</type><version>4.3</version><date>25.05.2021</date></zglv>\n${zaps.join('\n')}\n</packet>\n`;
}

const issuesOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (e) {
    if (isOmsCalcError(e)) return [e.code, ...e.issues.map((i) => i.message)];
    throw e;
  }
  return [];
};

describe('parseF014Xml', () => {
  it('gives the rows of the built-in copy: Kod, point without the dot, ISO dates, 0 → null', () => {
    const t = parseF014Xml(publishedXml());
    expect(t.entries).toHaveLength(71);
    const strip = (e: (typeof t.entries)[number]): unknown[] => [e.kod, e.osn, e.dateBeg, e.dateEnd, e.kno?.toString() ?? null, e.ksht?.toString() ?? null, e.section];
    expect(t.entries.map(strip)).toEqual(builtinF014.entries.map(strip));
    expect(t.entries[0]?.title).toBe('Основание 1.1');
  });

  it('a closed period (DATEEND) and a new Kod for the same point are looked up by DATE_ACT', async () => {
    const t = parseF014Xml(
      '<packet><zglv/><zap><Kod>43</Kod><Osn>3.2.</Osn><DATEBEG>01.01.2015</DATEBEG><DATEEND>24.05.2021</DATEEND><K_NO>0,5</K_NO><K_SH>0</K_SH></zap>' +
        '<zap><Kod>256</Kod><Osn>3.2.2.</Osn><DATEBEG>25.05.2021</DATEBEG><DATEEND/><K_NO>0.4</K_NO><K_SH>0.3</K_SH></zap></packet>',
    );
    expect(t.entries.map((e) => [e.kod, e.osn, e.dateEnd, e.kno?.toString()])).toEqual([
      [43, '3.2', '2021-05-24', '0.5'],
      [256, '3.2.2', undefined, '0.4'],
    ]);
    const xml = (kod: number, date: string): string =>
      `<ZL_LIST><SCHET><SUMMAV>1000</SUMMAV><SANK_EKMP>500</SANK_EKMP></SCHET><ZAP><N_ZAP>1</N_ZAP><Z_SL><IDCASE>1</IDCASE><SL><SL_ID>1</SL_ID><SUM_M>1000</SUM_M></SL><SUMV>1000</SUMV><OPLATA>3</OPLATA><SUMP>500</SUMP>` +
      `<SANK><S_CODE>1</S_CODE><S_SUM>500</S_SUM><S_TIP>70</S_TIP><S_OSN>${kod}</S_OSN><DATE_ACT>${date}</DATE_ACT></SANK><SANK_IT>500</SANK_IT></Z_SL></ZAP></ZL_LIST>`;
    // Kod 43 on 2021-03-01: п. 3.2, K_NO 0.5 → 1000 × 0.5 = 500 (checked with F014's K_NO; the 2025 table has no 3.2)
    const old = await auditRegistry([xml(43, '2021-03-01')], { f014: t, coefficients: 'f014', controlTypes: [{ tip: 70, class: 'EKMP', dateBeg: '2011-01-01' }] });
    expect(old.findings).toEqual([]);
    // the same Kod after its DATEEND is unknown
    const late = await auditRegistry([xml(43, '2025-07-01')], { f014: t });
    expect(late.findings.map((f) => f.rule)).toEqual(['UNKNOWN_OSN']);
  });

  it('broken XML, a file that is not F014, and a bad row are INVALID_INPUT naming the row and its line', () => {
    expect(issuesOf(() => parseF014Xml('<packet><zap><Kod>1</Kod></packet>'))[0]).toBe('INVALID_INPUT');
    expect(issuesOf(() => parseF014Xml('<root/>'))).toEqual(['INVALID_INPUT', 'no packet/zap rows: not the F014 classifier file']);
    const bad = issuesOf(() => parseF014Xml('<packet>\n<zap><Kod>205</Kod><Osn>1.4.2.</Osn><DATEBEG>25.05.2021</DATEBEG><K_NO>2</K_NO></zap>\n</packet>'));
    expect(bad).toEqual(['INVALID_INPUT', 'zap 1 (line 2): must be at most 1, got 2']);
    expect(issuesOf(() => parseF014Xml(42 as never))).toEqual(['INVALID_INPUT', 'expected the text of the F014 XML file (a string)']);
    expect(issuesOf(() => parseF014Xml('<!DOCTYPE packet [<!ENTITY x "1">]><packet><zap><Kod>&x;</Kod></zap></packet>'))[0]).toBe('INVALID_INPUT');
  });
});
